import Foundation
import Testing
@testable import NewsAnalysis

/// The per-thread term cache must be invisible: cached, uncached and concurrent analysis agree.
struct TermCacheTests {
    /// The uncached meaning of one lower-case ASCII word: variants, single synonyms, stem.
    static func expected(_ word: String) -> String {
        var bytes = Array(word.utf8) + [UInt8](repeating: 0, count: 8)
        let n = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            let base = buffer.baseAddress!
            let n = SpellingVariants.normalize(base, count: word.utf8.count)
            if let entry = Synonyms.singles.find(base, n) { return Synonyms.singles.copyValue(of: entry, to: base) }
            return SnowballEnglish.stem(base, count: n)
        }
        return String(decoding: bytes[0..<n], as: UTF8.self)
    }

    static func vocabulary() throws -> [String] {
        try SnowballEnglishTests.pairs().map(\.word).filter { $0.allSatisfy { $0.isASCII && $0.isLetter } }
    }

    @Test func wholeVocabularyTwiceThroughTheCache() throws {
        let words = try Self.vocabulary()
        #expect(words.count > 25_000)
        let analyzer = Analyzer()
        for round in 0..<2 {
            var wrong: [String] = []
            for word in words {
                let terms = analyzer.tokens(in: word, mode: .query).map(\.term)
                if terms != [Self.expected(word)] { wrong.append("\(word) -> \(terms)") }
            }
            #expect(wrong.isEmpty, "round \(round): \(wrong.prefix(20))")
        }
    }

    /// A query's process zeroes a small table; a thread that keeps storing new words gets the large one.
    @Test func startsSmallAndGrowsOnceBusy() throws {
        let cache = TermCache()
        #expect(cache.slots == TermCache.initialSlotCount)
        var key = Array("word".utf8) + [0, 0, 0, 0, 0, 0]
        for n in 0..<(2 * TermCache.initialSlotCount - 1) {
            key[4] = UInt8(97 + n % 26)
            key[5] = UInt8(97 + n / 26 % 26)
            key[6] = UInt8(97 + n / 676 % 26)
            key.withUnsafeBufferPointer { cache.store(cache.slot(for: $0.baseAddress!, 7), key: $0.baseAddress!, 7, value: $0.baseAddress!, 7) }
        }
        cache.growIfBusy()
        #expect(cache.slots == TermCache.initialSlotCount)
        key.withUnsafeBufferPointer { cache.store(cache.slot(for: $0.baseAddress!, 7), key: $0.baseAddress!, 7, value: $0.baseAddress!, 7) }
        cache.growIfBusy()
        #expect(cache.slots == TermCache.slotCount)
    }

    @Test func concurrentAnalysisAgrees() async throws {
        let text = try Self.vocabulary().prefix(5_000).joined(separator: " ")
        let reference = Analyzer().tokens(in: text)
        let results = await withTaskGroup(of: [Token].self) { group in
            for _ in 0..<4 { group.addTask { Analyzer().tokens(in: text) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4)
        for result in results { #expect(result == reference) }
    }

    @Test func synonymFilterAdmitsEveryFirstWord() {
        for pair in Synonyms.pairs {
            var bytes = Array(pair.first.utf8)
            let admitted = bytes.withUnsafeMutableBufferPointer { Synonyms.mayStartPair($0.baseAddress!, $0.count) }
            #expect(admitted, "\(pair.first)")
        }
    }
}
