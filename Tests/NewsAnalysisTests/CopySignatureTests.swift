import NewsAnalysis
import Testing

/// Issue 19: the near-duplicate signature and its clusters.
@Suite struct CopySignatureTests {
    /// Texts of `words` words drawn from a vocabulary of their own, seeded: unrelated by construction.
    static func text(seed: UInt64, words: Int = 80, vocabulary: Int = 2_000) -> String {
        var state = seed &* 0x9e37_79b9_7f4a_7c15 | 1
        return (0..<words).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return "w\(state % UInt64(vocabulary))"
        }.joined(separator: " ")
    }

    static let story = """
        The harbour authority approved a new container terminal on Tuesday after two years of hearings, \
        saying the project would double the port's capacity and create several hundred jobs by the end of the decade.

        Environmental groups said they would appeal the decision, arguing that dredging the channel would \
        harm the seagrass beds that shelter young fish along the northern shore.

        The authority's chair told reporters that the plan included a fund to restore the beds and that \
        construction would not begin before the spring.
        """

    @Test(arguments: 0..<20)
    func identicalTextGivesTheSameSignatureAndCluster(seed: Int) throws {
        let text = Self.text(seed: UInt64(seed))
        let a = try #require(MinHashSignature(of: text))
        let b = try #require(MinHashSignature(of: text))
        #expect(a == b)
        #expect(a.similarity(to: b) == 1)
        var clusters = CopyClusters()
        let alone = clusters.add(1, a)
        #expect(alone == nil)
        let joined = clusters.add(2, b)
        let cluster = try #require(joined)
        #expect(clusters.cluster(of: 1) == cluster)
        #expect(Set(clusters.members(of: cluster)) == [1, 2])
    }

    @Test func unrelatedTextsStayApart() throws {
        var clusters = CopyClusters()
        for seed in 1...300 {
            let signature = try #require(MinHashSignature(of: Self.text(seed: UInt64(seed))))
            let cluster = clusters.add(Int64(seed), signature)
            #expect(cluster == nil, "text \(seed) was put with another")
        }
    }

    @Test func anOutletsEditedCopyJoinsTheStory() throws {
        let paragraphs = Self.story.components(separatedBy: "\n\n")
        let copy = "Subscribe to the Coast Ledger for daily port news.\n\n" + paragraphs.dropLast().joined(separator: "\n\n")
            + "\n\nThe Coast Ledger asked the authority for comment on the appeal."
        let original = try #require(MinHashSignature(of: Self.story))
        let edited = try #require(MinHashSignature(of: copy))
        #expect(original.similarity(to: edited) >= 0.3)
        var clusters = CopyClusters()
        clusters.add(10, original)
        let cluster = clusters.add(11, edited)
        #expect(cluster != nil)
    }

    @Test func twoReportsOfOneEventStayApart() throws {
        let other = """
            Fishermen on the northern shore protested outside the harbour authority on Tuesday as it voted on \
            the container terminal, carrying banners about the seagrass beds where young fish shelter.

            Several skippers said the dredging would ruin a season's catch, and one union leader promised to \
            take the matter to the courts if the port went ahead without a proper study.
            """
        let a = try #require(MinHashSignature(of: Self.story))
        let b = try #require(MinHashSignature(of: other))
        var clusters = CopyClusters()
        clusters.add(1, a)
        let cluster = clusters.add(2, b)
        #expect(cluster == nil, "similarity \(a.similarity(to: b))")
    }

    @Test func removingACopyDissolvesAPairAndReportsTheChange() throws {
        let signature = try #require(MinHashSignature(of: Self.story))
        var clusters = CopyClusters()
        clusters.add(1, signature)
        let joined = clusters.add(2, signature)
        let cluster = try #require(joined)
        clusters.add(3, signature)
        _ = clusters.takeChanges()
        clusters.remove(1)
        #expect(clusters.cluster(of: 2) == cluster)
        #expect(Set(clusters.members(of: cluster)) == [2, 3])
        clusters.remove(3)
        #expect(clusters.cluster(of: 2) == nil)
        let changes = clusters.takeChanges()
        #expect(changes.count == 1 && changes[0].cluster == cluster && changes[0].members.isEmpty)
        // The one left still finds a new copy, though the buckets were first claimed by a removed one.
        let rejoined = clusters.add(4, signature)
        #expect(rejoined != nil)
        #expect(clusters.cluster(of: 2) == clusters.cluster(of: 4))
    }

    @Test func restoredClustersKeepTheirIdsAndNewOnesDoNotReuseThem() throws {
        let signature = try #require(MinHashSignature(of: Self.story))
        var clusters = CopyClusters()
        clusters.restore(5, signature, cluster: 7)
        clusters.restore(6, signature, cluster: 7)
        let restored = clusters.add(8, signature)
        #expect(restored == 7)
        let other = try #require(MinHashSignature(of: Self.text(seed: 99)))
        clusters.add(20, other)
        let added = clusters.add(21, other)
        let fresh = try #require(added)
        #expect(fresh > 7)
    }

    @Test func aShortTextHasNoSignature() {
        #expect(MinHashSignature(of: "Markets closed higher on Friday.") == nil)
        #expect(MinHashSignature(of: "") == nil)
    }

    @Test func theStoredFormRoundTrips() throws {
        let signature = try #require(MinHashSignature(of: Self.story))
        #expect(signature.bytes.count == 2 * MinHashSignature.slotCount)
        #expect(MinHashSignature(bytes: signature.bytes) == signature)
        #expect(MinHashSignature(bytes: [1, 2, 3]) == nil)
    }

    @Test func shinglesIgnoreCaseAndPunctuation() {
        #expect(ShingleHashes.of("The Bank, it said: RATES rise.") == ShingleHashes.of("the bank it said rates rise"))
        #expect(ShingleHashes.of("one two").isEmpty)
        #expect(ShingleHashes.of("one two three four").count == 2)
    }

    @Test func simHashOfACopyIsCloserThanOfAnUnrelatedText() {
        let story = SimHash(of: Self.story)
        let copy = SimHash(of: Self.story + "\n\nSubscribe to the Coast Ledger.")
        let unrelated = SimHash(of: Self.text(seed: 3))
        #expect(story.distance(to: copy) < story.distance(to: unrelated))
    }
}
