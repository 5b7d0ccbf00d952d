import NewsIngest

/// What `search index` was asked to do, resolved from its flags.
public struct IndexJob: Sendable {
    /// Files and folders (recursive); `-` reads JSON Lines from standard input.
    public var paths: [String]
    /// Start from an empty index (built beside the old one and swapped in at the end).
    public var rebuild: Bool
    /// Worker threads for parsing, cleaning, actor extraction and analysis.
    public var jobs: Int
    /// The source for articles that name none (else the folder name).
    public var source: String?
    public var format: InputFormat
    /// Streams JSON Lines files over this size in chunks of this size (default 4 MB files, chunks of
    /// 256 KB growing to 8 MB): lets tests make a small dump span several commits.
    public var dumpChunkBytes: Int?
    /// Sign and cluster copies (issue 19). Off only to measure what clustering costs: the index then
    /// has no clusters for these articles until `search reindex`.
    public var copyClusters = true

    public init(
        paths: [String], rebuild: Bool = false, jobs: Int = 0, source: String? = nil, format: InputFormat = .auto,
        dumpChunkBytes: Int? = nil
    ) {
        self.paths = paths
        self.rebuild = rebuild
        self.jobs = jobs
        self.source = source
        self.format = format
        self.dumpChunkBytes = dumpChunkBytes
    }
}

/// What an index run did; `search index` prints it and `--json` emits it as the `summary` event.
public struct IndexSummary: Sendable, Codable, Equatable {
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var unchanged = 0
    public var skipped: [Skip] = []
    /// Articles that went in with a change ingestion made to keep them (see ``NewsIngest/IngestNote``).
    public var notes: [Note] = []
    /// What was kept although it looked gone or clashed (an unreadable folder, an id in two files).
    public var warnings: [Warning] = []
    /// Folders (or named folders that came back empty) whose indexed articles were kept unread.
    public var unreadable = 0
    public var files = 0
    public var bytes = 0
    public var seconds = 0.0
    /// The run's fixed costs, wall seconds: until its first article was written, and each step after
    /// the last one (on short stories these were half of a run that kept one core busy).
    public var fixedCosts: [Step] = []

    public struct Step: Sendable, Codable, Equatable {
        public var name: String
        public var seconds: Double
    }

    public struct Skip: Sendable, Codable, Equatable {
        public var location: String
        public var reason: String
    }

    public struct Note: Sendable, Codable, Equatable {
        public var location: String
        public var message: String
    }

    public struct Warning: Sendable, Codable, Equatable {
        public var location: String
        public var message: String
    }

    public init() {}
}

/// Progress reported while an index run goes; the executable decides how (or whether) to show it.
public enum IndexEvent: Sendable {
    /// Files found to look at, and their total size.
    case scanned(files: Int, bytes: Int)
    /// Files finished so far, articles written so far, bytes read so far.
    case progress(filesDone: Int, articles: Int, bytes: Int)
    case skipped(IndexSummary.Skip)
    case warning(IndexSummary.Warning)
}
