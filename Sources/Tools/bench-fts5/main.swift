// bench-fts5: builds the same FTS5 table twice — with our `newssearch` tokenizer and with FTS5's
// built-in `porter unicode61 remove_diacritics 2` — and times top-10 queries ranked by our
// `newsrank` against plain `bm25()` on the same table. Prints one JSON object; scripts/bench-fts5
// and scripts/bench-ranking read it.
//
// Usage: bench-fts5 CORPUS.jsonl [--rounds N] [--workdir DIR]
import Foundation
import NewsSearch

struct Options {
    var corpus = ""
    var rounds = 3
    var workdir = NSTemporaryDirectory()
}

func parseOptions() -> Options {
    var options = Options()
    var arguments = CommandLine.arguments.dropFirst()
    while let argument = arguments.popFirst() {
        switch argument {
        case "--rounds": options.rounds = Int(arguments.popFirst() ?? "") ?? options.rounds
        case "--workdir": options.workdir = arguments.popFirst() ?? options.workdir
        default: options.corpus = argument
        }
    }
    if options.corpus.isEmpty {
        FileHandle.standardError.write(Data("usage: bench-fts5 CORPUS.jsonl [--rounds N] [--workdir DIR]\n".utf8))
        exit(2)
    }
    return options
}

func loadCorpus(_ path: String) throws -> [(String, String)] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    var articles: [(String, String)] = []
    for line in data.split(separator: UInt8(ascii: "\n")) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
        let body = (object["body"] ?? object["text"] ?? object["content"]) as? String ?? ""
        articles.append((object["title"] as? String ?? "", body))
    }
    return articles
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Seconds to insert every article in batches of 10,000, as an indexer would commit. With `prepared`,
/// the next batch is analysed on a second thread while this one is written, and the tokenizer replays
/// those tokens: the way `search index` runs our tokenizer.
func build(_ database: SQLDatabase, tokenizer: String, articles: [(String, String)], prepared: Bool) throws -> Double {
    try database.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = '\(tokenizer)')")
    let batches = stride(from: 0, to: articles.count, by: 10_000).map { Array(articles[$0..<min($0 + 10_000, articles.count)]) }
    let analyze: @Sendable ([(String, String)]) -> [[PreparedTokens]] = { batch in
        batch.map { [PreparedTokens(analyzing: $0.0), PreparedTokens(analyzing: $0.1)] }
    }
    let start = now()
    var next = prepared && !batches.isEmpty ? Prefetch(analyze, batches[0]) : nil
    for (index, batch) in batches.enumerated() {
        let tokens = next?.value()
        next = prepared && index + 1 < batches.count ? Prefetch(analyze, batches[index + 1]) : nil
        try database.insert(
            "INSERT INTO t(title, body) VALUES (?, ?)", rows: batch.map { [.text($0.0), .text($0.1)] }, tokens: tokens)
    }
    return now() - start
}

/// Median milliseconds over `rounds` runs of each query, for the given rank function.
func queryLatency(_ database: SQLDatabase, rank: String, queries: [String], rounds: Int) throws -> (median: Double, p95: Double) {
    var timings: [Double] = []
    for query in queries {
        let match = query.split(separator: " ").map { "\"\($0)\"" }.joined(separator: " OR ")
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = now()
            _ = try database.rows(
                "SELECT rowid, rank FROM t WHERE t MATCH ? AND rank MATCH ? ORDER BY rank LIMIT 10", [.text(match), .text(rank)])
            best = min(best, now() - start)
        }
        timings.append(best * 1000)
    }
    timings.sort()
    return (timings[timings.count / 2], timings[min(timings.count - 1, timings.count * 95 / 100)])
}

/// Queries typical of the Reuters collection: one to four words, common and rare terms mixed.
let queries = [
    "oil prices", "bank", "interest rates", "trade deficit", "coffee", "gold", "japan", "dollar yen",
    "opec production", "wheat exports", "acquisition", "merger talks", "earnings per share", "crude oil",
    "federal reserve", "money supply", "grain", "soybeans", "tin council", "strike", "takeover bid",
    "current account", "inflation", "bundesbank", "unemployment rate", "debt rescheduling", "brazil debt",
    "sugar", "cocoa", "shipping", "copper", "steel imports", "tax", "stock split", "dividend",
    "profit", "loss", "quarter results", "treasury", "bonds", "reagan", "baker", "volcker", "london",
    "tokyo stock exchange", "natural gas", "iran", "ecuador", "canada", "china",
]

let options = parseOptions()
do {
    let articles = try loadCorpus(options.corpus)
    let textBytes = articles.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count }
    var results: [String: Any] = ["articles": articles.count, "text_bytes": textBytes]
    var builds: [String: Double] = [:]
    var built: SQLDatabase?
    for (name, tokenizer) in [
        ("builtin", "porter unicode61 remove_diacritics 2"), ("ours_inline", "newssearch"), ("ours", "newssearch"),
    ] {
        var best = Double.infinity
        for round in 0..<options.rounds {
            let path = options.workdir + "/bench-fts5-\(name).sqlite"
            let database = try SQLDatabase(path: path, fresh: true)
            best = min(best, try build(database, tokenizer: tokenizer, articles: articles, prepared: name == "ours"))
            if round == options.rounds - 1 && name == "ours" { built = database }
        }
        builds[name] = best
    }
    results["build_seconds_builtin"] = builds["builtin"]
    results["build_seconds_ours"] = builds["ours"]
    results["build_ratio"] = builds["ours"]! / builds["builtin"]!
    results["build_seconds_ours_inline"] = builds["ours_inline"]
    results["build_ratio_inline"] = builds["ours_inline"]! / builds["builtin"]!
    if let built {
        let bm25 = try queryLatency(built, rank: "bm25(2.0, 1.0)", queries: queries, rounds: options.rounds)
        let ours = try queryLatency(built, rank: "newsrank()", queries: queries, rounds: options.rounds)
        results["query_ms_bm25_median"] = bm25.median
        results["query_ms_bm25_p95"] = bm25.p95
        results["query_ms_newsrank_median"] = ours.median
        results["query_ms_newsrank_p95"] = ours.p95
        results["query_ratio_median"] = ours.median / bm25.median
    }
    let json = try JSONSerialization.data(withJSONObject: results, options: [.sortedKeys])
    print(String(decoding: json, as: UTF8.self))
} catch {
    FileHandle.standardError.write(Data("bench-fts5: \(error)\n".utf8))
    exit(1)
}
