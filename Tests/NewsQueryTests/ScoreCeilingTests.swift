import PropertyBased
import Testing

@testable import NewsQuery

/// ``ScoreCeiling`` lets the rank function refuse a row before ranking it: it must never refuse a row
/// whose score reaches the floor, and must refuse rows that plainly cannot, or it saves nothing.
@Suite struct ScoreCeilingTests {
    typealias Seeded = PartialMatchBoundTests.Seeded

    /// Random queries (clauses, synonyms, feedback phrases, weights) and rows (hits in both fields).
    static func statistics(_ random: inout Seeded) -> MatchStatistics {
        let clauses = Int.random(in: 1...9, using: &random)
        let phrases = clauses + Int.random(in: 0...8, using: &random)
        var statistics = MatchStatistics(
            clauseCount: clauses, idf: (0..<phrases).map { _ in Double.random(in: 0.001...9, using: &random) },
            averageLength: [9, 220], columnLength: [Int.random(in: 1...20, using: &random), Int.random(in: 1...900, using: &random)],
            hits: [])
        statistics.phraseClause = (0..<phrases).map { phrase in
            phrase < clauses ? phrase
                : Bool.random(using: &random) ? MatchExpression.expansionClause : Int.random(in: 0..<clauses, using: &random)
        }
        statistics.phraseWeight = (0..<phrases).map { _ in Double.random(in: 0...3, using: &random) }
        statistics.fullCoverageWeight = statistics.clauseWeight(clauses: clauses)
        let present = (0..<phrases).filter { _ in Int.random(in: 0..<3, using: &random) == 0 }
        for _ in 0..<(present.isEmpty ? 0 : Int.random(in: 1...40, using: &random)) {
            statistics.hits.append(
                (present.randomElement(using: &random)!, Int.random(in: 0...1, using: &random), Int.random(in: 0...60, using: &random)))
        }
        statistics.hits.sort { ($0.column, $0.offset) < ($1.column, $1.offset) }
        return statistics
    }

    static func counts(_ statistics: MatchStatistics) -> (Int) -> (title: Int, body: Int) {
        { phrase in
            let hits = statistics.hits.filter { $0.phrase == phrase }
            return (hits.filter { $0.column == 0 }.count, hits.filter { $0.column != 0 }.count)
        }
    }

    @Test func noRowScoringTheFloorIsRefused() {
        var random = Seeded(seed: (41, 1, 2, 3))
        let models = [BM25FModel(), BM25FModel(parameters: RankingParameters(coverage: 2, proximity: 1, delta: 0.5))]
        var refused = 0
        for round in 0..<20_000 {
            let model = models[round % models.count]
            let statistics = Self.statistics(&random)
            guard let ceiling = ScoreCeiling(model: model, statistics: statistics) else {
                Issue.record("no ceiling for a non-negative coverage exponent")
                return
            }
            let score = model.score(statistics)
            let reach = { (floor: Double) in
                ceiling.canReach(
                    floor, titleLength: statistics.columnLength[0], bodyLength: statistics.columnLength[1], hits: Self.counts(statistics))
            }
            #expect(reach(score), "round \(round): a row scoring \(score) refused at its own score")
            let above = score * Double.random(in: 1...3, using: &random) + Double.random(in: 0...2, using: &random)
            if !reach(above) { refused += 1 }
            if !reach(score) { return }
        }
        // The ceiling is the score but for proximity: most rows are refused a floor well above their score.
        #expect(refused > 10_000, "refused only \(refused) of 20,000")
    }

    /// A row is refused as soon as the phrases still unasked cannot lift it to the floor: a row with
    /// only the lightest phrase of a query is never asked about the others twice.
    @Test func refusesAfterTheHeavyPhrasesAreMissing() throws {
        var statistics = MatchStatistics(
            clauseCount: 3, idf: [0.01, 6, 5], averageLength: [9, 220], columnLength: [9, 220], hits: [(0, 1, 4)])
        statistics.fullCoverageWeight = statistics.clauseWeight(clauses: 3)
        let ceiling = try #require(ScoreCeiling(model: BM25FModel(), statistics: statistics))
        var asked: [Int] = []
        let reaches = ceiling.canReach(10, titleLength: 9, bodyLength: 220) { phrase in
            asked.append(phrase)
            return phrase == 0 ? (0, 1) : (0, 0)
        }
        #expect(!reaches)
        #expect(asked == [1, 2])
    }

    @Test func aNegativeCoverageExponentHasNoCeiling() {
        let statistics = MatchStatistics(clauseCount: 2, idf: [1, 2], averageLength: [9, 220], columnLength: [9, 220], hits: [])
        #expect(ScoreCeiling(model: BM25FModel(parameters: RankingParameters(coverage: -1)), statistics: statistics) == nil)
    }
}
