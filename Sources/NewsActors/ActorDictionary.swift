import Foundation

/// A user's additions to the built-in gazetteer, read from a plain-text file in the index folder
/// (conventionally `actors.txt`). One entry per line; `#` starts a comment; blank lines are ignored.
///
/// ```text
/// # TYPE: Canonical Name = alias | alias      (TYPE: person, organization, country, location)
/// person: Mark Rutte = Rutte | Secretary-General Rutte
/// organization: North Atlantic Treaty Organization = NATO | Nato
/// country: United States = U.S. | USA
/// # ban: text   — never report an actor with this name or surface text
/// ban: Reklam
/// ```
///
/// An entry replaces a built-in one with the same name or alias, so a dictionary can also rename or
/// retype a known actor. Matching is on whole words, case-insensitive except for all-capital aliases of
/// up to six letters (acronyms), which match only in capitals.
public struct ActorDictionary: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var type: ActorType
        public var aliases: [String]

        public init(name: String, type: ActorType, aliases: [String] = []) {
            self.name = name
            self.type = type
            self.aliases = aliases
        }
    }

    public var entries: [Entry]
    public var banned: [String]

    public init(entries: [Entry] = [], banned: [String] = []) {
        self.entries = entries
        self.banned = banned
    }

    /// Parses the text format above.
    public init(parsing text: String) throws(ActorDictionaryError) {
        var entries: [Entry] = []
        var banned: [String] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw .malformedLine(line: number + 1, text: trimmed, reason: "expected `TYPE: Name = alias | alias` or `ban: text`")
            }
            let keyword = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else {
                throw .malformedLine(line: number + 1, text: trimmed, reason: "nothing after `\(keyword):`")
            }
            if keyword == "ban" {
                banned.append(value)
                continue
            }
            guard let type = Self.type(named: keyword) else {
                throw .unknownType(line: number + 1, type: keyword)
            }
            let sides = value.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = sides[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw .malformedLine(line: number + 1, text: trimmed, reason: "the canonical name before `=` is empty")
            }
            let aliases = sides.count > 1
                ? sides[1].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            entries.append(Entry(name: name, type: type, aliases: aliases))
        }
        self.init(entries: entries, banned: banned)
    }

    /// Reads a dictionary file; a missing file is an empty dictionary, so an index folder needs none.
    public init(contentsOf url: URL) throws(ActorDictionaryError) {
        guard FileManager.default.fileExists(atPath: url.path) else {
            self.init()
            return
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        try self.init(parsing: text)
    }

    /// The file name an index folder uses for its dictionary.
    public static let fileName = "actors.txt"

    static func type(named keyword: String) -> ActorType? {
        switch keyword {
        case "person", "per": .person
        case "organization", "organisation", "org": .organization
        case "country", "state": .country
        case "location", "place", "loc": .location
        default: nil
        }
    }

    func apply(to gazetteer: inout Gazetteer) {
        for entry in entries {
            gazetteer.add(name: entry.name, type: entry.type, aliases: entry.aliases)
        }
        for text in banned { gazetteer.ban(text) }
    }
}

/// Why a dictionary file could not be used; each case says where and what to fix.
public enum ActorDictionaryError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedLine(line: Int, text: String, reason: String)
    case unknownType(line: Int, type: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .malformedLine(let line, let text, let reason):
            "actor dictionary line \(line) (\"\(text)\"): \(reason)"
        case .unknownType(let line, let type):
            "actor dictionary line \(line): unknown type \"\(type)\"; use person, organization, country, location or ban"
        case .unreadable(let path, let reason):
            "cannot read actor dictionary \(path): \(reason)"
        }
    }
}
