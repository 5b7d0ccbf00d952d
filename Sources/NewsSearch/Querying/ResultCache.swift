import Dispatch
import Synchronization

/// The latest answers of a long-running process (`search serve`), keyed by the whole request and
/// valid for one state of the index: every committed change moves the index's generation (and a
/// rebuild its id), which empties the cache, so an answer is never stale. Least recently used first
/// out. Only ``Searcher`` reads and fills it, after it has read the index's current stamp.
///
/// A request asked again while its answer for the same state is being computed waits for that
/// answer instead of computing it a second time: after each commit of an indexer, every request of
/// a server's mix misses at once, and eight connections computing the same long question side by
/// side was what the slowest answers were made of (BENCHMARKS.md, issue 18).
final class ResultCache: Sendable {
    /// One computation of an answer, which the requests arriving meanwhile wait for.
    final class Flight: Sendable {
        let stamp: ColumnFile.Stamp
        private let done = DispatchGroup()
        private let outcome = Mutex<SearchResults?>(nil)

        init(stamp: ColumnFile.Stamp) {
            self.stamp = stamp
            done.enter()
        }

        /// The answer, once computed; nil when its computation failed (the caller computes its own).
        func wait() -> SearchResults? {
            done.wait()
            return outcome.withLock { $0 }
        }

        fileprivate func land(_ results: SearchResults?) {
            outcome.withLock { $0 = results }
            done.leave()
        }
    }

    /// What a request is to do about its answer.
    enum Claim {
        case kept(SearchResults)
        /// Wait for this computation, outside any read transaction (its owner may need other readers).
        case wait(Flight)
        /// Compute the answer, then ``finish(_:for:with:)`` the flight.
        case compute(Flight)
    }

    private struct State {
        var stamp: ColumnFile.Stamp?
        var entries: [SearchRequest: (results: SearchResults, used: UInt64)] = [:]
        var flights: [SearchRequest: Flight] = [:]
        var clock: UInt64 = 0
        var hits = 0
        var waits = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// The answer given to `request` when the index was as `stamp` says, if kept; else the computation
    /// of it under way, else a new one for the caller to run.
    func claim(_ request: SearchRequest, stamp: ColumnFile.Stamp) -> Claim {
        state.withLock { state in
            if state.stamp == stamp, let found = state.entries[request] {
                state.clock += 1
                state.entries[request]?.used = state.clock
                state.hits += 1
                return .kept(found.results)
            }
            if let flight = state.flights[request], flight.stamp == stamp {
                state.waits += 1
                return .wait(flight)
            }
            let flight = Flight(stamp: stamp)
            state.flights[request] = flight
            return .compute(flight)
        }
    }

    /// Ends `flight` with its answer (nil: it failed), keeping the answer unless the index has moved on.
    func finish(_ flight: Flight, for request: SearchRequest, with results: SearchResults?) {
        state.withLock { state in
            if state.flights[request] === flight { state.flights[request] = nil }
            if let results { keep(results, for: request, stamp: flight.stamp, in: &state) }
        }
        flight.land(results)
    }

    private func keep(_ results: SearchResults, for request: SearchRequest, stamp: ColumnFile.Stamp, in state: inout State) {
        guard capacity > 0 else { return }
        if state.stamp != stamp {
            // An answer computed on a snapshot older than the kept ones' is not kept.
            if let kept = state.stamp, kept.indexID == stamp.indexID, kept.generation > stamp.generation { return }
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

    /// How many answers came from the cache, and how many from another request's computation (for
    /// tests and diagnostics).
    var hits: Int { state.withLock { $0.hits } }
    var waits: Int { state.withLock { $0.waits } }
    var count: Int { state.withLock { $0.entries.count } }
}
