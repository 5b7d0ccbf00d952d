import Foundation
import NewsSearchTestSupport
import Testing

/// `search extract --json` is written by hand (`JSONText`); the wire format is what `JSONEncoder`
/// writes (sorted keys, `/` unescaped). Each output line, decoded into any-JSON values and encoded
/// again by the encoder with those settings, must come back byte for byte: key order, nulls, escapes
/// and numbers included.
@Suite struct ExtractionJSONTests {
    /// Any JSON the extraction holds: objects, arrays, strings, integers, null.
    enum Value: Codable {
        case object([String: Value]), array([Value]), string(String), integer(Int), null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let text = try? container.decode(String.self) { self = .string(text) }
            else if let number = try? container.decode(Int.self) { self = .integer(number) }
            else if let list = try? container.decode([Value].self) { self = .array(list) }
            else { self = .object(try container.decode([String: Value].self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .object(let members): try container.encode(members)
            case .array(let list): try container.encode(list)
            case .string(let text): try container.encode(text)
            case .integer(let number): try container.encode(number)
            case .null: try container.encodeNil()
            }
        }
    }

    static let records = #"""
        {"id": "r1", "title": "Quotes \" and back\\slashes / in \u001b[31mred\u001b[0m", "body": "Mark Rutte met Shigeru Ishiba in Tokyo.\tTabs\r\nbreaks, bell \u0007, DEL \u007f, separator \u2028, override \u202e, emoji 😀, Zürich.", "date": "2025-04-10", "source": "Odd \"Wire\"/Desk", "url": "https://example.org/a/b?c=d", "actors": ["NATO"], "x10": "ten", "x2": "two", "Beta": "B", "alpha_b": "ab", "alpha": "a"}
        {"id": "r2", "title": "Harbor fees rise", "body": "The harbor authority in Rotterdam raised fees, Reuters reported.", "region": "Europe"}
        {"id": "r3"}
        """#

    static let page = """
        <html lang="de"><head><title>Hafen | Odd Desk</title>
        <meta property="og:site_name" content="Odd Desk"><meta name="author" content="Anna Beispiel">
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Der Hafen \\"öffnet\\"", "datePublished": "2024-05-17T08:00:00+02:00", "about": [{"@type": "Person", "name": "Olaf Scholz"}]}</script>
        </head><body><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
        <article><h1>Der Hafen "öffnet"</h1><p>Bundeskanzler Olaf Scholz eröffnete am Freitag in Hamburg den neuen Hafen, wie die Behörde mitteilte.</p>
        <p>Die Arbeiten hatten drei Jahre gedauert; die Kosten lagen bei 40 Millionen Euro, sagte ein Sprecher in Berlin.</p>
        <p>Teilen Sie diesen Artikel</p></article><footer>© 2024 Odd Desk</footer></body></html>
        """

    @Test(arguments: ["news/wire/odd.jsonl", "news/pages/hafen.html"])
    func theCLIWritesTheBytesTheEncoderWrites(_ file: String) throws {
        let binary = try SearchBinary()
        let corpus = try CorpusFixture()
        let path = try corpus.write(file.hasSuffix(".html") ? Self.page : Self.records, to: file).path
        let result = try binary.run(["extract", "--index", corpus.indexPath, "--json", path], in: corpus.folder)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == (file.hasSuffix(".html") ? 1 : 3))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        for line in lines {
            let value = try JSONDecoder().decode(Value.self, from: Data(line.utf8))
            #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == line)
        }
    }
}
