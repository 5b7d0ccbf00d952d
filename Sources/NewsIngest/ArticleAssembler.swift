import Foundation
import NewsDates

/// Turns a reader's ``ArticleDraft`` into the final report: boilerplate removed, and the title,
/// date and source each taken from the best place that has one.
struct ArticleAssembler {
    var filter: BoilerplateFilter
    /// When set, the filter's model is this one's, read for the record's source.
    var storedBoilerplate: StoredBoilerplate?
    var normalizer: SourceNormalizer
    var defaultSource: String?
    var folderName: String?
    /// Bodies are cut to this many UTF-8 bytes (``Ingestor/maximumBodyBytes``).
    var maximumBodyBytes = Ingestor.defaultMaximumBodyBytes

    /// What blogs and CMSs print where no author was entered ("posted by Unknown", "admin"), and the
    /// profile links `article:author` often holds: no one's name.
    static func isPlaceholderAuthor(_ name: String) -> Bool {
        let lowered = name.trimmingWhitespace().lowercased()
        return lowered.isEmpty || placeholderAuthors.contains(lowered) || lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
            || lowered.hasPrefix("www.")
    }

    private static let placeholderAuthors: Set<String> = [
        "unknown", "unknown author", "anonymous", "anon", "admin", "administrator", "webmaster", "n/a", "na", "none",
        "null", "undefined", "nobody", "guest", "-", "author", "user", "unbekannt", "inconnu", "desconocido",
    ]

    /// A first line longer than this is a paragraph, not a headline: the title is its first sentence.
    static let headlineLimit = 200

