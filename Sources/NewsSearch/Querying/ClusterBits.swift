/// The copy clusters a pass has counted, one bit per cluster number, and how many: `total`'s cluster
/// count needs only "seen or not", and a hashed `Set<Int32>` insert per counted match (with its
/// rehashing as it grew) was 2.6% of a profile of broad words at 200,000 articles, a sixteenth of
/// their queries' samples.
struct ClusterBits: Sendable {
    private var words: [UInt64]
    /// Numbers beyond the clusters the index declares (a damaged file): kept apart, so a wild number
    /// cannot make the bits huge.
    private var beyond: Set<Int32> = []
    private var inRange = 0

    /// Room for cluster numbers `0..<clusters`.
    init(clusters: Int) {
        words = [UInt64](repeating: 0, count: (max(clusters, 0) + 63) / 64)
    }

    var count: Int { inRange + beyond.count }

    @inline(__always)
    mutating func insert(_ cluster: Int32) {
        let word = Int(cluster) >> 6
        guard cluster >= 0, word < words.count else {
            beyond.insert(cluster)
            return
        }
        let bit: UInt64 = 1 << UInt64(cluster & 63)
        if words[word] & bit == 0 {
            words[word] |= bit
            inRange += 1
        }
    }

    mutating func formUnion(_ other: ClusterBits) {
        beyond.formUnion(other.beyond)
        inRange = 0
        for index in words.indices {
            if index < other.words.count { words[index] |= other.words[index] }
            inRange += words[index].nonzeroBitCount
        }
    }
}
