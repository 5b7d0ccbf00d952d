import Dispatch
import Synchronization

/// The latest answers of a long-running process (`search serve`), keyed by the whole request, each
/// stamped with the state of the index it describes (every committed change moves the index's
/// generation, a rebuild its id). Least recently used first out. Only ``Searcher`` reads and fills
/// it, after it has read the index's current stamp.
///
/// A request asked again while its answer for the same state is being computed does not compute it a
/// second time: after each commit of an indexer, every request of a server's mix misses at once, and
/// eight connections computing the same long question side by side was what the slowest answers were
/// made of (BENCHMARKS.md, issue 18). It waits for that computation, unless the cache still holds the
/// request's answer for an earlier state of the same index: then, for at most ``previousFor``
/// nanoseconds after the computation started, it is given that answer (the one the index gave then),
/// so that a commit does not stop every connection until the new state's columns and answers are made.
final class ResultCache: Sendable {
    /// One computation of an answer, which the requests arriving meanwhile wait for.
    final class Flight: Sendable {
        let stamp: ColumnFile.Stamp
        /// When it started, in nanoseconds of the uptime clock.
        let started: UInt64
        /// Whether the cache held an answer of an earlier state for it (counted in ``ResultCache/renewing``).
        let renews: Bool
        private let done = DispatchGroup()
        private let outcome = Mutex<SearchResults?>(nil)

        init(stamp: ColumnFile.Stamp, started: UInt64, renews: Bool) {
            self.stamp = stamp
            self.started = started
            self.renews = renews
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

    /// An answer with the state of the index it describes.
    struct Answer: Sendable {
        let results: SearchResults
        let stamp: ColumnFile.Stamp
    }

    /// What a request is to do about its answer.
    enum Claim {
        case kept(SearchResults)
        /// Give this answer of an earlier state: this state's is being computed.
        case previous(Answer)
        /// Wait for this computation, outside any read transaction (its owner may need other readers).
        case wait(Flight)
        /// Compute the answer, then ``finish(_:for:with:stamp:)`` the flight.
        case compute(Flight)
        /// Have the answer computed elsewhere (another state's work is under way here), then
        /// ``finish(_:for:with:stamp:)`` the flight; meanwhile give this answer of an earlier state.
        case renew(Flight, previous: Answer)
    }

    private struct Entry {
        var answer: Answer
        var used: UInt64
    }

    private struct State {
        /// The newest state an answer was kept for.
        var latest: ColumnFile.Stamp?
        var entries: [SearchRequest: Entry] = [:]
        var flights: [SearchRequest: Flight] = [:]
        /// Computations under way of answers the cache holds for an earlier state.
        var renewing = 0
        var clock: UInt64 = 0
        var hits = 0
        var waits = 0
        var previous = 0
    }

    let capacity: Int
    /// How long after a computation started the requests asked meanwhile may still be given the
    /// answer of the earlier state; later ones wait for it. Five seconds: at a load of 25 on two cores,
    /// the new state's columns and the mix's answers took more than one (`search serve --trace`,
    /// BENCHMARKS.md issue 18), and every connection then waited for them as before.
    let previousFor: UInt64
    private let state = Mutex(State())

    init(capacity: Int, previousFor: UInt64 = 5_000_000_000) {
        self.capacity = max(capacity, 0)
        self.previousFor = previousFor
    }

    /// The answer given to `request` when the index was as `stamp` says, if kept; else an earlier
    /// state's while this one's is computed; else the computation of it under way, else a new one for
    /// the caller to run. The first new-state answer computed at a time is computed by its caller (a
    /// single user after a commit sees the new state at once); the others are renewed elsewhere.
    func claim(_ request: SearchRequest, stamp: ColumnFile.Stamp, now: UInt64 = DispatchTime.now().uptimeNanoseconds) -> Claim {
        state.withLock { state in
            let kept = state.entries[request]
            if let kept, kept.answer.stamp == stamp {
                state.clock += 1
                state.entries[request]?.used = state.clock
                state.hits += 1
                return .kept(kept.answer.results)
            }
            let earlier = kept.map(\.answer).flatMap {
                $0.stamp.indexID == stamp.indexID && $0.stamp.generation < stamp.generation ? $0 : nil
            }
            if let flight = state.flights[request], flight.stamp == stamp {
                if let earlier, now &- flight.started <= previousFor {
                    state.previous += 1
                    return .previous(earlier)
                }
                state.waits += 1
                return .wait(flight)
            }
            let flight = Flight(stamp: stamp, started: now, renews: earlier != nil)
            state.flights[request] = flight
            guard let earlier else { return .compute(flight) }
            state.renewing += 1
            if state.renewing == 1 { return .compute(flight) }
            state.previous += 1
            return .renew(flight, previous: earlier)
        }
    }

    /// Ends `flight` with its answer (nil: it failed) for the state `stamp` names (the flight's, or a
    /// later one when the computation saw a newer commit), keeping the answer unless the cache holds
    /// answers of a newer state.
    func finish(_ flight: Flight, for request: SearchRequest, with results: SearchResults?, stamp: ColumnFile.Stamp? = nil) {
        state.withLock { state in
            if state.flights[request] === flight { state.flights[request] = nil }
            if flight.renews { state.renewing -= 1 }
            if let results { keep(Answer(results: results, stamp: stamp ?? flight.stamp), for: request, in: &state) }
        }
        flight.land(results)
    }

    private func keep(_ answer: Answer, for request: SearchRequest, in state: inout State) {
        guard capacity > 0 else { return }
        if let latest = state.latest, latest.indexID == answer.stamp.indexID {
            // An answer computed on a snapshot older than the kept ones' is not kept.
            if latest.generation > answer.stamp.generation { return }
        } else {
            // Another index (rebuilt): nothing kept describes it.
            state.entries.removeAll()
        }
        state.latest = answer.stamp
        if state.entries[request] == nil, state.entries.count >= capacity,
            let oldest = state.entries.min(by: { $0.value.used < $1.value.used })?.key
        {
            state.entries.removeValue(forKey: oldest)
        }
        state.clock += 1
        state.entries[request] = Entry(answer: answer, used: state.clock)
    }

    /// How many answers came from the cache for the state asked, from another request's computation,
    /// and from an earlier state (for tests and diagnostics).
    var hits: Int { state.withLock { $0.hits } }
    var waits: Int { state.withLock { $0.waits } }
    var previousAnswers: Int { state.withLock { $0.previous } }
    var count: Int { state.withLock { $0.entries.count } }
}
