import Foundation
import Synchronization

/// Jobs run one after another, in the order given, on a thread of their own that starts when a job
/// arrives and ends when none is left, so an idle owner holds no thread.
///
/// Not the global dispatch queue: on Linux its threads also run the Swift tasks that carry a server's
/// requests, and a job that blocks on SQLite for a while would hold one of them (BENCHMARKS.md issue 18).
final class BackgroundJobs: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var running = false
    }

    private let state = Mutex(State())

    /// Queues `job`; starts the thread if it is not running.
    func run(_ job: @escaping @Sendable () -> Void) {
        let start = state.withLock { state in
            state.jobs.append(job)
            defer { state.running = true }
            return !state.running
        }
        if start { Thread { [self] in drain() }.start() }
    }

    private func drain() {
        while let job = state.withLock({ state -> (@Sendable () -> Void)? in
            if state.jobs.isEmpty {
                state.running = false
                return nil
            }
            return state.jobs.removeFirst()
        }) {
            job()
        }
    }
}
