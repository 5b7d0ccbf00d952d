import Foundation
import Testing

@testable import NewsSearch

@Suite struct ContentHashTests {
    /// Indexes store these digests: a change would make every file look changed.
    @Test func isFNV1a64() {
        #expect(ContentHash.of("") == "cbf29ce484222325")
        #expect(ContentHash.of("a") == "af63dc4c8601ec8c")
        #expect(ContentHash.of(Data("foobar".utf8)) == "85944171f73967e8")
    }

    @Test func dataBytesAndPiecesAgree() {
        let text = String(repeating: "Défense industrielle, 2025 — ", count: 300)
        let data = Data(text.utf8)
        var pieces = ContentHash.Streaming()
        pieces.add(data[..<1000])
        pieces.add(Data(data[1000...]))
        #expect(ContentHash.of(data) == ContentHash.of(text))
        #expect(ContentHash.of(data) == ContentHash.of(Array(data)))
        #expect(pieces.value == ContentHash.of(text))
    }
}