    func assemble(_ input: ArticleDraft, path: String, format: InputFormat) -> ExtractionReport {
        var draft = input
        var report = ExtractionReport(path: path, format: format)
        report.id = draft.id
        report.url = draft.url
        report.authors = draft.authors.filter { !Self.isPlaceholderAuthor($0) }
        report.actors = draft.actors
        report.metadata = draft.metadata
        report.encoding = draft.encoding
        report.line = draft.line
        report.notes = draft.notes
        for (key, value) in draft.metadata where value.utf8.count > Self.maximumMetadataBytes {
            // Scrapers keep the raw page beside the text ("html": …): stored whole, it would outweigh the article.
            report.metadata[key] = Self.cut(value, toBytes: Self.maximumMetadataBytes)
            report.notes.append("field '\(key)' cut to its first \(Self.megabytes(Self.maximumMetadataBytes)) (it had \(Self.megabytes(value.utf8.count)))")
        }
        if let title = draft.title, title.utf8.count > Self.maximumTitleBytes {
            draft.title = Self.cut(title, toBytes: Self.maximumTitleBytes)
            report.notes.append("title cut to its first \(Self.maximumTitleBytes) bytes (it had \(title.utf8.count))")
        }

        // Source first: the repeated-line model is kept per source.
        var candidates = draft.sources
        if let url = draft.url, let host = normalizer.name(forURL: url) { candidates.append((host, .urlHost)) }
        if let defaultSource { candidates.append((defaultSource, .defaultSource)) }
        if let folderName { candidates.append((folderName, .folderName)) }
        if let best = candidates.lazy.compactMap({ candidate in
            normalizer.canonical(candidate.name).map { ($0, candidate.origin) }
        }).first {
            report.source = best.0
            report.sourceOrigin = best.1
        }

        // Cut before cleaning, so an enormous record costs no more than the limit to clean and index.
        let given = draft.lines.reduce(0) { $0 + $1.utf8.count + 1 }
        var lines = given > maximumBodyBytes ? Self.cut(draft.lines, toBytes: maximumBodyBytes) : draft.lines
        if given > maximumBodyBytes {
            report.notes.append(
                "body cut to its first \(Self.megabytes(maximumBodyBytes)) (it had \(Self.megabytes(given))): "
                    + "the most text one article may hold")
        }
        var removed = draft.removed
        // A weekday date standing alone above the headline is the site's current-date banner
        // (news themes print today's date in their top bar); scrapes keep it as the first line.
        // It says when the page was fetched, not when the article was published.
        if let banner = Self.currentDateBanner(in: lines) {
            removed.append(
                RemovedLine(
                    text: lines[banner].trimmingWhitespace(), kind: .dateline,
                    detail: "weekday date above the headline: the page's current-date banner, not the publication date"))
            lines[banner] = ""
        }
        // Date: metadata, else the header region, else the file name.
        report.date = draft.date
        report.dateOrigin = draft.date == nil ? nil : draft.dateOrigin
        report.dateConfidence = draft.date == nil ? nil : draft.dateConfidence ?? draft.dateOrigin.map { Self.confidence(for: $0) }
        // The path's year only completes a header date; worked out per article of a dump it was 1% of a run.
        if report.date == nil,
            let found = DateExtractor.headerDate(
                in: lines, contextYear: DateExtractor.fromPath(path)?.year ?? DateExtractor.yearFromPath(path))
        {
            report.date = found.date
            report.dateOrigin = .header
            // In a page the first date of the text may be anything's; in a text file it is its dateline.
            report.dateConfidence = format == .html ? .low : .medium
        }
        if report.date == nil, draft.dateFromPath, let date = DateExtractor.fromPath(path) {
            report.date = date
            report.dateOrigin = .fileName
            report.dateConfidence = .low
        }
        // Lines that only state the date go, wherever the date came from: it is metadata now.
        var seen = 0
        for index in lines.indices where !lines[index].isBlank {
            seen += 1
            if seen > DateExtractor.headerLines { break }
            if Self.isByline(lines[index]) {
                removed.append(RemovedLine(text: lines[index].trimmingWhitespace(), kind: .byline, detail: "'By' and a name"))
                lines[index] = ""
            } else if DateExtractor.isDateLine(lines[index]) {
                removed.append(RemovedLine(text: lines[index].trimmingWhitespace(), kind: .dateline, detail: "date only"))
                lines[index] = ""
            }
        }

        var filter = filter
        if let storedBoilerplate, let source = report.source { filter.model = storedBoilerplate.model(for: source) }
        let cleaned = filter.cleanLines(lines, source: report.source)
        removed += cleaned.removed
        var kept = cleaned.kept

        // Title: the record's own, else the first line left after cleaning.
        // A title is one line: line breaks inside a JSON title or an HTML heading are layout, not text.
        if let title = draft.title.map({ $0.collapsingWhitespace() }), !title.isEmpty {
            report.title = title
            // The first line is normalised only as far as the title's length: it is usually the lede, a
            // paragraph, and normalising all of it to compare it with a headline was 3% of reading a record.
            let normalizedTitle = BoilerplateFilter.normalize(title)
            var buffer: [UInt8] = []
            if let first = kept.firstIndex(where: { !$0.isBlank }),
                BoilerplateFilter.normalize(
                    FrontMatterReader.stripMarkdownHeading(kept[first].trimmingWhitespace()), upTo: normalizedTitle.characterCount,
                    buffer: &buffer) == normalizedTitle
            {
                removed.append(RemovedLine(text: kept[first].trimmingWhitespace(), kind: .duplicateTitle, detail: "same as the title"))
                kept.remove(at: first)
            }
        } else if let first = kept.firstIndex(where: { !$0.isBlank }) {
            let line = FrontMatterReader.stripMarkdownHeading(kept[first].trimmingWhitespace())
            if line.count <= Self.headlineLimit {
                report.title = line
                kept.remove(at: first)
            } else {
                // No headline in the file (a scrape that starts with the lede): the lede's first
                // sentence names the story best, and the paragraph stays in the body.
                report.title = Self.firstSentence(of: line)
            }
        }
        report.body = BoilerplateFilter.join(kept)
        report.removed = removed
        if let invalid = draft.invalidDate {
            let instead = report.date.map { "dated \($0) from the \(report.dateOrigin?.rawValue ?? "text") instead" } ?? "indexed undated"
            report.notes.append("date '\(invalid)' is not a real date (YYYY, YYYY-MM or YYYY-MM-DD): \(instead)")
        }
        if report.title.isEmpty && report.body.isEmpty { report.skipped = IngestError.emptyArticle.description }
        return report
    }

    /// How sure a date is when the reader did not say: stated dates are sure, found ones less so.
    static func confidence(for origin: DateOrigin) -> DateConfidence {
        switch origin {
        case .frontMatter, .jsonLines, .tableRow, .feed, .message, .jsonLD, .metaTag: .high
        case .timeElement, .url, .byline, .header: .medium
        case .fileName, .scriptData, .pageText: .low
        }
    }

    /// A headline longer than this is no headline; JSON and front matter can still give one.
    static let maximumTitleBytes = 2_000
    /// Each extra field (JSON Lines, front matter) keeps at most this much.
    static let maximumMetadataBytes = 64 << 10

