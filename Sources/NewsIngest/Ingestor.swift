import Foundation

/// Reads article files of any supported format into ``Article`` values.
///
/// ```swift
/// let result = Ingestor().read(data: bytes, path: "news/2025/rutte.md")
/// for article in result.articles { … }
/// for skip in result.skipped { print(skip.location, skip.reason) }
/// ```
/// Every reader's output goes through the same cleaning: boilerplate removal (phrases, separators,
/// end-of-article markers, headline lists, and the lines ``boilerplateModel`` learned for the source),
/// then the title, date and source fallbacks, then ``SourceNormalizer``. ``extract(data:path:format:defaultSource:folderName:)``
/// returns the same decisions with their reasons, for `search extract`.
public struct Ingestor: Sendable {
    /// Files larger than this are skipped: no news article is this long, and reading one would stall a
    /// batch. JSON Lines dumps are exempt: they hold many articles, and are read record by record.
    public var maximumFileSize: Int
    /// HTML pages larger than this are skipped: real article pages are well under 5 MB, and a DOM
    /// of a larger one costs seconds and hundreds of MB for what is surely not an article.
    public var maximumHTMLSize: Int
    /// Gives every source its one spelling; load the index's aliases file into it.
    public var sourceNormalizer: SourceNormalizer
    /// Lines learned as repeated across a source's documents; nil until the engine has one.
    public var boilerplateModel: BoilerplateModel?
    /// The same lines as an index stored them, read for each record's source when it is cleaned;
    /// used when ``boilerplateModel`` is nil (`search extract`, which reads a file or two).
    public var storedBoilerplate: StoredBoilerplate?
    /// The most text one article keeps, in UTF-8 bytes: a longer body is cut (at a word) and the cut
    /// noted. The longest news features run to a few hundred KB; past this, a record is a dump of
    /// something else, and every query that shows it would pay for analysing all of it.
    public var maximumBodyBytes: Int
    public static let defaultMaximumBodyBytes = 1 << 20

    public init(
        maximumFileSize: Int = 64 << 20, maximumHTMLSize: Int = 16 << 20,
        sourceNormalizer: SourceNormalizer = SourceNormalizer(), boilerplateModel: BoilerplateModel? = nil,
        maximumBodyBytes: Int = Ingestor.defaultMaximumBodyBytes
    ) {
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumFileSize = maximumFileSize
        self.maximumHTMLSize = maximumHTMLSize
        self.sourceNormalizer = sourceNormalizer
        self.boilerplateModel = boilerplateModel
    }

    /// Guesses the format from the file name, then from the first bytes.
    public static func detectFormat(path: String, data: Data) -> InputFormat {
        switch Gzip.formatExtension(path) {
        case "jsonl", "ndjson": return .jsonl
        case "json": return JSONDocumentReader.isOneDocument(data) ? .json : .jsonl
        case "md", "markdown": return .markdown
        case "html", "htm", "xhtml", "mht", "mhtml": return .html
        case "rss", "atom": return .feed
        case "eml": return .email
        case "warc": return .warc
        case "csv", "tsv": return .csv
        case "txt", "text": return .text
        default:
            // JSON first: a scraper's record may carry the raw page ("html": "<html>…") near its start.
            // Saved pages often have no extension, and a server's PHP notices can come before the markup.
            let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
            if head.hasPrefix("[") && JSONDocumentReader.isOneDocument(data) { return .json }
            if head.hasPrefix("{") { return JSONDocumentReader.isOneDocument(data) ? .json : .jsonl }
            if WARCReader.isWARC(path: path, data: data) { return .warc }
            if SavedEmail.isEmail(path: path, data: data) { return .email }
            if MIMEWebArchive.isArchive(path: path, data: data) { return .html }
            if head.contains("<html") || head.contains("<!doctype html") { return .html }
            // A page's fragment (`<div><p>…`, `<article>`), as some scrapers save a story's markup.
            if let (root, _) = NonArticleFile.rootElement(of: data) {
                if FeedReader.roots.contains(root) { return .feed }
                if htmlFragmentRoots.contains(root) { return .html }
            }
            return .text
        }
    }

    private static let htmlFragmentRoots: Set<String> = [
        "head", "body", "meta", "title", "article", "main", "section", "div", "p", "h1", "h2", "header", "figure", "table",
    ]

