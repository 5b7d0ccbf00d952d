import Foundation
import Testing

@testable import NewsIngest

/// The byte-level answers that cleaning asks of every line must be the `String` answers they replace,
/// on random text made of the pieces where the two could part: white space of every kind, CR LF, marks
/// that join the Character before them, the ellipsis, markup and near-markup.
@Suite struct ByteFastPathTests {
    static let pieces = [
        "a", "Z", "x", " ", "  ", "\t", "\r", "\n", "\r\n", "\u{0B}", "\u{85}", "\u{A0}", "\u{2003}", "…", "...", "\u{301}",
        "\u{200D}", "é", "e\u{301}", "日本", "😀", "<", ">", "/", "</p>", "<br>", "<br/>", "</li >", "<HBE>", "<b", "</",
        "comments", "please ", "we use cookies", "please be respectful of different opinions", "k", "b", "z", "ç",
    ]

    static func text(_ generator: inout some RandomNumberGenerator, upTo count: Int = 12) -> String {
        (0..<Int.random(in: 0...count, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func blankLinesAsTrimmed() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let line = Self.text(&generator, upTo: 3)
            #expect(line.isBlank == line.trimmingWhitespace().isEmpty, "\(line.debugDescription)")
        }
    }

    @Test func ellipsisSuffixAsString() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let line = Self.text(&generator, upTo: 4)
            #expect(line.hasEllipsisSuffix == line.hasSuffix("…"), "\(line.debugDescription)")
        }
    }

    @Test func asciiPrefixAsString() {
        var generator = SystemRandomNumberGenerator()
        let patterns = ["comments", "please ", "a", "x\r", "ab cd", "please be"]
        for _ in 0..<20_000 {
            let pattern = patterns.randomElement(using: &generator)!
            let line = (Bool.random(using: &generator) ? pattern : "") + Self.text(&generator, upTo: 3)
            if let settled = PhraseRule.hasASCIIPrefix(line, pattern) {
                #expect(settled == line.hasPrefix(pattern), "\(line.debugDescription) \(pattern.debugDescription)")
            }
        }
    }

    @Test func nonASCIIPrefixRuleAsString() {
        var generator = SystemRandomNumberGenerator()
        let rule = PhraseRule("© ", .prefix, .credit)
        for _ in 0..<20_000 {
            let line = (Bool.random(using: &generator) ? "© " : "") + Self.text(&generator, upTo: 3)
            #expect(rule.matches(line, length: 0) == line.hasPrefix("© "), "\(line.debugDescription)")
        }
    }

    @Test func separatorLinesAsScalarTest() {
        var generator = SystemRandomNumberGenerator()
        let marks = ["-", "*", "•", "—", ".", "|", "=", "#", "/", " ", "\t"]
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                Bool.random(using: &generator) ? marks.randomElement(using: &generator)! : Self.pieces.randomElement(using: &generator)!
            }.joined()
            let raw = line.trimmingWhitespace()
            let expected = raw.unicodeScalars.allSatisfy { BoilerplateFilter.isSeparator($0) || $0.properties.isWhitespace }
            #expect((BoilerplateFilter.separatorVerdict(line) != nil) == expected, "\(line.debugDescription)")
        }
    }

    /// The join as it was: the trimmed lines, one blank line for each run of blank ones, none at the ends.
    static func joinedAsBefore(_ lines: [String]) -> String {
        var out: [String] = []
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if let last = out.last, !last.isEmpty { out.append("") }
            } else {
                out.append(trimmed)
            }
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    @Test func joinAsBefore() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let lines = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Bool.random(using: &generator) ? ["", " ", "\t"].randomElement(using: &generator)! : Self.text(&generator, upTo: 4)
            }
            #expect(BoilerplateFilter.join(lines) == Self.joinedAsBefore(lines), "\(lines)")
        }
    }

    /// Markup as it was found: every byte from the first "<" on.
    static func isMarkupAsBefore(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard var index = bytes.firstIndex(of: UInt8(ascii: "<")) else { return false }
        let elements: Set<String> = [
            "p", "a", "b", "i", "em", "strong", "span", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "figure", "figcaption", "table", "td", "tr", "section", "article", "sup", "sub", "u", "small", "cite", "q", "pre", "code",
        ]
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let closing = bytes[index + 1] == UInt8(ascii: "/")
                var end = index + (closing ? 2 : 1)
                var name: [UInt8] = []
                while end < bytes.count, name.count <= 10,
                    (0x41...0x5A).contains(bytes[end]) || (0x61...0x7A).contains(bytes[end]) || (0x31...0x36).contains(bytes[end])
                {
                    name.append(bytes[end] | 0x20)
                    end += 1
                }
                if end < bytes.count, bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "/") {
                    let tag = String(decoding: name, as: UTF8.self)
                    if closing ? elements.contains(tag) : tag == "br" { return true }
                }
            }
            index += 1
        }
        return false
    }

    @Test func markupFoundFromBracketToBracket() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let text = Self.text(&generator)
            #expect(HTMLFragment.isMarkup(text) == Self.isMarkupAsBefore(text), "\(text.debugDescription)")
        }
    }
}
