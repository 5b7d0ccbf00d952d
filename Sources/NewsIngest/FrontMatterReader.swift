/// Reads plain text and Markdown articles, with optional `---` front matter of `key: value` lines.
///
/// Without front matter the title is the first non-empty line and the date the first full
/// ISO date in the first lines; the source is left to the indexer (`--source` or the folder).
struct FrontMatterReader {
    /// How many lines at the top count as the header region where a date may stand.
    static let headerLines = 5

    func read(text: String, path: String) throws -> Article {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var fields: [String: String] = [:]
        if lines.first?.trimmingWhitespace() == "---",
            let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == "---" })
        {
            for line in lines[1..<close] {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingWhitespace().lowercased()
                var value = line[line.index(after: colon)...].trimmingWhitespace()
                if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                    value = String(value.dropFirst().dropLast())
                }
                if !key.isEmpty { fields[key] = value }
            }
            lines.removeSubrange(0...close)
        }
        var title = fields["title"] ?? ""
        if title.isEmpty, let first = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }) {
            title = Self.stripMarkdownHeading(lines[first])
            lines.remove(at: first)
        }
        let body = lines.joined(separator: "\n").trimmingWhitespace()
        if title.isEmpty && body.isEmpty { throw IngestError.emptyArticle }

        var date: ArticleDate?
        if let raw = fields["date"], !raw.isEmpty {
            guard let parsed = ArticleDate(parsing: raw) else {
                throw IngestError.badField(name: "date", reason: "'\(raw)' is not YYYY, YYYY-MM or YYYY-MM-DD")
            }
            date = parsed
        } else {
            date = lines.prefix(Self.headerLines).lazy.compactMap(Self.isoDate(in:)).first
        }
        let known: Set<String> = ["id", "title", "date", "source", "url", "authors", "author", "actors"]
        return Article(
            id: fields["id"].flatMap { $0.isEmpty ? nil : $0 },
            title: title, body: body, date: date,
            source: fields["source"].flatMap { $0.isEmpty ? nil : $0 },
            url: fields["url"],
            authors: Self.list(fields["authors"] ?? fields["author"]),
            actors: Self.list(fields["actors"]),
            metadata: fields.filter { !known.contains($0.key) })
    }

    static func stripMarkdownHeading(_ line: String) -> String {
        String(line.drop { $0 == "#" }).trimmingWhitespace()
    }

    /// A list written as `[a, b]` or `a, b`.
    static func list(_ value: String?) -> [String] {
        guard var value else { return [] }
        if value.hasPrefix("["), value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
        return value.split(separator: ",").map {
            var item = $0.trimmingWhitespace()
            if item.count >= 2, let q = item.first, q == "\"" || q == "'", item.last == q {
                item = String(item.dropFirst().dropLast())
            }
            return item
        }.filter { !$0.isEmpty }
    }

    /// The first `YYYY-MM-DD` in a line, if any.
    static func isoDate(in line: String) -> ArticleDate? {
        let chars = Array(line.utf8)
        guard chars.count >= 10 else { return nil }
        func digit(_ i: Int) -> Bool { chars[i] >= 48 && chars[i] <= 57 }
        for start in 0...(chars.count - 10) {
            if (0..<4).allSatisfy({ digit(start + $0) }), chars[start + 4] == 45, digit(start + 5), digit(start + 6),
                chars[start + 7] == 45, digit(start + 8), digit(start + 9),
                start == 0 || !digit(start - 1), start + 10 == chars.count || !digit(start + 10)
            {
                return ArticleDate(parsing: String(decoding: chars[start..<(start + 10)], as: UTF8.self))
            }
        }
        return nil
    }
}
