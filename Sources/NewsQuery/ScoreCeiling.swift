import Foundation

/// The highest score ``BM25FModel/score(_:)`` can give a row, from each phrase's weighted term
/// frequency in it alone: the BM25 sum and the coverage factor follow from those exactly, and only the
/// proximity bonus, which needs the hits' positions, is taken at its ceiling (and as nothing unless two
/// clauses are present).
///
/// A rank function asks it before it gathers a row's hits: once the page is full, a row that cannot
/// reach the page's worst score costs a walk over a few phrases' positions instead of a ranking. A
/// long question matches nearly every article through its function words, and most of those rows
/// have only light phrases; a broad word's rows mostly mention it once in the body.
///
/// ```swift
/// let ceiling = ScoreCeiling(model: BM25FModel(), statistics: statistics)
/// ceiling.canReach(12.5, titleLength: 10, bodyLength: 240) { phrase in phrase == 0 ? (0, 1) : (0, 0) }
/// ```
public final class ScoreCeiling: Sendable {
    let model: BM25FModel
    /// Phrase numbers, the largest possible part first: a row lacking the heaviest is refused soonest.
    let order: [Int]
    /// Each phrase's `weight × idf`, and its part's ceiling (``BM25FModel/phraseBound(_:_:)``).
    let weightIDF: [Double]
    let ceiling: [Double]
    /// Each phrase's clause as one bit (an index into ``clauseIDF``); 0 for a phrase that scores but does
    /// not count for coverage (excluded, or added by feedback).
    let clauseBit: [UInt64]
    /// Each clause's share of full coverage: the IDF of its rarest phrase.
    let clauseIDF: [Double]
    let fullCoverage: Double
    /// The coverage exponent; nil when coverage cannot be followed in 64 bits (more clauses than
    /// that): the factor is then taken at its largest, 1.
    let strength: Double?
    let proximity: Double
    let total: Double
    let titleAverage: Double
    let bodyAverage: Double

    /// Nil when the coverage exponent is negative: the factor then grows as coverage falls, without a
    /// useful ceiling.
    public init?(model: BM25FModel, statistics: MatchStatistics) {
        guard model.parameters.coverage >= 0 else { return nil }
        self.model = model
        let phrases = statistics.idf.indices
        let clauses = max(statistics.clauseCount, 1)
        weightIDF = phrases.map { phrase in
            max(phrase < statistics.phraseWeight.count ? statistics.phraseWeight[phrase] : 1, 0) * statistics.idf[phrase]
        }
        let ceiling = phrases.map { model.phraseBound($0, statistics) }
        self.ceiling = ceiling
        order = phrases.sorted { ceiling[$0] == ceiling[$1] ? $0 < $1 : ceiling[$0] > ceiling[$1] }
        clauseBit = phrases.map { phrase in
            let clause = model.clause(of: phrase, statistics)
            return clause >= 0 && clause < min(clauses, 64) ? 1 << UInt64(clause) : 0
        }
        clauseIDF = statistics.clauseIDF(clauses: clauses)
        fullCoverage = statistics.fullCoverageWeight > 0 ? statistics.fullCoverageWeight : statistics.clauseWeight(clauses: clauses)
        strength = clauses <= 64 ? model.parameters.coverage * min(1, 16 / Double(clauses * clauses)) : nil
        proximity = model.proximityBound(statistics)
        total = ceiling.reduce(0, +)
        titleAverage = statistics.averageLength.first ?? 1
        bodyAverage = statistics.averageLength.count > 1 ? statistics.averageLength[1] : 1
    }

    /// Whether a row could score `floor` or more. `hits(phrase)` counts the phrase's hits in the row's
    /// title and in its body (0 and 0 when it is absent; more is safe, fewer is not); it is asked
    /// heaviest phrase first, and no more once the row cannot reach `floor`. The table has those two
    /// columns: a hit in another would be counted as the body's.
    @inline(__always)
    public func canReach(
        _ floor: Double, titleLength: Int, bodyLength: Int, hits: (Int) -> (title: Int, body: Int)
    ) -> Bool {
        let titleUnit = model.fieldWeight(0) / model.lengthNorm(0, length: titleLength, average: titleAverage)
        let bodyUnit = model.fieldWeight(1) / model.lengthNorm(1, length: bodyLength, average: bodyAverage)
        let k1 = model.parameters.k1, delta = model.parameters.delta
        var remaining = total
        var sum = 0.0
        var clauses: UInt64 = 0
        for phrase in order {
            remaining -= ceiling[phrase]
            let count = hits(phrase)
            if count.title > 0 || count.body > 0 {
                let tf = Double(count.title) * titleUnit + Double(count.body) * bodyUnit
                sum += weightIDF[phrase] * (tf * (k1 + 1) / (k1 + tf) + delta)
                clauses |= clauseBit[phrase]
            }
            if Self.raised(sum + remaining + proximity) < floor { return false }
        }
        guard let strength else { return Self.raised(sum + proximity) >= floor }
        var have = 0.0
        var rest = clauses
        while rest != 0 {
            have += clauseIDF[rest.trailingZeroBitCount]
            rest &= rest - 1
        }
        let coverage = fullCoverage > 0 ? min(have / fullCoverage, 1) : 1
        let factor = coverage >= 1 ? 1 : pow(coverage, strength)
        return Self.raised(sum * factor + (clauses.nonzeroBitCount > 1 ? proximity : 0)) >= floor
    }

    /// Slightly above `bound`, so that rounding in ``BM25FModel/score(_:)`` can never exceed it.
    @inline(__always)
    static func raised(_ bound: Double) -> Double { bound * (1 + 1e-9) + 1e-12 }
}
