import Foundation

/// Maps `items` on `jobs` threads and returns the results in input order.
///
/// Each thread takes every `jobs`-th item, so no item is shared and no lock is needed.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let workers = max(1, min(jobs, items.count))
    if workers == 1 { return items.map(transform) }
    let slots = ResultSlots<Result>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var index = worker
        while index < items.count {
            slots.set(index, transform(items[index]))
            index += workers
        }
    }
    return slots.values()
}

/// Storage each worker writes at its own indices only; the disjointness is what makes it safe.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] { storage.map { $0! } }
}