    /// Whether the file's articles are records numbered by their place (`FILE#3`) when they carry no
    /// id: a JSON Lines dump, a JSON array, a CSV table; not a file that is one article.
    public static func numbersRecords(path: String, data: Data, format: InputFormat) -> Bool {
        switch format == .auto ? detectFormat(path: path, data: data) : format {
        case .jsonl, .csv, .feed, .warc: true
        case .json: !JSONDocumentReader.isOneObject(data) || JSONDocumentReader.isEnvelope(data)
        case .auto, .text, .markdown, .html, .email: false
        }
    }

    /// Reads one file's bytes. Never throws: what cannot be read is reported in `skipped`.
    /// - Parameters:
    ///   - defaultSource: the source for articles that name none (`search index --source`).
    ///   - folderName: the source when there is no other (the name of the folder holding the file).
    public func read(
        data: Data, path: String, format: InputFormat = .auto, defaultSource: String? = nil, folderName: String? = nil
    ) -> IngestResult {
        var result = IngestResult()
        for report in extractAll(
            data: data, path: path, format: format, defaultSource: defaultSource, folderName: folderName)
        {
            if let article = report.article {
                result.articles.append(article)
            } else {
                result.skipped.append(SkippedRecord(location: report.path, reason: report.skipped ?? "unreadable"))
            }
        }
        return result
    }

    /// A file's bytes as the readers take them: a gzip file expanded, up to ``maximumFileSize``. When its
    /// end is damaged or cut short, what was expanded is still read (the problem is returned, to note on
    /// its articles); `nil` when nothing can be (it expands past the limit, or not at all).
    public func contents(of data: Data) -> (data: Data?, problem: GzipProblem?) {
        guard Gzip.isCompressed(data) else { return (data, nil) }
        let (expanded, problem) = Gzip.expand(data, limit: maximumFileSize)
        if case .tooLarge = problem { return (nil, problem) }
        if expanded.isEmpty, problem != nil { return (nil, problem) }
        return (expanded, problem)
    }

    /// What ingestion sees in one file: for a JSON Lines dump, its first record (or first skipped line).
    public func extract(
        data: Data, path: String, format: InputFormat = .auto, defaultSource: String? = nil, folderName: String? = nil
    ) -> ExtractionReport {
        let reports = extractAll(
            data: data, path: path, format: format, defaultSource: defaultSource, folderName: folderName)
        return reports.first { $0.skipped == nil } ?? reports.first
            ?? ExtractionReport(path: path, format: format, skipped: "no records")
    }

