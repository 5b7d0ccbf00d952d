// `tune-ranking --engine`: the whole engine (Indexer, Searcher) instead of the rank function alone, so
// that settings of the query-time steps around `newsrank` — relevance feedback for long queries — can
// be scored in one process. One TREC run per setting, and the mean in-process time per query.
//
// Usage: tune-ranking --engine CORPUS.jsonl QUERIES.tsv OUTDIR SETTING…
//   SETTING: name=documents,terms,originalWeight,functionWordWeight,minimumClauses,maximumDocumentShare (empty field:
//   default), or name=off (no feedback).
import Foundation
import NewsQuery
import NewsSearch

func runEngine(_ arguments: [String]) throws {
    guard arguments.count >= 4 else {
        FileHandle.standardError.write(Data("usage: tune-ranking --engine CORPUS.jsonl QUERIES.tsv OUTDIR SETTING…\n".utf8))
        exit(2)
    }
    let (corpusPath, queriesPath, outDirectory) = (arguments[0], arguments[1], arguments[2])
    let indexPath = outDirectory + "/engine.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: indexPath + suffix) }
    let store = try IndexStore(path: indexPath, access: .readWrite)
    _ = try Indexer(store: store).run(IndexJob(paths: [corpusPath]))
    let searcher = Searcher(store: store)
    let queries: [(String, String)] = try String(contentsOfFile: queriesPath, encoding: .utf8)
        .split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    for setting in arguments.dropFirst(3) {
        let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { continue }
        var feedback: RelevanceFeedback? = .default
        if parts[1] == "off" {
            feedback = nil
        } else if !parts[1].isEmpty {
            let values = parts[1].split(separator: ",", omittingEmptySubsequences: false).map { Double($0) }
            func value(_ index: Int) -> Double? { index < values.count ? values[index] : nil }
            feedback?.documents = value(0).map { Int($0) } ?? RelevanceFeedback.default.documents
            feedback?.terms = value(1).map { Int($0) } ?? RelevanceFeedback.default.terms
            feedback?.originalWeight = value(2) ?? RelevanceFeedback.default.originalWeight
            feedback?.functionWordWeight = value(3) ?? RelevanceFeedback.default.functionWordWeight
            feedback?.minimumClauses = value(4).map { Int($0) } ?? RelevanceFeedback.default.minimumClauses
            feedback?.maximumDocumentShare = value(5) ?? RelevanceFeedback.default.maximumDocumentShare
        }
        var run = ""
        var milliseconds = 0.0
        for (queryID, text) in queries {
            var request = SearchRequest(text: text)
            request.limit = 1000
            request.match = .any
            request.facets = []
            request.feedback = feedback
            let results = try searcher.search(request)
            milliseconds += results.tookMilliseconds
            for hit in results.hits {
                run += "\(queryID) Q0 \(hit.id) \(hit.rank) \(hit.score) \(parts[0])\n"
            }
        }
        try run.write(toFile: outDirectory + "/\(parts[0]).run", atomically: true, encoding: .utf8)
        FileHandle.standardError.write(Data(String(format: "%@: %.1f ms per query\n", parts[0], milliseconds / Double(max(queries.count, 1))).utf8))
    }
}
