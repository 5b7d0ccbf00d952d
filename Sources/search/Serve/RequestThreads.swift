import Dispatch
import Foundation
import Synchronization

/// The threads `search serve` answers on. An answer blocks: on SQLite, on a reader of the pool, on the
/// request computing the same answer. The global dispatch queue runs as many blocks at once as there
/// are cores and, on Linux, adds a thread for a blocked one only after a second or so; after each of an
/// indexer's commits the answers still cheap (the cache's) queued there behind the few being computed
/// again (`search serve --trace`, BENCHMARKS.md issue 18).
final class RequestThreads: Sendable {
    /// Enough for a busy page's requests and a load test's connections to be answered at once (the
    /// index store opens as many readers, ``IndexStore/servingReaders``); beyond it requests queue here
    /// in arrival order. One set for the process, made at first use.
    static let shared = RequestThreads(count: 32)

    private let pending = Mutex<[@Sendable () -> Void]>([])
    private let waiting = DispatchSemaphore(value: 0)

    private init(count: Int) {
        for _ in 0..<count {
            Thread { [self] in
                while true {
                    waiting.wait()
                    pending.withLock { $0.removeFirst() }()
                }
            }.start()
        }
    }

    /// Runs `work` on the first thread free, in the order asked.
    func run(_ work: @escaping @Sendable () -> Void) {
        pending.withLock { $0.append(work) }
        waiting.signal()
    }
}
