import NewsSearch
import Synchronization

/// The requests `/api/search` has read from query strings, by the query string: reading one through
/// the query command's own parser (ArgumentParser builds the command's option tree each time) was 30% of
/// a server's CPU for answers it already had cached (`perf` of `scripts/bench-serve`'s mix, BENCHMARKS.md
/// issue 18), and the same string always reads as the same request. A query string that fails to
/// read is not kept: it is read again, and fails again with the same message.
final class ParsedRequests: Sendable {
    let capacity: Int
    private let kept = Mutex<[String: SearchRequest]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The request `query` reads as: kept, else `read(query)`, kept for next time. When full, every kept
    /// request is dropped: a server's users repeat a few hundred requests, and a flood of distinct ones
    /// costs each the reading it would have cost anyway.
    func request(for query: String, read: (String) throws -> SearchRequest) throws -> SearchRequest {
        if let request = kept.withLock({ $0[query] }) { return request }
        let request = try read(query)
        kept.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[query] = request
        }
        return request
    }

    var count: Int { kept.withLock { $0.count } }
}
