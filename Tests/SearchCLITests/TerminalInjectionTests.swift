import Foundation
import NewsSearchTestSupport
import Testing

/// Article text, ids, paths and queries never reach a terminal as control sequences: every command's
/// human-readable output shows them escaped, with or without colour; `--json` keeps the data as is.
@Suite struct TerminalInjectionTests {
    static let esc = "\u{1B}"
    /// Recolour, retitle (OSC … BEL), clear screen, a C1 CSI, a carriage return and a bidi override.
    static let payload = "\(esc)[31mRED \(esc)]0;pwned\u{07} \(esc)[2J \u{9B}1m back\rspoof \u{202E}desrever\u{2066}"

    static var jsonl: String {
        let escaped = payload.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
        return """
            {"id": "evil\(escaped)", "title": "Harbour \(escaped) report", "body": "The harbour authority said \(escaped) cargo rose.\\n\\nSecond paragraph about the harbour.", "date": "2025-04-10", "source": "Evil \(escaped) Wire", "url": "https://example.test/\(escaped)", "authors": ["Ann \(escaped)"], "actors": ["Mallory \(escaped)"]}
            {"id": "two\\nlines", "title": "Harbour\\n  2. Fake hit\\tline", "body": "The harbour again.", "date": "2025-04-12", "source": "Line\\nWire"}
            {"id": "plain", "title": "Harbour figures", "body": "The harbour handled more cargo.", "date": "2025-04-11", "source": "Plain Wire"}

            """
    }

    let binary: SearchBinary
    let corpus: CorpusFixture

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        try corpus.write(Self.jsonl, to: "evil/feed.jsonl")
        try corpus.write("not json\n", to: "evil/bad\(Self.esc)]0;name\u{07}.jsonl")
        try corpus.write("---\ntitle: T \(Self.payload)\nsource: S \(Self.payload)\n---\nBody \(Self.payload) harbour.\n",
            to: "evil/article\(Self.esc)[31m.md")
    }

    var index: [String] { ["--index", corpus.indexPath] }
    var evil: String { corpus.folder.appendingPathComponent("evil").path }

    /// Only our own colours may appear: ESC followed by one of the SGR codes ``Style`` writes.
    static func expectSafe(_ text: String, _ what: String, colour: Bool, sourceLocation: SourceLocation = #_sourceLocation) {
        var rest = Substring(text)
        let allowed = ["[0m", "[1m", "[2m", "[1;33m", "[1;36m"]
        while let range = rest.range(of: esc) {
            let after = rest[range.upperBound...]
            #expect(colour && allowed.contains { after.hasPrefix($0) }, "\(what): raw ESC before \(after.prefix(12).debugDescription)",
                sourceLocation: sourceLocation)
            rest = after
        }
        for bad in ["\u{07}", "\u{9B}", "\r", "\u{202E}", "\u{2066}"] {
            #expect(!text.contains(bad), "\(what): raw \(bad.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    func run(_ arguments: [String], input: String? = nil) throws -> SearchBinary.Result {
        try binary.run(arguments, in: corpus.folder, input: input)
    }

    @Test func everyCommandEscapesControlCharacters() throws {
        let indexed = try run(["index"] + index + [evil])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        #expect(indexed.stdout.contains("\\x1b]0;name\\x07"), "\(indexed.stdout)")
        Self.expectSafe(indexed.stdout + indexed.stderr, "index", colour: false)
        let md = corpus.folder.appendingPathComponent("evil/article\(Self.esc)[31m.md").path
        let cases: [(String, [String], String?)] = [
            ("query", ["harbour"] + index, nil),
            ("query echo", ["harbour \(Self.payload)"] + index, nil),
            ("suggestion", ["harbor\(Self.esc)[31m"] + index, nil),
            ("show", ["show"] + index + ["evil" + Self.payload], nil),
            ("show missing", ["show"] + index + ["missing" + Self.payload], nil),
            ("actors", ["actors"] + index, nil),
            ("stats", ["stats"] + ["--index", corpus.folder.appendingPathComponent("i\(Self.esc)[31m.sqlite").path], nil),
            ("analyze", ["analyze", Self.payload], nil),
            ("analyze stdin", ["analyze", "-"], Self.payload),
            ("extract", ["extract", md], nil),
            ("extract stdin", ["extract", "--format", "jsonl", "-"], Self.jsonl),
            ("extract missing", ["extract", md + "x"], nil),
            ("index skip", ["index"] + index + [corpus.folder.appendingPathComponent("evil/bad\(Self.esc)]0;name\u{07}.jsonl").path], nil),
            ("bad option", ["harbour", "--limit", Self.payload] + index, nil),
        ]
        for (name, arguments, input) in cases {
            for colour in ["never", "always"] {
                let result = try run(arguments + ["--color", colour], input: input)
                #expect(result.status != 1 || name == "stats", "\(name): \(result.status) \(result.stderr)")
                Self.expectSafe(result.stdout + result.stderr, "\(name) --color \(colour)", colour: colour == "always")
            }
        }
        // What the article holds is still shown, escaped.
        let hit = try run(["harbour", "--color", "never"] + index).stdout
        #expect(hit.contains("Harbour \\x1b[31mRED \\x1b]0;pwned\\x07 \\x1b[2J \\u{9b}1m back spoof \\u{202e}desrever\\u{2066} report"), "\(hit)")
        // Fields shown on one line stay on one line: no fake hit drawn from a title.
        // (Ingestion makes a title one line: its line breaks and runs of spaces are one space.)
        #expect(hit.contains("Harbour 2. Fake hit line"), "\(hit)")
        #expect(hit.contains("Line Wire") && hit.contains("id: two lines"), "\(hit)")
        let shown = try run(["show", "evil" + Self.payload, "--color", "never"] + index)
        #expect(shown.stdout.contains("\n\nSecond paragraph"), "\(shown.stdout)")
    }

    @Test func jsonKeepsTheTextAsData() throws {
        _ = try run(["index"] + index + [evil])
        let result = try run(["harbour", "--json"] + index)
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        let titles = (object?["hits"] as? [[String: Any]])?.compactMap { $0["title"] as? String } ?? []
        // A title is one line from ingestion on: its carriage return is a space; the rest is data as given.
        let title = "Harbour \(Self.payload.replacingOccurrences(of: "\r", with: " ")) report"
        #expect(titles.contains(title), "\(titles)")
        #expect(!result.stdout.contains(Self.esc))
    }
}
