import Dispatch
import Foundation
import NewsSearch
import Synchronization

/// What each `/api/search` request of a server waited for and did (`search serve --trace FILE`), kept
/// in memory and written as tab-separated lines when the server stops, so that tracing a load test
/// costs it no file writes while it runs. A server without `--trace` keeps none and reads no clocks.
final class RequestLog: Sendable {
    /// One request, its times in nanoseconds of the uptime clock.
    struct Entry: Sendable {
        let query: String
        /// When the handler had the request (after the HTTP parse, on an event loop).
        let arrival: UInt64
        /// When a worker thread took it up.
        var started: UInt64 = 0
        /// The request read from the query string.
        var parsed: UInt64 = 0
        /// The engine's answer had.
        var searched: UInt64 = 0
        /// The answer written as JSON (or the request failed).
        var finished: UInt64 = 0
        /// The worker thread's CPU for the whole request.
        var cpu: UInt64 = 0
        var search: SearchTrace?
    }

    /// Bounds the memory of a long-running traced server: later requests are counted, not kept.
    static let capacity = 2_000_000
    private let origin = DispatchTime.now().uptimeNanoseconds
    private let entries = Mutex<(kept: [Entry], dropped: Int)>(([], 0))

    func add(_ entry: Entry) {
        entries.withLock { entries in
            if entries.kept.count < Self.capacity { entries.kept.append(entry) } else { entries.dropped += 1 }
        }
    }

    static let header = [
        "arrival_ms", "total_ms", "queue_ms", "parse_ms", "reader_ms", "columns_ms", "columns", "answer", "turn_ms", "answer_ms",
        "compute_cpu_ms", "write_ms", "cpu_ms", "generation", "answer_generation", "attempts", "query",
    ].joined(separator: "\t")

    /// The kept entries in arrival order, one line each; a request that failed has `-` for the engine's fields.
    func lines() -> [String] {
        let (kept, dropped) = entries.withLock { ($0.kept, $0.dropped) }
        func ms(_ nanoseconds: UInt64) -> String { String(format: "%.3f", Double(nanoseconds) / 1e6) }
        func span(_ from: UInt64, _ to: UInt64) -> String { to >= from && from > 0 ? ms(to - from) : "-" }
        var lines = [Self.header]
        for entry in kept.sorted(by: { $0.arrival < $1.arrival }) {
            var fields = [ms(entry.arrival - origin), span(entry.arrival, entry.finished), span(entry.arrival, entry.started)]
            fields.append(span(entry.started, entry.parsed))
            if let search = entry.search, entry.searched > 0 {
                fields += [
                    ms(search.readerNanoseconds), ms(search.columnsNanoseconds), search.columns.rawValue, search.answer.rawValue,
                    ms(search.computeWaitNanoseconds), ms(search.answerNanoseconds), ms(search.computeCPUNanoseconds), span(entry.searched, entry.finished),
                ]
            } else {
                fields += Array(repeating: "-", count: 8)
            }
            // The state the answer describes: the one seen, unless the answer is an earlier state's.
            let answered = entry.search.map { String($0.answerGeneration ?? $0.generation) } ?? "-"
            fields += [ms(entry.cpu), entry.search.map { String($0.generation) } ?? "-", answered, entry.search.map { String($0.attempts) } ?? "-"]
            // The query string as the client sent it (percent-encoded): no tab or line break can be in it.
            fields.append(entry.query.filter { !$0.isNewline && $0 != "\t" })
            lines.append(fields.joined(separator: "\t"))
        }
        if dropped > 0 { lines.append("# \(dropped) later requests not kept") }
        return lines
    }

    func write(to path: String) throws {
        try (lines().joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
