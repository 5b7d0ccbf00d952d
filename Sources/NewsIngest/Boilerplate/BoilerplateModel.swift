import Foundation
import NewsDates

/// Lines repeated across many documents of one source, learned per index.
///
/// A site's template leaves the same lines in every article it serves ("Follow us on Telegram",
/// a copyright line, a newsletter pitch in the site's own words). No phrase list knows them, but
/// they are easy to see across documents: a line in a quarter of a source's articles (and in at
/// least five of them, so that three stories quoting the same sentence keep it) is not news.
/// The model keeps, per source, how many documents contained each line (by 64-bit hash of the
/// normalised line), so it is small enough to store in the index and re-apply at reindex.
///
/// ```swift
/// var model = BoilerplateModel()
/// for article in batch { model.learn(article) }
/// let cleaned = model.apply(to: article.body, source: article.source ?? "")
/// let json = try model.compacted().storedJSON()   // store it with the index
/// ```
public struct BoilerplateModel: Sendable, Hashable, Codable {
    /// What the model knows of one source.
    public struct SourceStatistics: Sendable, Hashable, Codable {
        /// How many documents of the source were learned.
        public var documents: Int = 0
        /// Hash of a normalised line → how many of those documents contained it.
        public var lineCounts = LineCounts()

        mutating func count(_ lineHashes: [UInt64]) {
            documents += 1
            for hash in lineHashes { lineCounts.add(hash) }
        }
    }

    /// Source name (as given to ``learn(body:source:)``) → its statistics.
    public var sources: [String: SourceStatistics]
    /// A line must appear in at least this many documents of a source to be boilerplate.
    public var minimumDocuments: Int
    /// … and in at least this share of them.
    public var minimumShare: Double

    /// Lines longer than this are paragraphs; they are neither learned nor removed.
    public static let maximumLineLength = 300

    public init(minimumDocuments: Int = 5, minimumShare: Double = 0.25) {
        self.sources = [:]
        self.minimumDocuments = minimumDocuments
        self.minimumShare = minimumShare
    }

    /// Learns one document: each distinct short line counts once.
    public mutating func learn(body: String, source: String) {
        learn(lineHashes: Self.lineHashes(of: body), source: source)
    }

    /// Learns one document from ``lineHashes(of:)``, which the indexer computes on its worker threads
    /// so that the single writer only counts.
    public mutating func learn(lineHashes: [UInt64], source: String) {
        // Mutated in place: copying the statistics out and back would copy the whole dictionary per document.
        sources[source, default: SourceStatistics()].count(lineHashes)
    }

