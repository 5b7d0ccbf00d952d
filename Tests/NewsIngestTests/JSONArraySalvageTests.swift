import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

/// A JSON array that does not parse whole (a scraper killed mid-write, one bad value) is read record
/// by record: every readable record is kept, every other one is named. It was read as JSON Lines:
/// 0 records kept and one "malformed JSON" per line of a pretty-printed file.
@Suite("JSON arrays cut short or with a bad record")
struct JSONArraySalvageTests {
    static func records(_ count: Int) -> [[String: Any]] {
        (0..<count).map { ["id": "r\($0)", "title": "Ferry story \($0)", "body": "The harbour board met; \"quotes\", [brackets] and {braces} \\ stay text \($0)."] }
    }

    static func serialized(_ records: [[String: Any]], pretty: Bool) -> Data {
        try! JSONSerialization.data(withJSONObject: records, options: pretty ? [.prettyPrinted, .sortedKeys] : [.sortedKeys])
    }

    static func read(_ data: Data) -> [ExtractionReport] {
        Ingestor().extractAll(data: data, path: "dump.json")
    }

    @Test("a pretty-printed array cut in its middle keeps the records before the cut and says it was cut")
    func cutArray() {
        let data = Self.serialized(Self.records(50), pretty: true)
        let reports = Self.read(data.prefix(data.count * 2 / 3))
        let kept = reports.filter { $0.skipped == nil }
        #expect(kept.count == 33)
        #expect(kept.map(\.title) == (0..<33).map { "Ferry story \($0)" })
        let skipped = reports.compactMap(\.skipped)
        #expect(skipped == ["malformed JSON: the array ends before its closing ']' (the file was cut short?); the 33 records before it were read"])
    }

    @Test("a bad value spoils only its own record, which is named with the parser's reason")
    func badRecord() throws {
        var text = String(decoding: Self.serialized(Self.records(5), pretty: true), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"title\" : \"Ferry story 3\"", with: "\"title\" : tru")
        let reports = Self.read(Data(text.utf8))
        #expect(reports.filter { $0.skipped == nil }.map(\.title) == ["Ferry story 0", "Ferry story 1", "Ferry story 2", "Ferry story 4"])
        let bad = try #require(reports.first { $0.skipped != nil })
        #expect(bad.path == "dump.json [4]")
        #expect(bad.skipped?.hasPrefix("malformed JSON: invalid value around character") == true)
    }

    @Test("an array cut at any byte keeps exactly the records that end before the cut")
    func anyCut() async {
        await propertyCheck(count: 300, input: Gen<Int>.int(in: 1...12), Gen<Bool>.bool, Gen<Double>.double(in: 0...1)) { count, pretty, fraction in
            let records = Self.records(count)
            let data = Self.serialized(records, pretty: pretty)
            let cut = max(1, min(data.count - 2, Int(Double(data.count) * fraction)))
            let prefix = data.prefix(cut)
            // A record is whole when its closing brace is inside the prefix.
            let whole = records.indices.filter { index in
                let closing = Self.serialized(Array(records[...index]), pretty: pretty).count - (pretty ? 2 : 1)
                return closing <= cut
            }
            let reports = Self.read(Data(prefix))
            #expect(reports.filter { $0.skipped == nil }.map(\.title) == whole.map { "Ferry story \($0)" }, "cut \(cut) of \(data.count)")
            #expect(reports.compactMap(\.skipped).count == 1)
        }
    }
}