    /// One report per record: one for a text or HTML file, one per non-blank line of a JSON Lines dump,
    /// one per row of a CSV table.
    public func extractAll(
        data: Data, path: String, format: InputFormat = .auto, defaultSource: String? = nil, folderName: String? = nil
    ) -> [ExtractionReport] {
        if data.isEmpty { return [ExtractionReport(path: path, format: format, skipped: "empty file")] }
        if Gzip.isCompressed(data) {
            let (expanded, problem) = contents(of: data)
            guard let expanded else { return [ExtractionReport(path: path, format: format, skipped: problem?.description ?? "unreadable")] }
            var reports = extractAll(
                data: expanded, path: path, format: format, defaultSource: defaultSource, folderName: folderName)
            if let problem {
                for index in reports.indices where reports[index].skipped == nil { reports[index].notes.append(problem.description) }
            }
            return reports
        }
        // A JSON file saved as UTF-16 (Windows PowerShell's `Out-File` and `>`): its lines and its shape
        // are told in UTF-8, whose line end is no half of another character.
        if format == .json || format == .jsonl || (format == .auto && ["json", "jsonl", "ndjson"].contains(Gzip.formatExtension(path))),
            let text = UTF16Stream.utf8(wholeOf: data)
        {
            return extractAll(data: text, path: path, format: format, defaultSource: defaultSource, folderName: folderName)
        }
        if let kind = UnsupportedDocument(data) {
            return [ExtractionReport(path: path, format: format, skipped: IngestError.unsupported(kind).description)]
        }
        if format == .auto, let kind = NonArticleFile(path: path, data: data) {
            return [ExtractionReport(path: path, format: format, skipped: kind.description)]
        }
        let resolved = format == .auto ? Self.detectFormat(path: path, data: data) : format
        if resolved != .jsonl && data.count > maximumFileSize {
            let error = IngestError.tooLarge(bytes: data.count, limit: maximumFileSize)
            let hint = resolved == .csv ? "; named .csv, `search index` reads it in pieces, with no limit" : ""
            return [ExtractionReport(path: path, format: format, skipped: error.description + hint)]
        }
        let assembler = ArticleAssembler(
            filter: BoilerplateFilter(model: boilerplateModel), storedBoilerplate: boilerplateModel == nil ? storedBoilerplate : nil,
            normalizer: sourceNormalizer,
            defaultSource: defaultSource, folderName: folderName, maximumBodyBytes: maximumBodyBytes)
        switch resolved {
        case .json, .jsonl:
            // An API's answer saved by `curl` is one line: a record of records, not one article.
            let oneEnvelope = resolved == .jsonl && JSONDocumentReader.isOneLine(data) && JSONDocumentReader.isEnvelope(data)
            let document = resolved == .json || oneEnvelope ? JSONDocumentReader().read(data: data, path: path) : nil
            let (drafts, skipped) = document ?? JSONLinesReader().read(data: data, path: path)
            var reports = drafts.map { assembler.assemble($0, path: path, format: resolved) }
            reports += skipped.map { ExtractionReport(path: $0.location, format: resolved, skipped: $0.reason) }
            return reports
        case .warc:
            let (pages, unreadable) = WARCReader().pages(in: data)
            var reports = pages.map { page in
                let location = "\(path) [\(page.address)]"
                do {
                    var draft = try HTMLReader().read(data: page.html, charset: page.charset, savedFrom: page.address)
                    draft.id = page.address
                    return assembler.assemble(draft, path: path, format: .warc)
                } catch {
                    return ExtractionReport(path: location, format: .warc, skipped: String(describing: error))
                }
            }
            reports += unreadable.map { ExtractionReport(path: "\(path) [\($0.address)]", format: .warc, skipped: $0.reason) }
            if reports.isEmpty { reports = [ExtractionReport(path: path, format: .warc, skipped: IngestError.archiveWithoutPages.description)] }
            return reports
        case .email:
            do {
                return [assembler.assemble(try SavedEmail().read(data: data), path: path, format: .email)]
            } catch {
                return [ExtractionReport(path: path, format: .email, skipped: String(describing: error))]
            }
        case .feed:
            let (drafts, skipped) = FeedReader().read(data: data, path: path)
            return drafts.map { assembler.assemble($0, path: path, format: .feed) }
                + skipped.map { ExtractionReport(path: $0.location, format: .feed, skipped: $0.reason) }
        case .csv:
            do {
                let (drafts, skipped) = DelimitedTextReader().read(text: try TextDecoding.decode(data), path: path)
                return drafts.map { assembler.assemble($0, path: path, format: .csv) }
                    + skipped.map { ExtractionReport(path: $0.location, format: .csv, skipped: $0.reason) }
            } catch {
                return [ExtractionReport(path: path, format: .csv, skipped: String(describing: error))]
            }
        case .text, .markdown, .auto:
            do {
                let text = try TextDecoding.decode(data)
                return [assembler.assemble(try FrontMatterReader().read(text: text, path: path), path: path, format: resolved)]
            } catch {
                return [ExtractionReport(path: path, format: resolved, skipped: String(describing: error))]
            }
        case .html:
            if data.count > maximumHTMLSize {
                return [ExtractionReport(path: path, format: .html, skipped: IngestError.tooLarge(bytes: data.count, limit: maximumHTMLSize).description)]
            }
            do {
                if MIMEWebArchive.isArchive(path: path, data: data) {
                    let archive = try MIMEWebArchive(data: data)
                    let draft = try HTMLReader().read(data: archive.page, charset: archive.charset, savedFrom: archive.address)
                    return [assembler.assemble(draft, path: path, format: .html)]
                }
                return [assembler.assemble(try HTMLReader().read(data: data), path: path, format: .html)]
            } catch {
                return [ExtractionReport(path: path, format: .html, skipped: String(describing: error))]
            }
        }
    }
}

extension ExtractionReport {
    init(path: String, format: InputFormat, skipped: String) {
        self.init(path: path, format: format)
        self.skipped = skipped
    }
}
