import NewsDates

/// Reads plain text and Markdown articles, with optional `---` front matter of `key: value` lines.
///
/// The draft it returns leaves the fallbacks to ``ArticleAssembler``: without front matter the title
/// is the first line left after cleaning and the date comes from the header region or the file name.
struct FrontMatterReader {
    func read(text input: String, path: String) throws -> ArticleDraft {
        let (text, nuls) = InputText.normalized(input)
        var lines = text.lineSlices(omittingEmptySubsequences: false).map(String.init)
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
        if lines.allSatisfy({ $0.trimmingWhitespace().isEmpty }) && (fields["title"] ?? "").isEmpty {
            throw IngestError.emptyArticle
        }
        var draft = ArticleDraft(title: fields["title"].flatMap { $0.isEmpty ? nil : $0 }, lines: lines)
        if let raw = fields["date"], !raw.isEmpty {
            if let parsed = ArticleDate(parsing: raw) ?? DateExtractor.parse(raw) {
                draft.date = parsed
                draft.dateOrigin = .frontMatter
            } else {
                draft.invalidDate = raw
            }
        }
        if nuls > 0 { draft.notes.append(InputText.nulNote(nuls)) }
        if let source = fields["source"], !source.isEmpty { draft.sources.append((source, .frontMatter)) }
        let known: Set<String> = ["id", "title", "date", "source", "url", "authors", "author", "actors"]
        draft.id = fields["id"].flatMap { $0.isEmpty ? nil : $0 }
        draft.url = fields["url"].flatMap { $0.isEmpty ? nil : $0 }
        draft.authors = Self.list(fields["authors"] ?? fields["author"])
        draft.actors = Self.list(fields["actors"])
        draft.metadata = fields.filter { !known.contains($0.key) }
        return draft
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
}
