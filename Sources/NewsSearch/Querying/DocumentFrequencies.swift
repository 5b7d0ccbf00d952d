import Foundation
import Synchronization

/// How many documents each FTS5 phrase and each index term is in, in one state of the index, kept
/// with that state's ``FacetColumns`` (every committed change makes new columns, so a count never
/// outlives the state it was made in). FTS5 can only count by walking a phrase's or a term's whole
/// doclist (`xQueryPhrase`, `documents_vocab`): the rank function counts every phrase of a query for
/// its IDF (for a question's `the`, every article, in both passes of feedback), and feedback asks the
/// share of each term it considers adding. In a profile of a 10-word question at 200,000 articles,
/// the two were 11% and 18% of the query's time.
final class DocumentFrequencies: Sendable {
    /// The type tag SQLite checks when `newsrank` reads the pointer; must outlive every statement.
    nonisolated(unsafe) static let pointerType: UnsafePointer<CChar> = UnsafePointer(strdup("newssearch.document-frequencies")!)
    /// Keyed by the phrase as FTS5 reads it (``MatchExpression/phraseLiterals``).
    private let known = Mutex<[String: Int64]>([:])
    /// Keyed by the index term; nil for a term the index does not have.
    private let terms = Mutex<[String: Int?]>([:])
    /// Bounds the memory a long-running server spends on the phrases of its queries; past it, counts
    /// are made but not kept.
    static let capacity = 100_000

    /// The counts of `phrases`, those not yet known made by `count` (given their indexes in `phrases`,
    /// it returns their counts in that order).
    func counts(of phrases: [String], count: ([Int]) throws -> [Int64]) rethrows -> [Int64] {
        var counts = known.withLock { known in phrases.map { known[$0] ?? -1 } }
        let missing = counts.indices.filter { counts[$0] < 0 }
        guard !missing.isEmpty else { return counts }
        let made = try count(missing)
        known.withLock { known in
            for (slot, phrase) in missing.enumerated() {
                counts[phrase] = made[slot]
                if known.count < Self.capacity { known[phrases[phrase]] = made[slot] }
            }
        }
        return counts
    }

    /// How many documents have the index term `term`, from `count` the first time it is asked.
    func documents(withTerm term: String, count: () throws -> Int?) rethrows -> Int? {
        if let known = terms.withLock({ $0[term] }) { return known }
        let counted = try count()
        terms.withLock { terms in
            if terms.count < Self.capacity { terms[term] = counted }
        }
        return counted
    }
}
