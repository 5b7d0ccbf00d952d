import NewsDates

/// What a reader found in one record, before cleaning and the fallbacks for title, date and source.
struct ArticleDraft {
    var id: String?
    /// The title the record gave (front matter, JSONL, page metadata); nil lets the body's first line be it.
    var title: String?
    /// Body lines as read: for HTML, one per block; for text, the file's lines.
    var lines: [String]
    var date: ArticleDate?
    var dateOrigin: DateOrigin?
    /// How sure the reader is of `date`; nil lets the assembler judge by the origin.
    var dateConfidence: DateConfidence?
    /// Candidate sources, best first.
    var sources: [(name: String, origin: SourceOrigin)] = []
    var url: String?
    var authors: [String] = []
    var actors: [String] = []
    var metadata: [String: String] = [:]
    /// What the reader already removed (HTML blocks).
    var removed: [RemovedLine] = []
    /// How the bytes were decoded, when the reader had to decide (HTML).
    var encoding: String?
    /// Whether a missing date may come from the file name (not for records of a JSONL dump).
    var dateFromPath = true
    /// The record's line in a JSON Lines dump (1-based), for notes that point at it.
    var line: Int?
    /// A date the record gave that is no real date (`2025-02-30`): ignored, and said so in a note.
    var invalidDate: String?
    /// What the reader changed to keep the record (NUL characters removed, …), for the report's notes.
    var notes: [String] = []

    init(title: String?, lines: [String]) {
        self.title = title
        self.lines = lines
    }
}
