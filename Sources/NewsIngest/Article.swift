import NewsDates

/// One news article as ingestion sees it, before it is indexed.
///
/// Readers fill what their format gives; the indexer decides identity (`id`, else the path
/// relative to the indexed root). The source falls back to the caller's `defaultSource` and
/// `folderName` when the ``Ingestor`` is given them (else it stays nil for the indexer to fill).
public struct Article: Sendable, Hashable {
    /// The article's own id (JSONL `id`, front matter `id`), if it has one.
    public var id: String?
    public var title: String
    /// The cleaned main text: boilerplate already removed.
    public var body: String
    public var date: ArticleDate?
    public var source: String?
    public var url: String?
    public var authors: [String]
    /// Actors named by the input itself (JSONL or front matter `actors`), added to extracted ones.
    public var actors: [String]
    /// Every other field the input carried, kept as text.
    public var metadata: [String: String]
    /// Where `date` came from (nil when there is no date, or the article was built by hand).
    public var dateOrigin: DateOrigin?
    /// Where `source` came from.
    public var sourceOrigin: SourceOrigin?
    /// What ingestion changed to keep the article (a date ignored, a body cut), for the index summary.
    public var notes: [IngestNote] = []
    /// What cleaning took out of the text, in the order found (the index stores it, capped, for
    /// `search show --removed` and the web page's article view).
    public var removed: [RemovedLine] = []

    public init(
        id: String? = nil, title: String, body: String, date: ArticleDate? = nil, source: String? = nil,
        url: String? = nil, authors: [String] = [], actors: [String] = [], metadata: [String: String] = [:],
        dateOrigin: DateOrigin? = nil, sourceOrigin: SourceOrigin? = nil, notes: [IngestNote] = [],
        removed: [RemovedLine] = []
    ) {
        self.notes = notes
        self.removed = removed
        self.id = id
        self.title = title
        self.body = body
        self.date = date
        self.source = source
        self.url = url
        self.authors = authors
        self.actors = actors
        self.metadata = metadata
        self.dateOrigin = dateOrigin
        self.sourceOrigin = sourceOrigin
    }
}

/// The formats `search index --format` accepts; `auto` decides by file name and content.
/// `json` is one JSON document: an array of article objects, or a single object spread over lines.
/// `csv` is a table with a header row (comma, tab or semicolon separated; `.tsv` files are tab separated).
public enum InputFormat: String, Sendable, CaseIterable {
    case auto, jsonl, json, csv, text, markdown, html, feed, email, warc
}

/// A record that could not be read, with a reason a user can act on.
public struct SkippedRecord: Sendable, Hashable {
    /// The file, or `file:line` for a JSON Lines record.
    public var location: String
    public var reason: String

    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }
}

/// Something ingestion changed so that an article could go in rather than be dropped: an impossible
/// date ignored, NUL characters removed, a body cut at ``Ingestor/maximumBodyBytes``.
public struct IngestNote: Sendable, Hashable, Codable {
    /// The file, or `file:line` for a JSON Lines record.
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }
}

/// What reading one file produced: its articles (a JSONL dump has many) and what was skipped.
public struct IngestResult: Sendable {
    public var articles: [Article]
    public var skipped: [SkippedRecord]

    /// The notes of every article read.
    public var notes: [IngestNote] { articles.flatMap(\.notes) }

    public init(articles: [Article] = [], skipped: [SkippedRecord] = []) {
        self.articles = articles
        self.skipped = skipped
    }
}
