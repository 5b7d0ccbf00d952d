import Foundation
import Testing

@testable import NewsSearch

@Suite struct ParallelMapTests {
    @Test(arguments: [(0, 2), (1, 2), (3, 8), (17, 2), (1_000, 2), (1_001, 3), (40_000, 4)])
    func keepsInputOrder(count: Int, jobs: Int) {
        let items = Array(0..<count)
        #expect(parallelMap(items, jobs: jobs) { $0 * 3 + 1 } == items.map { $0 * 3 + 1 })
    }

    /// Uneven work (a few items far slower than the rest) still gives every result exactly once.
    @Test func unevenWorkIsEachDoneOnce() {
        let items = Array(0..<2_000)
        let results = parallelMap(items, jobs: 2) { item -> Int in
            var sum = 0
            for step in 0..<(item % 97 == 0 ? 20_000 : 10) { sum &+= step ^ item }
            return item &+ (sum & 0)
        }
        #expect(results == items)
    }

    /// Cheap items written by several threads at once: slots shared as an `Array` raced here and
    /// corrupted the heap; each round must come back whole and in order.
    @Test func manyThreadsWritingCheapItemsAtOnce() {
        let items = Array(0..<50_000)
        for _ in 0..<20 {
            #expect(parallelMap(items, jobs: 4) { $0 } == items)
        }
    }

    #if os(Linux)
    /// Workers run below the caller, so that the writer beside them keeps its core.
    @Test func workersRunBelowTheCallersPriority() {
        let caller = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        let seen = parallelMap(Array(0..<64), jobs: 2) { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        #expect(seen.allSatisfy { $0 == min(caller + WorkerPriority.steps, 19) })
        // The caller itself is left as it was.
        #expect(getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) == caller)
    }
    #endif
}
