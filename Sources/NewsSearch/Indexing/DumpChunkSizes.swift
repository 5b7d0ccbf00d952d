/// How many bytes each chunk of a streamed dump reads: small at the start, so the writer starts after
/// a moment's preparing instead of a whole chunk's; small again near the end, so the last chunk the
/// writer commits alone (the workers have nothing left to prepare) is short; `largest` in between.
///
/// A chunk is prepared on the workers while the writer commits the one before, so a run of n chunks
/// keeps both cores busy except while the first is prepared and the last is written. On a 25 MB dump
/// (Reuters-21578) in 8 MB chunks those two ends were half the run.
struct DumpChunkSizes {
    /// The most a chunk reads: a commit's worth of articles, bounding memory.
    let largest: Int
    /// The first chunk's size and the least any chunk reads (a commit per chunk is not free).
    let smallest: Int
    /// The dump's size when known; without it chunks only grow.
    let total: Int?
    private var read = 0
    private var growing: Int

    init(largest: Int, first: Int = 256 << 10, total: Int? = nil) {
        self.largest = max(largest, 1)
        smallest = min(max(first, 1), self.largest)
        self.total = total
        growing = smallest
    }

    /// The size of the next chunk.
    mutating func next() -> Int {
        var size = growing
        // A quarter of what is left: the chunks shrink toward the end as they grew from the start.
        if let total { size = min(size, max((total - read) / 4, smallest)) }
        growing = min(growing * 2, largest)
        return size
    }

    /// Counts the bytes a chunk actually held (it ends at a line end, not at the size asked for).
    mutating func consumed(_ bytes: Int) { read += bytes }
}
