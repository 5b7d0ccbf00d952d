import NewsDates
import Testing

@testable import NewsIngest

@Suite("Dates")
struct DateExtractorTests {
    @Test(
        "news date formats keep the calendar day the source meant",
        arguments: [
            ("April 10, 2025", "2025-04-10"),
            ("14:15 JST, April 10, 2025", "2025-04-10"),
            ("Thursday, May 22, 2025", "2025-05-22"),
            ("10 April 2025", "2025-04-10"),
            ("2025-04-10", "2025-04-10"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26"),
            ("Apr. 10, 2025", "2025-04-10"),
            ("Sept. 3, 2024", "2024-09-03"),
            ("2025-04-09T23:30:00-05:00", "2025-04-09"),
            ("2025-04-10T01:00:00+09:00", "2025-04-10"),
            ("Thu, 10 Apr 2025 23:59:00 GMT", "2025-04-10"),
            ("2025/04/10", "2025-04-10"),
            ("20250410", "2025-04-10"),
            ("April 2025", "2025-04"),
            ("Published: March 1st, 2024", "2024-03-01"),
        ])
    func parses(text: String, expected: String) {
        #expect(DateExtractor.parse(text)?.description == expected)
    }

    @Test("not dates", arguments: ["by 2030", "It may 10 times", "the march 3 protest", "Apr. 10", "2025 was a hard year", ""])
    func rejects(text: String) {
        #expect(DateExtractor.parse(text) == nil)
    }

    @Test("a month and day take the year from context")
    func contextYear() {
        #expect(DateExtractor.parse("Apr. 10", contextYear: 2025)?.description == "2025-04-10")
    }

    @Test("only the header region counts, never a date deep in the body")
    func headerOnly() {
        let lines = [
            "Headline about a summit", "Subhead line", "First paragraph without dates.", "Second paragraph.",
            "Third paragraph.", "Fourth paragraph.", "Fifth paragraph.", "The plan runs to April 10, 2030.",
        ]
        #expect(DateExtractor.headerDate(in: lines) == nil)
        let dated = ["Headline", "", "Photo caption line.", "14:15 JST, April 10, 2025", "Body."]
        #expect(DateExtractor.headerDate(in: dated)?.date.description == "2025-04-10")
        #expect(DateExtractor.headerDate(in: dated)?.line == 3)
    }

    @Test("date-only lines", arguments: [
        ("Thursday, May 22, 2025", true), ("14:15 JST, April 10, 2025", true), ("Updated: 2025-04-10 09:00", true),
        ("Rutte visited Tokyo on April 10, 2025", false), ("Date:", false),
    ])
    func dateLines(line: String, expected: Bool) {
        #expect(DateExtractor.isDateLine(line) == expected)
    }

    @Test("dates in file paths", arguments: [
        ("news/2025-04-10-rutte.md", "2025-04-10"), ("20250410_rutte.txt", "2025-04-10"),
        ("site/2025/04/10/rutte.html", "2025-04-10"), ("000_c0c3e7f763296f22.txt", nil),
        ("reports/2025/summary.txt", nil),
    ] as [(String, String?)])
    func paths(path: String, expected: String?) {
        #expect(DateExtractor.fromPath(path)?.description == expected)
    }

    @Test("ASCII lines are cut into the words and numbers the Character walk finds")
    func asciiTokensAgreeWithTheCharacterWalk() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Thu", "10", "April", "2025", " ", ",", ".", "-", ":", "\t", "\r\n", "\n", "1st", "z", "Z", "@", "[", "`", "{", "/", "9"]
        for _ in 0..<5_000 {
            let line = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                // Every ASCII character now and then, control characters included.
                Bool.random(using: &generator) ? pieces.randomElement(using: &generator)! : String(UnicodeScalar(UInt8.random(in: 0...127, using: &generator)))
            }.joined()
            let walked = line.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
            #expect(DateExtractor.asciiTokens(line)?.map(\.text) == walked, "\(line.debugDescription)")
        }
        #expect(DateExtractor.asciiTokens("10 mai 2024 à 9h") == nil)
        #expect(DateExtractor.tokenize("10 mai 2024 à 9h").map(\.text) == ["10", "mai", "2024", "à", "9h"])
    }

    @Test("a bare YYYY-MM-DD read from its bytes is the date the general path reads")
    func isoDaysFromBytesAgreeWithTheGeneralPath() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789--T :x0")
        var dated = 0
        for round in 0..<20_000 {
            // Mostly the dump shape with a digit or two changed, so that real days, impossible days
            // (2023-02-29, 1999-13-01, 0000-01-01) and near misses all come up.
            var text = Array(String(format: "%04d-%02d-%02d", Int.random(in: 0...2100, using: &generator), Int.random(in: 0...13, using: &generator), Int.random(in: 0...32, using: &generator)))
            for _ in 0..<(round % 3) { text[Int.random(in: 0..<10, using: &generator)] = alphabet.randomElement(using: &generator)! }
            let line = String(text)
            // A leading space sends the same text down the general path (it is trimmed there).
            #expect(ArticleDate(parsing: line) == ArticleDate(parsing: " " + line), "\(line)")
            if ArticleDate(parsing: line) != nil { dated += 1 }
        }
        #expect(dated > 5_000)
    }
}
