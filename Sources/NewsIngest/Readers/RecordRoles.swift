import Foundation

/// What a record's fields are for, told by their names. Scrapers, news APIs and data sets name the
/// same things differently (`headline`, `maintext`, `publishedAt`, `date_publish`, `source_domain`,
/// `link`, `byline`…), and a record whose text sat in a field we did not know was indexed with its
/// title alone, its body kept as an unsearched extra field. Names are compared without case, `_`,
/// `-`, `:` or spaces, so `published_at`, `publishedAt` and `Published-At` are one name.
struct RecordRoles {
    enum Role: Int, CaseIterable {
        case id, title, body, summary, date, source, url, authors, actors
    }

    /// For each role (by raw value), every key that could play it, the chosen one first.
    private var found: [[String]] = Array(repeating: [], count: Role.allCases.count)

    init(_ names: some Sequence<String>) {
        var ranked: [[(rank: Int, key: String)]] = Array(repeating: [], count: Role.allCases.count)
        for key in names {
            guard let (role, rank) = Self.role(of: key) else { continue }
            // The field named exactly as our own format names it wins a tie (`id` over `_id`); then the
            // key's spelling, so that the choice does not depend on a dictionary's order.
            let own = rank == 0 && Self.names[key] != nil
            ranked[role.rawValue].append((rank: rank * 2 + (own ? 0 : 1), key: key))
        }
        for (role, list) in ranked.enumerated() where !list.isEmpty {
            found[role] = list.count == 1 ? [list[0].key] : list.sorted { ($0.rank, $0.key) < ($1.rank, $1.key) }.map(\.key)
        }
    }

    /// The record's key that plays `role` (the most usual name when several are present).
    func key(_ role: Role) -> String? { found[role.rawValue].first }

    /// Every key that could play `role`, the chosen one first.
    func candidates(_ role: Role) -> [String] { found[role.rawValue] }

    /// The key of the field that holds the text: the body, else a summary (`description`, `abstract`):
    /// a record of a headline and its summary is an article too.
    var textKey: String? { key(.body) ?? key(.summary) }

    /// The keys a reader consumes; the others are kept as the record's extra fields. A summary
    /// next to a body stays an extra field.
    var consumed: Set<String> {
        var used = Set(Role.allCases.filter { $0 != .summary }.compactMap(key))
        if key(.body) == nil, let summary = key(.summary) { used.insert(summary) }
        return used
    }

    /// Whether a key names one of the roles.
    static func isKnownName(_ key: String) -> Bool { role(of: key) != nil }

    /// A key's role and its rank among the role's names. Most keys are written in lower case without
    /// separators (`title`, `topics`): they are looked up as they are, and only others are normalised
    /// (a dump's every record pays for each of its keys).
    private static func role(of key: String) -> (Role, Int)? {
        if let found = names[key] { return found }
        let plain = key.utf8.allSatisfy { byte in
            !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) && !separators.contains(byte)
        }
        return plain ? nil : names[normalized(key)]
    }

    private static let separators: [UInt8] = [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: ".")]

    static func normalized(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            if separators.contains(byte) { continue }
            bytes.append((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte)
        }
        // Only ASCII names are ours to match; others need no more than a byte-wise copy.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Each role's names, most usual first: the first is our own format's name (`text` and `content` are
    /// older names of our own for the body).
    private static let synonyms: [Role: [String]] = [
        .id: ["id", "guid", "uuid", "articleid", "docid", "documentid"],
        .title: ["title", "headline", "webtitle", "heading"],
        .body: [
            "body", "text", "content", "maintext", "articlebody", "articletext", "fulltext", "bodytext", "rawtext",
            "contentencoded", "story",
        ],
        .summary: ["description", "summary", "abstract", "excerpt", "lead", "teaser", "standfirst", "subtitle"],
        .date: [
            "date", "published", "publishedat", "publishdate", "datepublished", "datepublish", "pubdate",
            "publicationdate", "publisheddate", "publishedtime", "publishedon", "webpublicationdate", "releasedate",
        ],
        .source: [
            "source", "sourcename", "publisher", "sitename", "medianame", "outlet", "publication", "newspaper",
            "sourcehostname", "sourcedomain", "hostname", "domain", "site",
        ],
        .url: ["url", "link", "canonicalurl", "weburl", "permalink", "href", "articleurl", "sourceurl"],
        .authors: ["authors", "author", "byline", "creator", "dccreator", "creators", "writers", "writer"],
        .actors: ["actors"],
    ]

    private static let names: [String: (Role, Int)] = {
        var table: [String: (Role, Int)] = [:]
        for (role, list) in synonyms {
            for (rank, name) in list.enumerated() { table[name] = (role, rank) }
        }
        return table
    }()
}
