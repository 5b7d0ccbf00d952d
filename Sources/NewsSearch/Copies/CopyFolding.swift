/// Folds each cluster of copies into its best-ranked member during a ``MatchScan`` (issue 19), and
/// counts the clusters among the documents `total` counts.
///
/// A member's entry is held back, the best per cluster, and offered to the top hits when the pass
/// ends; articles without copies go straight in. The scan's admission threshold stays safe: the heap
/// holds fewer entries while the pass runs, so its worst is never above the final page's worst.
struct CopyFolding: Sendable {
    let groups: CopyGroups
    /// False for `--no-fold`: every copy competes on its own (clusters are still counted).
    let folds: Bool
    /// By cluster, keyed by `Int`: the first dictionary of a new key type costs a cold process a scan
    /// of the binary's conformance records, and `Int`'s is made before any query.
    private var best: [Int: TopHits.Entry] = [:]
    private var countedGroups: ClusterBits
    private var countedAlone = 0

    init(groups: CopyGroups, folds: Bool) {
        self.groups = groups
        self.folds = folds
        countedGroups = ClusterBits(clusters: groups.clusterCount)
    }

    /// How many clusters the counted documents make (an article without copies is one).
    var clusters: Int { countedAlone + countedGroups.count }

    @inline(__always)
    mutating func count(_ id: Int) {
        let group = groups.group(of: id)
        if group < 0 { countedAlone += 1 } else { countedGroups.insert(group) }
    }

    /// True when the entry belongs to a cluster and was kept (if best) for ``release(into:)``.
    @inline(__always)
    mutating func holdBack(_ entry: TopHits.Entry) -> Bool {
        guard folds else { return false }
        let group = Int(groups.group(of: Int(entry.id)))
        guard group >= 0 else { return false }
        if let held = best[group], !(held < entry) { return true }
        best[group] = entry
        return true
    }

    mutating func merge(_ other: CopyFolding) {
        countedAlone += other.countedAlone
        countedGroups.formUnion(other.countedGroups)
        for (group, entry) in other.best where best[group].map({ $0 < entry }) ?? true { best[group] = entry }
    }

    /// Offers each cluster's best member to the top hits.
    mutating func release(into top: inout TopHits) {
        for entry in best.values { top.offer(entry) }
        best = [:]
    }
}
