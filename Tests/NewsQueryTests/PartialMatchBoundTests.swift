import PropertyBased
import Testing

@testable import NewsQuery

/// ``BM25FModel/partialMatchBound(_:)`` is what lets a pass skip ranking partial matches: it must lie
/// above every score a document lacking a clause can get, and below what full matches reach, or it
/// would prune nothing.
@Suite struct PartialMatchBoundTests {
    /// PropertyBased's seeded generator, so a failure can be replayed.
    typealias Seeded = Xoshiro

    @Test func noPartialMatchScoresAboveTheBound() throws {
        var random = Seeded(seed: (17, 1, 2, 3))
        let models = [BM25FModel(), BM25FModel(parameters: RankingParameters(coverage: 2, proximity: 1, delta: 0.5))]
        for round in 0..<20_000 {
            let model = models[round % models.count]
            let clauses = Int.random(in: 2...8, using: &random)
            let phrases = clauses + Int.random(in: 0...6, using: &random)
            // Every clause has a phrase; the rest are synonyms of a clause or added by feedback.
            let phraseClause = (0..<phrases).map { phrase in
                phrase < clauses ? phrase
                    : Bool.random(using: &random) ? MatchExpression.expansionClause : Int.random(in: 0..<clauses, using: &random)
            }
            var statistics = MatchStatistics(
                clauseCount: clauses, idf: (0..<phrases).map { _ in Double.random(in: 0.01...9, using: &random) },
                averageLength: [9, 220], columnLength: [Int.random(in: 1...20, using: &random), Int.random(in: 1...900, using: &random)],
                hits: [])
            statistics.phraseClause = phraseClause
            statistics.phraseWeight = (0..<phrases).map { _ in Double.random(in: 0...3, using: &random) }
            statistics.fullCoverageWeight = statistics.clauseWeight(clauses: clauses)
            let bound = try #require(model.partialMatchBound(statistics))

            let lacking = Int.random(in: 0..<clauses, using: &random)
            let present = (0..<phrases).filter { phraseClause[$0] != lacking }
            var hits: [(phrase: Int, column: Int, offset: Int)] = []
            for _ in 0..<Int.random(in: 1...60, using: &random) {
                hits.append((present.randomElement(using: &random)!, Int.random(in: 0...1, using: &random), Int.random(in: 0...40, using: &random)))
            }
            statistics.hits = hits.sorted { ($0.column, $0.offset) < ($1.column, $1.offset) }
            let score = model.score(statistics)
            #expect(score < bound, "round \(round): \(score) ≥ \(bound)")
            if score >= bound { return }
        }
    }

    /// A partial match with none of the essential phrases for a threshold scores below it, whatever
    /// else it has; and a threshold no partial match can reach needs none.
    @Test func partialMatchesWithoutEssentialPhrasesScoreBelowTheThreshold() throws {
        var random = Seeded(seed: (29, 1, 2, 3))
        let model = BM25FModel()
        var restricted = 0
        for round in 0..<5_000 {
            let clauses = Int.random(in: 2...9, using: &random)
            let phrases = clauses + Int.random(in: 0...12, using: &random)
            let phraseClause = (0..<phrases).map { phrase in
                phrase < clauses ? phrase
                    : Bool.random(using: &random) ? MatchExpression.expansionClause : Int.random(in: 0..<clauses, using: &random)
            }
            var statistics = MatchStatistics(
                clauseCount: clauses, idf: (0..<phrases).map { _ in Double.random(in: 0.001...9, using: &random) },
                averageLength: [9, 220], columnLength: [Int.random(in: 1...20, using: &random), Int.random(in: 1...900, using: &random)],
                hits: [])
            statistics.phraseClause = phraseClause
            statistics.phraseWeight = (0..<phrases).map { _ in Double.random(in: 0...3, using: &random) }
            statistics.fullCoverageWeight = statistics.clauseWeight(clauses: clauses)
            let threshold = Double.random(in: 0...60, using: &random)
            guard let essential = model.essentialPhrases(statistics, below: threshold) else { continue }
            if !essential.isEmpty && essential.count < phrases { restricted += 1 }
            // Some clause lacking, none of the essential phrases, anything else.
            let lacking = Int.random(in: 0..<clauses, using: &random)
            let present = (0..<phrases).filter { phraseClause[$0] != lacking && !essential.contains($0) }
            guard !present.isEmpty else { continue }
            var hits: [(phrase: Int, column: Int, offset: Int)] = []
            for _ in 0..<Int.random(in: 1...80, using: &random) {
                hits.append((present.randomElement(using: &random)!, Int.random(in: 0...1, using: &random), Int.random(in: 0...40, using: &random)))
            }
            statistics.hits = hits.sorted { ($0.column, $0.offset) < ($1.column, $1.offset) }
            let score = model.score(statistics)
            #expect(score < threshold, "round \(round): \(score) ≥ \(threshold) without \(essential)")
            if score >= threshold { return }
        }
        // Otherwise the thresholds drawn would test only the two ends.
        #expect(restricted > 500)
    }

    @Test func excludedPhrasesAreNeverEssential() throws {
        var statistics = MatchStatistics(clauseCount: 2, idf: [3, 2, 8], averageLength: [9, 220], columnLength: [8, 200], hits: [])
        statistics.phraseClause = [0, 1, -1]
        statistics.fullCoverageWeight = statistics.clauseWeight(clauses: 2)
        let essential = try #require(BM25FModel().essentialPhrases(statistics, below: 4))
        #expect(!essential.contains(2))
        #expect(essential == [0])
    }

    @Test func fullMatchesInTheTitleScoreAboveIt() throws {
        let model = BM25FModel()
        var statistics = MatchStatistics(
            clauseCount: 2, idf: [3, 3], averageLength: [9, 220], columnLength: [8, 200],
            hits: [(0, 0, 1), (1, 0, 2), (0, 1, 5), (1, 1, 6), (0, 1, 40), (1, 1, 41)])
        statistics.fullCoverageWeight = statistics.clauseWeight(clauses: 2)
        let bound = try #require(model.partialMatchBound(statistics))
        #expect(model.score(statistics) > bound)
    }

    @Test func aQueryOfOneClauseHasNoPartialMatches() {
        let statistics = MatchStatistics(clauseCount: 1, idf: [3], averageLength: [9, 220], columnLength: [8, 200], hits: [])
        #expect(BM25FModel().partialMatchBound(statistics) == nil)
    }
}
