import Foundation

/// Reads one HTML page: metadata from the head, the article's paragraphs from the body.
struct HTMLReader {
    /// - Parameters:
    ///   - charset: the encoding its container declared (an MHTML part's), which wins over the page's.
    ///   - savedFrom: the address its container recorded (an MHTML snapshot's).
    func read(data: Data, charset: String? = nil, savedFrom: String? = nil) throws -> ArticleDraft {
        let parsed = try HTMLDocument.parse(data, charset: charset)
        // Metadata before pruning: the head, <header> and <time> go with the page chrome.
        let metadata = HTMLMetadata(
            root: parsed.root, source: parsed.source, savedFrom: savedFrom ?? SavedPageMarker.address(in: parsed.source))
        var extractor = HTMLContentExtractor()
        // Worked out from every candidate each time it is asked for: asked once.
        let title = metadata.title
        var lines = extractor.extract(from: parsed.root, title: title)
        // A page rendered by scripts has its text only in JSON-LD; take it from there. So does a page
        // whose markup shows a teaser of the story: structured data twice as long as what the markup
        // gave is the story.
        let extracted = lines.reduce(0) { $0 + $1.count }
        if let body = metadata.articleBody, body.count > extracted,
            extracted < 200 || (body.count >= 500 && body.count > extracted * 2)
        {
            lines = body.split(separator: "\n").map(String.init)
        }
        var draft = ArticleDraft(title: title, lines: lines)
        draft.date = metadata.date
        draft.dateOrigin = metadata.dateOrigin
        draft.dateConfidence = metadata.dateConfidence
        draft.url = metadata.url
        draft.authors = metadata.authors
        draft.removed = extractor.removed
        draft.encoding = parsed.encoding
        if let publisher = metadata.publisher { draft.sources.append((publisher, .jsonLD)) }
        if let site = metadata.siteName { draft.sources.append((site, .siteName)) }
        if let language = metadata.language { draft.metadata["language"] = language }
        if let declared = StructuredActor.encode(metadata.structuredActors) { draft.metadata[StructuredActor.metadataKey] = declared }
        if lines.isEmpty && (draft.title ?? "").isEmpty {
            throw IngestError.pageWithoutText
        }
        return draft
    }
}
