import Testing

@testable import NewsIngest

@Suite("Sources")
struct SourceNormalizerTests {
    @Test(
        "spellings of one outlet become one value",
        arguments: [
            "The Japan Times", "Japan Times", "japantimes.co.jp", "www.japantimes.co.jp",
            "https://www.japantimes.co.jp/news/2025/04/10/x/", "  the  japan times ",
        ])
    func japanTimes(spelling: String) {
        #expect(SourceNormalizer().canonical(spelling) == "The Japan Times")
    }

    @Test("hosts map to names; unknown hosts stay hosts; unknown names keep their spelling")
    func hosts() {
        let normalizer = SourceNormalizer()
        #expect(normalizer.canonical("https://jp.reuters.com/article/x") == "Reuters")
        #expect(normalizer.canonical("news.example.org") == "news.example.org")
        #expect(normalizer.canonical("Harbor   Gazette") == "Harbor Gazette")
        #expect(normalizer.canonical("   ") == nil)
    }

    @Test("the aliases file maps spellings to one canonical name")
    func aliases() throws {
        let text = """
            # source-aliases.txt
            JT = The Japan Times

            Yomiuri = The Japan News
            harborgazette.example = The Harbor Gazette
            """
        let normalizer = try SourceNormalizer(aliasesText: text)
        #expect(normalizer.canonical("JT") == "The Japan Times")
        #expect(normalizer.canonical("yomiuri") == "The Japan News")
        #expect(normalizer.canonical("japannews.yomiuri.co.jp") == "The Japan News")
        #expect(normalizer.canonical("https://harborgazette.example/a") == "The Harbor Gazette")
        #expect(normalizer.canonical("Harbor Gazette") == "The Harbor Gazette")
    }

    @Test("a line without '=' names its number")
    func badLine() {
        #expect(throws: IngestError.badAliasLine(number: 2, text: "Japan Times")) {
            try SourceNormalizer(aliasesText: "JT = The Japan Times\nJapan Times\n")
        }
        #expect(
            IngestError.badAliasLine(number: 2, text: "Japan Times").description
                == "source aliases line 2: 'Japan Times' is not 'alias = Canonical Name'")
    }

    @Test("the key ignores case, 'The', punctuation and domain suffixes")
    func key() {
        #expect(SourceNormalizer.key("The Japan Times") == "japantimes")
        #expect(SourceNormalizer.key("japantimes.co.jp") == "japantimes")
        #expect(SourceNormalizer.key("Journal de l'Estuaire") == "journaldelestuaire")
    }
}
