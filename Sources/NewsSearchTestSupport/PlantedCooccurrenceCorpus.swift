import Foundation

/// Forty articles as one JSON Lines dump with associations planted among their actors (given in the
/// `actors` field; the lower-case text names nobody), for the co-occurrence tests. Facts the tests
/// rely on, by article number 0–39:
/// - Japan is in every article; Anna Kowalska (the actor asked about) in 0–9.
/// - Piotr Nowak in 0–6 and 20: mostly beside her (7 of his 8 articles).
/// - Ewa Lis in 5–24: 5 of her 20 articles are Kowalska's, exactly what chance predicts.
/// - Jan Rzadki only in 0; NATO in 1–3 and 30–35.
/// - The word "harbor" is in 0–4 and 20–29 (15 articles), "tariff" in the rest.
/// - Sources: even numbers "Alpha Wire", odd "Beta Review"; dates: 0–19 in 2024, 20–39 in 2025.
public struct PlantedCooccurrenceCorpus {
    public let file: URL
    let directory: TemporaryDirectory

    public init(extraLines: [String] = []) throws {
        directory = try TemporaryDirectory("cooc")
        let lines = (0..<40).map(Self.line) + extraLines
        file = try directory.write(lines.joined(separator: "\n") + "\n", to: "planted/wire.jsonl")
    }

    public var indexPath: String { directory.url.appendingPathComponent("index/search.sqlite").path }
    public var folder: URL { directory.url }

    public static func actors(of number: Int) -> [String] {
        var actors = ["Japan"]
        if number < 10 { actors.append("Anna Kowalska") }
        if number <= 6 || number == 20 { actors.append("Piotr Nowak") }
        if (5...24).contains(number) { actors.append("Ewa Lis") }
        if number == 0 { actors.append("Jan Rzadki") }
        if (1...3).contains(number) || (30...35).contains(number) { actors.append("NATO") }
        return actors
    }

    static func line(_ number: Int) -> String {
        let word = (0...4).contains(number) || (20...29).contains(number) ? "harbor" : "tariff"
        let record: [String: Any] = [
            "id": String(format: "p%02d", number),
            "title": "report \(number) on \(word) fees",
            "body": "the committee met again to discuss \(word) fees and shipping schedules for the season.",
            "date": String(format: "%d-03-%02d", number < 20 ? 2024 : 2025, number % 20 + 1),
            "source": number % 2 == 0 ? "Alpha Wire" : "Beta Review",
            "actors": actors(of: number),
        ]
        let data = try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
