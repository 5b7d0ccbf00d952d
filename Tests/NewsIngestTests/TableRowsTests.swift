import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

@Suite("where a table's rows end")
struct TableRowsTests {
    /// Cells quoted or bare as a spreadsheet writes them: bare when they hold no quote, delimiter or line end.
    static func written(_ rows: [[String]]) -> String {
        rows.map { row in
            row.map { cell in
                cell.isEmpty || cell.unicodeScalars.contains { "\",\n\r".unicodeScalars.contains($0) } || cell.hasPrefix(" ")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    @Test("every row end found is one the reader agrees on: the text before it reads as whole rows")
    func cutsAreRowEnds() async {
        await propertyCheck(count: 500, input: DelimitedTextReaderTests.table) { cells in
            let width = cells.map(\.count).max() ?? 1
            let rows = cells.map { $0 + Array(repeating: "x", count: width - $0.count) }
            let text = Self.written(rows)
            let data = Data(text.utf8)
            var ends: [Int] = []
            // The delimiter as a header of commas tells it (the rows' own first line may hold more semicolons).
            TableRows(header: Data("h,h\n".utf8), path: "t.csv").recordEnds(in: data) { ends.append($0) }
            #expect(ends.count == rows.count, "\(text.debugDescription)")
            for (count, end) in ends.enumerated() {
                let read = DelimitedTextReader.rows(of: String(decoding: data.prefix(end), as: UTF8.self), delimiter: UInt8(ascii: ","))
                #expect(read.unclosedQuoteLine == nil && read.rows.map(\.fields) == Array(rows.prefix(count + 1)), "\(text.debugDescription) at \(end)")
            }
        }
    }

    @Test("a quote inside a bare field is text; a line end inside quotes is not a row's end; tabs for .tsv")
    func quoting() {
        let data = Data("id,body\n1,He said \"hi\n2,\"two\nlines\"\n3,\"x\"\"y\"\n".utf8)
        var ends: [Int] = []
        TableRows(header: data, path: "t.csv").recordEnds(in: data) { ends.append($0) }
        #expect(ends.count == 4)
        #expect(TableRows(header: Data("id\tbody\n".utf8), path: "t.tsv").delimiter == UInt8(ascii: "\t"))
        #expect(TableRows(header: Data("id;title;body\n".utf8), path: "t.csv").delimiter == UInt8(ascii: ";"))
    }
}
