// Scores ActorExtractor on a CoNLL-2003 file: entity-level exact-span precision, recall and F1 for
// PER, ORG, LOC and all three (typed), as conlleval counts them, plus extraction throughput.
//
// usage: actors-eval CONLL_FILE [--json] [--errors N] [--repeat N]
import Foundation
import NewsActors

struct Span: Hashable {
    var start: Int
    var end: Int
    var type: String
}

struct Document {
    var text = ""
    var gold: Set<Span> = []
}

/// Rebuilds each document's text (tokens joined by spaces, sentences by newlines) and its gold spans.
/// Documents split at `-DOCSTART-`, or, where the file has none, before the headline that precedes a
/// dateline sentence such as "LONDON 1996-08-30".
func readDocuments(_ path: String) throws -> [Document] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let content = String(data: data, encoding: .utf8) ?? String(decoding: data, as: UTF8.self)
    typealias Row = (token: String, tag: String)
    var groups: [[[Row]]] = [[]]
    var sentence: [Row] = []
    func endSentence() {
        if !sentence.isEmpty { groups[groups.count - 1].append(sentence) }
        sentence = []
    }
    for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
        let fields = line.split(separator: " ")
        if fields.isEmpty {
            endSentence()
        } else if fields[0] == "-DOCSTART-" {
            endSentence()
            groups.append([])
        } else {
            sentence.append((String(fields[0]), String(fields[fields.count - 1])))
        }
    }
    endSentence()
    var documents: [[[Row]]] = []
    for group in groups {
        var current: [[Row]] = []
        for sentence in group {
            let isDateline = sentence.count <= 8 && sentence.contains { isDate($0.token) }
            if isDateline, current.count > 1 {
                let headline = current.removeLast()
                documents.append(current)
                current = [headline]
            }
            current.append(sentence)
        }
        if !current.isEmpty { documents.append(current) }
    }
    return documents.map(makeDocument)
}

func isDate(_ token: String) -> Bool {
    let parts = token.split(separator: "-")
    return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
}

func makeDocument(_ sentences: [[(token: String, tag: String)]]) -> Document {
    var document = Document()
    var offset = 0
    var open: (start: Int, end: Int, type: String)?
    func close() {
        if let entity = open, entity.type != "MISC" { document.gold.insert(Span(start: entity.start, end: entity.end, type: entity.type)) }
        open = nil
    }
    for (number, sentence) in sentences.enumerated() {
        if number > 0 {
            document.text += "\n"
            offset += 1
        }
        for (index, row) in sentence.enumerated() {
            if index > 0 {
                document.text += " "
                offset += 1
            }
            let start = offset
            document.text += row.token
            offset += row.token.unicodeScalars.count
            if row.tag == "O" {
                close()
                continue
            }
            let parts = row.tag.split(separator: "-", maxSplits: 1)
            let type = String(parts[1])
            if parts[0] == "B" || open?.type != type {
                close()
                open = (start, offset, type)
            } else {
                open?.end = offset
            }
        }
        close()
    }
    return document
}

