import Testing

@testable import NewsIngest

/// The pair filter in front of the buckets must never skip a place where a pattern starts.
@Suite("Class name pattern set")
struct PatternSetTests {
    /// Every (list, index, place) found by testing each pattern at each place of the text.
    func naiveMatches(_ lists: [[String]], in text: [UInt8]) -> [[Int]] {
        var found: [[Int]] = []
        for start in text.indices {
            for (list, patterns) in lists.enumerated() {
                for (index, pattern) in patterns.enumerated() {
                    let bytes = Array(pattern.utf8)
                    if !bytes.isEmpty, start + bytes.count <= text.count, Array(text[start..<start + bytes.count]) == bytes {
                        found.append([list, index])
                    }
                }
            }
        }
        return found
    }

    @Test func findsWhatTestingEveryPatternEverywhereFinds() {
        let lists = [["ab", "abc", "b", "ca"], ["bca", "cc"], ["é-x", "a"]]
        let set = PatternSet(lists: lists)
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", "c", "é", "-", "x"]
        for _ in 0..<3_000 {
            let text = Array((0..<Int.random(in: 0...9, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined().utf8)
            var found: [[Int]] = []
            text.withUnsafeBufferPointer { bytes in set.forEachMatch(in: bytes) { found.append([$0, $1]) } }
            // The set reports by place, then by bucket order; compare as multisets.
            let sort: ([Int], [Int]) -> Bool = { $0.lexicographicallyPrecedes($1) }
            #expect(found.sorted(by: sort) == naiveMatches(lists, in: text).sorted(by: sort), "\(text)")
        }
    }

    @Test func readsTheHintsOfClassNames() {
        let hints = ClassHints(names: ["article-body", "share-tools"], elementName: "div")
        #expect(hints.positive)
        #expect(hints.negative?.hint == "share")
        let caption = ClassHints(names: ["image-caption-title"], elementName: "h2")
        #expect(caption.negative == nil)
        #expect(ClassHints(names: ["image-caption"], elementName: "div").negative?.hint == "caption")
    }
}
