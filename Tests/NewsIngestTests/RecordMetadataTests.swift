import Foundation
import Testing

@testable import NewsIngest

/// A record's other fields are kept with the article (`search show`): an object was stored as "", `true`
/// as "1", `null` as "".
struct RecordMetadataTests {
    @Test func objectsBooleansAndNullsAreKeptAsTheRecordGaveThem() {
        let line = #"{"id": "m1", "title": "Berth fees", "body": "The harbour board met on Monday.", "extra": {"k": 1, "b": [1, 2]}, "#
            + #""flag": true, "off": false, "none": null, "tags": ["a", "b"], "mixed": ["a", 2], "n": 3, "ratio": 1.5}"#
        let report = Ingestor().extract(data: Data(line.utf8), path: "m.jsonl")
        #expect(report.metadata["extra"] == #"{"b":[1,2],"k":1}"#)
        #expect(report.metadata["flag"] == "true" && report.metadata["off"] == "false")
        #expect(report.metadata["none"] == nil)
        #expect(report.metadata["tags"] == "a, b" && report.metadata["mixed"] == #"["a",2]"#)
        #expect(report.metadata["n"] == "3" && report.metadata["ratio"] == "1.5")
    }
}
