import Testing

@testable import NewsQuery

@Suite struct DateBucketTests {
    static let spans: [(String, String, DateBucket)] = [
        ("2025-04-02", "2025-04-02", .day),
        ("2025-04-01", "2025-06-01", .day),  // 62 days
        ("2025-04-01", "2025-06-02", .month),  // 63 days
        ("2025-04", "2025-04", .day),  // one month, 30 days
        ("2025-04", "2025-05", .day),  // 61 days
        ("2025", "2025", .month),
        ("2021-01-01", "2025-12-31", .month),  // five years
        ("2020", "2025", .year),
        ("2025-06-01", "2025-04-01", .day),  // reversed bounds are swapped
    ]

    @Test(arguments: spans) func autoPicksABucketForTheSpan(_ first: String, _ last: String, _ expected: DateBucket) {
        #expect(DateBucket.auto(first: date(first), last: date(last)) == expected)
    }

    @Test func labelsFillEmptyBuckets() {
        #expect(DateBucket.year.labels(from: date("2023-05-06"), to: date("2025")) == ["2023", "2024", "2025"])
        #expect(
            DateBucket.month.labels(from: date("2024-11-30"), to: date("2025-02")) == [
                "2024-11", "2024-12", "2025-01", "2025-02",
            ])
        #expect(DateBucket.month.labels(from: date("2025"), to: date("2025")).count == 12)
        #expect(
            DateBucket.day.labels(from: date("2024-02-27"), to: date("2024-03-01")) == [
                "2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01",
            ])
        #expect(DateBucket.day.labels(from: date("2023-12"), to: date("2023-12")).count == 31)
        #expect(DateBucket.day.labels(from: date("2025-01-02"), to: date("2025-01-01")) == ["2025-01-01", "2025-01-02"])
        #expect(DateBucket.day.labels(from: date("1900"), to: date("2100")).count == 73_414)
    }

    @Test func labelForADateNeedsEnoughPrecision() {
        #expect(DateBucket.year.label(for: date("2025-04-10")) == "2025")
        #expect(DateBucket.month.label(for: date("2025-04-10")) == "2025-04")
        #expect(DateBucket.day.label(for: date("2025-04-10")) == "2025-04-10")
        #expect(DateBucket.month.label(for: date("2025")) == nil)
        #expect(DateBucket.day.label(for: date("2025-04")) == nil)
    }

    @Test(arguments: ["0001-01-01", "1969-12-31", "1970-01-01", "2000-02-29", "2100-03-01", "9999-12-31"])
    func civilDayNumbersRoundTrip(_ key: String) {
        let day = CivilDay(key)
        #expect(CivilDay(number: day.number).description == key)
        #expect(CivilDay(number: day.number + 1).number == day.number + 1)
    }

    @Test func civilDayNumbersCountFromTheEpoch() {
        #expect(CivilDay("1970-01-01").number == 0)
        #expect(CivilDay("2000-03-01").number == 11_017)
    }
}
