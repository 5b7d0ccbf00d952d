import NewsDates

/// Everything ingestion decided about one article, for `search extract` and for debugging a corpus.
///
/// Plain values; the executable decides how to show them (its JSON wire format is `JSONOutput.Extraction`).
/// ```swift
/// let report = Ingestor().extract(data: bytes, path: "seeds/003.txt", defaultSource: "Yomiuri")
/// report.title                     // the headline
/// report.date?.description         // "2025-04-10"; report.dateOrigin == .header
/// for line in report.removed { print(line.reason, line.text) }
/// ```
public struct ExtractionReport: Sendable, Hashable {
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
            notes: notes.map { IngestNote(location: location, message: $0) }, removed: removed)
    }

    /// `path`, or `path:line` for a record of a JSON Lines dump.
    public var location: String { line.map { "\(path):\($0)" } ?? path }
}
