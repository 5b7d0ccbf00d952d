import Foundation

/// How two actors go together in a selection of articles: the 2×2 table of articles naming both,
/// only one, only the other, or neither, and the association measures read from it.
///
/// ```swift
/// let pair = Cooccurrence(together: 4, first: 5, second: 6, total: 44)
/// pair.logLikelihood  // 14.27: far more often together than chance (0.68 articles) would have them
/// pair.pmi            // 2.55 bits
/// ```
///
/// The ranking measure is Dunning's log-likelihood ratio G² (signed), not pointwise mutual
/// information: PMI rewards rarity (an actor named once, beside the given one, gets the largest PMI
/// there is, log₂(N / n)), so a minimum count only moves the problem to the threshold, while G² grows
/// with both the strength of the association and the evidence for it, and stays sound on small counts
/// where a χ² test does not (Dunning 1993). An actor named in every selected article is together with
/// any other exactly as often as chance predicts: G² = 0 and PMI = 0.
public struct Cooccurrence: Sendable, Equatable {
    /// Articles naming both actors.
    public let together: Int
    /// Articles naming the first actor (the one asked about).
    public let first: Int
    /// Articles naming the second actor.
    public let second: Int
    /// Articles in the selection.
    public let total: Int

    /// Counts that cannot describe one selection (more together than either alone, more of either than
    /// the selection, or the two needing more articles than there are) are clamped into a real table.
    public init(together: Int, first: Int, second: Int, total: Int) {
        let total = max(total, 0)
        let first = min(max(first, 0), total), second = min(max(second, 0), total)
        self.first = first
        self.second = second
        self.total = total
        self.together = min(max(together, first + second - total, 0), first, second)
    }

    /// How many articles would name both if the two were independent: first × second / total.
    public var expected: Double {
        total == 0 ? 0 : Double(first) * Double(second) / Double(total)
    }

    /// G² = 2 Σ O ln(O / E) over the four cells, negative when the two are together less often than
    /// expected, so one order ranks attraction first and avoidance last.
    public var logLikelihood: Double {
        guard total > 0 else { return 0 }
        let n = Double(total)
        let cells = [
            (together, first, second), (first - together, first, total - second),
            (second - together, total - first, second), (total - first - second + together, total - first, total - second),
        ]
        var sum = 0.0
        for (observed, row, column) in cells where observed > 0 {
            let o = Double(observed)
            sum += o * log(o * n / (Double(row) * Double(column)))
        }
        // Rounding can leave -1e-15 for independent counts; G² is never below zero.
        let g2 = max(2 * sum, 0)
        return Double(together) < expected ? -g2 : g2
    }

    /// log₂(together × total / (first × second)) in bits; nil when they are never together (−∞).
    public var pmi: Double? {
        guard together > 0, first > 0, second > 0 else { return nil }
        return log2(Double(together) * Double(total) / (Double(first) * Double(second)))
    }
}
