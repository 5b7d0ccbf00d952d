internal import CLibXML2
import Foundation
import NewsDates

/// Reads a news feed's items as articles: RSS 2.0, RSS 1.0 (RDF) and Atom. A saved feed was skipped
/// whole ("not read as articles"), though each item is a story with its title, link, date and text,
/// often the whole story (`content:encoded`, Atom's `content`), else its summary.
struct FeedReader {
    /// The root elements of RSS 2.0, Atom and RSS 1.0.
    static let roots: Set<String> = ["rss", "feed", "rdf:rdf"]

    /// The items as drafts; items with neither title nor text are skipped, each named by its place.
    func read(data: Data, path: String) -> (drafts: [ArticleDraft], skipped: [SkippedRecord]) {
        let xml: LibXML2
        do { xml = try LibXML2.loaded() } catch {
            return ([], [SkippedRecord(location: path, reason: error.description)])
        }
        xml.silenceErrors()
        // NONET: never fetch a DTD or an entity; no NOENT: external entities are never expanded.
        let options = Int32(
            XML_PARSE_RECOVER.rawValue | XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
                | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_HUGE.rawValue)
        // XML forbids most control characters, and past the first one libxml2's recovery drops the
        // escaped markup of the rest (`&lt;b&gt;` vanished, leaving "bbold/b"): they become spaces first.
        let data = data.contains(where: Self.isForbiddenControl) ? Data(data.map { Self.isForbiddenControl($0) ? 0x20 : $0 }) : data
        let document = data.withUnsafeBytes { raw -> xmlDocPtr? in
            raw.withMemoryRebound(to: CChar.self) { xml.xmlReadMemory($0.baseAddress, Int32($0.count), nil, nil, options) }
        }
        guard let document, let root = xml.docGetRootElement(document) else {
            return ([], [SkippedRecord(location: path, reason: "a news feed that is not well-formed XML")])
        }
        defer { xml.freeDoc(document) }
        let channel = Self.children(of: root).first { Self.name(of: $0) == "channel" } ?? root
        let feedTitle = Self.children(of: channel).first { Self.name(of: $0) == "title" }.map(Self.text(of:))
        // RSS 1.0 puts its items beside the channel; RSS 2.0 inside it; Atom's entries in the feed.
        let items = (Self.children(of: channel) + (channel == root ? [] : Self.children(of: root)))
            .filter { ["item", "entry"].contains(Self.name(of: $0)) }
        var drafts: [ArticleDraft] = []
        var skipped: [SkippedRecord] = []
        for (index, item) in items.enumerated() {
            if let draft = Self.draft(from: item, feedTitle: feedTitle, xml: xml) {
                drafts.append(draft)
            } else {
                skipped.append(SkippedRecord(location: "\(path) [\(index + 1)]", reason: IngestError.emptyArticle.description))
            }
        }
        if items.isEmpty { skipped.append(SkippedRecord(location: path, reason: "a news feed with no items")) }
        return (drafts, skipped)
    }

    private static func isForbiddenControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    private static func draft(from item: xmlNodePtr, feedTitle: String?, xml: LibXML2) -> ArticleDraft? {
        var fields: [String: [xmlNodePtr]] = [:]
        for child in children(of: item) { fields[name(of: child), default: []].append(child) }
        func first(_ names: String...) -> xmlNodePtr? { names.lazy.compactMap { fields[$0]?.first }.first }
        let title = first("title").map { HTMLFragment.inlineText(text(of: $0)).collapsingWhitespace() } ?? ""
        // The whole story where the feed gives it, else its summary.
        let body = first("content:encoded", "content", "description", "summary").map { lines(of: $0, xml: xml) } ?? []
        guard !title.isEmpty || !body.isEmpty else { return nil }
        var draft = ArticleDraft(title: title.isEmpty ? nil : title, lines: body)
        draft.dateFromPath = false
        // Published, not updated: a feed re-announces an edited story with its new `updated` time.
        if let node = first("pubDate", "published", "dc:date", "issued", "updated"),
            let date = DateExtractor.parse(text(of: node)) ?? ArticleDate(parsing: text(of: node))
        {
            draft.date = date
            draft.dateOrigin = .feed
        }
        let links = fields["link"] ?? []
        // Atom: the link to the story is `rel="alternate"` or has no `rel`; RSS: the element's text.
        let alternate = links.first { ["alternate", nil].contains(attribute("rel", of: $0)) && attribute("href", of: $0) != nil }
        draft.url = alternate.flatMap { attribute("href", of: $0) } ?? links.first.map(text(of:))?.trimmingWhitespace()
        if draft.url?.isEmpty ?? false { draft.url = nil }
        let id = first("guid", "id").map(text(of:))?.trimmingWhitespace()
        draft.id = id?.isEmpty == false ? id : draft.url
        draft.authors = (fields["dc:creator"] ?? []).map(text(of:)) + (fields["author"] ?? []).map(authorName(of:))
        draft.authors = draft.authors.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        let categories = (fields["category"] ?? []).compactMap { attribute("term", of: $0) ?? text(of: $0) }
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        if !categories.isEmpty { draft.metadata["categories"] = categories.joined(separator: ", ") }
        // An aggregator's item names its outlet (`<source>`); else the feed is the outlet's own.
        if let outlet = first("source").map(text(of:))?.collapsingWhitespace(), !outlet.isEmpty {
            draft.sources.append((outlet, .feed))
        }
        if let outlet = feedTitle.map(Self.outletName(fromFeedTitle:)), !outlet.isEmpty { draft.sources.append((outlet, .feed)) }
        return draft
    }

