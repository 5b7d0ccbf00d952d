import Testing

@testable import NewsQuery

/// RM3 on hand-made feedback documents, the phrase weights it travels with, and how the model uses them.
@Suite struct RelevanceFeedbackTests {
    let feedback = RelevanceFeedback()

    @Test func onlyLongQueriesAreExpanded() {
        #expect(!feedback.applies(toClauses: 1))
        #expect(!feedback.applies(toClauses: 5))
        #expect(feedback.applies(toClauses: 6))
        #expect(feedback.applies(toClauses: 17))
    }

    @Test func sharedTopicWordsAreChosenAndFunctionWordsAreNot() {
        let documents = [
            RelevanceFeedback.Document(score: 10, terms: ["the", "flutter", "of", "the", "wing", "panel", "2"]),
            RelevanceFeedback.Document(score: 9.5, terms: ["flutter", "the", "panel", "supersonic", "2"]),
            RelevanceFeedback.Document(score: 9, terms: ["the", "wing", "flutter", "oddity"]),
        ]
        let terms = feedback.expansion(of: documents, queryTermCount: 8)
        let chosen = Set(terms.map(\.term))
        #expect(chosen == ["flutter", "wing", "panel"])
        #expect(terms.first?.term == "flutter")
        // The expansion weighs (1 − λ) / λ times the query's 8 words.
        #expect(abs(terms.reduce(0) { $0 + $1.weight } - 8) < 1e-9)
    }

    @Test func betterRankedDocumentsCountMore() {
        let documents = [
            RelevanceFeedback.Document(score: 12, terms: ["nozzle", "nozzle", "jet"]),
            RelevanceFeedback.Document(score: 6, terms: ["jet", "jet", "nozzle"]),
        ]
        #expect(feedback.expansion(of: documents, queryTermCount: 6).first?.term == "nozzle")
    }

    @Test func termsInMostDocumentsAreLeftOutAndTheNextOnesTaken() {
        let documents = [
            RelevanceFeedback.Document(score: 10, terms: ["said", "said", "said", "cocoa", "harvest"]),
            RelevanceFeedback.Document(score: 10, terms: ["said", "said", "cocoa", "harvest", "bahia"]),
        ]
        var feedback = RelevanceFeedback()
        feedback.terms = 2
        let shares = ["said": 0.8, "cocoa": 0.01, "harvest": 0.02]
        let terms = feedback.expansion(of: documents, queryTermCount: 6) { shares[$0] }
        #expect(terms.map(\.term) == ["cocoa", "harvest"])
        #expect(feedback.expansion(of: documents, queryTermCount: 6).map(\.term) == ["said", "cocoa"])
    }

    @Test func nothingToLearnFromNothing() {
        #expect(feedback.expansion(of: [], queryTermCount: 6).isEmpty)
        #expect(feedback.expansion(of: [.init(score: 1, terms: ["lonely"])], queryTermCount: 6).isEmpty)
    }

    @Test func theStopTermsAreAnalysedForms() {
        #expect(RelevanceFeedback.stopTerms.contains("the"))
        #expect(RelevanceFeedback.stopTerms.contains("were"))
        #expect(!RelevanceFeedback.stopTerms.contains("wing"))
    }
}

@Suite struct PhraseWeightTests {
    @Test func everyPhraseHasItsText() throws {
        let query = QueryParser().parse("title:jet \"jet nozzle\" US -rocket")
        let expression = try #require(MatchExpression(query, mode: .any))
        #expect(expression.phraseTexts == ["title:jet", "jet nozzle", "US", "rocket"])
        #expect(expression.phraseTexts.count == expression.phraseClauses.count)
    }

    @Test func expansionKeepsThePhraseNumbersOfTheQuery() throws {
        let query = QueryParser().parse("jet nozzle -rocket")
        let expression = try #require(MatchExpression(query, mode: .any))
        let expanded = expression.expanded(with: [("exhaust", 0.5), ("thrust", 0.25)], clauseWeights: [1: 1.8])
        #expect(expanded.text == "(\(expression.text)) OR \"exhaust\" OR \"thrust\"")
        #expect(expanded.phraseClauses == expression.phraseClauses + [-2, -2])
        #expect(expanded.phraseWeights == [1, 1.8, 1, 0.5, 0.25])
        #expect(expanded.phraseTexts == expression.phraseTexts + ["exhaust", "thrust"])
        #expect(try MatchExpressionValidator.phraseCount(in: expanded.text) == 5)
    }

    func statistics(_ hits: [(Int, Int, Int)], weights: [Double] = [], clauses: [Int] = [0, 1, -2]) -> MatchStatistics {
        var statistics = MatchStatistics(
            clauseCount: 2, idf: [2, 2, 2], averageLength: [8, 200], columnLength: [8, 200],
            hits: hits.map { (phrase: $0.0, column: $0.1, offset: $0.2) })
        statistics.phraseClause = clauses
        statistics.phraseWeight = weights
        return statistics
    }

    @Test func aPhraseWeightScalesItsShare() {
        let model = BM25FModel(parameters: RankingParameters(proximity: 0))
        let plain = model.score(statistics([(0, 1, 10)], clauses: [0]))
        let doubled = model.score(statistics([(0, 1, 10)], weights: [2], clauses: [0]))
        #expect(abs(doubled - 2 * plain) < 1e-9)
    }

    /// An expansion term adds to the score but is not a clause: it neither completes coverage nor
    /// earns a proximity bonus beside a query word.
    @Test func expansionTermsAreNotClauses() {
        let model = BM25FModel()
        let one = model.score(statistics([(0, 1, 10)]))
        let oneAndExpansion = model.score(statistics([(0, 1, 10), (2, 1, 11)], weights: [1, 1, 0.5]))
        let both = model.score(statistics([(0, 1, 10), (1, 1, 90)]))
        #expect(oneAndExpansion > one)
        #expect(both > oneAndExpansion)
        let withoutProximity = BM25FModel(parameters: RankingParameters(proximity: 0))
        let nearExpansion = withoutProximity.score(statistics([(0, 1, 10), (2, 1, 11)], weights: [1, 1, 0.5]))
        #expect(abs(nearExpansion - oneAndExpansion) < 1e-9)
    }
}
