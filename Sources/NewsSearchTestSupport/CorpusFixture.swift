import Foundation

/// A small corpus with known answers, written into a fresh folder for each test.
///
/// Seven articles over three formats and four sources. Facts the tests rely on:
/// - "defense industrial" (any spelling) is in a1, a2, m1, t1; a3 has "defense" but not "industrial".
/// - Sources: Alpha Wire (a1, a2, a3, a4), Beta Review (m1, m2), gamma-notes (t1, the folder name).
/// - Dates: a1 2025-04-10, a2 2025-04-22, a3 2024-11 (month only), a4 2023-02-01,
///   m1 2025-05-05, m2 2025-06-30, t1 unknown.
/// - Actors given in the input: Mark Rutte (a1, a2, m1), Shigeru Ishiba (a1, m2), NATO (a1, a3).
public struct CorpusFixture {
    public let root: URL
    let directory: TemporaryDirectory

    public init() throws {
        directory = try TemporaryDirectory("corpus")
        root = directory.url.appendingPathComponent("news")
        try write(Self.jsonl, to: "news/wire/alpha.jsonl")
        try write(Self.markdownRutte, to: "news/beta/rutte-tokyo.md")
        try write(Self.markdownIshiba, to: "news/beta/ishiba-budget.md")
        try write(Self.plainText, to: "news/gamma-notes/shipyards.txt")
    }

    /// A folder beside the corpus for index files.
    public var indexPath: String { directory.url.appendingPathComponent("index/search.sqlite").path }

    @discardableResult
    public func write(_ text: String, to relativePath: String) throws -> URL {
        try directory.write(text, to: relativePath)
    }

    public func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent(relativePath))
    }

    public var folder: URL { directory.url }

    public static let jsonl = """
        {"id": "a1", "title": "Japan and NATO agree on defense-industrial cooperation", "body": "Prime Minister Shigeru Ishiba met NATO Secretary General Mark Rutte in Tokyo. Japan's government said the defense industrial base must grow.", "date": "2025-04-10", "source": "Alpha Wire", "actors": ["Mark Rutte", "Shigeru Ishiba", "NATO"]}
        {"id": "a2", "title": "Rutte returns to the Indo-Pacific", "body": "Mark Rutte spoke about defence industrial ties with partners in the Indo-Pacific region.", "date": "2025-04-22", "source": "Alpha Wire", "actors": ["Mark Rutte"]}
        {"id": "a3", "title": "Alliance budgets rise", "body": "NATO allies raised defense spending again this year, the alliance said.", "date": "2024-11", "source": "Alpha Wire", "actors": ["NATO"]}
        {"id": "a4", "title": "Fisheries talks resume", "body": "Officials met in Oslo to discuss quotas for the coming season.", "date": "2023-02-01", "source": "Alpha Wire"}
        this line is not JSON
        """

    public static let markdownRutte = """
        ---
        title: Rutte urges closer defense industrial work with Tokyo
        date: 2025-05-05
        source: Beta Review
        actors: [Mark Rutte]
        ---
        The NATO chief said that defense industrial production in Europe and Japan should be linked.
        Analysts in Zürich called the plan ambitious.
        """

    public static let markdownIshiba = """
        ---
        title: Ishiba presents the budget
        date: 2025-06-30
        source: Beta Review
        actors: [Shigeru Ishiba]
        ---
        The cabinet approved a budget focused on wages and regional growth.
        """

    public static let plainText = """
        Shipyards and the defence-industrial base

        Repair yards across the region are becoming part of the defence industrial base, officials said.
        """
}
