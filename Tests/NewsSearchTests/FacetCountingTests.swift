import Testing

@testable import NewsSearch

/// The facet counting's shortcuts give what the plain computations give.
@Suite struct FacetCountingTests {
    /// The plain definition: every counted id sorted, cut below the `limit`-th count.
    func sortedContenders(_ counts: [Int32], limit: Int) -> [Int] {
        let counted = counts.indices.filter { counts[$0] > 0 }.sorted { counts[$0] == counts[$1] ? $0 < $1 : counts[$0] > counts[$1] }
        guard !counted.isEmpty, limit > 0 else { return [] }
        let threshold = counts[counted[min(limit, counted.count) - 1]]
        return counted.filter { counts[$0] >= threshold }
    }

    @Test func contendersAreTheSortedCutWithTies() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<500 {
            let size = Int.random(in: 0...300, using: &generator)
            // Small ranges make many ties at the cut, and zeros that must stay out.
            let top = Int32(round % 7 + 1)
            let counts = (0..<size).map { _ in Int32.random(in: 0...top, using: &generator) }
            for limit in [0, 1, 3, 10, 400] {
                #expect(FacetTally.contenders(counts, limit: limit) == sortedContenders(counts, limit: limit))
            }
        }
    }

    @Test func contendersOfNothingCountedAreNone() {
        #expect(FacetTally.contenders([Int32](repeating: 0, count: 5), limit: 10).isEmpty)
    }

    @Test func clusterBitsCountEachClusterOnceAcrossMerges() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let clusters = Int.random(in: 0...300, using: &generator)
            // Numbers past the declared clusters and negative ones, as a damaged file could hold.
            let draw = { (0..<50).map { _ in Int32.random(in: -3...Int32(clusters + 70), using: &generator) } }
            let (first, second) = (draw(), draw())
            var bits = ClusterBits(clusters: clusters)
            var other = ClusterBits(clusters: clusters)
            first.forEach { bits.insert($0) }
            #expect(bits.count == Set(first).count)
            second.forEach { other.insert($0) }
            bits.formUnion(other)
            #expect(bits.count == Set(first + second).count)
        }
    }
}
