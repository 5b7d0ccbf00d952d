import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

@Suite("CSV and TSV tables")
struct DelimitedTextReaderTests {
    @Test("quoted fields keep commas, line breaks and doubled quotes; each row is an article with its line")
    func quotedFields() {
        let csv = """
            id,Title,date,Body,desk\r
            p1,"Port reopens, at last",2024-05-01,"The port reopened on Monday.\r
            \r
            Pilots said ""finally"".",harbour\r
            p2,Cranes fixed,2024-05-02,All six cranes are working.,\r

            """
        let reports = Ingestor().extractAll(data: Data(csv.utf8), path: "news.csv")
        #expect(reports.count == 2)
        #expect(reports.allSatisfy { $0.skipped == nil && $0.format == .csv })
        #expect(reports[0].id == "p1")
        #expect(reports[0].title == "Port reopens, at last")
        #expect(reports[0].body == "The port reopened on Monday.\n\nPilots said \"finally\".")
        #expect(reports[0].date?.description == "2024-05-01")
        #expect(reports[0].dateOrigin == .tableRow)
        #expect(reports[0].metadata["desk"] == "harbour")
        #expect(reports[0].line == 2)
        #expect(reports[1].line == 5)
        #expect(reports[1].metadata["desk"] == nil, "an empty cell is no field")
    }

    @Test("semicolon and tab tables are told from their header; .tsv is tab separated")
    func delimiters() {
        let semicolon = "title;body\nHarbour;The pilots agreed a roster, after a week.\n"
        let rows = Ingestor().extractAll(data: Data(semicolon.utf8), path: "export.csv")
        #expect(rows.map(\.title) == ["Harbour"])
        #expect(rows.first?.body == "The pilots agreed a roster, after a week.")
        let tab = "title\tbody\nHarbour\tThe pilots, the crews; all agreed.\n"
        #expect(Ingestor().extractAll(data: Data(tab.utf8), path: "export.tsv").first?.body == "The pilots, the crews; all agreed.")
        #expect(DelimitedTextReader.delimiter(of: tab, path: "x.csv") == UInt8(ascii: "\t"))
    }

    @Test("a row with the wrong number of fields, an unclosed quote and a table with no text column are named")
    func badRows() {
        let csv = "title,body\nGood,A whole row.\nShort\nAlso good,\"Another row.\"\nOpen,\"never closed\nand more\n"
        let reports = Ingestor().extractAll(data: Data(csv.utf8), path: "t.csv")
        #expect(reports.filter { $0.skipped == nil }.map(\.title) == ["Good", "Also good"])
        let skips = reports.filter { $0.skipped != nil }
        #expect(skips.map(\.path) == ["t.csv:3", "t.csv:5"])
        #expect(skips[0].skipped?.contains("row has 1 fields, the header 2") == true)
        #expect(skips[1].skipped == "a quote opened on line 5 is never closed; the rest of the file is not read")
        let noText = Ingestor().extractAll(data: Data("name,age\nAda,36\n".utf8), path: "people.csv")
        #expect(noText.count == 1)
        #expect(noText[0].skipped == "the header names no title or text column (title, headline, body, text, content, description…; it has 'name', 'age')")
    }

    static let cell = Gen<String?>.element(of: ["a", "Port", " ", ",", ";", "\t", "\"", "\n", "\r\n", "é", "日本", ""])
        .map { $0! }.array(of: 0...6).map { $0.joined() }
    static let table = cell.array(of: 1...4).array(of: 1...5)

    @Test("any table written with RFC 4180 quoting reads back cell for cell")
    func roundTrip() async {
        await propertyCheck(count: 1_000, input: Self.table) { cells in
            let width = cells.map(\.count).max() ?? 1
            let rows = cells.map { $0 + Array(repeating: "x", count: width - $0.count) }
            let text = rows.map { row in
                row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
            }.joined(separator: "\r\n") + "\r\n"
            let read = DelimitedTextReader.rows(of: text, delimiter: UInt8(ascii: ","))
            #expect(read.unclosedQuoteLine == nil)
            #expect(read.rows.map(\.fields) == rows, "\(text.debugDescription)")
        }
    }

    @Test("documents NewsSearch cannot read are named with the way out, whatever their extension")
    func unsupportedDocuments() {
        let pdf = Ingestor().extract(data: Data("%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj".utf8), path: "report.txt")
        #expect(pdf.skipped?.hasPrefix("a PDF document: extract its text first") == true)
        let gzip = Ingestor().extract(data: Data([0x1F, 0x8B, 0x08, 0x00, 0x01]), path: "dump.jsonl")
        #expect(gzip.skipped?.contains("gzip") == true)
        #expect(Ingestor.detectFormat(path: "a/export.CSV", data: Data("title,body\n".utf8)) == .csv)
        // Archives and compressors other than gzip: named with the way out, not "binary file".
        var tar = Data(repeating: 0, count: 1024)
        tar.replaceSubrange(0..<9, with: Data("story.txt".utf8))
        tar.replaceSubrange(257..<263, with: Data("ustar\u{0}".utf8))
        #expect(Ingestor().extract(data: tar, path: "articles.tar").skipped?.hasPrefix("a tar archive: unpack it first") == true)
        #expect(Ingestor().extract(data: GzipFixture.compress(tar), path: "articles.tgz").skipped?.hasPrefix("a tar archive") == true)
        let xz = Data([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00, 0x04])
        #expect(Ingestor().extract(data: xz, path: "dump.jsonl.xz").skipped?.hasPrefix("a file compressed with xz: decompress it first (`unxz -k FILE`)") == true)
        let bzip2 = Data("BZh91AY&SY".utf8) + Data([0x00, 0x01])
        #expect(Ingestor().extract(data: bzip2, path: "dump.bz2").skipped?.contains("compressed with bzip2") == true)
        #expect(Ingestor().extract(data: Data("BZh9 is how the story begins".utf8), path: "x.txt").skipped == nil)
        #expect(UnsupportedDocument(Data([0x28, 0xB5, 0x2F, 0xFD, 0x04])) == .compressed(format: "zstd", tool: "unzstd FILE"))
        #expect(UnsupportedDocument(Data([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00])) == .sevenZip)
    }
}
