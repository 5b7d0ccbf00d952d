// bench-query: in-process query latency over an existing index, through the whole engine
// (parse, rank, top-10 with snippets, and the date, source and actor facets). Queries are drawn from
// the index's own vocabulary by how many documents they match, so any corpus can be measured.
//
// Usage: bench-query INDEX.sqlite [--queries N] [--rounds R] [--sort newest]
// Prints one JSON object: p50/p95 milliseconds (best of R rounds per query) for
//   broad:       single words in about a tenth of the articles (100,000 of 1M: issue 7's broad query),
//   broad_pairs: two words each in about a twentieth (auto mode: all-terms set counted, any-term ranked),
//   commonest:   the most frequent words (nearly every article matches),
//   selective:   words in 100–1,000 articles,
// each with its mean match count and the same percentiles of this thread's CPU time (steadier than wall
// time on a shared machine), and the first query's time (it loads the facet columns).
// `--sort newest` orders by date instead: the same pass without computing scores, to see what ranking costs.
// `--peer` also times, for the broad and selective words on the same index and in the same run, the plain
// FTS5 path: top-10 by `bm25()` and the three facets by SQL `GROUP BY` over the matches, and prints the ratios.
// `--mix FILE` instead times each query of FILE (one per line, the query syntax with inline filters such as
// `actor:"United States"`; `#` lines skipped): per query, best-of-R and median wall, this thread's CPU and the
// process's CPU (all threads: the pass over a broad query's matches is split across cores), matches, hits,
// and how many matches were ranked (the rest were filtered out or could not reach the page): the per-class
// profile of a load mix such as `scripts/bench-serve.lua`'s (`scripts/queries/serve-mix.txt`).
// `--repeat N` runs the mix N times before measuring (for `perf record` of one process).
// `--words CLASS` (broad, broad_pairs, commonest, selective) prints that class's queries instead.
import Foundation
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
let sort = arguments.firstIndex(of: "--sort").flatMap { $0 + 1 < arguments.count ? SearchRequest.Sort(rawValue: arguments[$0 + 1]) : nil }
    ?? .relevance

let store = try IndexStore(path: path, access: .readOnly)
let database = try SQLDatabase(path: path, readOnly: true)
let vocabulary = try database.rows(
    "SELECT term, doc FROM documents_vocab WHERE length(term) > 3 AND term GLOB '[a-z]*' ORDER BY doc DESC"
).map { ($0[0].string ?? "", $0[1].int ?? 0) }
let documents = try IndexCatalog(store: store).statistics().documents
/// The `count` words whose document frequency is closest to `target`.
func near(_ target: Int) -> [(String, Int)] {
    Array(vocabulary.sorted { abs($0.1 - target) < abs($1.1 - target) }.prefix(count))
}
let commonest = Array(vocabulary.prefix(count))
let broad = near(documents / 10)
let halves = near(documents / 20)
let broadPairs = halves.indices.map { (halves[$0].0 + " " + halves[($0 + 1) % halves.count].0, 0) }
// Index terms are stems; a few analyse to another stem when typed ("comprehens"), match nothing and
// time the spelling help instead of a selective query. Such terms are left out of this class.
let selectiveTerms = vocabulary.filter { (100...1_000).contains($0.1) }
let searcher = Searcher(store: store)
let firstStart = DispatchTime.now().uptimeNanoseconds
_ = try searcher.search(SearchRequest(text: selectiveTerms.first?.0 ?? "news"))
let firstQuery = Double(DispatchTime.now().uptimeNanoseconds - firstStart) / 1e6
var selective: [(String, Int)] = []
for term in selectiveTerms where selective.count < count {
    if try searcher.search(SearchRequest(text: term.0)).total > 0 { selective.append(term) }
}

// `--words CLASS` prints the class's queries, one per line, for `--mix` to time one by one.
if let index = arguments.firstIndex(of: "--words"), index + 1 < arguments.count {
    let classes = ["broad": broad, "broad_pairs": broadPairs, "commonest": commonest, "selective": selective]
    for (query, _) in classes[arguments[index + 1]] ?? [] { print(query) }
    exit(0)
}

/// This thread's CPU time in milliseconds: on a shared machine it moves less than wall time does.
func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// Milliseconds of `body`, best of `rounds`, as p50/p95 over `terms`.
@MainActor func percentiles(_ terms: [(String, Int)], _ body: (String) throws -> Void) rethrows -> [String: Double] {
    var timings: [Double] = []
    for (term, _) in terms {
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds
            try body(term)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        timings.append(best)
    }
    timings.sort()
    guard !timings.isEmpty else { return [:] }
    return ["p50_ms": timings[timings.count / 2], "p95_ms": timings[min(timings.count - 1, timings.count * 95 / 100)]]
}

