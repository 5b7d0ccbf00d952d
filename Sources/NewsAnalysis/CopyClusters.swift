/// Groups articles whose ``MinHashSignature``s say they are copies of one story, one article at a
/// time: a new copy joins its story's cluster, a removed article leaves it.
///
/// Candidates come from LSH banding: the 64 slots are cut into ``bands`` bands of ``rows`` slots, and
/// two signatures that agree on a whole band meet in that band's bucket. For Jaccard similarity s the
/// chance of meeting is 1 − (1 − s⁴)¹⁶: 0.99 at s = 0.7, 0.66 at 0.4, 0.04 at 0.2. A candidate joins
/// when its estimated similarity reaches ``threshold``. Each bucket keeps one article (the first): the
/// others with that band are in its cluster already, or reach it through another band.
///
/// Pure and in memory; the index keeps the signatures and the clusters of two or more in its tables.
///
/// ```swift
/// var clusters = CopyClusters()
/// clusters.add(1, MinHashSignature(of: story)!)   // nil: alone
/// clusters.add(2, MinHashSignature(of: copy)!)    // a cluster id, now shared by 1 and 2
/// ```
public struct CopyClusters: Sendable {
    public static let bands = 16
    public static let rows = 4
    /// Copies with an edited paragraph and an outlet's lines measured 0.6–0.9; two reports on one
    /// event 0.0–0.1 (BENCHMARKS.md, issue 19).
    public static let threshold = 0.5

    private var slotOf: [Int64: Int32] = [:]
    /// Slot → article id; -1 once removed (slots are not reused within a run).
    private var articleOf: [Int64] = []
    private var signatures: [MinHashSignature] = []
    /// Slot → cluster id; 0 when alone.
    private var clusterOf: [Int64] = []
    private var members: [Int64: [Int64]] = [:]
    private var buckets: [UInt64: Int32] = [:]
    private var nextCluster: Int64 = 1
    /// Clusters whose members changed since ``takeChanges()``.
    private var changed: Set<Int64> = []

    public init() {}

    public var count: Int { slotOf.count }

    /// The cluster of an article, nil when it has no copies.
    public func cluster(of id: Int64) -> Int64? {
        guard let slot = slotOf[id] else { return nil }
        let cluster = clusterOf[Int(slot)]
        return cluster == 0 ? nil : cluster
    }

    public func members(of cluster: Int64) -> [Int64] {
        members[cluster] ?? []
    }

    /// Puts back an article whose cluster is known (read from an index); nil cluster: alone.
    public mutating func restore(_ id: Int64, _ signature: MinHashSignature, cluster: Int64?) {
        let slot = place(id, signature)
        if let cluster {
            clusterOf[Int(slot)] = cluster
            members[cluster, default: []].append(id)
            nextCluster = max(nextCluster, cluster + 1)
        }
        claimBuckets(slot)
    }

    /// Adds (or, for an id already here, replaces) an article; returns its cluster, nil when it has no copy.
    @discardableResult
    public mutating func add(_ id: Int64, _ signature: MinHashSignature) -> Int64? {
        if slotOf[id] != nil { remove(id) }
        var best: (slot: Int32, similarity: Double)?
        for band in 0..<Self.bands {
            guard let candidate = buckets[Self.key(signature, band: band)], articleOf[Int(candidate)] >= 0 else { continue }
            if best?.slot == candidate { continue }
            let similarity = signature.similarity(to: signatures[Int(candidate)])
            if similarity >= Self.threshold, similarity > best?.similarity ?? 0 { best = (candidate, similarity) }
        }
        let slot = place(id, signature)
        defer { claimBuckets(slot) }
        guard let best else { return nil }
        var cluster = clusterOf[Int(best.slot)]
        if cluster == 0 {
            cluster = nextCluster
            nextCluster += 1
            clusterOf[Int(best.slot)] = cluster
            members[cluster] = [articleOf[Int(best.slot)]]
        }
        clusterOf[Int(slot)] = cluster
        members[cluster, default: []].append(id)
        changed.insert(cluster)
        return cluster
    }

    /// Takes an article out; a cluster left with one member dissolves.
    public mutating func remove(_ id: Int64) {
        guard let slot = slotOf.removeValue(forKey: id) else { return }
        articleOf[Int(slot)] = -1
        let cluster = clusterOf[Int(slot)]
        guard cluster != 0 else { return }
        changed.insert(cluster)
        var left = members[cluster, default: []]
        left.removeAll { $0 == id }
        // The buckets this article held now point at a member that has the same band, if one does.
        for band in 0..<Self.bands {
            let key = Self.key(signatures[Int(slot)], band: band)
            guard buckets[key] == slot else { continue }
            let heirs = left.compactMap { slotOf[$0] }
            if let heir = heirs.first(where: { Self.key(signatures[Int($0)], band: band) == key }) { buckets[key] = heir }
        }
        if left.count < 2 {
            members[cluster] = nil
            for other in left { if let s = slotOf[other] { clusterOf[Int(s)] = 0 } }
        } else {
            members[cluster] = left
        }
    }

    /// The clusters changed since the last call, each with its members now (empty: dissolved).
    public mutating func takeChanges() -> [(cluster: Int64, members: [Int64])] {
        defer { changed.removeAll() }
        return changed.sorted().map { ($0, members[$0] ?? []) }
    }

    private mutating func place(_ id: Int64, _ signature: MinHashSignature) -> Int32 {
        let slot = Int32(articleOf.count)
        articleOf.append(id)
        signatures.append(signature)
        clusterOf.append(0)
        slotOf[id] = slot
        return slot
    }

    /// The first article with a band keeps its bucket; a bucket whose article left is taken over.
    private mutating func claimBuckets(_ slot: Int32) {
        for band in 0..<Self.bands {
            let key = Self.key(signatures[Int(slot)], band: band)
            if let holder = buckets[key], articleOf[Int(holder)] >= 0 { continue }
            buckets[key] = slot
        }
    }

    /// The band's slots and its number, hashed: one table serves every band.
    @inline(__always)
    static func key(_ signature: MinHashSignature, band: Int) -> UInt64 {
        var key = UInt64(band)
        for row in 0..<rows { key = key << 16 | UInt64(signature.slots[band * rows + row]) }
        return ShingleHashes.mix(key ^ UInt64(band) << 60)
    }
}
