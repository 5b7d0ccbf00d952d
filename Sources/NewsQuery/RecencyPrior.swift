import Foundation
import NewsDates

/// A small, bounded preference for recent articles in relevance order (`search --recency`).
///
/// A document's relevance score is multiplied by `1 + maximumBoost · 2^(−age / halfLife)`, where the
/// age is counted in days back from the newest dated article in the index (not from today, so an
/// archive of 1987 wire stories is treated like a live feed). The factor lies in `[1, 1 + maximumBoost]`:
/// recency can reorder documents whose relevance is within that ratio, never more.
///
/// Only documents with every query clause are boosted when some document has them all
/// (``boosted(_:ageDays:hasEveryClause:)``); a document lacking a term is never lifted, so recency cannot
/// put a recent partial match above an old exact one. Undated articles get no boost.
///
/// ```swift
/// let prior = RecencyPrior(halfLifeDays: 30)
/// prior.factor(ageDays: 0)    // 1.2
/// prior.factor(ageDays: 30)   // 1.1
/// prior.factor(ageDays: nil)  // 1.0
/// ```
public struct RecencyPrior: Sendable, Hashable {
    /// Days after which the boost has halved.
    public var halfLifeDays: Double
    /// The largest boost, for an article as new as the newest in the index: 0.2 lifts a score by 20 %.
    public var maximumBoost: Double

    /// A quarter of a year: news interest in a story fades over weeks to months, and a gentle slope keeps
    /// last year's definitive article within reach of this week's.
    public static let defaultHalfLifeDays = 90.0
    /// Small on purpose: a prior, not a sort (`--sort newest` is the sort).
    public static let defaultMaximumBoost = 0.2

    public init(halfLifeDays: Double = RecencyPrior.defaultHalfLifeDays, maximumBoost: Double = RecencyPrior.defaultMaximumBoost) {
        self.halfLifeDays = halfLifeDays
        self.maximumBoost = maximumBoost
    }

    /// The multiplier for a document `ageDays` old; nil (undated) gets none. A date after the reference
    /// counts as age 0, so a misdated future article cannot exceed the bound.
    public func factor(ageDays: Double?) -> Double {
        guard let ageDays, halfLifeDays > 0, maximumBoost > 0 else { return 1 }
        return 1 + maximumBoost * exp2(-max(ageDays, 0) / halfLifeDays)
    }

    /// `score` with the prior applied. `hasEveryClause` is false only for a document lacking a query
    /// clause while some other document has them all: such a document keeps its score unchanged.
    public func boosted(_ score: Double, ageDays: Double?, hasEveryClause: Bool) -> Double {
        hasEveryClause ? score * factor(ageDays: ageDays) : score
    }

    /// The age in days of each day key (`YYYY-MM-DD`, the first day a stored date covers) counted back
    /// from the newest of them; nil where a key does not parse. A month- or year-only date is aged from
    /// its first day, so a vague date never looks newer than it can be shown to be.
    public static func ages(ofFirstDays keys: [String]) -> [Double?] {
        let numbers = keys.map { key in ArticleDate(parsing: key).map { _ in CivilDay(key).number } }
        guard let newest = numbers.compactMap({ $0 }).max() else { return numbers.map { _ in nil } }
        return numbers.map { $0.map { Double(newest - $0) } }
    }
}

extension RecencyPrior {
    /// A half-life as people write it: `30d`, `6w`, `3m`, `1y` or a plain number of days. Nil for
    /// anything else, and for zero or negative spans.
    public static func halfLifeDays(parsing text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = trimmed.last else { return nil }
        let units: [Character: Double] = ["d": 1, "w": 7, "m": 365.25 / 12, "y": 365.25]
        let (number, unit) = last.isLetter ? (String(trimmed.dropLast()), units[last]) : (trimmed, 1)
        guard let unit, let value = Double(number), value.isFinite, value > 0 else { return nil }
        return value * unit
    }
}
