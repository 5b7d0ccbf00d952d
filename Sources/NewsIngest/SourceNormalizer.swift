import Foundation
import NewsDates
import Synchronization

/// Turns every spelling of a news source into one facet value.
///
/// "The Japan Times", "Japan Times", "japantimes.co.jp" and "https://www.japantimes.co.jp/news/…" all
/// become "The Japan Times": names and hosts reduce to the same *key* (lower case, no leading "the",
/// no `www.` or domain suffix, letters and digits only), and a key known from the built-in outlet table
/// or the aliases file gives the canonical spelling. An unknown source keeps its own spelling, tidied.
///
/// The aliases file (``aliasesFileName`` in the index folder) has one `alias = Canonical` per line;
/// blank lines and lines starting with `#` are ignored:
/// ```
/// # source-aliases.txt
/// JT = The Japan Times
/// Yomiuri = The Japan News
/// ```
/// ```swift
/// let normalizer = try SourceNormalizer(aliasesText: String(contentsOfFile: path, encoding: .utf8))
/// normalizer.canonical("japantimes.co.jp")   // "The Japan Times"
/// ```
public struct SourceNormalizer: Sendable, Hashable {
    /// The file the engine loads from the index folder.
    public static let aliasesFileName = "source-aliases.txt"

    /// Key → canonical name from the aliases file; these win over the built-in table.
    private var aliasByKey: [String: String]
    /// Answers already worked out. A corpus has a few hundred sources but every article asks, and
    /// working out a key (Foundation's folding, a host parse) was 6% of a bulk index run's CPU.
    private let memo = Memo()

    /// - Parameter aliases: alias → canonical name. Each canonical name is also its own alias.
    public init(aliases: [String: String] = [:]) {
        // Keys collide, and a dictionary's order changes from process to process: the user's aliases
        // are keyed in sorted order, then every canonical name as itself, so that the same source gets
        // the same name in every run (the built-in outlets were keyed the same way, in ``KnownOutlets/byKey``).
        var aliasTable: [String: String] = [:]
        let userAliases = aliases.compactMap { alias, name -> (alias: String, canonical: String)? in
            let canonical = name.trimmingWhitespace()
            return canonical.isEmpty ? nil : (alias, canonical)
        }.sorted { ($0.alias, $0.canonical) < ($1.alias, $1.canonical) }
        for (alias, canonical) in userAliases { aliasTable[Self.key(alias)] = canonical }
        for (_, canonical) in userAliases { aliasTable[Self.key(canonical)] = canonical }
        aliasByKey = aliasTable.filter { !$0.key.isEmpty }
    }

    /// Reads the aliases file format; throws ``IngestError/badAliasLine(number:text:)`` on a line without `=`.
    public init(aliasesText: String) throws {
        try self.init(aliases: Self.parseAliases(aliasesText))
    }

