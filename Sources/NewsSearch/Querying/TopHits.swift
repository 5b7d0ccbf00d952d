import HeapModule

/// The best `capacity` documents seen so far, in a min-heap: a pass over 100,000 matches keeps ten.
struct TopHits: Sendable {
    /// Larger is better: the score, or the date order; ties broken by `tiebreak`, larger first.
    struct Entry: Comparable, Sendable {
        var key: Double
        var tiebreak: Int64
        var id: Int64
        /// The relevance score; in date order, computed only for entries that get in.
        var score: Double = 0

        static func < (a: Entry, b: Entry) -> Bool {
            a.key == b.key ? a.tiebreak < b.tiebreak : a.key < b.key
        }
    }

    let capacity: Int
    private var heap = Heap<Entry>()

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// The entry a newcomer must beat, once full; nil while there is room.
    var worstIfFull: Entry? {
        heap.count >= capacity ? heap.min : nil
    }

    @inline(__always)
    mutating func offer(_ entry: Entry) {
        if heap.count < capacity {
            heap.insert(entry)
        } else if let worst = heap.min, worst < entry {
            heap.replaceMin(with: entry)
        }
    }

    /// Best first.
    func sorted() -> [Entry] {
        heap.unordered.sorted(by: >)
    }
}
