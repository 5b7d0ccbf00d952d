// bench-query: in-process query latency over an existing index, through the whole engine
// (parse, rank, top-10 with snippets, and the date, source and actor facets). Queries are drawn from
// the index's own vocabulary by how many documents they match, so any corpus can be measured.
//
// Usage: bench-query INDEX.sqlite [--queries N] [--rounds R]
// Prints one JSON object: p50/p95 milliseconds for broad queries (the most frequent terms) and for
// selective ones (terms in 100–1,000 documents), with the mean match count of each set.
import Foundation
import GRDB
import NewsSearch

let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: bench-query INDEX.sqlite [--queries N] [--rounds R]\n".utf8))
    exit(2)
}
@MainActor func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}
let count = option("--queries", 50)
let rounds = option("--rounds", 3)

let store = try IndexStore(path: path, access: .readOnly)
var configuration = Configuration()
configuration.readonly = true
configuration.prepareDatabase { db in SQLiteExtensions.install(in: db) }
let vocabulary = try DatabaseQueue(path: path, configuration: configuration).read { db in
    try Row.fetchAll(
        db, sql: "SELECT term, doc FROM documents_vocab WHERE length(term) > 3 AND term GLOB '[a-z]*' ORDER BY doc DESC")
}.map { ($0[0] as String, $0[1] as Int) }
let documents = try IndexCatalog(store: store).statistics().documents
let broad = Array(vocabulary.prefix(count))
let selective = Array(vocabulary.filter { (100...1_000).contains($0.1) }.prefix(count))
let searcher = Searcher(store: store)

@MainActor func measure(_ terms: [(String, Int)]) throws -> [String: Double] {
    var timings: [Double] = []
    var totals = 0
    for (term, _) in terms {
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            let results = try searcher.search(SearchRequest(text: term))
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            totals += results.total
        }
        timings.append(best)
    }
    timings.sort()
    guard !timings.isEmpty else { return [:] }
    return [
        "p50_ms": timings[timings.count / 2], "p95_ms": timings[min(timings.count - 1, timings.count * 95 / 100)],
        "mean_matches": Double(totals) / Double(terms.count * rounds), "queries": Double(terms.count),
    ]
}

let report: [String: Any] = [
    "documents": documents, "broad": try measure(broad), "selective": try measure(selective), "rounds": rounds,
]
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
