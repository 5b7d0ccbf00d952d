import Foundation

/// Reads article files of any supported format into ``Article`` values.
///
/// ```swift
/// let result = Ingestor().read(data: bytes, path: "news/2025/rutte.md")
/// for article in result.articles { … }
/// for skip in result.skipped { print(skip.location, skip.reason) }
/// ```
public struct Ingestor: Sendable {
    /// Files larger than this are skipped: no news article is this long, and reading one would stall a batch.
    public var maximumFileSize: Int

    public init(maximumFileSize: Int = 64 << 20) {
        self.maximumFileSize = maximumFileSize
    }

    /// Guesses the format from the file name, then from the first bytes.
    public static func detectFormat(path: String, data: Data) -> InputFormat {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonl
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml": return .html
        case "txt", "text": return .text
        default:
            let head = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
            if head.contains("<html") || head.contains("<!doctype html") { return .html }
            if head.hasPrefix("{") { return .jsonl }
            return .text
        }
    }

    /// Reads one file's bytes. Never throws: what cannot be read is reported in `skipped`.
    public func read(data: Data, path: String, format: InputFormat = .auto) -> IngestResult {
        if data.isEmpty { return IngestResult(skipped: [SkippedRecord(location: path, reason: "empty file")]) }
        if data.count > maximumFileSize {
            return IngestResult(skipped: [
                SkippedRecord(location: path, reason: "file is larger than \(maximumFileSize >> 20) MB")
            ])
        }
        let resolved = format == .auto ? Self.detectFormat(path: path, data: data) : format
        switch resolved {
        case .jsonl:
            return JSONLinesReader().read(data: data, path: path)
        case .text, .markdown, .auto:
            guard let text = TextDecoding.decode(data) else {
                return IngestResult(skipped: [SkippedRecord(location: path, reason: "binary file (not text)")])
            }
            do {
                return IngestResult(articles: [try FrontMatterReader().read(text: text, path: path)])
            } catch {
                return IngestResult(skipped: [SkippedRecord(location: path, reason: String(describing: error))])
            }
        case .html:
            return IngestResult(skipped: [SkippedRecord(location: path, reason: "HTML input is not supported yet")])
        }
    }
}