    /// The distinct hashes of a body's short lines: what ``learn(lineHashes:source:)`` counts.
    public static func lineHashes(of body: String) -> [UInt64] {
        // A body has a few dozen short lines: a scan of the hashes so far finds a repeat for less than
        // hashing each line into a `Set` (SipHash); the set is made only for bodies with many lines.
        var seen: Set<UInt64>?
        var hashes: [UInt64] = []
        func isNew(_ hash: UInt64) -> Bool {
            if seen == nil {
                if hashes.contains(hash) { return false }
                if hashes.count < 32 { return true }
                seen = Set(hashes)
            }
            return seen!.insert(hash).inserted
        }
        var buffer: [UInt8] = []
        var body = body
        // The lines `lineSlices()` gives (cut at each line feed not after a carriage return), read as
        // byte ranges in place: a `Substring` per line was a fifth of hashing a body.
        // The line feeds by memchr: a byte loop over every body was a seventh of hashing.
        body.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            var from = 0
            while true {
                var end = bytes.count
                if from < bytes.count, let found = memchr(base + from, 0x0A, bytes.count - from) {
                    end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    // A line feed after a CR is half of a CR LF Character, as in `lineSlices()`: no line end.
                    if end > 0 && bytes[end - 1] == 0x0D {
                        from = end + 1
                        continue
                    }
                }
                if start < end, let hash = hash(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]), buffer: &buffer), isNew(hash) {
                    hashes.append(hash)
                }
                if end == bytes.count { return }
                start = end + 1
                from = end + 1
            }
        }
        return hashes
    }

    /// Learns an article under its source (articles without one are learned under "").
    public mutating func learn(_ article: Article) {
        learn(body: article.body, source: article.source ?? "")
    }

    /// Whether the line is boilerplate for this source.
    public func isRepeated(_ line: some StringProtocol, source: String) -> Bool {
        isRepeated(source: source) { Self.hash(line) }
    }

    /// ``isRepeated(_:source:)`` for a line already through ``BoilerplateFilter/normalize(_:)``.
    func isRepeated(normalized line: String, source: String) -> Bool {
        isRepeated(source: source) { Self.hash(normalized: line) }
    }

    /// The hash is asked for only when the source has statistics: a new index has none.
    private func isRepeated(source: String, hash: () -> UInt64?) -> Bool {
        guard let stats = sources[source], let hash = hash(), let count = stats.lineCounts[hash] else { return false }
        return isLearned(count: count, of: stats)
    }

    /// Whether a line seen in `count` of a source's documents is boilerplate by the thresholds.
    private func isLearned(count: Int, of stats: SourceStatistics) -> Bool {
        count >= minimumDocuments && Double(count) >= minimumShare * Double(stats.documents)
    }

    /// How many lines the model removes, over all sources (for `search extract`'s report).
    public var learnedLineCount: Int {
        sources.values.reduce(0) { total, stats in total + stats.lineCounts.count(where: { isLearned(count: $0.documents, of: stats) }) }
    }

    /// Removes the source's repeated lines from a body, each with its reason.
    public func apply(to body: String, source: String) -> CleanedText {
        let lines = body.lineSlices(omittingEmptySubsequences: false)
        var kept: [String] = []
        var removed: [RemovedLine] = []
        for line in lines {
            if isRepeated(line, source: source) {
                removed.append(
                    RemovedLine(
                        text: line.trimmingWhitespace(), kind: .repeatedLine,
                        detail: "seen in many documents of \(source)"))
            } else {
                kept.append(String(line))
            }
        }
        return CleanedText(text: BoilerplateFilter.join(kept), removed: removed)
    }

    /// The model without lines seen only once: those can never become boilerplate on their own
    /// until seen again, and they are most of the entries. Store this form.
    public func compacted() -> BoilerplateModel {
        var copy = self
        for (name, stats) in sources {
            copy.sources[name]?.lineCounts = stats.lineCounts.keeping(atLeast: 2)
        }
        return copy
    }

    /// FNV-1a over the normalised line; nil for blank or paragraph-length lines.
    static func hash(_ line: some StringProtocol) -> UInt64? {
        var buffer: [UInt8] = []
        return hash(line, buffer: &buffer)
    }

    /// ``hash(_:)`` with a scratch buffer the caller keeps across lines. An all-ASCII line (nearly
    /// every line of English news) is normalised and hashed over its bytes, with no String made; its
    /// normalised bytes are its Characters, so the length test counts bytes.
    static func hash(_ line: some StringProtocol, buffer: inout [UInt8]) -> UInt64? {
        if let hash = line.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0, buffer: &buffer) }) { return hash }
        return hash(normalized: BoilerplateFilter.normalize(String(line)))
    }

    /// ``hash(_:buffer:)`` of the line whose UTF-8 bytes are `bytes`.
    private static func hash(bytes: UnsafeBufferPointer<UInt8>, buffer: inout [UInt8]) -> UInt64? {
        switch BoilerplateFilter.normalizeASCII(bytes, into: &buffer, limit: maximumLineLength) {
        case .normalized(let range):
            guard !range.isEmpty, range.count <= maximumLineLength else { return nil }
            return fnv(buffer[range])
        case .longerThanLimit: return nil
        case .notASCII: return hash(normalized: BoilerplateFilter.normalize(String(decoding: bytes, as: UTF8.self)))
        }
    }

    /// The hash of a line already normalised; nil when blank or paragraph-length.
    static func hash(normalized: String) -> UInt64? {
        guard !normalized.isEmpty, normalized.characterCount <= maximumLineLength else { return nil }
        return fnv(normalized.utf8)
    }

    private static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
