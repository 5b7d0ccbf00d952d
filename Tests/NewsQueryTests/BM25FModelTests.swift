import Testing

@testable import NewsQuery

/// Orderings the ranking must produce, on hand-made statistics (no SQLite involved).
@Suite struct BM25FModelTests {
    let model = BM25FModel()

    func stats(_ hits: [(Int, Int, Int)], clauses: Int = 2, lengths: [Int] = [8, 200]) -> MatchStatistics {
        MatchStatistics(
            clauseCount: clauses, idf: Array(repeating: 2.0, count: clauses), averageLength: [8, 200],
            columnLength: lengths, hits: hits.map { (phrase: $0.0, column: $0.1, offset: $0.2) })
    }

    @Test func termsCloseTogetherBeatTheSameTermsFarApart() {
        let near = model.score(stats([(0, 1, 10), (1, 1, 11)]))
        let far = model.score(stats([(0, 1, 10), (1, 1, 150)]))
        #expect(near > far)
    }

    @Test func aTitleMatchBeatsABodyMatch() {
        let title = model.score(stats([(0, 0, 2)], clauses: 1))
        let body = model.score(stats([(0, 1, 40)], clauses: 1))
        #expect(title > body)
    }

    @Test func everyTermBeatsOneTermRepeated() {
        let both = model.score(stats([(0, 1, 10), (1, 1, 90)]))
        let repeated = model.score(stats([(0, 1, 10), (0, 1, 20), (0, 1, 30), (0, 1, 40), (0, 1, 50)]))
        #expect(both > repeated)
    }

    @Test func partialMatchesStillScore() {
        #expect(model.score(stats([(0, 1, 10)])) > 0)
    }

    @Test func aLongerBodyDilutesTheSameHits() {
        let short = model.score(stats([(0, 1, 10)], clauses: 1, lengths: [8, 100]))
        let long = model.score(stats([(0, 1, 10)], clauses: 1, lengths: [8, 1000]))
        #expect(short > long)
    }

    @Test func idfIsNeverNegative() {
        #expect(BM25FModel.idf(documentFrequency: 100, documentCount: 100) > 0)
        #expect(BM25FModel.idf(documentFrequency: 1, documentCount: 100) > BM25FModel.idf(documentFrequency: 50, documentCount: 100))
    }
}