func label(_ type: ActorType) -> String {
    switch type {
    case .person: "PER"
    case .organization: "ORG"
    case .country, .location: "LOC"
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
// `--show FILE...`: the actors of plain-text articles (first line = title), for checking by hand.
if arguments.first == "--show" {
    for path in arguments.dropFirst() {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
        let title = text.prefix { $0 != "\n" }
        let body = String(text.dropFirst(title.count).drop { $0 == "\n" })
        print("== \(path)")
        for actor in ActorExtractor().extract(title: String(title), body: body) {
            let surfaces = Set(actor.mentions.map(\.text)).sorted().joined(separator: " | ")
            print("  \(actor.type.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)) \(actor.name) ×\(actor.mentionCount)  [\(surfaces)]")
        }
    }
    exit(0)
}
let json = arguments.contains("--json")
var errorsToShow = 0
var repeats = 1
if let at = arguments.firstIndex(of: "--repeat"), at + 1 < arguments.count { repeats = max(1, Int(arguments[at + 1]) ?? 1) }
if let at = arguments.firstIndex(of: "--errors"), at + 1 < arguments.count { errorsToShow = Int(arguments[at + 1]) ?? 0 }
guard let path = arguments.first(where: { !$0.hasPrefix("--") && Int($0) == nil }) else {
    FileHandle.standardError.write(Data("usage: actors-eval CONLL_FILE [--json] [--errors N] [--repeat N]\n".utf8))
    exit(2)
}
let documents: [Document]
do {
    documents = try readDocuments(path)
} catch {
    FileHandle.standardError.write(Data("actors-eval: cannot read \(path): \(error.localizedDescription)\n".utf8))
    exit(1)
}

let extractor = ActorExtractor()
_ = extractor.extract(title: "", body: "Warm-up: NATO met in Japan.")  // builds the shared gazetteer
var predictions: [Set<Span>] = []
/// CPU time of this thread: throughput "on one core", unaffected by other processes sharing the machine.
func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}
// Scoring pass, then timed passes over the whole file (at least 5, or --repeat N): the fastest pass is
// reported, as the machine is shared and other processes only ever make a pass slower.
predictions = documents.map { document in
    var spans: Set<Span> = []
    for actor in extractor.extract(title: "", body: document.text) {
        for mention in actor.mentions { spans.insert(Span(start: mention.start, end: mention.end, type: label(actor.type))) }
    }
    return spans
}
var seconds = Double.infinity
for _ in 0..<max(5, repeats) {
    let start = cpuSeconds()
    for document in documents { _ = extractor.extract(title: "", body: document.text) }
    seconds = min(seconds, cpuSeconds() - start)
}
let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
let mbPerSecond = Double(bytes) / 1_000_000 / seconds

var counts: [String: (tp: Int, fp: Int, fn: Int)] = [:]
var falsePositives: [String] = []
var falseNegatives: [String] = []
for (document, predicted) in zip(documents, predictions) {
    let scalars = Array(document.text.unicodeScalars)
    func text(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
    for span in predicted {
        if document.gold.contains(span) {
            counts[span.type, default: (0, 0, 0)].tp += 1
        } else {
            counts[span.type, default: (0, 0, 0)].fp += 1
            falsePositives.append("FP \(span.type) \(text(span))")
        }
    }
    for span in document.gold where !predicted.contains(span) {
        counts[span.type, default: (0, 0, 0)].fn += 1
        falseNegatives.append("FN \(span.type) \(text(span))")
    }
}

func scores(_ count: (tp: Int, fp: Int, fn: Int)) -> (precision: Double, recall: Double, f1: Double) {
    let precision = count.tp + count.fp == 0 ? 0 : Double(count.tp) / Double(count.tp + count.fp)
    let recall = count.tp + count.fn == 0 ? 0 : Double(count.tp) / Double(count.tp + count.fn)
    let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    return (precision, recall, f1)
}

let types = ["PER", "ORG", "LOC"]
var all = (tp: 0, fp: 0, fn: 0)
for type in types {
    let count = counts[type] ?? (0, 0, 0)
    all = (all.tp + count.tp, all.fp + count.fp, all.fn + count.fn)
}
counts["ALL"] = all
func rounded(_ value: Double) -> Double { (value * 10000).rounded() / 10000 }

if json {
    var parts: [String] = []
    for type in types + ["ALL"] {
        let score = scores(counts[type] ?? (0, 0, 0))
        parts.append("\"\(type)\": {\"precision\": \(rounded(score.precision)), \"recall\": \(rounded(score.recall)), \"f1\": \(rounded(score.f1))}")
    }
    parts.append("\"mb_per_s\": \(rounded(mbPerSecond))")
    print("{" + parts.joined(separator: ", ") + "}")
} else {
    print("\(documents.count) documents, \(bytes) bytes")
    print("type  precision  recall  f1      tp     fp     fn")
    for type in types + ["ALL"] {
        let count = counts[type] ?? (0, 0, 0)
        let score = scores(count)
        print(
            type.padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(format: "%.4f     %.4f  %.4f  %-6d %-6d %-6d", score.precision, score.recall, score.f1, count.tp, count.fp, count.fn))
    }
    print(String(format: "throughput: %.1f MB/s of text per CPU-second on one thread (fastest pass %.3f s)", mbPerSecond, seconds))
}
if errorsToShow > 0 {
    var tally: [String: Int] = [:]
    for line in falsePositives + falseNegatives { tally[line, default: 0] += 1 }
    for (line, count) in tally.sorted(by: { $0.value > $1.value }).prefix(errorsToShow) { print("\(count)\t\(line)") }
}
