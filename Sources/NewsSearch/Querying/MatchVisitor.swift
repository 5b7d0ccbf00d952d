import Foundation

/// The pass's side of `newsvisit` (``FTS5RankFunction``): for each match FTS5 hands over, whether it
/// is ranked (``HitAdmission``), then what ``MatchScan`` counts of it and whether it makes the page.
/// Bound to the pass statement as a pointer (``RankCall/passStatement(ids:lengths:admission:frequencies:visitor:in:)``),
/// it lives, with the scan it points to, while the statement steps.
final class MatchVisitor {
    /// The type tag SQLite checks when the pointer argument is read; must outlive every statement.
    nonisolated(unsafe) static let pointerType: UnsafePointer<CChar> = UnsafePointer(strdup("newssearch.match-visitor")!)

    let admission: HitAdmission
    /// The scan whose pass this is: written only by the thread stepping its statement.
    private let scan: UnsafeMutablePointer<MatchScan>

    init(scan: UnsafeMutablePointer<MatchScan>, admission: HitAdmission) {
        self.scan = scan
        self.admission = admission
    }

    /// Counts the match `id` (`score` nil: not ranked, so not a hit) and raises the score the next
    /// match must beat to the page's worst.
    @inline(__always)
    func take(_ id: Int64, score: Double?) {
        scan.pointee.take(Int(truncatingIfNeeded: id), score: score, admission: admission)
    }
}
