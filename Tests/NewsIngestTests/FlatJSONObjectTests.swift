import Foundation
import Testing

@testable import NewsIngest

/// The flat reader must give every record exactly what `JSONSerialization` gives it, or step aside.
@Suite struct FlatJSONObjectTests {
    static let pieces: [String] = [
        "a", "Z", " ", "é", "日本", "😀", "\\\"", "\\\\", "\\/", "\\n", "\\r", "\\t", "\\b", "\\f", "\\u00e9",
        "\\u2028", "\\u0041", "\\u0000", "\\u001f", "\\ud83d\\ude00", "\\ud800", ",", ":", "{", "[", "\\x", "\u{7F}",
        "e\u{301}", "2025-04-10",
    ]

    static func jsonString(_ generator: inout some RandomNumberGenerator) -> String {
        "\"" + (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() + "\""
    }

    static func value(_ generator: inout some RandomNumberGenerator) -> String {
        switch Int.random(in: 0..<12, using: &generator) {
        case 0: return "[" + (0..<Int.random(in: 0...3, using: &generator)).map { _ in jsonString(&generator) }.joined(separator: ", ") + "]"
        case 1: return ["12", "-3.5e2", "true", "null", "{\"x\": \"y\"}", "[1, \"a\"]", "\"a\" \"b\""].randomElement(using: &generator)!
        default: return jsonString(&generator)
        }
    }

    static func record(_ generator: inout some RandomNumberGenerator) -> String {
        let keys = ["id", "title", "body", "text", "date", "source", "url", "authors", "actors", "places", "x", "é", "e\u{301}"]
        let members = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
            "\"\(keys.randomElement(using: &generator)!)\" :\(Bool.random(using: &generator) ? " " : "")\(value(&generator))"
        }
        let tail = ["", "", "", " ", "\t", " x", ",", "}"].randomElement(using: &generator)!
        return " {" + members.joined(separator: ",") + "}" + tail
    }

    static func describe(_ result: Result<ArticleDraft, Error>) -> String {
        switch result {
        case .success(let draft):
            "\(draft.id ?? "-")|\(draft.title ?? "-")|\(draft.lines)|\(String(describing: draft.date))|\(draft.invalidDate ?? "-")"
                + "|\(draft.sources.map(\.name))|\(draft.url ?? "-")|\(draft.authors)|\(draft.actors)"
                + "|\(draft.metadata.sorted { $0.key < $1.key })|\(draft.notes)"
        case .failure(let error): "error \(error)"
        }
    }

    /// Reads the lines both ways and expects the same drafts; how many took the flat path.
    static func flatReadsAsGeneral(_ lines: some Sequence<Data>) -> Int {
        let reader = JSONLinesReader()
        var flat = 0
        for line in lines {
            let fast = Result { try reader.draft(from: line) }
            let general = Result { try reader.draft(from: line, generalParser: true) }
            #expect(Self.describe(fast) == Self.describe(general), "\(String(decoding: line, as: UTF8.self))")
            if line.withUnsafeBytes({ FlatJSONObject.parse($0) }) != nil { flat += 1 }
        }
        return flat
    }

    @Test func recordsAreReadAsJSONSerializationReadsThem() {
        var generator = SystemRandomNumberGenerator()
        let flat = Self.flatReadsAsGeneral((0..<5000).map { _ in Data(Self.record(&generator).utf8) })
        // The generator must exercise the flat path, not only the fallback.
        #expect(flat > 300)
    }

    /// Strings long enough for the eight-byte scan, with the bytes that end a run (quote, backslash,
    /// control characters) and multi-byte characters at every offset of a word.
    @Test func longStringsAreReadAsJSONSerializationReadsThem() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["abc", "defghij", " ", "x", "é", "日本", "😀", "\\\"", "\\\\", "\\n", "\\u00e9", "\\t", "\u{7F}", "\t", "\u{1F}", "~"]
        let lines = (0..<3000).map { _ in
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0 ? pieces.randomElement(using: &generator)! : "abcdefg"
            }.joined()
            return Data((#"{"title": "T", "body": ""# + text + #"", "places": [""# + text + #""]}"#).utf8)
        }
        #expect(Self.flatReadsAsGeneral(lines) > 300)
    }

    @Test func runEndsAreFoundInEveryWord() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0...255, using: &generator) : [0x22, 0x5C, 0x1F, 0x20, 0x21, 0x5B, 0x80].randomElement(using: &generator)!
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(FlatJSONObject.holdsRunEnd(word) == bytes.contains { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }, "\(bytes)")
        }
    }

    /// A dump's records usually share their keys, and the reader reuses their roles; a record with other
    /// keys (or the same number of other keys) must get its own, so every draft is the one made afresh.
    @Test func rolesRememberedAcrossRecordsGiveTheSameDrafts() {
        var generator = SystemRandomNumberGenerator()
        let reader = JSONLinesReader()
        let keys = RecordKeys()
        let shapes = [
            #"{"title": "T", "body": "B", "source": "S", "places": ["x"]}"#,
            #"{"title": "T", "body": "B", "source": "S", "topics": ["x"]}"#,
            #"{"headline": "T", "text": "B", "publisher": "P", "source": "https://a.example/x"}"#,
            #"{"headline": "T", "text": "B", "site": "P", "source": ""}"#,
            #"{"title": "T", "description": "D", "url": "https://a.example/y"}"#,
        ]
        for _ in 0..<3000 {
            let line = Data((Bool.random(using: &generator) ? shapes.randomElement(using: &generator)! : Self.record(&generator)).utf8)
            let remembered = Result { try reader.draft(from: line, keys: keys) }
            let fresh = Result { try reader.draft(from: line) }
            #expect(Self.describe(remembered) == Self.describe(fresh), "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test func asciiTestReadsEveryByte() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
            if !bytes.isEmpty, Bool.random(using: &generator) { bytes[Int.random(in: 0..<bytes.count, using: &generator)] |= 0x80 }
            #expect(bytes.withUnsafeBytes(JSONLinesReader.isASCII) == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
        }
    }

    @Test(arguments: [
        "{\"a\": 1}", "{\"a\": true}", "{\"a\": null}", "{\"a\": {\"b\": \"c\"}}", "{\"a\": \"x\", \"a\": \"y\"}",
        "{\"a\": \"\\ud83d\\ude00\"}", "{\"a\": \"\\u0000\"}", "{\"a\": \"b\"} x", "[\"a\"]", "{\"a\": [\"b\", 2]}",
        "{\"a\": \"tab\there\"}",
    ])
    func leavesTheUnusualToTheGeneralParser(_ line: String) {
        #expect(Data(line.utf8).withUnsafeBytes { FlatJSONObject.parse($0) } == nil)
    }

    @Test func readsTheUsualShape() throws {
        let line = #"{"id": "r-1", "title": "A \"quoted\" title", "body": "One\n\nTwo \u00e9", "authors": ["A", "B"], "places": []}"#
        let fields = try #require(Data(line.utf8).withUnsafeBytes { FlatJSONObject.parse($0) })
        #expect(fields["title"]?.string == "A \"quoted\" title")
        #expect(fields["body"]?.string == "One\n\nTwo é")
        #expect(fields["authors"]?.list == ["A", "B"])
        guard case .texts(let places) = fields["places"] else {
            Issue.record("an empty list is a list")
            return
        }
        #expect(places.isEmpty)
    }
}
