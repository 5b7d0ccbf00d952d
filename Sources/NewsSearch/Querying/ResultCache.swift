import Synchronization

/// The latest answers of a long-running process (`search serve`), keyed by the whole request and
/// valid for one state of the index: every committed change moves the index's generation (and a
/// rebuild its id), which empties the cache, so an answer is never stale. Least recently used first
/// out. Only ``Searcher`` reads and fills it, after it has read the index's current stamp.
final class ResultCache: Sendable {
    private struct State {
        var stamp: ColumnFile.Stamp?
        var entries: [SearchRequest: (results: SearchResults, used: UInt64)] = [:]
        var clock: UInt64 = 0
        var hits = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// The answer given to `request` when the index was as `stamp` says, if kept.
    func results(for request: SearchRequest, stamp: ColumnFile.Stamp) -> SearchResults? {
        state.withLock { state in
            guard state.stamp == stamp, let found = state.entries[request] else { return nil }
            state.clock += 1
            state.entries[request]?.used = state.clock
            state.hits += 1
            return found.results
        }
    }

    func keep(_ results: SearchResults, for request: SearchRequest, stamp: ColumnFile.Stamp) {
        guard capacity > 0 else { return }
        state.withLock { state in
            if state.stamp != stamp {
                state.entries.removeAll()
                state.stamp = stamp
            }
            if state.entries[request] == nil, state.entries.count >= capacity,
                let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key
            {
                state.entries.removeValue(forKey: oldest)
            }
            state.clock += 1
            state.entries[request] = (results, state.clock)
        }
    }

    /// How many answers came from the cache (for tests and diagnostics).
    var hits: Int { state.withLock { $0.hits } }
    var count: Int { state.withLock { $0.entries.count } }
}
