import Foundation
import Testing

@testable import NewsIngest

@Suite("Boilerplate learned across a source")
struct BoilerplateModelTests {
    static func body(_ number: Int) -> String {
        """
        Story number \(number) opens with its own first paragraph about a different event in the region.
        Follow Harbor Gazette on every platform for more
        The second paragraph of story \(number) adds detail that no other story repeats.
        © Harbor Gazette Media Group
        """
    }

    @Test("lines in many documents of a source are removed with a reason; unique lines stay")
    func learnAndApply() {
        var model = BoilerplateModel()
        for number in 1...6 { model.learn(body: Self.body(number), source: "Harbor Gazette") }
        let cleaned = model.apply(to: Self.body(7), source: "Harbor Gazette")
        #expect(cleaned.text == """
            Story number 7 opens with its own first paragraph about a different event in the region.
            The second paragraph of story 7 adds detail that no other story repeats.
            """)
        #expect(cleaned.removed.map(\.kind) == [.repeatedLine, .repeatedLine])
        #expect(cleaned.removed.first?.reason == "repeatedLine: seen in many documents of Harbor Gazette")
        // Another source has not repeated those lines.
        #expect(model.apply(to: Self.body(7), source: "Other").removed.isEmpty)
    }

    @Test("a line seen in too few documents is not boilerplate")
    func thresholds() {
        var model = BoilerplateModel()
        for number in 1...4 { model.learn(body: Self.body(number), source: "S") }
        // Four of four documents: every share, but too few documents to tell a template from a shared quote.
        #expect(!model.isRepeated("© Harbor Gazette Media Group", source: "S"))
        for number in 5...24 { model.learn(body: "Unrelated story \(number) body line.", source: "S") }
        model.learn(body: Self.body(25), source: "S")
        // 5 of 25 documents is under the 25% share.
        #expect(!model.isRepeated("© Harbor Gazette Media Group", source: "S"))
    }

    @Test("the model survives a JSON round trip, compacted")
    func codable() throws {
        var model = BoilerplateModel()
        for number in 1...5 { model.learn(body: Self.body(number), source: "Harbor Gazette") }
        let compact = model.compacted()
        #expect(compact.sources["Harbor Gazette"]?.lineCounts.count == 2)
        let decoded = try JSONDecoder().decode(BoilerplateModel.self, from: JSONEncoder().encode(compact))
        #expect(decoded == compact)
        #expect(decoded.isRepeated("Follow Harbor Gazette on every platform for more", source: "Harbor Gazette"))
    }

    @Test("the Ingestor applies its model to the article's source")
    func ingestorUsesModel() {
        var model = BoilerplateModel()
        for number in 1...5 { model.learn(body: Self.body(number), source: "Harbor Gazette") }
        let text = "Headline of story eight\n" + Self.body(8)
        let report = Ingestor(boilerplateModel: model).extract(
            data: Data(text.utf8), path: "h/8.txt", defaultSource: "Harbor Gazette")
        #expect(!report.body.contains("Follow Harbor Gazette"))
        #expect(report.removed.contains { $0.kind == .repeatedLine })
    }

    /// Stored models hold these hashes, so the byte path must give exactly what the String path gave:
    /// FNV-1a over `normalize(line)`, nil when that is empty or longer than 300 Characters.
    @Test("line hashes over bytes equal the normalised-String hashes, around the length limit too")
    func byteHashesMatchStringHashes() {
        func reference(_ line: String) -> UInt64? {
            let normalized = BoilerplateFilter.normalize(line)
            guard !normalized.isEmpty, normalized.count <= BoilerplateModel.maximumLineLength else { return nil }
            return normalized.utf8.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
        }
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", " ", "  ", "\t", ".", "!", "?", ":", ";", "-", "*", ">", "word", "é", "’", "—", "\r"]
        var buffer: [UInt8] = []
        for _ in 0..<4_000 {
            let repeats = Int.random(in: 0...3, using: &generator) == 0 ? 75 : 1  // some lines near 300
            let line = (0..<Int.random(in: 0...12, using: &generator) * repeats)
                .map { _ in pieces.randomElement(using: &generator)! }.joined()
            let wholeLine = BoilerplateModel.hash(line, buffer: &buffer)
            let slice = BoilerplateModel.hash(("x" + line + "y").dropFirst().dropLast(), buffer: &buffer)
            #expect(wholeLine == reference(line), "\(line.debugDescription)")
            #expect(slice == reference(line), "\(line.debugDescription)")
        }
        let limit = String(repeating: "a", count: 300)
        #expect(BoilerplateModel.hash(limit) == reference(limit) && BoilerplateModel.hash(limit) != nil)
        #expect(BoilerplateModel.hash(limit + "b") == nil)
        #expect(BoilerplateModel.hash(limit + "b...") == nil)
        #expect(BoilerplateModel.hash("-- " + limit + " !!") != nil)
        #expect(BoilerplateModel.hash("  Follow Us   On Twitter.") == 0x8acb_056d_67b3_c24a)
    }
}
