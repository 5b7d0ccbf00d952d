import NewsDates

/// Everything ingestion decided about one article, for `search extract` and for debugging a corpus.
///
/// Plain stored properties, all `Codable`, so the CLI can encode it with its own key strategy.
/// ```swift
/// let report = Ingestor().extract(data: bytes, path: "seeds/003.txt", defaultSource: "Yomiuri")
/// report.title                     // the headline
/// report.date?.description         // "2025-04-10"; report.dateOrigin == .header
/// for line in report.removed { print(line.reason, line.text) }
/// ```
public struct ExtractionReport: Sendable, Hashable, Codable {
    public var path: String
    /// The format the file was read as (after `auto` detection).
    public var format: InputFormat
    /// How an HTML page's bytes were decoded ("UTF-8", "windows-1252", "windows-1252 (declared UTF-8 but invalid)").
    public var encoding: String?
    public var id: String?
    public var title: String = ""
    public var date: ArticleDate?
    /// `day`, `month` or `year`; nil when the date is unknown.
    public var datePrecision: ArticleDate.Precision? { date?.precision }
    public var dateOrigin: DateOrigin?
    /// How sure the date is (``DateConfidence``); nil when the date is unknown.
    public var dateConfidence: DateConfidence?
    /// The canonical source name (``SourceNormalizer``).
    public var source: String?
    public var sourceOrigin: SourceOrigin?
    public var url: String?
    public var authors: [String] = []
    public var actors: [String] = []
    public var metadata: [String: String] = [:]
    /// The cleaned main text, one paragraph per line.
    public var body: String = ""
    /// Every line or block taken out, in the order found, each with its reason.
    public var removed: [RemovedLine] = []
    /// Why the file (or record) was skipped; nil when it became an article.
    public var skipped: String?
    /// The record's line in a JSON Lines dump (1-based); nil for other formats.
    public var line: Int?
    /// What ingestion changed to keep the article: an impossible date ignored, NUL characters
    /// removed, a body cut at the size limit. Empty when the article went in as written.
    public var notes: [String] = []

    public init(path: String, format: InputFormat) {
        self.path = path
        self.format = format
    }

    /// The article to index, or nil when the input was skipped.
    public var article: Article? {
        guard skipped == nil else { return nil }
        return Article(
            id: id, title: title, body: body, date: date, source: source, url: url, authors: authors,
            actors: actors, metadata: metadata, dateOrigin: dateOrigin, sourceOrigin: sourceOrigin,
            notes: notes.map { IngestNote(location: location, message: $0) })
    }

    /// `path`, or `path:line` for a record of a JSON Lines dump.
    public var location: String { line.map { "\(path):\($0)" } ?? path }

    enum CodingKeys: String, CodingKey {
        case path, format, encoding, id, title, date, datePrecision, dateOrigin, dateConfidence, source, sourceOrigin, url, authors
        case actors, metadata, body, removed, skipped, line, notes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decode(String.self, forKey: .path)
        format = try container.decode(InputFormat.self, forKey: .format)
        encoding = try container.decodeIfPresent(String.self, forKey: .encoding)
        id = try container.decodeIfPresent(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        date = try container.decodeIfPresent(ArticleDate.self, forKey: .date)
        dateOrigin = try container.decodeIfPresent(DateOrigin.self, forKey: .dateOrigin)
        dateConfidence = try container.decodeIfPresent(DateConfidence.self, forKey: .dateConfidence)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        sourceOrigin = try container.decodeIfPresent(SourceOrigin.self, forKey: .sourceOrigin)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        authors = try container.decode([String].self, forKey: .authors)
        actors = try container.decode([String].self, forKey: .actors)
        metadata = try container.decode([String: String].self, forKey: .metadata)
        body = try container.decode(String.self, forKey: .body)
        removed = try container.decode([RemovedLine].self, forKey: .removed)
        skipped = try container.decodeIfPresent(String.self, forKey: .skipped)
        line = try container.decodeIfPresent(Int.self, forKey: .line)
        notes = try container.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        // Unknown values are null, not absent, as in every JSON output of `search`.
        try container.encode(format, forKey: .format)
        try container.encode(encoding, forKey: .encoding)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(date, forKey: .date)
        try container.encode(datePrecision, forKey: .datePrecision)
        try container.encode(dateOrigin, forKey: .dateOrigin)
        try container.encode(dateConfidence, forKey: .dateConfidence)
        try container.encode(source, forKey: .source)
        try container.encode(sourceOrigin, forKey: .sourceOrigin)
        try container.encode(url, forKey: .url)
        try container.encode(authors, forKey: .authors)
        try container.encode(actors, forKey: .actors)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(body, forKey: .body)
        try container.encode(removed, forKey: .removed)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(line, forKey: .line)
        try container.encode(notes, forKey: .notes)
    }
}

extension InputFormat: Codable {}
