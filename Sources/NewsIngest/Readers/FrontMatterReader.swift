import NewsDates

/// Reads plain text and Markdown articles, with optional front matter: YAML between `---` lines (as
/// Jekyll and most static sites write it, lists in `[a, b]` or `- a` form), TOML between `+++` lines
/// (Hugo), or a header of `Key: value` lines that starts with a title or date and ends at a blank line
/// (Pelican, MultiMarkdown, e-mail-like exports). Keys mean what the same JSON field names mean
/// (``RecordRoles``: `title`, `date`, `publishDate`, `author`…).
///
/// The draft it returns leaves the fallbacks to ``ArticleAssembler``: without front matter the title
/// is the first line left after cleaning and the date comes from the header region or the file name.
struct FrontMatterReader {
    func read(text input: String, path: String) throws -> ArticleDraft {
        let (text, nuls) = InputText.normalized(input)
        var lines = text.lineSlices(omittingEmptySubsequences: false).map(String.init)
        let (fields, headerLines) = FrontMatter.read(lines)
        lines.removeSubrange(0..<headerLines)
        let roles = RecordRoles(fields.keys)
        func field(_ role: RecordRoles.Role) -> String? { roles.key(role).flatMap { fields[$0] }.flatMap { $0.isEmpty ? nil : $0 } }
        if lines.allSatisfy({ $0.trimmingWhitespace().isEmpty }) && field(.title) == nil {
            throw IngestError.emptyArticle
        }
        var draft = ArticleDraft(title: field(.title), lines: lines)
        if let raw = field(.date) {
            if let parsed = ArticleDate(parsing: raw) ?? DateExtractor.parse(raw) {
                draft.date = parsed
                draft.dateOrigin = .frontMatter
            } else {
                draft.invalidDate = raw
            }
        }
        if nuls > 0 { draft.notes.append(InputText.nulNote(nuls)) }
        if let source = field(.source) { draft.sources.append((source, .frontMatter)) }
        draft.id = field(.id)
        draft.url = field(.url)
        draft.authors = Self.list(field(.authors))
        draft.actors = Self.list(field(.actors))
        // The file's text is the body: a `summary` or `description` beside it stays an extra field.
        let consumed = Set(RecordRoles.Role.allCases.filter { $0 != .summary && $0 != .body }.compactMap(roles.key))
        draft.metadata = fields.filter { !consumed.contains($0.key) }
        return draft
    }

    static func stripMarkdownHeading(_ line: String) -> String {
        String(line.drop { $0 == "#" }).trimmingWhitespace()
    }

    /// A list written as `[a, b]` or `a, b`.
    static func list(_ value: String?) -> [String] {
        guard var value else { return [] }
        if value.hasPrefix("["), value.hasSuffix("]") { value = String(value.dropFirst().dropLast()) }
        return value.split(separator: ",").map { FrontMatter.unquoted($0.trimmingWhitespace()) }.filter { !$0.isEmpty }
    }
}

/// The key–value header of a text file, in the three forms ``FrontMatterReader`` reads.
enum FrontMatter {
    /// The fields (keys lower-cased, first occurrence wins) and how many lines the header takes.
    static func read(_ lines: [String]) -> (fields: [String: String], lines: Int) {
        guard let first = lines.first?.trimmingWhitespace() else { return ([:], 0) }
        if first == "---" || first == "+++",
            let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == first })
        {
            let body = lines[1..<close]
            return (first == "---" ? yaml(body) : toml(body), close + 1)
        }
        return keyValueHeader(lines)
    }

    /// `key: value` lines; a key with no value followed by `- item` lines (or indented lines) takes them
    /// as a list (or as text continued); nested keys are not fields.
    static func yaml(_ lines: ArraySlice<String>) -> [String: String] {
        var fields: [String: String] = [:]
        var open: (key: String, items: [String], text: [String])?
        func close() {
            guard let (key, items, text) = open else { return }
            let value = items.isEmpty ? text.joined(separator: " ") : items.joined(separator: ", ")
            if fields[key]?.isEmpty ?? true { fields[key] = value }
            open = nil
        }
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            let indented = line.first == " " || line.first == "\t"
            if open != nil, trimmed.hasPrefix("- ") || trimmed == "-" {
                open?.items.append(unquoted(String(trimmed.dropFirst()).trimmingWhitespace()))
                continue
            }
            if indented || trimmed.isEmpty {
                // Text continued under a `key: >` or `key: |`; an indented `key: value` belongs to a
                // nested map, which is no field of ours.
                if open != nil, !trimmed.isEmpty, open!.items.isEmpty, !isKeyLine(trimmed) { open?.text.append(trimmed) }
                continue
            }
            close()
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].trimmingWhitespace().lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingWhitespace()
            guard !key.isEmpty else { continue }
            if value.isEmpty || value == ">" || value == "|" || value == ">-" || value == "|-" {
                if fields[key] == nil { fields[key] = "" }
                open = (key, [], [])
            } else if fields[key] == nil {
                fields[key] = unquoted(value)
            }
        }
        close()
        return fields
    }

    /// `key = value` lines: strings in either quotes, arrays, bare dates and numbers; `[table]` lines
    /// are passed over (their keys read as any other).
    static func toml(_ lines: ArraySlice<String>) -> [String: String] {
        var fields: [String: String] = [:]
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("["), let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = unquoted(trimmed[..<equals].trimmingWhitespace()).lowercased()
            let value = trimmed[trimmed.index(after: equals)...].trimmingWhitespace()
            if !key.isEmpty, fields[key] == nil { fields[key] = unquoted(value) }
        }
        return fields
    }

    /// `Title: …` / `Date: …` lines at the top of a file, up to the first blank line: a header only when
    /// every line of it is `Key: value`, its keys are names of ours, and one of them is the title or
    /// the date (so that "Note: …" or "WASHINGTON: …" opening a story stays text).
    static func keyValueHeader(_ lines: [String]) -> (fields: [String: String], lines: Int) {
        var fields: [String: String] = [:]
        var count = 0
        for line in lines.prefix(30) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { break }
            guard isKeyLine(trimmed), let colon = trimmed.firstIndex(of: ":") else { return ([:], 0) }
            let key = trimmed[..<colon].trimmingWhitespace().lowercased()
            guard RecordRoles.isKnownName(key) || headerOnlyKeys.contains(key) else { return ([:], 0) }
            if fields[key] == nil { fields[key] = unquoted(trimmed[trimmed.index(after: colon)...].trimmingWhitespace()) }
            count += 1
        }
        let roles = RecordRoles(fields.keys)
        guard count > 0, count < lines.count, roles.key(.title) != nil || roles.key(.date) != nil else { return ([:], 0) }
        return (fields, count)
    }

    /// Keys these headers carry that are no field of a record but are not text either.
    private static let headerOnlyKeys: Set<String> = ["tags", "category", "categories", "slug", "lang", "language", "modified", "status", "keywords"]

    /// `Key: value` with a key of letters, digits, `_`, `-` or spaces (up to four words) before the colon.
    static func isKeyLine(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
        let key = line[..<colon]
        return key.count <= 40 && key.split(separator: " ").count <= 4
            && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " }
    }

    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return value }
        return String(value.dropFirst().dropLast())
    }
}
