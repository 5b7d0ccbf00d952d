// tune-ranking: ranks a judged collection in-process with `newsrank` under several parameter
// settings, writing one TREC run per setting, so scripts/tune-ranking can score a grid in seconds.
//
// Usage: tune-ranking CORPUS.jsonl QUERIES.tsv OUTDIR SETTING…
//   SETTING: name=k1,titleWeight,bodyWeight,coverage,proximity,titleB,bodyB  (empty field: default)
//   Also "bm25=bm25" ranks with FTS5's bm25(2.0, 1.0) on the same table, for comparison.
//   With --engine first: the whole engine and relevance-feedback settings (EngineRuns.swift).
import Foundation
import GRDB
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

var configuration = Configuration()
configuration.prepareDatabase { db in SQLiteExtensions.install(in: db) }
let queue = try DatabaseQueue(configuration: configuration)
var ids: [Int64: String] = [:]
try queue.write { db in
    try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'newssearch')")
    let statement = try db.makeStatement(sql: "INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)")
    let data = try Data(contentsOf: URL(fileURLWithPath: corpusPath))
    var rowid: Int64 = 0
    for line in data.split(separator: UInt8(ascii: "\n")) {
        guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else { continue }
        rowid += 1
        ids[rowid] = object["id"] as? String ?? String(rowid)
        try statement.execute(arguments: [rowid, object["title"] as? String ?? "", object["body"] as? String ?? ""])
    }
}
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
    try queue.read { db in
        for (queryID, expression) in compiled {
            guard let expression else { continue }
            let rows: [Row]
            if values == "bm25" {
                rows = try Row.fetchAll(
                    db, sql: "SELECT rowid, bm25(t, 2.0, 1.0) AS score FROM t WHERE t MATCH ? ORDER BY score LIMIT 1000",
                    arguments: [expression.text])
            } else {
                let call = RankCall(expression, parameters: parameters(values))
                let statement = try db.makeStatement(
                    sql: "SELECT rowid, newsrank(t, :input) AS score FROM t WHERE t MATCH :expression ORDER BY score LIMIT 1000")
                try statement.setArguments(["input": nil, "expression": expression.text])
                call.bindInput(statement)
                rows = try withExtendedLifetime(call) { try Row.fetchAll(statement) }
            }
            for (index, row) in rows.enumerated() {
                run += "\(queryID) Q0 \(ids[row[0]]!) \(index + 1) \(-(row[1] as Double)) \(name)\n"
            }
        }
    }
    try run.write(toFile: outDirectory + "/\(name).run", atomically: true, encoding: .utf8)
}