    /// A feed's title names its outlet and then the section ("Harbour Ledger - World", "Ledger > Politics",
    /// "Wire: Top News"): the outlet is the part before the first such separator.
    static func outletName(fromFeedTitle title: String) -> String {
        var name = HTMLFragment.inlineText(title).collapsingWhitespace()
        for separator in [" - ", " – ", " — ", " | ", " > ", " » ", ": "] {
            if let found = name.range(of: separator), found.lowerBound > name.startIndex {
                name = String(name[..<found.lowerBound])
            }
        }
        return name
    }

    /// RSS: `jo@example.org (Jo Park)` or a name; Atom: `<author><name>`.
    private static func authorName(of node: xmlNodePtr) -> String {
        if let name = children(of: node).first(where: { self.name(of: $0) == "name" }) { return text(of: name) }
        let value = text(of: node).trimmingWhitespace()
        if let open = value.firstIndex(of: "("), value.hasSuffix(")"), value[..<open].contains("@") {
            return String(value[value.index(after: open)..<value.index(before: value.endIndex)])
        }
        return value.contains("@") && !value.contains(" ") ? "" : value
    }

    /// The element's text as lines: escaped HTML (RSS's `description`, Atom's `type="html"`) and inline
    /// XHTML (Atom's `type="xhtml"`) alike.
    private static func lines(of node: xmlNodePtr, xml: LibXML2) -> [String] {
        if attribute("type", of: node) == "xhtml" {
            let buffer = xml.bufferCreate()
            defer { xml.bufferFree(buffer) }
            var markup = ""
            for child in children(of: node) {
                _ = xml.nodeDump(buffer, node.pointee.doc, child, 0, 0)
                if let content = xml.bufferContent(buffer) { markup += String(cString: content) }
                xml.bufferEmpty(buffer)
            }
            return HTMLFragment.lines(markup)
        }
        let value = text(of: node)
        if HTMLFragment.isMarkup(value) { return HTMLFragment.lines(value) }
        return value.lineSlices(omittingEmptySubsequences: true).map { String($0).collapsingWhitespace() }.filter { !$0.isEmpty }
    }

    private static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var found: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { found.append(current) }
            child = current.pointee.next
        }
        return found
    }

    /// `prefix:local` for elements in a prefixed namespace (`content:encoded`, `dc:date`), else the local name.
    private static func name(of node: xmlNodePtr) -> String {
        let local = node.pointee.name.map { String(cString: $0) } ?? ""
        guard let prefix = node.pointee.ns?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }

    /// The text of the element and all inside it (libxml2's own copy would need `xmlFree`, a global
    /// Swift 6 will not call).
    private static func text(of node: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        func collect(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        bytes += UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
                    }
                case XML_ELEMENT_NODE: collect(current)
                default: break
                }
                child = current.pointee.next
            }
        }
        collect(node)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        var property = node.pointee.properties
        while let current = property {
            if let attributeName = current.pointee.name, String(cString: attributeName) == name {
                var value: [UInt8] = []
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content {
                        value += UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self)))
                    }
                    child = text.pointee.next
                }
                return String(decoding: value, as: UTF8.self)
            }
            property = current.pointee.next
        }
        return nil
    }
}
