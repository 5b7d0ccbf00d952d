import Foundation
import NewsQuery
import Synchronization

/// What `newsrank` is told about a query, handed over as a pointer (`sqlite3_bind_pointer`): each FTS5
/// phrase's clause, weight and text, and the ranking parameters. The rank function reads it once per
/// statement; nothing is formatted as text and parsed back.
package final class RankInput: Sendable {
    /// The type tag SQLite checks when the pointer is read; must outlive every statement.
    nonisolated(unsafe) static let pointerType: UnsafePointer<CChar> = UnsafePointer(strdup("newssearch.rank-input")!)

    /// For each FTS5 phrase, its query clause (``MatchExpression/phraseClauses``); empty: each phrase
    /// is its own clause.
    let clauses: [Int]
    /// For each phrase, how much it counts in the BM25 sum; empty: 1 each.
    let weights: [Double]
    /// For each phrase, the text it matches, for explanations.
    let texts: [String]
    /// For each phrase, the phrase as FTS5 reads it: the key of its count in ``DocumentFrequencies``.
    let literals: [String]
    /// How many of the statement's FTS5 phrases are scored: a pass restricted by a guard
    /// (``MatchExpression/restricted(within:excluding:)``) has more, numbered after these and ignored.
    let phraseCount: Int
    let parameters: RankingParameters
    /// How many documents each scored phrase matches, once a statement has counted them: the id ranges
    /// of a split pass share one input, and counting walks each phrase's whole doclist (for a question's
    /// `the`, every article).
    private let documentFrequencies = Mutex<[Int64]?>(nil)

    package init(_ expression: MatchExpression, parameters: RankingParameters = .default) {
        clauses = expression.phraseClauses
        weights = expression.phraseWeights.map(Self.measured)
        texts = expression.phraseTexts
        literals = expression.phraseLiterals
        phraseCount = expression.phraseClauses.count
        self.parameters = parameters
    }

    /// The document frequencies of the first `phrases` phrases: for the first statement that asks,
    /// those `kept` does not know counted by `count` (given phrase numbers, it returns their counts in
    /// that order); the other statements wait for them. Every statement of one input reads the same
    /// snapshot (a split pass checks that its ranges do), the one `kept` describes.
    func documentFrequencies(
        phrases: Int, kept: DocumentFrequencies?, count: ([Int]) throws -> [Int64]
    ) rethrows -> [Int64] {
        try documentFrequencies.withLock { known in
            if let known { return known }
            let counted = if let kept, phrases <= literals.count {
                try kept.counts(of: Array(literals.prefix(phrases)), count: count)
            } else {
                try count(Array(0..<phrases))
            }
            known = counted
            return counted
        }
    }

    /// A weight to four decimals, as the text argument that carried weights before this type did:
    /// the ranking figures in BENCHMARKS.md (Cranfield 0.4185 / 0.3560) were measured so, and exact
    /// weights move feedback scores in the fourth decimal. A weight that is not finite or is negative
    /// counts 1, as then.
    static func measured(_ weight: Double) -> Double {
        guard weight.isFinite, weight >= 0 else { return 1 }
        return (weight * 10_000).rounded() / 10_000
    }
}
