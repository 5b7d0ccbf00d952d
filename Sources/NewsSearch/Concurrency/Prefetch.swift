import Foundation

/// A value computed on a background thread while the caller does something else, collected with
/// `value()`: how the indexer prepares batch k+1 while the writer commits batch k.
package final class Prefetch<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    package init<Input: Sendable>(_ work: @escaping @Sendable (Input) -> Value, _ input: Input) {
        DispatchQueue.global().async {
            self.result = work(input)
            self.done.signal()
        }
    }

    /// Waits for the value; the semaphore orders the write before this read. May be called again.
    package func value() -> Value {
        done.wait()
        done.signal()
        return result!
    }
}
