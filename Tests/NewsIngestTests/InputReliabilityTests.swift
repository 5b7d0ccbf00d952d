import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

/// Input that is ordinary somewhere (Windows line ends, "Unicode" text files, a stray NUL, a date no
/// calendar has, a record of 50 MB) goes in as the article it is, and what was changed is said.
@Suite("Input reliability")
struct InputReliabilityTests {
    // MARK: line ends

    @Test("CR LF and CR-only text files have paragraphs, not one line", arguments: ["\r\n", "\r"])
    func lineEnds(end: String) {
        let text = ["Port strike ends", "", "The strike ended on Friday.", "", "Talks went on for nine days."]
            .joined(separator: end)
        let report = Ingestor().extract(data: Data(text.utf8), path: "a.txt")
        #expect(report.title == "Port strike ends")
        #expect(report.body == "The strike ended on Friday.\n\nTalks went on for nine days.")
    }

    @Test("front matter written with CR LF is read")
    func frontMatterCRLF() {
        let text = "---\r\ntitle: Harbour talks\r\ndate: 2025-01-02\r\nsource: Kelby Post\r\n---\r\nThe talks resumed.\r\n"
        let report = Ingestor().extract(data: Data(text.utf8), path: "a.md")
        #expect(report.title == "Harbour talks")
        #expect(report.date?.description == "2025-01-02")
        #expect(report.source == "Kelby Post")
        #expect(report.body == "The talks resumed.")
    }

    @Test("a JSON Lines body with CR LF paragraphs keeps them apart")
    func jsonlCRLF() {
        let line = #"{"id":"x","title":"T","body":"First paragraph.\r\n\r\nSecond paragraph."}"#
        let report = Ingestor().extract(data: Data(line.utf8), path: "d.jsonl")
        #expect(report.body == "First paragraph.\n\nSecond paragraph.")
    }

    @Test("a JSON Lines record with Latin-1 bytes goes in, its UTF-8 kept, with a note")
    func latin1Record() {
        var line = Data(#"{"id":"l1","title":"Caf"#.utf8) + Data([0xE9]) + Data(#" prices","body":"Lyon caf"#.utf8)
        line += Data([0xE9]) + Data("s rose in März.\"}".utf8)
        let report = Ingestor().extract(data: line, path: "d.jsonl")
        #expect(report.skipped == nil)
        #expect(report.title == "Café prices")
        #expect(report.body == "Lyon cafés rose in März.")
        #expect(report.notes == ["2 bytes not UTF-8: read as windows-1252"])
    }

    static let bytePieces: [[UInt8]] = [[0x61], [0x20], [0xC3, 0xA9], [0xE6, 0x97, 0xA5], [0xF0, 0x9F, 0x98, 0x80], [0xE9], [0x80], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF]]
    static let mixedBytes = Gen<[UInt8]?>.element(of: bytePieces).map { $0! }.array(of: 0...20).map { $0.flatMap { $0 } }

