import Foundation
import NewsDates
import NewsIngest
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

    /// An article's digest is fed field by field; indexes store it, so it must stay the digest of the
    /// fields joined as they always were (U+0001 between fields, U+0002 within lists, U+0003 in a field).
    @Test func articleDigestIsTheJoinedFieldsDigest() {
        var generator = SystemRandomNumberGenerator()
        let words = ["", " ", "Rutte", "défense", "NATO  summit", "東京", "a\u{1}b", "\r\n", "🇯🇵", "Co Inc."]
        func text(_ count: Int) -> String {
            (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        func list() -> [String] { (0..<Int.random(in: 0...3, using: &generator)).map { _ in text(2) } }
        for _ in 0..<300 {
            var metadata: [String: String] = [:]
            for _ in 0..<Int.random(in: 0...3, using: &generator) { metadata[text(1) + "k"] = text(2) }
            let article = Article(
                title: text(4), body: text(30), date: Bool.random() ? ArticleDate(parsing: "2025-06-27") : nil,
                url: Bool.random() ? "https://example.test/" + text(1) : nil, authors: list(), actors: list(),
                metadata: metadata)
            let source = text(2)
            let date: String = article.date?.description ?? ""
            var fields: [String] = [article.title, article.body, date, source, article.url ?? ""]
            fields.append(article.actors.joined(separator: "\u{2}"))
            fields.append(article.authors.joined(separator: "\u{2}"))
            if !metadata.isEmpty {
                let pairs: [String] = metadata.sorted { $0.key < $1.key }.map { pair in pair.key + "\u{3}" + pair.value }
                fields.append(pairs.joined(separator: "\u{2}"))
            }
            let joined: String = fields.joined(separator: "\u{1}")
            #expect(PreparedDocument.contentHash(of: article, source: source) == ContentHash.of(Array(joined.utf8)))
        }
    }
}
