import Testing

@testable import NewsDates

/// `ArticleDate` reads its stored form by bytes and everything else by Characters: both must agree,
/// and its order and text must be those of `(firstDay, precision)` and zero-padded fields.
@Suite struct ArticleDateTests {
    static let texts = [
        "2025", "2025-04", "2025-04-10", "0001", "9999-12-31", "2024-02-29", "2023-02-29", "2025-13", "2025-00",
        "2025-04-31", "0000", "2025-4", "2025-04-1", "20250410", "2025/04/10", "+025-04", "2025-04-10T12:00:00Z",
        " 2025-04", "2025-04 ", "２０２５", "abcd", "", "2025-", "-2025",
    ]

    @Test(arguments: texts)
    func theByteReadingAgreesWithTheGeneralOne(text: String) {
        #expect(ArticleDate(parsing: text) == ArticleDate(general: text))
    }

    @Test func onlyTheStoredFormIsReadByBytes() {
        #expect(ArticleDate.digitFields("2025-04-10".utf8)! == (2025, 4, 10))
        #expect(ArticleDate.digitFields("2025".utf8)! == (2025, nil, nil))
        for text in ["2025-04-10T12:00", " 2025", "2025-4-10", "２０２５"] {
            #expect(ArticleDate.digitFields(text.utf8) == nil)
        }
    }

    @Test func descriptionIsZeroPadded() {
        #expect(ArticleDate(year: 7, month: 3, day: 9)!.description == "0007-03-09")
        #expect(ArticleDate(year: 2025, month: 11)!.description == "2025-11")
        #expect(ArticleDate(year: 9999)!.description == "9999")
    }

    @Test func orderIsFirstDayThenCoarserFirst() {
        let dates = Self.texts.compactMap(ArticleDate.init(parsing:))
            + [ArticleDate(year: 2025, month: 1)!, ArticleDate(year: 2024, month: 12, day: 31)!]
        let rank: [ArticleDate.Precision: Int] = [.year: 0, .month: 1, .day: 2]
        let byKey = dates.sorted { ($0.firstDay, rank[$0.precision]!) < ($1.firstDay, rank[$1.precision]!) }
        #expect(dates.sorted() == byKey)
        #expect(ArticleDate(parsing: "2025")! < ArticleDate(parsing: "2025-01")!)
        #expect(ArticleDate(parsing: "2025-01")! < ArticleDate(parsing: "2025-01-01")!)
        #expect(ArticleDate(parsing: "2025-01-15")! < ArticleDate(parsing: "2025-02")!)
        #expect(!(ArticleDate(parsing: "2025-02")! < ArticleDate(parsing: "2025-02")!))
    }
}
