import Foundation
import NewsQuery

/// Where `newsexplain` leaves what it saw of each row: the model and the row's statistics, from
/// which ``HitExplainer`` builds the tree. Bound with `sqlite3_bind_pointer`; only the thread running
/// the statement touches it.
final class ExplanationSink: @unchecked Sendable {
    /// The type tag SQLite checks when the pointer is read; must outlive every statement.
    nonisolated(unsafe) static let pointerType: UnsafePointer<CChar> = UnsafePointer(strdup("newssearch.explanation-sink")!)

    var rows: [Int64: (model: BM25FModel, statistics: MatchStatistics)] = [:]
}
