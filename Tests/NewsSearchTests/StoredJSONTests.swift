import Foundation
import Testing

@testable import NewsSearch

/// Stored JSON columns must not change when the encoder does: equal input, equal bytes, as before.
@Suite struct StoredJSONTests {
    static let alphabet: [String] = [
        "a", "B", "z", "_", "0", "9", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1}",
        "\u{1F}", "\u{7F}", "é", "e\u{301}", "Å", "\u{2028}", "\u{FFFD}", "😀", "日本", "ß", "-",
    ]

    static func randomString(_ generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
    }

    static func encoder(_ value: some Encodable) -> String {
        String(decoding: try! JSONEncoder.sorted.encode(value), as: UTF8.self)
    }

    @Test func listsAreWhatJSONEncoderWrites() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let list = (0..<Int.random(in: 0...4, using: &generator)).map { _ in Self.randomString(&generator) }
            let expected = list.isEmpty ? "[]" : Self.encoder(list)
            #expect(StoredJSON.encode(list) == expected, "\(list)")
        }
    }
}
