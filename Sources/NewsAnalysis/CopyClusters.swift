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
    public let bands: Int
    public let rows: Int
    /// Copies with an edited paragraph and an outlet's lines measured 0.6–0.9; two reports on one
    /// event 0.0–0.1 (BENCHMARKS.md, issue 19).
    public let threshold: Double

    private var slotOf: [Int64: Int32] = [:]
    /// Slot → article id; -1 once removed (slots are not reused within a run).
    private var articleOf: [Int64] = []
    /// Slot → its signature's 64 values, end to end (one array: no reference counting per article).
    private var signatureValues: [UInt16] = []
    /// Slot → cluster id; 0 when alone.
    private var clusterOf: [Int64] = []
    private var members: [Int64: [Int64]] = [:]
    /// One table per band (``BandBuckets``): band keys never meet across bands, as each key mixes in its band.
    private var buckets: [BandBuckets]
    private var nextCluster: Int64 = 1
    /// Clusters whose members changed since ``takeChanges()``.
    private var changed: Set<Int64> = []

    public init(bands: Int = 32, threshold: Double = 0.3) {
        self.bands = bands
        rows = MinHashSignature.slotCount / bands
        self.threshold = threshold
        buckets = Array(repeating: BandBuckets(), count: bands)
    }

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
        claimBuckets(slot, keys: keys(signature.slots))
    }

    /// Adds (or, for an id already here, replaces) an article; returns its cluster, nil when it has no copy.
    @discardableResult
    public mutating func add(_ id: Int64, _ signature: MinHashSignature) -> Int64? {
        if slotOf[id] != nil { remove(id) }
        var best: (slot: Int32, similarity: Double)?
        let keys = keys(signature.slots)
        var checked: [Int32] = []
        for (band, key) in keys.enumerated() {
            guard let candidate = bucket(key, band: band), articleOf[Int(candidate)] >= 0, !checked.contains(candidate) else { continue }
            checked.append(candidate)
            let similarity = self.similarity(signature.slots, candidate)
            if similarity >= threshold, similarity > best?.similarity ?? 0 { best = (candidate, similarity) }
        }
        let slot = place(id, signature)
        defer { claimBuckets(slot, keys: keys) }
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
        let heirs = left.compactMap { slotOf[$0] }.map { ($0, keys(values(of: $0))) }
        for (band, key) in keys(values(of: slot)).enumerated() where bucket(key, band: band) == slot {
            if let heir = heirs.first(where: { $0.1[band] == key }) { file(key, slot: heir.0, band: band) }
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
        signatureValues += signature.slots
        clusterOf.append(0)
        slotOf[id] = slot
        return slot
    }

    /// The first article with a band keeps its bucket; a bucket whose article left is taken over.
    private mutating func claimBuckets(_ slot: Int32, keys: [UInt64]) {
        for (band, key) in keys.enumerated() {
            if let holder = bucket(key, band: band), articleOf[Int(holder)] >= 0 { continue }
            file(key, slot: slot, band: band)
        }
    }

    private func bucket(_ key: UInt64, band: Int) -> Int32? {
        let values = signatureValues
        return buckets[band].slot(for: key) { slot in Self.key(of: slot, band: band, rows: rows, in: values) }
    }

    private mutating func file(_ key: UInt64, slot: Int32, band: Int) {
        // A local reference, so that working out keys does not read `self` while `buckets` changes;
        // it is dropped before anything appends to `signatureValues` (which would then copy it).
        let values = signatureValues
        let rows = rows
        buckets[band].set(key, slot: slot) { slot in Self.key(of: slot, band: band, rows: rows, in: values) }
    }

    /// The key a stored signature has in one band: what ``keys(_:)`` gives for that band.
    private static func key(of slot: Int32, band: Int, rows: Int, in values: [UInt16]) -> UInt64 {
        let start = Int(slot) * MinHashSignature.slotCount + band * rows
        var key: UInt64 = 0
        for index in start..<start + rows { key = key << 16 | UInt64(values[index]) }
        return ShingleHashes.mix(key ^ UInt64(band) << 56)
    }

    /// Each band's values and its number, hashed.
    func keys(_ values: some RandomAccessCollection<UInt16>) -> [UInt64] {
        var values = values.makeIterator()
        return (0..<bands).map { band in
            var key: UInt64 = 0
            for _ in 0..<rows { key = key << 16 | UInt64(values.next()!) }
            return ShingleHashes.mix(key ^ UInt64(band) << 56)
        }
    }

    private func values(of slot: Int32) -> ArraySlice<UInt16> {
        let start = Int(slot) * MinHashSignature.slotCount
        return signatureValues[start..<start + MinHashSignature.slotCount]
    }

    /// The share of equal values, as ``MinHashSignature/similarity(to:)`` counts it.
    private func similarity(_ values: [UInt16], _ slot: Int32) -> Double {
        let start = Int(slot) * MinHashSignature.slotCount
        var equal = 0
        signatureValues.withUnsafeBufferPointer { stored in
            for index in values.indices where values[index] == stored[start + index] { equal += 1 }
        }
        return Double(equal) / Double(values.count)
    }
}
