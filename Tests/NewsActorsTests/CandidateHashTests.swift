import PropertyBased
import Testing
@testable import NewsActors

/// The resolver finds candidates in its maps by the hashes they carry, not by hashing their words
/// again; a carried hash that is not `WordMap.hash` of its word would make a look-up miss silently.
@Suite("Candidates carry their words' hashes")
struct CandidateHashTests {
    @Test func carriedHashesAreTheWordsHashes() {
        var random = Xoshiro(seed: (0xCA4D_1DA7, 1, 2, 3))
        let fixed = [
            "NATO Secretary General Mark Rutte met Prime Minister Sanae Takaichi of Japan in Tokyo.",
            "The European Central Bank (ECB) said Jean-Michel van der Berg's Bank of Japan-NATO talks.",
            "ÉMILE Zola and Ünited Nations' İstanbul office: Straße ẞTRASSE, Čapek ČAPEK said.",
        ]
        var texts = fixed
        for round in 0..<1_000 { texts.append(TextScannerSpanTests.randomText(&random, long: round % 100 == 0)) }
        var checked = 0
        var multiWord = 0
        for text in texts {
            let scanned = TextScanner.scan(text)
            let tagger = RuleTagger(gazetteer: Gazetteer.standard, text: scanned)
            var candidates: [Candidate] = []
            for line in ActorExtractor.lines(scanned.tokens) { tagger.candidates(in: line, into: &candidates) }
            for candidate in candidates {
                #expect(candidate.keyHash == WordMap<Bool>.hash(candidate.key), "\(candidate.key.debugDescription) in \(text.debugDescription)")
                #expect(candidate.firstWordHash == WordMap<Bool>.hash(candidate.firstWord), "\(candidate.firstWord.debugDescription)")
                #expect(candidate.lastWordHash == WordMap<Bool>.hash(candidate.lastWord), "\(candidate.lastWord.debugDescription)")
                checked += 1
                if candidate.key.contains(" ") { multiWord += 1 }
            }
        }
        // The texts must make candidates, multi-word ones among them.
        #expect(checked > 1_000)
        #expect(multiWord > 100)
    }
}