/// The plain FTS5 path a peer engine would take on the same file: bm25() top-10, GROUP BY facets.
@MainActor func peer(_ terms: [(String, Int)]) throws -> [String: [String: Double]] {
    let matches = "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?"
    let top = try percentiles(terms) { term in
        _ = try database.rows(
            "SELECT rowid, bm25(documents_fts) FROM documents_fts WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT 10",
            [.text("\"\(term)\"")])
    }
    let facets = try percentiles(terms) { term in
        let arguments: [SQLDatabase.Value] = [.text("\"\(term)\"")]
        _ = try database.rows("SELECT source_id, COUNT(*) FROM documents WHERE id IN (\(matches)) GROUP BY source_id", arguments)
        _ = try database.rows("SELECT substr(date, 1, 7), COUNT(*) FROM documents WHERE id IN (\(matches)) GROUP BY 1", arguments)
        _ = try database.rows(
            "SELECT actor_id, COUNT(*) AS n FROM document_actors WHERE document_id IN (\(matches)) GROUP BY actor_id ORDER BY n DESC LIMIT 10",
            arguments)
    }
    return ["bm25_top10": top, "group_by_facets": facets]
}

@MainActor func measure(_ terms: [(String, Int)]) throws -> [String: Double] {
    var timings: [Double] = []
    var cpu: [Double] = []
    var totals = 0
    for (term, _) in terms {
        var best = Double.infinity
        var bestCPU = Double.infinity
        for _ in 0..<rounds {
            let cpuStart = threadCPUMilliseconds()
            let start = DispatchTime.now().uptimeNanoseconds
            var request = SearchRequest(text: term)
            request.sort = sort
            let results = try searcher.search(request)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            bestCPU = min(bestCPU, threadCPUMilliseconds() - cpuStart)
            totals += results.total
        }
        timings.append(best)
        cpu.append(bestCPU)
    }
    timings.sort()
    cpu.sort()
    guard !timings.isEmpty else { return [:] }
    return [
        "p50_ms": timings[timings.count / 2], "p95_ms": timings[min(timings.count - 1, timings.count * 95 / 100)],
        "cpu_p50_ms": cpu[cpu.count / 2], "cpu_p95_ms": cpu[min(cpu.count - 1, cpu.count * 95 / 100)],
        "mean_matches": Double(totals) / Double(terms.count * rounds), "queries": Double(terms.count),
    ]
}

/// The whole process's CPU time in milliseconds: a pass split across cores runs partly on other threads.
func processCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

/// The `--mix` report: one entry per query line, in file order.
@MainActor func measureMix(_ file: String) throws -> [[String: Any]] {
    let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    for _ in 0..<option("--repeat", 0) {
        for line in lines { _ = try searcher.search(SearchRequest(text: line)) }
    }
    return try lines.map { line in
        var walls: [Double] = []
        var cpus: [Double] = []
        var processCPUs: [Double] = []
        var results: SearchResults?
        for _ in 0..<rounds {
            let cpuStart = threadCPUMilliseconds()
            let processStart = processCPUMilliseconds()
            let start = DispatchTime.now().uptimeNanoseconds
            results = try searcher.search(SearchRequest(text: line))
            walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            cpus.append(threadCPUMilliseconds() - cpuStart)
            processCPUs.append(processCPUMilliseconds() - processStart)
        }
        walls.sort()
        cpus.sort()
        processCPUs.sort()
        return [
            "query": line, "best_ms": walls[0], "median_ms": walls[walls.count / 2], "cpu_best_ms": cpus[0],
            "cpu_median_ms": cpus[cpus.count / 2], "process_cpu_best_ms": processCPUs[0],
            "process_cpu_median_ms": processCPUs[processCPUs.count / 2], "total": results?.total ?? 0,
            "hits": results?.hits.count ?? 0, "ranked": results?.rankedMatches ?? 0,
        ]
    }
}

if let index = arguments.firstIndex(of: "--mix"), index + 1 < arguments.count {
    let mix = try measureMix(arguments[index + 1])
    let report: [String: Any] = ["documents": documents, "rounds": rounds, "mix": mix]
    print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    exit(0)
}

var report: [String: Any] = [
    "documents": documents, "first_query_ms": firstQuery, "broad": try measure(broad),
    "broad_pairs": try measure(broadPairs), "commonest": try measure(commonest), "selective": try measure(selective),
    "rounds": rounds, "sort": sort.rawValue,
]
if arguments.contains("--peer") {
    // The peer's actor facet groups a row per link; the index packs them one row per article.
    try database.unpackActorLinks()
    for (name, terms) in [("broad", broad), ("selective", selective)] {
        let plain = try peer(terms)
        let ours = report[name] as! [String: Double]
        let both = (plain["bm25_top10"]!["p95_ms"]! + plain["group_by_facets"]!["p95_ms"]!)
        report["peer_" + name] = plain.merging(["p95_ratio_ours_to_top10_plus_facets": ["value": ours["p95_ms"]! / both]]) { a, _ in a }
    }
}
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
