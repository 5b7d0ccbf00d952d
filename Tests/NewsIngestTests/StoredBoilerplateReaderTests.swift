import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

@Suite("The stored boilerplate model, read without JSONDecoder")
struct StoredBoilerplateReaderTests {
    /// Source names with every character JSON must escape, non-ASCII text and a scalar above the BMP.
    static let namePieces = ["Harbor", " ", "Gazette", "\"", "\\", "/", "\n", "\u{1}", "\t", "é", "日本", "😀", "e\u{301}"]
    static let names = Gen<String?>.element(of: namePieces).map { $0! }.array(of: 0...5).map { $0.joined() }
    static let hashes = Gen<UInt64>.value().array(of: 0...12)

    /// A model whose sources get the hashes in turn, with counts that include the extremes.
    static func model(names: [String], hashes: [UInt64], share: Double) -> BoilerplateModel {
        var model = BoilerplateModel(minimumDocuments: names.count + 1, minimumShare: share)
        for (offset, name) in names.enumerated() {
            var statistics = BoilerplateModel.SourceStatistics()
            statistics.documents = offset * 1_000_003
            for (index, hash) in hashes.enumerated() where index % max(names.count, 1) == offset {
                let documents = [1, 2, Int.max, index][index % 4]
                statistics.lineCounts.storeCount(hash, documents: documents)
            }
            model.sources[name] = statistics
        }
        return model
    }

    @Test("what JSONEncoder wrote reads back as JSONDecoder reads it")
    func sameAsJSONDecoder() async throws {
        await propertyCheck(
            count: 500, input: Self.names.array(of: 0...4), Self.hashes, Gen<Double>.double(in: 0...1)
        ) { names, hashes, share in
            let model = Self.model(names: names, hashes: hashes + [0, .max], share: share)
            for encoder in [JSONEncoder(), Self.prettyEncoder] {
                let json = try #require(try? encoder.encode(model))
                let decoded = try #require(try? JSONDecoder().decode(BoilerplateModel.self, from: json))
                #expect(BoilerplateModel(storedJSON: json) == decoded)
                #expect(decoded == model)
            }
        }
    }

    /// Sorted keys and whitespace between every token: another order and layout of the same values.
    static let prettyEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()

    @Test(
        "anything but the stored form is refused",
        arguments: [
            "",
            #"{"sources":{},"minimumDocuments":5}"#,
            #"{"sources":{},"minimumDocuments":5,"minimumShare":0.25,"extra":1}"#,
            #"{"sources":{"S":{"documents":1}},"minimumDocuments":5,"minimumShare":0.25}"#,
            #"{"sources":{"S":{"documents":1,"lineCounts":[7]}},"minimumDocuments":5,"minimumShare":0.25}"#,
            #"{"sources":{"S":{"documents":1.5,"lineCounts":[]}},"minimumDocuments":5,"minimumShare":0.25}"#,
            #"{"sources":{"S":{"documents":-1,"lineCounts":[]}},"minimumDocuments":5,"minimumShare":0.25}"#,
            #"{"sources":{"S":{"documents":1,"lineCounts":[18446744073709551616,2]}},"minimumDocuments":5,"minimumShare":0.25}"#,
            #"{"sources":{"S\q":{"documents":1,"lineCounts":[]}},"minimumDocuments":5,"minimumShare":0.25}"#,
            #"{"sources":{"\ud800":{"documents":1,"lineCounts":[]}},"minimumDocuments":5,"minimumShare":0.25}"#,
            #"{"sources":{},"minimumDocuments":5,"minimumShare":0.25} x"#,
            #"{"sources":{},"minimumDocuments":5,"minimumShare":0.25"#,
        ])
    func refusesOtherText(json: String) {
        #expect(BoilerplateModel(storedJSON: json.utf8) == nil)
        // Read for one source, the others are still checked: "S" is not the one asked for.
        #expect(BoilerplateModel(storedJSON: json.utf8, only: "T") == nil)
    }

    @Test("read for one source, a model is the whole one with only that source's statistics")
    func oneSourceIsTheWholeModelRestricted() async throws {
        await propertyCheck(count: 300, input: Self.names.array(of: 1...4), Self.hashes) { names, hashes in
            let model = Self.model(names: names, hashes: hashes, share: 0.25)
            let json = try #require(try? JSONEncoder().encode(model))
            for name in names + ["not a stored source"] {
                var expected = model
                expected.sources = model.sources.filter { $0.key == name }
                #expect(BoilerplateModel(storedJSON: json, only: name) == expected)
                #expect(StoredBoilerplate(json: Array(json)).model(for: name) == expected)
            }
            #expect(StoredBoilerplate(json: Array(json)).wholeModel() == model)
        }
    }

    @Test("an Ingestor reading the stored model per source removes what the whole model removes")
    func storedPerSourceCleansAsTheWholeModel() throws {
        var model = BoilerplateModel()
        for number in 1...6 { model.learn(body: BoilerplateModelTests.body(number), source: "Harbor Gazette") }
        for number in 1...6 { model.learn(body: "Other desk line\n" + BoilerplateModelTests.body(number), source: "Other Desk") }
        let json = try JSONEncoder().encode(model.compacted())
        var stored = Ingestor()
        stored.storedBoilerplate = StoredBoilerplate(json: Array(json))
        let whole = Ingestor(boilerplateModel: try #require(BoilerplateModel(storedJSON: json)))
        for source in ["Harbor Gazette", "Other Desk", "Unknown Desk"] {
            let text = "Headline of story seven\n" + BoilerplateModelTests.body(7)
            let expected = whole.extract(data: Data(text.utf8), path: "h/7.txt", defaultSource: source)
            let report = stored.extract(data: Data(text.utf8), path: "h/7.txt", defaultSource: source)
            #expect(report.body == expected.body)
            #expect(report.removed.map(\.text) == expected.removed.map(\.text))
        }
        let cleaned = stored.extract(data: Data(("Headline of story seven\n" + BoilerplateModelTests.body(7)).utf8), path: "h/7.txt", defaultSource: "Harbor Gazette")
        #expect(cleaned.removed.contains { $0.kind == .repeatedLine })
    }

    @Test("a stored model removes the lines it learned")
    func readModelApplies() throws {
        var model = BoilerplateModel()
        for number in 1...6 { model.learn(body: BoilerplateModelTests.body(number), source: "Harbor Gazette") }
        let read = try #require(BoilerplateModel(storedJSON: try JSONEncoder().encode(model.compacted())))
        #expect(read.apply(to: BoilerplateModelTests.body(7), source: "Harbor Gazette").removed.count == 2)
        #expect(read.learnedLineCount == 2)
    }
}
