import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

@Suite("The stored boilerplate model, written without JSONEncoder")
struct StoredBoilerplateWriterTests {
    static let sortedEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    @Test("the bytes are JSONEncoder's with sorted keys, and read back as the model")
    func sameAsJSONEncoder() async throws {
        await propertyCheck(
            count: 500, input: StoredBoilerplateReaderTests.names.array(of: 0...4), StoredBoilerplateReaderTests.hashes,
            Gen<Double>.double(in: 0...1)
        ) { names, hashes, share in
            let model = StoredBoilerplateReaderTests.model(names: names, hashes: hashes + [0, .max], share: share)
            let written = try model.storedJSON()
            let encoded = try #require(try? Self.sortedEncoder.encode(model))
            #expect(Array(written.utf8) == Array(encoded))
            #expect(BoilerplateModel(storedJSON: written.utf8) == model)
        }
    }

    @Test("a negative threshold and a share in exponent form are written as JSONEncoder writes them")
    func unusualNumbers() throws {
        var model = BoilerplateModel(minimumDocuments: -3, minimumShare: 1e-7)
        model.learn(body: "Follow us\nA line", source: "")
        #expect(Array(try model.storedJSON().utf8) == Array(try Self.sortedEncoder.encode(model)))
    }

    @Test("a share that is not a number is refused, as JSONEncoder refuses it")
    func nonFiniteShare() {
        #expect(throws: StoredBoilerplateWriter.NonFiniteShare.self) {
            try BoilerplateModel(minimumShare: .nan).storedJSON()
        }
        #expect(throws: (any Error).self) { try JSONEncoder().encode(BoilerplateModel(minimumShare: .infinity)) }
    }
}
