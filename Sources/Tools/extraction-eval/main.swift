// Extracts every page named on standard input (one path a line) in this one process and writes one
// JSON line per page: {"file", "title", "body", "date", "dateOrigin", "dateConfidence", "ms"}.
// scripts/eval-extraction scores the lines; a process per page (`search extract --json`) would spend
// more time starting than extracting.
//
// usage: extraction-eval < paths.txt > results.jsonl
import Foundation
import NewsIngest

struct Line: Encodable {
    var file: String
    var title: String
    var body: String
    var date: String?
    var dateOrigin: String?
    var dateConfidence: String?
    var language: String?
    var skipped: String?
    var ms: Double
    /// With EXTRACTION_EVAL_REMOVED=1: each removed block's reason and text, to see why a snippet went.
    var removed: [String]?
}

let withRemoved = ProcessInfo.processInfo.environment["EXTRACTION_EVAL_REMOVED"] == "1"

let ingestor = Ingestor()
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
var output = FileHandle.standardOutput
while let path = readLine(strippingNewline: true) {
    guard !path.isEmpty else { continue }
    let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
    let start = DispatchTime.now().uptimeNanoseconds
    let report = ingestor.extract(data: data, path: (path as NSString).lastPathComponent, format: .html)
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    let line = Line(
        file: (path as NSString).lastPathComponent, title: report.title, body: report.body,
        date: report.date?.description, dateOrigin: report.dateOrigin?.rawValue,
        dateConfidence: report.dateConfidence?.rawValue, language: report.metadata["language"], skipped: report.skipped, ms: ms,
        removed: withRemoved ? report.removed.map { "[\($0.reason)] \($0.text)" } : nil)
    var bytes = try encoder.encode(line)
    bytes.append(0x0A)
    output.write(bytes)
}
