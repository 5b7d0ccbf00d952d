import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NewsSearchTestSupport
import Testing

/// `search QUERY --json` and `search serve`'s `/api/search` are written by hand (`JSONText`); they must
/// be the bytes `JSONEncoder` writes for the same answer (`took_ms` aside), escapes and number forms
/// included, and the same for both.
@Suite(.serialized) struct ResultsJSONTests {
    let binary: SearchBinary
    let corpus: CorpusFixture
    let server: ServerProcess

    /// Titles and bodies with every kind of character the writer escapes or passes through.
    static let awkward = #"""
        {"id": "x1", "title": "Quotes \" and back\\slashes / in a harbor \u001b[31mred\u001b[0m title", "body": "Tabs\tand\r\nbreaks, a bell \u0007, form feed \f, backspace \b, DEL \u007f, line separator \u2028, override \u202e, emoji 😀 and Zürich: the harbor reopened.", "date": "2025-03", "source": "Odd \"Wire\"/Desk"}
        {"id": "x2/with slash", "title": "Harbor fees rise 3.0 percent", "body": "The harbor authority raised fees; undated.", "source": "Plain Desk"}
        """#

    init() throws {
        binary = try SearchBinary()
        corpus = try CorpusFixture()
        try corpus.write(Self.awkward, to: "news/odd/awkward.jsonl")
        let indexed = try binary.run(["index", "--index", corpus.indexPath, corpus.root.path])
        #expect(indexed.status == 0, "\(indexed.stderr)")
        server = try ServerProcess(binary: binary, arguments: ["--index", corpus.indexPath])
    }

    /// The answer with its `took_ms` value blanked.
    static func withoutTiming(_ text: String) -> String {
        text.replacingOccurrences(of: #""took_ms":[-0-9.e+]+"#, with: #""took_ms":0"#, options: .regularExpression)
    }

    static let searches: [(query: String, options: [(String, String)])] = [
        ("harbor", []), ("harbor", [("match", "any"), ("date-bucket", "day")]), ("defense industrial", []),
        ("\"defense industrial\"", [("no-fold", "")]), ("nato -china", [("facets", "actor")]), ("defnse", []),
        ("harbour zzzqqq", []), ("rutte", [("limit", "0")]), ("harbor", [("no-facets", "")]),
    ]

    @Test(arguments: 0..<searches.count) func theCLIWritesTheBytesTheEncoderWrites(_ index: Int) throws {
        let (query, options) = Self.searches[index]
        var items = [URLQueryItem(name: "q", value: query)]
        var arguments = ["--index", corpus.indexPath, "--json"]
        for (name, value) in options {
            items.append(URLQueryItem(name: name, value: value.isEmpty ? "true" : value))
            arguments.append(value.isEmpty ? "--\(name)" : "--\(name)=\(value)")
        }
        var components = URLComponents()
        components.queryItems = items
        let response = try HTTP.get(URL(string: "/api/search?" + components.percentEncodedQuery!, relativeTo: server.baseURL)!)
        #expect(response.status == 200, "\(response.text)")
        let cli = try binary.run(arguments + ["--", query])
        #expect(cli.status == 0, "\(cli.stderr)")
        #expect(Self.withoutTiming(cli.stdout) == Self.withoutTiming(response.text), "\(query) \(options)")
        #expect(Self.withoutTiming(cli.stdout) == Self.withoutTiming(try Self.encoded(cli.stdout)), "\(query) \(options)")
    }

    /// `text` decoded and written again by `JSONEncoder` with the wire format's settings.
    static func encoded(_ text: String) throws -> String {
        let tree = try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: try encoder.encode(tree), as: UTF8.self) + "\n"
    }
}

/// Any JSON value, whole numbers kept apart from the rest so that they are written back as they were read.
enum JSONTree: Codable {
    case null, bool(Bool), integer(Int), number(Double), string(String), array([JSONTree]), object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? single.decode(Double.self) {
            self = .number(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try single.decode([String: JSONTree].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .null: try single.encodeNil()
        case .bool(let value): try single.encode(value)
        case .integer(let value): try single.encode(value)
        case .number(let value): try single.encode(value)
        case .string(let value): try single.encode(value)
        case .array(let value): try single.encode(value)
        case .object(let value): try single.encode(value)
        }
    }
}
