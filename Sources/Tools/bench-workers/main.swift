// The indexing workers' per-article work outside SQLite, stage by stage, on one thread: reading and
// cleaning a JSON Lines dump, actor extraction, the language guess, analysis, the learned-boilerplate line
// hashes and the copy signature (issue 19).
// Throughput is in MB of title + body text (as bench-index counts it) per second of this thread's CPU
// time, so other processes on a shared machine do not move it; the fastest of the passes is kept.
//
//     swift build -c release --product bench-workers
//     .build/release/bench-workers FILE.jsonl [--passes N] [--stage all|read|actors|language|analyze|hashes|signature]
import Foundation
import NewsActors
import NewsAnalysis
import NewsIngest

var path: String?
var passes = 3
var stage = "all"
var dumpPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--passes": passes = max(1, Int(arguments.popFirst() ?? "") ?? passes)
    case "--stage": stage = arguments.popFirst() ?? stage
    case "--dump": dumpPath = arguments.popFirst()
    case "-h", "--help":
        print("usage: bench-workers FILE.jsonl [--passes N] [--stage all|read|actors|language|analyze|hashes|signature] [--dump OUT]")
        exit(0)
    default: path = argument
    }
}
guard let path, let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("bench-workers: give a readable JSON Lines file\n".utf8))
    exit(2)
}

func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// The fastest of `passes` runs: a shared machine only ever makes a pass slower.
func fastest(_ passes: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<passes {
        let start = cpuSeconds()
        body()
        best = min(best, cpuSeconds() - start)
    }
    return best
}

let ingestor = Ingestor()
let articles = ingestor.read(data: data, path: path, format: .jsonl).articles
let megabytes = Double(articles.reduce(0) { $0 + $1.title.utf8.count + $1.body.utf8.count }) / 1e6
// The first extractor builds the gazetteer from the built-in tables, as every indexing or `extract` process does.
let loadStart = cpuSeconds()
let extractor = ActorExtractor()
let gazetteerSeconds = cpuSeconds() - loadStart
_ = extractor.extract(title: "", body: "Warm-up: NATO met in Japan.")
let analyzer = Analyzer()
var sink = 0

// `--dump OUT`: what each stage produced, one article per line, so that two builds can be diffed.
if let dumpPath {
    var out = ""
    for article in articles {
        out += "\(article.id ?? "") \(article.date?.description ?? "-") \(article.source ?? "-") \(article.authors) \(article.metadata.sorted { $0.key < $1.key })\n"
        out += "T \(article.title)\nB \(article.body.replacingOccurrences(of: "\n", with: "\\n"))\n"
        for actor in extractor.extract(title: article.title, body: article.body) {
            out += "A \(actor.name)|\(actor.type)|\(actor.mentionCount)|\(actor.mentions.map { "\($0.start)-\($0.end):\($0.text)" }.joined(separator: ","))\n"
        }
        for name in article.actors { out += "G \(extractor.resolve(name))\n" }
        var terms = 0
        var text = article.body
        text.withUTF8 { bytes in analyzer.analyze(utf8: bytes) { term, start, end, _ in terms &+= term.count &* 31 &+ start &* 7 &+ end } }
        out += "K \(terms) \(BoilerplateModel.lineHashes(of: article.body))\n"
        out += "L \(ArticleLanguage(declared: article.metadata["language"], text: article.body).code ?? "-")\n"
        out += "S \(MinHashSignature(of: article.body)?.slots.map(String.init).joined(separator: ",") ?? "-")\n"
    }
    FileManager.default.createFile(atPath: dumpPath, contents: Data(out.utf8))
}

var rows: [(String, Double)] = []
if stage == "all" || stage == "read" {
    rows.append(("read and clean", fastest(passes) { sink &+= ingestor.read(data: data, path: path, format: .jsonl).articles.count }))
}
if stage == "all" || stage == "actors" {
    rows.append(("actor extraction", fastest(passes) {
        for article in articles {
            sink &+= extractor.extract(title: article.title, body: article.body).count
            for name in article.actors { sink &+= extractor.resolve(name).name.utf8.count }
        }
    }))
}
if stage == "all" || stage == "language" {
    // The indexer guesses each article's language before extracting its actors (`ArticleLanguage`).
    rows.append(("language guess", fastest(passes) {
        for article in articles { sink &+= ArticleLanguage(declared: article.metadata["language"], text: article.body).code?.utf8.count ?? 0 }
    }))
}
if stage == "all" || stage == "analyze" {
    rows.append(("analysis", fastest(passes) {
        for article in articles {
            for var text in [article.title, article.body] {
                text.withUTF8 { bytes in analyzer.analyze(utf8: bytes) { term, _, _, _ in sink &+= term.count } }
            }
        }
    }))
}
if stage == "all" || stage == "hashes" {
    rows.append(("line hashes", fastest(passes) { for article in articles { sink &+= BoilerplateModel.lineHashes(of: article.body).count } }))
}
if stage == "all" || stage == "signature" {
    rows.append(("copy signature", fastest(passes) { for article in articles { sink &+= MinHashSignature(of: article.body)?.slots.count ?? 0 } }))
}
print(String(format: "gazetteer built in %.1f ms (thread CPU, once per process)", gazetteerSeconds * 1000))
print("\(articles.count) articles, \(String(format: "%.1f", megabytes)) MB of title + body text; fastest of \(passes) passes, thread CPU time")
for (name, seconds) in rows {
    print("  \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%7.3f s  %6.1f MB/s", seconds, megabytes / seconds))")
}
if rows.count > 1 {
    let total = rows.reduce(0) { $0 + $1.1 }
    print("  \("all stages".padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%7.3f s  %6.1f MB/s", total, megabytes / total))")
}
if sink == 42 { print("") }  // keeps the work from being optimised away
