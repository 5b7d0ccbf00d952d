import Foundation
import Synchronization

/// Maps `items` on `jobs` threads and returns the results in input order.
///
/// Threads claim small blocks of indices from a shared counter rather than a fixed share each: the
/// writer thread runs beside the workers on the same cores, so a fixed half left one worker
/// finishing its share alone while the other core sat idle.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let workers = max(1, min(jobs, items.count))
    if workers == 1 { return items.map(transform) }
    let slots = ResultSlots<Result>(count: items.count)
    let next = Atomic<Int>(0)
    // About sixteen blocks per worker: enough to even out, few enough that claiming costs nothing.
    let block = max(1, items.count / (workers * 16))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let start = next.add(block, ordering: .relaxed).oldValue
            guard start < items.count else { break }
            for index in start..<min(start + block, items.count) {
                slots.set(index, transform(items[index]))
            }
        }
    }
    return slots.values()
}

/// Storage each worker writes at the indices it claimed only; the disjointness is what makes it safe.
///
/// A buffer allocated once, not an `Array` property: `withUnsafeMutableBufferPointer` on a shared
/// array moves it out of the property for the length of the call, so two workers writing at once
/// raced on the array itself and corrupted the heap (a crash in the test suite, 2026-12-06).
private final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    func values() -> [Value] { storage.map { $0! } }
}
