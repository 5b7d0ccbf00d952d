// tune-ranking: ranks a judged collection in-process with `newsrank` under several parameter
// settings, writing one TREC run per setting, so scripts/tune-ranking can score a grid in seconds.
//
// Usage: tune-ranking CORPUS.jsonl QUERIES.tsv OUTDIR SETTING…
//   SETTING: name=k1,titleWeight,bodyWeight,coverage,proximity,titleB,bodyB  (empty field: default)
//   Also "bm25=bm25" ranks with FTS5's bm25(2.0, 1.0) on the same table, for comparison.
//   With --engine first: the whole engine and relevance-feedback settings (EngineRuns.swift).
import Foundation
import NewsQuery
import NewsSearch

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--engine" {
    try runEngine(Array(arguments.dropFirst()))
    exit(0)
}
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: tune-ranking CORPUS.jsonl QUERIES.tsv OUTDIR SETTING…\n".utf8))
    exit(2)
}
let (corpusPath, queriesPath, outDirectory) = (arguments[0], arguments[1], arguments[2])

let database = try SQLDatabase()
var ids: [Int64: String] = [:]
try database.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'newssearch')")
var rows: [[SQLDatabase.Value]] = []
for line in try Data(contentsOf: URL(fileURLWithPath: corpusPath)).split(separator: UInt8(ascii: "\n")) {
    guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
    let rowid = Int64(rows.count + 1)
    ids[rowid] = object["id"] as? String ?? String(rowid)
    rows.append([.integer(rowid), .text(object["title"] as? String ?? ""), .text(object["body"] as? String ?? "")])
}
try database.insert("INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)", rows: rows)
let queries: [(String, String)] = try String(contentsOfFile: queriesPath, encoding: .utf8)
    .split(separator: "\n").compactMap { line in
        let parts = line.split(separator: "\t", maxSplits: 1)
        return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
    }
/// `k1,titleWeight,bodyWeight,coverage,proximity,titleB,bodyB,delta`, an empty field keeping the default.
func parameters(_ values: String) -> RankingParameters {
    var parameters = RankingParameters.default
    let paths: [WritableKeyPath<RankingParameters, Double>] = [
        \.k1, \.titleWeight, \.bodyWeight, \.coverage, \.proximity, \.titleB, \.bodyB, \.delta,
    ]
    for (path, value) in zip(paths, values.split(separator: ",", omittingEmptySubsequences: false)) {
        if let number = Double(value) { parameters[keyPath: path] = number }
    }
    return parameters
}

let parser = QueryParser()
let compiled = queries.map { id, text -> (String, MatchExpression?) in
    (id, MatchExpression(parser.parse(text), mode: .any))
}

for setting in arguments.dropFirst(3) {
    let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2 else { continue }
    let (name, values) = (parts[0], parts[1])
    var run = ""
    for (queryID, expression) in compiled {
        guard let expression else { continue }
        let ranked: [[SQLDatabase.Value]]
        if values == "bm25" {
            ranked = try database.rows(
                "SELECT rowid, bm25(t, 2.0, 1.0) AS score FROM t WHERE t MATCH ? ORDER BY score LIMIT 1000", [.text(expression.text)])
        } else {
            ranked = try database.rankedRows(
                "SELECT rowid, newsrank(t, :input) AS score FROM t WHERE t MATCH :expression ORDER BY score LIMIT 1000",
                call: RankCall(expression, parameters: parameters(values)), expression: expression.text)
        }
        for (index, row) in ranked.enumerated() {
            run += "\(queryID) Q0 \(ids[Int64(row[0].int ?? 0)]!) \(index + 1) \(-(row[1].double ?? 0)) \(name)\n"
        }
    }
    try run.write(toFile: outDirectory + "/\(name).run", atomically: true, encoding: .utf8)
}
