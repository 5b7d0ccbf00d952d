import Foundation
import GRDB
import NewsSearchTestSupport
import Testing

/// A CSV export too large to read at once (the public news data sets run to hundreds of MB) was
/// skipped whole: "larger than 64 MB". It is now streamed in pieces cut where rows end.
@Suite struct LargeTableCLITests {
    /// Rows with quoted fields holding commas, doubled quotes and line breaks, a few with no id, and
    /// one row with a field too many at a known line.
    static func table() -> (text: String, badLine: Int) {
        var lines = ["id,title,date,body"]
        var badLine = 0
        for n in 1...900 {
            let id = n % 7 == 0 ? "" : "row-\(n)"
            let body = n % 3 == 0
                ? "\"Harbour report \(n), first paragraph: cargo up.\nSecond paragraph of \(n), with \"\"quoted\"\" words.\""
                : "Harbour report \(n) lists berth fees and cargo volume"
            if n == 700 {
                badLine = lines.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false).count + 1
                lines.append("row-700,Ledger 700,2025-03-01,text,one field too many")
                continue
            }
            lines.append("\(id),\"Ledger \(n), quarterly\",2025-03-\(String(format: "%02d", n % 28 + 1)),\(body)")
        }
        return (lines.joined(separator: "\n") + "\n", badLine)
    }

    static func documents(_ index: String) throws -> [String] {
        try DatabaseQueue(path: index).read { db in
            try String.fetchAll(db, sql: "SELECT external_id || '|' || title || '|' || body || '|' || COALESCE(date, '') FROM documents ORDER BY external_id")
        }
    }

    @Test func aTableStreamedInPiecesReadsAsTheWholeTableDoes() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("large-table")
        let (text, badLine) = Self.table()
        let file = try folder.write(text, to: "data/ledger.csv")
        let whole = folder.url.appendingPathComponent("whole.sqlite").path
        let streamed = folder.url.appendingPathComponent("streamed.sqlite").path
        let read = try binary.run(["index", "--index", whole, file.path])
        // Small chunks: the table is read in many pieces, cut between rows that hold line breaks.
        let stream = try binary.run(["index", "--index", streamed, "--dump-chunk-bytes", "8000", file.path])
        #expect(read.status == 0 && stream.status == 0, "\(read.stderr)\(stream.stderr)")
        #expect(read.stdout.contains("899 added") && stream.stdout.contains("899 added"), "\(read.stdout)\(stream.stdout)")
        let skip = "ledger.csv:\(badLine): row has 5 fields, the header 4"
        #expect(read.stdout.contains(skip) && stream.stdout.contains(skip), "\(stream.stdout)")
        let expected = try Self.documents(whole)
        #expect(expected.count == 899)
        #expect(try Self.documents(streamed) == expected)
        #expect(expected.contains { $0.contains("Second paragraph of 300, with \"quoted\" words.") })
        // Rows without an id are numbered by their place among the table's articles, as when read whole.
        #expect(expected.contains { $0.hasPrefix("ledger.csv#7|Ledger 7, quarterly|") })
        let again = try binary.run(["index", "--index", streamed, "--dump-chunk-bytes", "8000", file.path])
        #expect(again.stdout.contains("0 added") && again.stdout.contains("899 unchanged"), "\(again.stdout)")
    }

    /// Excel's "Unicode text" is UTF-16, where a line end's, a quote's or a tab's byte is also half of other
    /// characters ("Ċ" is `0A 01`, "Ģ" `22 01`): cut by its bytes, 14 of 3,000 rows were lost. It is read as UTF-8.
    @Test func aUTF16TableStreamedReadsAsTheWholeTableDoes() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("utf16-table")
        let rows = ["id\ttitle\tbody"] + (1...1500).map { "r\($0)\tLedger \($0)\tĢirts Ċini reports \"cargo\" volume \($0) for the quarter." }
        let text = rows.joined(separator: "\r\n") + "\r\n"
        let file = folder.url.appendingPathComponent("ledger.tsv")
        var bytes = Data([0xFF, 0xFE])
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try bytes.write(to: file)
        let whole = folder.url.appendingPathComponent("whole.sqlite").path
        let streamed = folder.url.appendingPathComponent("streamed.sqlite").path
        let read = try binary.run(["index", "--index", whole, file.path])
        let stream = try binary.run(["index", "--index", streamed, "--dump-chunk-bytes", "8000", file.path])
        #expect(read.stdout.contains("1500 added") && stream.stdout.contains("1500 added") && stream.stdout.contains("0 skipped"), "\(stream.stdout)")
        #expect(try Self.documents(streamed) == Self.documents(whole))
        #expect(try Self.documents(whole).contains { $0.contains("Ģirts Ċini reports \"cargo\" volume 777 ") })
    }

    /// Windows PowerShell writes `Out-File` and `>` as UTF-16: a JSON Lines dump so saved lost one record in
    /// fourteen, read whole or streamed (its line ends cut halfway through characters), and a JSON array
    /// was read as lines. Both are read as UTF-8.
    @Test func aUTF16JSONDumpAndArrayReadAsTheirUTF8Does() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("utf16-json")
        func utf16(_ text: String, bigEndian: Bool = false) -> Data {
            var bytes = Data(bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
            for unit in text.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            return bytes
        }
        let records = (1...1500).map { #"{"id": "p\#($0)", "title": "Ledger \#($0)", "body": "Ģirts Ċini reports cargo volume \#($0) for the quarter."}"# }
        let dump = folder.url.appendingPathComponent("ledger.jsonl")
        try utf16(records.joined(separator: "\r\n") + "\r\n").write(to: dump)
        let array = folder.url.appendingPathComponent("export.json")
        try utf16("[\r\n" + records.prefix(20).map { "  " + $0.replacingOccurrences(of: "\"p", with: "\"a") }.joined(separator: ",\r\n") + "\r\n]\r\n", bigEndian: true)
            .write(to: array)
        let whole = folder.url.appendingPathComponent("whole.sqlite").path
        let streamed = folder.url.appendingPathComponent("streamed.sqlite").path
        let read = try binary.run(["index", "--index", whole, dump.path, array.path])
        let stream = try binary.run(["index", "--index", streamed, "--dump-chunk-bytes", "8000", dump.path, array.path])
        #expect(read.stdout.contains("1520 added") && read.stdout.contains("0 skipped"), "\(read.stdout)")
        #expect(stream.stdout.contains("1520 added") && stream.stdout.contains("0 skipped"), "\(stream.stdout)")
        #expect(try Self.documents(streamed) == Self.documents(whole))
        #expect(try Self.documents(whole).contains { $0.contains("Ģirts Ċini reports cargo volume 777 ") })
    }

    @Test func aStreamedTableWithNoTextColumnIsNamedOnce() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("large-table")
        let rows = (1...2000).map { "\($0),\($0 * 3)" }.joined(separator: "\n")
        let file = try folder.write("id,count\n" + rows + "\n", to: "data/counts.csv")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, "--dump-chunk-bytes", "4000", file.path])
        #expect(run.status == 0 && run.stdout.contains("0 added") && run.stdout.contains("1 skipped"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("counts.csv:1: the header names no title or text column"), "\(run.stdout)")
    }
}