    @Test("mixed decoding is the identity on UTF-8; otherwise the bytes that are not UTF-8 are counted and the rest kept")
    func mixedDecodingProperty() async {
        await propertyCheck(count: 2_000, input: Self.mixedBytes) { bytes in
            let (text, foreign) = TextDecoding.mixed(Data(bytes))
            let strict = String(bytes: bytes, encoding: .utf8)
            #expect((foreign == 0) == (strict != nil), "\(bytes)")
            if let strict { #expect(text == strict) }
            // Whatever came before, well-formed text after a space survives, and adds no foreign byte.
            let (longer, foreignLonger) = TextDecoding.mixed(Data(bytes + Array(" 日本 é".utf8)))
            #expect(longer.hasSuffix(" 日本 é") && longer.hasPrefix(text) && foreignLonger == foreign, "\(bytes)")
        }
    }

    static let lineEndPieces = ["a", "word", " ", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\0", "é", "日本", "😀", "e\u{301}"]
    static let messyText = Gen<String?>.element(of: lineEndPieces).map { $0! }.array(of: 0...30).map { $0.joined() }

    @Test("normalising keeps every other character, in order, and leaves no CR, NUL or separator")
    func normalisationProperty() async {
        await propertyCheck(count: 2_000, input: Self.messyText) { input in
            let (output, removed) = InputText.normalized(input)
            let breaks: Set<UInt32> = [0x0A, 0x0D, 0x85, 0x2028, 0x2029, 0x00]
            #expect(!output.unicodeScalars.contains { [0x0D, 0x00, 0x85, 0x2028, 0x2029].contains($0.value) })
            #expect(output.unicodeScalars.filter { !breaks.contains($0.value) }.map(\.value)
                == input.unicodeScalars.filter { !breaks.contains($0.value) }.map(\.value))
            #expect(removed == input.unicodeScalars.filter { $0.value == 0 }.count)
            // As many line ends as the input had, counting CR LF once (a NUL between them aside) and
            // U+2029 (a paragraph) twice.
            let scalars = Array(input.unicodeScalars.filter { $0.value != 0 })
            let crlf = scalars.indices.dropLast().filter { scalars[$0] == "\r" && scalars[$0 + 1] == "\n" }.count
            let expected = scalars.reduce(0) { count, scalar in
                count + ([0x0A, 0x0D, 0x85, 0x2028].contains(scalar.value) ? 1 : scalar.value == 0x2029 ? 2 : 0)
            } - crlf
            #expect(output.unicodeScalars.filter { $0 == "\n" }.count == expected, "\(input.debugDescription)")
        }
    }

    // MARK: encodings

    @Test("UTF-16 and UTF-32 text files are decoded, with or without a byte-order mark",
        arguments: [
            ("UTF-16LE BOM", String.Encoding.utf16LittleEndian, [UInt8]([0xFF, 0xFE])),
            ("UTF-16BE BOM", .utf16BigEndian, [0xFE, 0xFF]),
            ("UTF-16LE", .utf16LittleEndian, []),
            ("UTF-16BE", .utf16BigEndian, []),
            ("UTF-32LE BOM", .utf32LittleEndian, [0xFF, 0xFE, 0x00, 0x00]),
        ])
    func wideEncodings(name: String, encoding: String.Encoding, bom: [UInt8]) throws {
        let text = "Čapek visits Tokyo\r\n\r\nThe writer’s visit was announced on Monday.\r\n"
        let data = Data(bom) + (text.data(using: encoding) ?? Data())
        let report = Ingestor().extract(data: data, path: "unicode.txt")
        #expect(report.skipped == nil, "\(name)")
        #expect(report.title == "Čapek visits Tokyo", "\(name)")
        #expect(report.body == "The writer’s visit was announced on Monday.", "\(name)")
    }

    @Test("a UTF-16 HTML page without a BOM is read")
    func utf16HTML() {
        let page = "<html><head><title>Harbour talks resume</title></head><body><p>The talks resumed on Monday after a week.</p></body></html>"
        let report = Ingestor().extract(data: page.data(using: .utf16LittleEndian)!, path: "p.html")
        #expect(report.title == "Harbour talks resume")
        #expect(report.body.contains("The talks resumed on Monday"))
    }

    // MARK: NUL

    @Test("NUL in a JSON id, title or body is removed, nothing after it is lost, and a note says so")
    func nulInJSON() {
        let line = #"{"id":"a\u0000b","title":"Port\u0000 strike","body":"before\u0000 after and more"}"#
        let report = Ingestor().extract(data: Data(line.utf8), path: "d.jsonl")
        #expect(report.skipped == nil)
        #expect(report.id == "ab")
        #expect(report.title == "Port strike")
        #expect(report.body == "before after and more")
        #expect(report.notes == ["3 NUL characters removed (text never holds them)"])
        #expect(report.article?.notes == [IngestNote(location: "d.jsonl:1", message: "3 NUL characters removed (text never holds them)")])
    }

    @Test("NUL past the first block of a text file or page is removed, the text after it kept")
    func nulLateInFile() {
        let padding = String(repeating: "Words of a long opening paragraph. ", count: 300)
        let text = "Title here\n\n\(padding)\nbefore\0after\n"
        let report = Ingestor().extract(data: Data(text.utf8), path: "a.txt")
        #expect(report.body.hasSuffix("beforeafter"))
        #expect(report.notes.count == 1)
        let page = "<html><body><h1>Headline</h1><p>\(padding)</p><p>before\0after the NUL</p></body></html>"
        #expect(Ingestor().extract(data: Data(page.utf8), path: "p.html").body.contains("beforeafter the NUL"))
    }

    // MARK: dates

    @Test("an impossible date leaves the article undated, with a note", arguments: ["2025-02-30", "0000-00-00", "2025-13-01", "yesterday"])
    func impossibleDate(date: String) {
        let line = #"{"id":"x","title":"T","body":"Body text.","date":"\#(date)"}"#
        let result = Ingestor().read(data: Data(line.utf8), path: "d.jsonl")
        #expect(result.skipped.isEmpty)
        #expect(result.articles.first?.date == nil)
        #expect(result.notes.map(\.message) == ["date '\(date)' is not a real date (YYYY, YYYY-MM or YYYY-MM-DD): indexed undated"])
        let markdown = "---\ntitle: T\ndate: \(date)\n---\nBody text.\n"
        let report = Ingestor().extract(data: Data(markdown.utf8), path: "a.md")
        #expect(report.skipped == nil)
        #expect(report.date == nil)
        #expect(report.notes.first?.hasPrefix("date '\(date)' is not a real date") == true)
    }

    @Test("a bad date field gives way to the dateline, and the note says which date was used")
    func impossibleDateWithDateline() {
        let markdown = "---\ntitle: T\ndate: 2025-02-30\n---\nMarch 3, 2025\n\nBody text of the story.\n"
        let report = Ingestor().extract(data: Data(markdown.utf8), path: "a.md")
        #expect(report.date?.description == "2025-03-03")
        #expect(report.notes == ["date '2025-02-30' is not a real date (YYYY, YYYY-MM or YYYY-MM-DD): dated 2025-03-03 from the header instead"])
    }

    // MARK: size

    @Test("a body over the limit is cut at a word, and the note gives both sizes")
    func bodyCut() {
        var ingestor = Ingestor()
        ingestor.maximumBodyBytes = 1_000
        let body = String(repeating: "alpha beta gamma ", count: 200)
        let line = #"{"id":"big","title":"Big","body":"\#(body)"}"#
        let report = ingestor.extract(data: Data(line.utf8), path: "d.jsonl")
        #expect(report.body.utf8.count <= 1_000)
        #expect(report.body.utf8.count > 800)
        #expect(report.body.hasSuffix("alpha") || report.body.hasSuffix("beta") || report.body.hasSuffix("gamma"))
        #expect(report.notes == ["body cut to its first 0 KB (it had 3 KB): the most text one article may hold"])
    }

    @Test("one enormous word is cut on a character boundary, and becomes no title longer than a headline")
    func enormousWord() {
        var ingestor = Ingestor()
        ingestor.maximumBodyBytes = 10_001
        let word = String(repeating: "日", count: 20_000)
        let report = ingestor.extract(data: Data(word.utf8), path: "w.txt")
        #expect(report.skipped == nil)
        #expect(report.title.count <= ArticleAssembler.headlineLimit + 1)
        #expect(report.body.utf8.count <= 10_001)
        #expect(report.body.allSatisfy { $0 == "日" })
        #expect(report.notes.count == 1)
    }

    @Test("a title of megabytes is cut")
    func hugeTitle() {
        let title = String(repeating: "headline ", count: 100_000)
        let line = #"{"id":"t","title":"\#(title)","body":"Body."}"#
        let report = Ingestor().extract(data: Data(line.utf8), path: "d.jsonl")
        #expect(report.title.utf8.count <= ArticleAssembler.maximumTitleBytes)
        #expect(report.notes.first?.hasPrefix("title cut") == true)
    }

    @Test("a raw-page field of megabytes is cut, the article kept")
    func hugeMetadata() {
        let html = String(repeating: "<div>page chrome</div>", count: 20_000)
        let line = #"{"id":"m","title":"T","body":"Body.","html":"\#(html)"}"#
        let report = Ingestor().extract(data: Data(line.utf8), path: "d.jsonl")
        #expect(report.metadata["html"].map { $0.utf8.count <= 64 << 10 } == true)
        #expect(report.notes == ["field 'html' cut to its first 64 KB (it had 429 KB)"])
    }

    @Test("a title with line breaks is one line")
    func multilineTitle() {
        let line = #"{"id":"m","title":"Port strike\n  ends\r\nafter talks","body":"Body."}"#
        #expect(Ingestor().extract(data: Data(line.utf8), path: "d.jsonl").title == "Port strike ends after talks")
    }

    // MARK: JSON documents

    @Test("a .json file holding an array of articles gives one article per element")
    func jsonArray() {
        let text = """
            [
              {"id": "a", "title": "First story", "body": "Body one.", "date": "2025-04-01"},
              {"id": "b", "title": "Second story", "body": "Body two."},
              "not an object",
              {"title": "Third story", "text": "Body three."}
            ]
            """
        let result = Ingestor().read(data: Data(text.utf8), path: "export.json")
        #expect(result.articles.map(\.title) == ["First story", "Second story", "Third story"])
        #expect(result.articles.first?.date?.description == "2025-04-01")
        #expect(result.skipped == [SkippedRecord(location: "export.json [3]", reason: "a JSON Lines record must be an object")])
        // Found by content too, whatever the file is called.
        #expect(Ingestor().read(data: Data(text.utf8), path: "export").articles.count == 3)
    }

    @Test("one pretty-printed JSON object is one article, not a line of errors each")
    func prettyObject() {
        let text = "{\n  \"id\": \"p\",\n  \"title\": \"Pretty\",\n  \"body\": \"Spread over lines.\"\n}\n"
        let result = Ingestor().read(data: Data(text.utf8), path: "one.json")
        #expect(result.articles.map(\.id) == ["p"])
        #expect(result.skipped.isEmpty)
    }

    @Test("a JSON Lines dump whose first line is bad is still read line by line")
    func badFirstLine() {
        let text = "{broken\n{\"id\":\"x\",\"title\":\"T\",\"body\":\"B\"}\n"
        let result = Ingestor().read(data: Data(text.utf8), path: "d.json")
        #expect(result.articles.map(\.id) == ["x"])
        #expect(result.skipped.map(\.location) == ["d.json:1"])
    }

    // MARK: titles

    static let story = "<p>The strike at the container port ended on Friday after nine days of talks between the union and the operators.</p>"

    @Test("a generic or site-named <title> gives way to the headline", arguments: [
        "<title>Page</title>", "<title>Home</title>", "<title>Untitled document</title>",
        "<title>Harbour Gazette</title><meta property=\"og:site_name\" content=\"Harbour Gazette\">",
        "<title>harbourgazette.example</title>",
        "<title>Port strike ends after nine days | Harbour Gazette</title>",
    ])
    func genericTitle(head: String) {
        let page = "<html><head>\(head)</head><body><h1>Port strike ends after nine days</h1>\(Self.story)</body></html>"
        #expect(Ingestor().extract(data: Data(page.utf8), path: "p.html").title == "Port strike ends after nine days")
    }

    @Test("the site's logo in an <h1> is not the headline")
    func logoHeading() {
        let page = """
            <html><head><title>Page</title></head><body><header><h1 class="logo">Harbour Gazette</h1></header>
            <article><h1>Port strike ends after nine days</h1>\(Self.story)</article></body></html>
            """
        #expect(Ingestor().extract(data: Data(page.utf8), path: "p.html").title == "Port strike ends after nine days")
    }

    @Test("og:title and JSON-LD headline still win over the <h1>")
    func metadataTitle() {
        let page = """
            <html><head><title>Page</title><meta property="og:title" content="Strike over at Kelby port">
            </head><body><h1>Port strike ends</h1>\(Self.story)</body></html>
            """
        #expect(Ingestor().extract(data: Data(page.utf8), path: "p.html").title == "Strike over at Kelby port")
    }
}
