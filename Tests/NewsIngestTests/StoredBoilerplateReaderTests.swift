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
