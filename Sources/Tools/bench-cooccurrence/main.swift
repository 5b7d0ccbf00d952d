// bench-cooccurrence: in-process latency of `search actors --with` and `--graph` over an existing index,
// through the engine (name resolution, the selection, the passes over the facet columns, names).
//
// Usage: bench-cooccurrence INDEX.sqlite [--actors N] [--rounds R] [--min-docs A] [--max-docs B]
// Picks the N non-location actors whose article counts are closest to the middle of [A, B] (default
// 1,000–5,000: "an actor in a few thousand articles"), and prints one JSON object with p50/p95
// milliseconds (best of R rounds per actor) for:
//   with_all:        --with NAME over every article (no query, no filter),
//   with_broad:      --with NAME over the matches of a word in about a tenth of the articles,
//   with_year:       --with NAME --since Y --until Y (the corpus's busiest year),
//   graph_all:       --graph over every article (50 nodes, edges of 2 or more),
//   graph_broad:     --graph over the broad word's matches,
// each with this thread's CPU time, and the first call's time (it loads the facet columns).
// `--peer` also times, on the same file in the same run, the plain SQL a first version would write:
// the actor's partners by a self-join of document_actors, GROUP BY, plus every actor's article count
// (needed for any association measure), and prints the ratio. The index packs its links (one row per
// article), so the tool unpacks them first into a temporary `document_actors` with both B-tree orders.
import Foundation
import NewsQuery
import NewsDates
import NewsSearch

let arguments = Array(CommandLine.arguments.dropFirst())
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: bench-cooccurrence INDEX.sqlite [--actors N] [--rounds R]\n".utf8))
    exit(2)
}
@MainActor func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}
let count = option("--actors", 20)
let rounds = option("--rounds", 3)
let low = option("--min-docs", 1_000), high = option("--max-docs", 5_000)

let database = try SQLDatabase(path: path, readOnly: true)
try database.unpackActorLinks()
let actors = try database.rows(
    """
    SELECT a.id, a.name, COUNT(*) AS n FROM document_actors da JOIN actors a ON a.id = da.actor_id
    WHERE a.type != 'location' GROUP BY a.id HAVING n BETWEEN ? AND ? ORDER BY abs(n - ?), a.name LIMIT ?
    """,
    [.init(low), .init(high), .init((low + high) / 2), .init(count)]
).map { (Int64($0[0].int ?? 0), $0[1].string ?? "", $0[2].int ?? 0) }
let documents = try database.value("SELECT COUNT(*) FROM documents")?.int ?? 0
let broad = try database.value(
    "SELECT term FROM documents_vocab WHERE length(term) > 3 AND term GLOB '[a-z]*' ORDER BY abs(doc - ?) LIMIT 1",
    [.init(documents / 10)])?.string ?? "news"
let year = try database.value(
    "SELECT substr(date, 1, 4) AS y FROM documents WHERE date IS NOT NULL GROUP BY y ORDER BY COUNT(*) DESC LIMIT 1")?.string ?? "2025"
guard !actors.isEmpty else {
    FileHandle.standardError.write(Data("no actor in \(low)–\(high) articles in \(path)\n".utf8))
    exit(1)
}

let searcher = Searcher(store: try IndexStore(path: path, access: .readOnly))
let firstStart = DispatchTime.now().uptimeNanoseconds
_ = try searcher.associations(AssociationRequest(actor: actors[0].1))
let firstCall = Double(DispatchTime.now().uptimeNanoseconds - firstStart) / 1e6

func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

func percentile(_ sorted: [Double], _ p: Int) -> Double { sorted[min(sorted.count - 1, sorted.count * p / 100)] }

/// Best of `rounds` per item, as p50/p95 over the items, wall and thread CPU.
@MainActor func measure<T>(_ items: [T], _ body: (T) throws -> Int) rethrows -> [String: Double] {
    var wall: [Double] = [], cpu: [Double] = []
    var sizes = 0
    for item in items {
        var best = Double.infinity, bestCPU = Double.infinity
        for _ in 0..<rounds {
            let cpuStart = threadCPUMilliseconds()
            let start = DispatchTime.now().uptimeNanoseconds
            sizes += try body(item)
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            bestCPU = min(bestCPU, threadCPUMilliseconds() - cpuStart)
        }
        wall.append(best)
        cpu.append(bestCPU)
    }
    wall.sort()
    cpu.sort()
    return [
        "p50_ms": percentile(wall, 50), "p95_ms": percentile(wall, 95), "cpu_p50_ms": percentile(cpu, 50),
        "cpu_p95_ms": percentile(cpu, 95), "mean_selected": Double(sizes) / Double(items.count * rounds),
        "runs": Double(items.count),
    ]
}

func with(_ name: String, _ scope: ArticleScope) throws -> Int {
    var request = AssociationRequest(actor: name)
    request.scope = scope
    let answer = try searcher.associations(request)
    return answer.selected
}

let yearDate = ArticleDate(parsing: year)
var report: [String: Any] = [
    "documents": documents, "rounds": rounds, "first_call_ms": firstCall, "broad_word": broad, "year": year,
    "actors": actors.map { ["name": $0.1, "articles": $0.2] as [String: Any] },
    "with_all": try measure(actors) { try with($0.1, ArticleScope()) },
    "with_broad": try measure(actors) { try with($0.1, ArticleScope(text: broad)) },
    "with_year": try measure(actors) { try with($0.1, ArticleScope(filters: QueryFilters(since: yearDate, until: yearDate))) },
    "graph_all": try measure(Array(repeating: (), count: 5)) { try searcher.actorGraph(ActorGraphRequest()).selected },
    "graph_broad": try measure(Array(repeating: (), count: 5)) {
        var request = ActorGraphRequest()
        request.scope = ArticleScope(text: broad)
        return try searcher.actorGraph(request).selected
    },
]
if arguments.contains("--peer") {
    let peer = try measure(actors) { actor -> Int in
        _ = try database.rows(
            """
            SELECT b.actor_id, COUNT(*) FROM document_actors a JOIN document_actors b ON b.document_id = a.document_id
            WHERE a.actor_id = ? AND b.actor_id != a.actor_id GROUP BY b.actor_id
            """,
            [.integer(actor.0)])
        _ = try database.rows("SELECT actor_id, COUNT(*) FROM document_actors GROUP BY actor_id")
        return documents
    }
    report["peer_sql_with_all"] = peer
    let ours = report["with_all"] as! [String: Double]
    report["p50_ratio_ours_to_peer"] = ours["p50_ms"]! / peer["p50_ms"]!
}
print(String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