    public static func parseAliases(_ text: String) throws -> [String: String] {
        var aliases: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw IngestError.badAliasLine(number: number + 1, text: line)
            }
            let alias = line[..<equals].trimmingWhitespace()
            let canonical = line[line.index(after: equals)...].trimmingWhitespace()
            guard !alias.isEmpty, !canonical.isEmpty else {
                throw IngestError.badAliasLine(number: number + 1, text: line)
            }
            aliases[alias] = canonical
        }
        return aliases
    }

    /// The one spelling of a source; nil for a blank name.
    public func canonical(_ name: String) -> String? {
        memo.answer(for: name, in: \.names) { resolve(name) }
    }

    private func resolve(_ name: String) -> String? {
        let tidy = name.collapsingWhitespace()
        guard !tidy.isEmpty else { return nil }
        if let host = Self.host(of: tidy) {
            let key = Self.key(host)
            return aliasByKey[key] ?? KnownOutlets.name(forHost: host) ?? KnownOutlets.byKey[key] ?? host
        }
        let key = Self.key(tidy)
        return aliasByKey[key] ?? KnownOutlets.byKey[key] ?? tidy
    }

    /// The readable name for a URL's host (a known outlet's name, else the host without `www.`).
    public func name(forURL url: String) -> String? {
        // Only the part before the path decides (see ``host(of:)``), so it is what is remembered.
        let authority: Substring
        if let ascii = Self.asciiAuthority(in: url) {
            guard let found = ascii else { return Self.host(of: url).flatMap(canonical) }
            authority = found
        } else {
            guard let scheme = url.range(of: "://") else { return Self.host(of: url).flatMap(canonical) }
            authority = url[..<(url[scheme.upperBound...].firstIndex { "/?#".contains($0) } ?? url.endIndex)]
        }
        // An archive's copy is the exception: its path names the outlet (looked for only on archives' hosts).
        if authority.hasSuffix("archive.org") || authority.hasSuffix("webarchive.loc.gov"),
            let original = Self.archivedAddress(in: url)
        {
            return name(forURL: original)
        }
        return memo.answer(for: String(authority), in: \.hosts) { Self.host(of: url).flatMap(canonical) }
    }

    /// For an ASCII address (nearly all), the address up to its path, query or fragment, found over its
    /// bytes, where bytes and Characters agree: `.some(nil)` when it has no "://". nil for any other
    /// address. Foundation's `range(of:)` and a Character walk to the path were most of reading a
    /// record with a URL.
    static func asciiAuthority(in url: String) -> Substring?? {
        let found = url.utf8.withContiguousStorageIfAvailable { bytes -> Int?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            guard bytes.count >= 3, let scheme = (0...(bytes.count - 3)).first(where: {
                bytes[$0] == 0x3A && bytes[$0 + 1] == 0x2F && bytes[$0 + 2] == 0x2F
            }) else { return .some(nil) }
            var end = scheme + 3
            while end < bytes.count, bytes[end] != 0x2F, bytes[end] != 0x3F, bytes[end] != 0x23 { end += 1 }
            return .some(end)
        }
        guard let found, let offset = found else { return nil }
        guard let offset else { return .some(nil) }
        return .some(url[..<url.utf8.index(url.utf8.startIndex, offsetBy: offset)])
    }

    /// The page a web archive's copy is of: `https://web.archive.org/web/20190717140047/http://paper.example/a`
    /// is paper.example's article, not the archive's (the Wayback Machine and its `id_`/`if_` forms;
    /// archives that do not keep the address in theirs cannot be read back).
    static func archivedAddress(in url: String) -> String? {
        for prefix in ["://web.archive.org/web/", "://wayback.archive.org/web/", "://webarchive.loc.gov/all/"] {
            guard let found = url.range(of: prefix), url[..<found.lowerBound].allSatisfy(\.isLetter) else { continue }
            let rest = url[found.upperBound...]
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash].first?.isNumber == true else { return nil }
            let original = rest[rest.index(after: slash)...]
            return original.contains(".") ? String(original) : nil
        }
        return nil
    }

    public static func == (lhs: SourceNormalizer, rhs: SourceNormalizer) -> Bool {
        lhs.aliasByKey == rhs.aliasByKey
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(aliasByKey)
    }

    /// Remembered answers, shared by the copies of one normaliser across worker threads.
    private final class Memo: Sendable {
        struct Tables {
            var names: [String: String?] = [:]
            var hosts: [String: String?] = [:]
        }
        /// A corpus with more distinct names than this (generated sources, say) starts over rather than grow.
        static let limit = 20_000
        private let tables = Mutex(Tables())

        func answer(for key: String, in table: WritableKeyPath<Tables, [String: String?]>, _ compute: () -> String?) -> String? {
            if let known = tables.withLock({ $0[keyPath: table][key] }) { return known }
            let value = compute()
            tables.withLock { tables in
                if tables[keyPath: table].count >= Self.limit { tables[keyPath: table].removeAll(keepingCapacity: true) }
                tables[keyPath: table][key] = .some(value)
            }
            return value
        }
    }

    /// The grouping key: "The Japan Times", "Japan Times" and "japantimes.co.jp" all give "japantimes".
    public static func key(_ name: String) -> String {
        var text = name.lowercased()
        // Folding is Foundation's NSString path (a process's first call sets it up, ~1 ms); ASCII has no
        // diacritics to fold.
        if !text.utf8.allSatisfy({ $0 < 0x80 }) { text = text.folding(options: [.diacriticInsensitive], locale: nil) }
        if let host = host(of: text) { text = strippedHost(host) }
        if text.hasPrefix("the ") { text.removeFirst(4) }
        return String(text.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// The host of a URL or a bare domain ("japantimes.co.jp"), lower-cased, without `www.`; nil for a name.
    static func host(of text: String) -> String? {
        var rest = text.trimmingWhitespace().lowercased()
        if let scheme = rest.range(of: "://") { rest = String(rest[scheme.upperBound...]) }
        else if rest.contains(" ") { return nil }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        let labels = host.split(separator: ".")
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
    }

    /// A host without its public suffix: "japantimes.co.jp" → "japantimes", "news.example.com" → "news.example".
    static func strippedHost(_ host: String) -> String {
        var labels = host.split(separator: ".").map(String.init)
        if labels.count > 1 { labels.removeLast() }
        if labels.count > 1, let last = labels.last, secondLevelLabels.contains(last) { labels.removeLast() }
        return labels.joined(separator: ".")
    }

    /// Built once: every key of a host calls ``strippedHost(_:)``.
    private static let secondLevelLabels: Set<String> = ["co", "com", "or", "ne", "ac", "go", "org", "net", "gov", "edu"]
}
