import Foundation
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

    @Test("a web archive's copy is the archived outlet's page")
    func archivedPages() {
        let normalizer = SourceNormalizer()
        #expect(normalizer.name(forURL: "https://web.archive.org/web/20190717140047/http://www.japantimes.co.jp/news/a") == "The Japan Times")
        #expect(normalizer.name(forURL: "http://web.archive.org/web/20160330101229id_/https://muffins.example/rezept/") == "muffins.example")
        #expect(normalizer.name(forURL: "https://web.archive.org/web/2014/harbour.example/2013/08/07/story") == "harbour.example")
        #expect(normalizer.name(forURL: "https://web.archive.org/details/texts") == "web.archive.org")
        #expect(normalizer.name(forURL: "https://news.example/web.archive.org/web/1/x.example/") == "news.example")
    }

    /// "politico.com" and "politico.eu" strip to one key; which name it held followed the dictionary's
    /// order, which changes from process to process, so a page's source changed between two runs.
    @Test("a key two outlets share goes to the outlet spelled that way, in every process")
    func sharedKey() {
        let normalizer = SourceNormalizer()
        #expect(normalizer.canonical("POLITICO") == "Politico")
        #expect(normalizer.canonical("Politico") == "Politico")
        #expect(normalizer.canonical("https://www.politico.eu/article/x") == "Politico Europe")
        #expect(normalizer.canonical("https://www.politico.com/news/x") == "Politico")
        #expect(normalizer.canonical("Politico Europe") == "Politico Europe")
    }

    /// The keys are written out in `KnownOutlets.byKey` so that no process works them out; this is
    /// the working out, in the order that settles shared keys. On a change to the outlet table, paste
    /// the table this test prints.
    @Test("the written-out outlet keys are the keys of the outlet table, with its precedence")
    func writtenOutKeys() {
        var table: [String: String] = [:]
        for (host, name) in KnownOutlets.byHost.sorted(by: { $0.key < $1.key }) where table[SourceNormalizer.key(host)] == nil {
            table[SourceNormalizer.key(host)] = name
        }
        for name in Set(KnownOutlets.byHost.values).sorted() { table[SourceNormalizer.key(name)] = name }
        for (alias, name) in KnownOutlets.extraNames.sorted(by: { $0.key < $1.key }) { table[SourceNormalizer.key(alias)] = name }
        table = table.filter { !$0.key.isEmpty }
        let written = table.sorted { $0.key < $1.key }.map { "        \"\($0.key)\": \"\($0.value)\",\n" }.joined()
        #expect(KnownOutlets.byKey == table, "KnownOutlets.byKey should be:\n\(written)")
    }

    @Test("an alias spelled like another canonical name does not take that name's key")
    func aliasCollidingWithCanonical() {
        let normalizer = SourceNormalizer(aliases: ["Harbor": "Harbor Gazette", "harbor.example": "Harbor", "HG": "Harbor Gazette"])
        #expect(normalizer.canonical("Harbor") == "Harbor")
        #expect(normalizer.canonical("HG") == "Harbor Gazette")
        #expect(normalizer.canonical("Harbor Gazette") == "Harbor Gazette")
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

    /// ASCII names skip Foundation's folding: that is right only if folding leaves every ASCII
    /// character as it is, and names with diacritics must still fold.
    @Test("ASCII needs no folding; diacritics still fold")
    func asciiFolding() {
        let ascii = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        #expect(ascii.folding(options: [.diacriticInsensitive], locale: nil) == ascii)
        #expect(SourceNormalizer.key("Süddeutsche Zeitung") == "suddeutschezeitung")
        #expect(SourceNormalizer.key("Le Monde Diplomatique") == SourceNormalizer.key("Le Mondé Diplomatique"))
    }

    /// Answers are remembered per name and per URL authority; remembered answers must be the ones
    /// worked out fresh, whatever the path, the case or the thread.
    @Test("remembered answers equal fresh ones, across threads")
    func remembered() async {
        let shared = SourceNormalizer(aliases: ["Harbor Gazette": "The Harbor Gazette"])
        let urls = (0..<400).map { index in
            [
                "https://www.japantimes.co.jp/news/\(index)", "HTTPS://WWW.JAPANTIMES.CO.JP/opinion?id=\(index)",
                "https://harborgazette.example/\(index)", "https://x\(index % 7).example.net/a#b", "ftp://nohost/\(index)",
                "https://localhost:8080/\(index)",
            ][index % 6]
        }
        let names = (0..<400).map { ["Japan Times", "harbor gazette", "  ", "Gazette \(($0 % 5))", "the japan  times"][$0 % 5] }
        let fresh = (urls.map { SourceNormalizer(aliases: ["Harbor Gazette": "The Harbor Gazette"]).name(forURL: $0) },
            names.map { SourceNormalizer(aliases: ["Harbor Gazette": "The Harbor Gazette"]).canonical($0) })
        #expect(fresh.0[0] == "The Japan Times")
        #expect(fresh.0[1] == "The Japan Times")
        #expect(fresh.1[1] == "The Harbor Gazette")
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    urls.map { shared.name(forURL: $0) } == fresh.0 && names.map { shared.canonical($0) } == fresh.1
                }
            }
            for await agreed in group { #expect(agreed) }
        }
    }
}

/// An ASCII address's part before its path, found over bytes, is the one the Character walk finds.
@Suite struct URLAuthorityTests {
    @Test func byteSearchAgreesWithCharacterSearch() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["https", "://", ":", "/", "//", "?", "#", "a.example", "www.", "web.archive.org", "\r\n", " ", "x"]
        for _ in 0..<10_000 {
            let url = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = url.range(of: "://").map { scheme in
                url[..<(url[scheme.upperBound...].firstIndex { "/?#".contains($0) } ?? url.endIndex)]
            }
            let found = SourceNormalizer.asciiAuthority(in: url)
            #expect(found != nil, "\(url.debugDescription)")
            #expect(found.flatMap { $0 }.map(String.init) == expected.map(String.init), "\(url.debugDescription)")
        }
        #expect(SourceNormalizer.asciiAuthority(in: "https://é.example/a") == nil)
    }
}
