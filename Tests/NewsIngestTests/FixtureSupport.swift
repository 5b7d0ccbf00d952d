import Foundation

@testable import NewsIngest

extension Ingestor {
    /// What ingestion makes of a text given as a string, under a file name that sets its format.
    static func extract(_ text: String, path: String) -> ExtractionReport {
        Ingestor().extract(data: Data(text.utf8), path: path)
    }
}

/// The test fixtures folder copied into the test bundle.
enum Fixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// One HTML fixture page and what extraction must find in it.
    struct HTMLExpectation: Decodable, Sendable, CustomStringConvertible {
        let file: String
        let title: String
        let date: String
        let dateOrigin: String
        let source: String
        /// A fragment of every article paragraph: each must survive.
        let keep: [String]
        /// A fragment of every boilerplate block: none may survive.
        let drop: [String]
        var description: String { file }
    }

    static let htmlExpectations: [HTMLExpectation] = {
        let data = try! Fixtures.data("html-expectations.json")
        return try! JSONDecoder().decode([HTMLExpectation].self, from: data)
    }()
}
