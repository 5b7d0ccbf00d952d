import Foundation
import NewsIngest

/// What cleaning removed from one article, as the index keeps it: the removed lines in the order
/// found, within a budget per article, and how many lines the budget left out.
///
/// Pages with long comment threads or link lists can lose far more text than the article holds; the
/// index keeps enough to show a reader what went (the first lines, each cut to
/// ``lineCharacters``), not a second copy of the page.
public struct StoredRemovals: Sendable, Hashable {
    public var lines: [RemovedLine]
    /// Lines left out to stay within ``byteBudget``; 0 when every removed line is kept.
    public var omitted: Int

    /// At most this many bytes of stored JSON per article.
    public static let byteBudget = 16 * 1024
    /// A longer removed line is cut here and ends in "…".
    public static let lineCharacters = 500

    public init(lines: [RemovedLine], omitted: Int) {
        self.lines = lines
        self.omitted = omitted
    }

    /// The stored form of `removed`: `json` is an array of `[text, kind, detail]` triples.
    static func encode(_ removed: [RemovedLine]) -> (json: String, omitted: Int) {
        var parts: [String] = []
        var bytes = 2
        for (index, line) in removed.enumerated() {
            var text = line.text
            if text.count > lineCharacters { text = String(text.prefix(lineCharacters - 1)) + "…" }
            let part = StoredJSON.encode([text, line.kind.rawValue, line.detail])
            if bytes + part.utf8.count + 1 > byteBudget { return (joined(parts), removed.count - index) }
            bytes += part.utf8.count + 1
            parts.append(part)
        }
        return (joined(parts), 0)
    }

    private static func joined(_ parts: [String]) -> String { "[" + parts.joined(separator: ",") + "]" }

    /// Reads the stored form back; nil when the article was indexed before removals were stored (NULL).
    static func decode(json: String?, omitted: Int) -> StoredRemovals? {
        guard let json else { return nil }
        let triples = (try? JSONDecoder().decode([[String]].self, from: Data(json.utf8))) ?? []
        // Every kind stored is one this build knows: an index of a newer schema is not opened.
        let lines = triples.compactMap { triple -> RemovedLine? in
            guard triple.count == 3, let kind = RemovalKind(rawValue: triple[1]) else { return nil }
            return RemovedLine(text: triple[0], kind: kind, detail: triple[2])
        }
        return StoredRemovals(lines: lines, omitted: omitted)
    }
}