    /// Lines up to `limit` UTF-8 bytes in all (line ends counted), the last one cut at a word.
    static func cut(_ lines: [String], toBytes limit: Int) -> [String] {
        var kept: [String] = []
        var used = 0
        for line in lines {
            let size = line.utf8.count + 1
            if used + size <= limit {
                kept.append(line)
                used += size
                continue
            }
            if limit - used > 1 { kept.append(cut(line, toBytes: limit - used - 1)) }
            break
        }
        return kept
    }

    /// The text's first `limit` UTF-8 bytes, ending at a whole character, and at a space when one is
    /// near the end (a word cut in half would be a term no one searches for).
    static func cut(_ text: String, toBytes limit: Int) -> String {
        var end = text.utf8.index(text.startIndex, offsetBy: min(limit, text.utf8.count))
        // Back off continuation bytes (10xxxxxx) to the start of a scalar.
        while end > text.startIndex && end != text.endIndex && text.utf8[end] & 0xC0 == 0x80 {
            end = text.utf8.index(before: end)
        }
        var prefix = text[..<end]
        if end != text.endIndex, let space = prefix.lastIndex(of: " "),
            prefix.utf8.distance(from: space, to: prefix.endIndex) < 200
        {
            prefix = prefix[..<space]
        }
        return String(prefix)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? String(format: "%.1f MB", Double(bytes) / Double(1 << 20)) : "\(bytes >> 10) KB"
    }

    /// The index of a first line that is only a date with a weekday, followed by a line that is not a date.
    static func currentDateBanner(in lines: [String]) -> Int? {
        // Only the first two non-empty lines matter; trimming every line of a long body to find them did not.
        var nonEmpty: [Int] = []
        for index in lines.indices where !lines[index].isBlank {
            nonEmpty.append(index)
            if nonEmpty.count == 2 { break }
        }
        guard nonEmpty.count >= 2 else { return nil }
        let first = lines[nonEmpty[0]]
        guard DateExtractor.isDateLine(first), !DateExtractor.isDateLine(lines[nonEmpty[1]]) else { return nil }
        let hasWeekday = DateExtractor.tokenize(first).contains { DateExtractor.weekdays.contains($0.lower) }
        return hasWeekday ? nonEmpty[0] : nil
    }

    /// "By Ines Marlow", "By Priya Dalton and Sam Okafor": short, and every word after "By" capitalised
    /// or a joiner.
    static func isByline(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        // Most header lines are not bylines; splitting a whole paragraph into words to find out is not cheap.
        guard trimmed.hasPrefix("By") || trimmed.hasPrefix("BY") else { return false }
        let words = trimmed.split(separator: " ")
        guard (2...8).contains(words.count), words[0] == "By" || words[0] == "BY" else { return false }
        return words.dropFirst().allSatisfy { word in
            word.first?.isUppercase == true || ["and", "&", "in", "de", "van", "von"].contains(word.lowercased())
        }
    }

    /// The first sentence, at most ``headlineLimit`` characters (cut at a word, with "…").
    static func firstSentence(of text: String) -> String {
        let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "gen", "gov", "sen", "rep", "st", "jr", "sr", "no", "vs", "inc", "co", "corp", "lt", "col", "capt", "prof"]
        // Only the start can be the sentence: the whole of a huge one-line article need not be walked.
        let characters = Array(text.prefix(headlineLimit * 4))
        var index = 0
        while index + 2 < characters.count {
            if ".!?".contains(characters[index]), characters[index + 1] == " ",
                characters[index + 2].isUppercase || "\"“".contains(characters[index + 2]), index >= 20
            {
                let before = String(characters[..<index]).split(separator: " ").last.map(String.init) ?? ""
                let word = before.lowercased().trimmingCharacters(in: ".")
                let isInitial = word.count <= 1 || word.contains(".")
                if !abbreviations.contains(word) && !isInitial {
                    let sentence = String(characters[...index])
                    if sentence.count <= headlineLimit { return sentence }
                    break
                }
            }
            index += 1
        }
        if characters.count <= headlineLimit { return String(characters) }
        let cut = String(characters.prefix(headlineLimit))
        let atWord = cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? cut
        return atWord + "…"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = self
        while let last = text.last, set.contains(last) { text.removeLast() }
        while let first = text.first, set.contains(first) { text.removeFirst() }
        return text
    }
}
