import Foundation
import NewsAnalysis

/// Pseudo-relevance feedback for long queries (RM3): the best-ranked documents of a first pass
/// suggest words the question did not use, which are added to the query with smaller weights.
///
/// A long natural-language question ("what similarity laws must be obeyed when constructing
/// aeroelastic models of heated high speed aircraft") names its topic only partly; the articles that
/// answer it best share vocabulary the question lacks. RM3 estimates a relevance model from the top
/// ``documents`` — each term's share of each document's words, the documents weighted by the softmax
/// of their scores — and keeps its ``terms`` most probable terms. It applies only to queries of at
/// least ``minimumClauses`` words: a 1–4 word news query is its own best description, and expanding
/// it would drift from what the user typed. The query's own function words are down-weighted
/// (``functionWordWeight``) before the first pass. Tuned on Cranfield (`scripts/tune-ranking --engine`,
/// BENCHMARKS.md): nDCG@10 stayed within 0.405–0.422 (0.378 without feedback) across 5–10 documents,
/// 10–30 terms, λ 0.3–0.7 and document-share caps 0.25–1; the defaults sit inside that plateau rather
/// than on its best point, since a held-out news collection will judge them.
///
/// ```swift
/// let feedback = RelevanceFeedback()
/// feedback.applies(toClauses: 3)  // false
/// let terms = feedback.expansion(of: [.init(score: 9, terms: ["wing", "flutter", "wing"])], queryTermCount: 12)
/// ```
public struct RelevanceFeedback: Sendable, Hashable {
    /// Queries with fewer positive clauses than this are left alone.
    public var minimumClauses = 6
    /// How many first-pass documents the relevance model is estimated from.
    public var documents = 10
    /// How many terms the relevance model contributes.
    public var terms = 20
    /// RM3's λ: the original query's share of the interpolated query; the rest is the relevance model.
    public var originalWeight = 0.5
    /// A term must occur in this many feedback documents: one document's quirks are not the topic.
    public var minimumDocuments = 2
    /// The weight of a query clause that is a function word (``stopTerms``), in both passes: in "what
    /// are the effects of X" the IDF of "what" and "are" is low but not nothing, and their matches
    /// would pick the feedback documents. Not zero, so they still break ties. 0 and 0.3 scored alike on
    /// Cranfield; 1 (no down-weighting) lost 0.008 nDCG@10.
    public var functionWordWeight = 0.3
    /// Terms in a larger share of the index than this are not added: their IDF gives them little weight,
    /// while their long posting lists cost most of the expanded pass (Reuters' "said", "mln", "reuter").
    public var maximumDocumentShare = 0.25

    public init() {}

    public static let `default` = RelevanceFeedback()

    public func applies(toClauses count: Int) -> Bool { count >= minimumClauses && documents > 0 && terms > 0 }

    /// One first-pass document: its score and its analysed terms (colocated variants left out).
    public struct Document: Sendable {
        public var score: Double
        public var terms: [String]

        public init(score: Double, terms: [String]) {
            self.score = score
            self.terms = terms
        }
    }

    /// The relevance model's top terms with their weights, scaled so that a query word weighs 1 (a term
    /// the query already has adds this weight to its own 1). `queryTermCount` is the number of distinct
    /// query words; with RM3's interpolation the expansion as a whole weighs `(1 − λ) / λ` times the query.
    /// `documentShare` tells the share of the index's documents that contain a term (asked only of the
    /// best candidates; nil: unknown, taken as rare).
    public func expansion(
        of documents: [Document], queryTermCount: Int, stopwords: Set<String> = RelevanceFeedback.stopTerms,
        documentShare: (String) throws -> Double?
    ) rethrows -> [(term: String, weight: Double)] {
        guard let best = documents.map(\.score).max(), originalWeight > 0, originalWeight < 1 else { return [] }
        var probability: [String: Double] = [:]
        var seenIn: [String: Int] = [:]
        for document in documents where !document.terms.isEmpty {
            // Softmax of the scores: the top documents dominate, as the query likelihood would make them.
            let documentWeight = exp(document.score - best) / Double(document.terms.count)
            var counts: [String: Int] = [:]
            for term in document.terms { counts[term, default: 0] += 1 }
            for (term, count) in counts {
                probability[term, default: 0] += documentWeight * Double(count)
                seenIn[term, default: 0] += 1
            }
        }
        let candidates = probability.filter { term, _ in
            !stopwords.contains(term) && seenIn[term, default: 0] >= minimumDocuments && !term.allSatisfy(\.isNumber)
        }
        // Ties broken by the term, so the same documents always give the same query.
        var top: [(key: String, value: Double)] = []
        for candidate in candidates.sorted(by: { $0.value == $1.value ? $0.key < $1.key : $0.value > $1.value }) {
            if top.count == terms { break }
            if let share = try documentShare(candidate.key), share > maximumDocumentShare { continue }
            top.append(candidate)
        }
        let total = top.reduce(0) { $0 + $1.value }
        guard total > 0 else { return [] }
        let scale = (1 - originalWeight) / originalWeight * Double(max(queryTermCount, 1)) / total
        return top.map { (term: $0.key, weight: $0.value * scale) }
    }

    /// ``expansion(of:queryTermCount:stopwords:documentShare:)`` with every term taken as rare.
    public func expansion(
        of documents: [Document], queryTermCount: Int, stopwords: Set<String> = RelevanceFeedback.stopTerms
    ) -> [(term: String, weight: Double)] {
        expansion(of: documents, queryTermCount: queryTermCount, stopwords: stopwords) { _ in nil }
    }

    /// Common English function words as the analyzer indexes them: frequent in every document, so the
    /// relevance model would rank them first while they say nothing of the topic.
    public static let stopTerms: Set<String> = {
        let words = """
            a about above after again against all also am an and any are as at be because been before being
            below between both but by can could did do does doing down during each few for from further had
            has have having he her here hers herself him himself his how i if in into is it its itself may me
            might more most must my myself no nor not of off on once only or other our ours ourselves out over
            own same shall she should so some such than that the their theirs them themselves then there these
            they this those through to too under until up upon very was we were what when where which while
            who whom why will with would you your yours yourself yourselves
            """
        let analyzer = Analyzer()
        return Set(analyzer.tokens(in: words, mode: .document).filter { !$0.isColocated }.map(\.term))
    }()
}
