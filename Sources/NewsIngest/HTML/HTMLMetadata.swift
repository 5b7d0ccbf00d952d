import Foundation
import NewsDates

/// What a page says about itself: JSON-LD, `<meta>` tags, `<title>`, `<time datetime>`.
struct HTMLMetadata {
    var headline: String?
    var date: ArticleDate?
    var dateOrigin: DateOrigin?
    var dateConfidence: DateConfidence?
    /// What JSON-LD said about dates, for ``PageDateFinder``.
    private var dates = PageDateFinder()
    private var jsonLDURL: String?
    var authors: [String] = []
    var publisher: String?
    var siteName: String?
    var url: String?
    var documentTitle: String?
    var ogTitle: String?
    /// The page's first few `<h1>` texts: the first is often the site's logo, the next the headline.
    var headings: [String] = []
    var language: String?
    /// JSON-LD `articleBody`, used only when the page's markup holds almost no text (script-rendered pages).
    var articleBody: String?
    /// JSON-LD `about` and `mentions` of the article: the actors the page itself declares.
    var structuredActors: [StructuredActor] = []

    /// The JSON-LD types that describe an article.
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "blogposting", "liveblogposting", "scholarlyarticle", "report",
    ]

    /// - Parameter savedFrom: where the page was saved from, as its saver recorded it: the address of
    ///   last resort (a page saved by a browser often declares none of its own).
    init(root: HTMLElement, source: String = "", savedFrom: String? = nil) {
        var meta: [String: String] = [:]
        var scripts: [String] = []
        var markedAuthors: [String] = []
        var canonical: String?
        var base: String?
        root.forEach { element in
            switch element.name {
            case "meta":
                let key = (element["property"] ?? element["name"] ?? element["itemprop"] ?? element["http-equiv"])?.lowercased()
                if let key, let content = element["content"]?.trimmingWhitespace(), !content.isEmpty,
                    meta[key] == nil
                {
                    meta[key] = content
                }
            case "script" where (element["type"] ?? "").lowercased().containsText("ld+json"):
                scripts.append(element.text)
            case "title" where documentTitle == nil:
                documentTitle = element.text.nilIfEmpty
            case "link" where (element["rel"] ?? "").lowercased() == "canonical":
                if canonical == nil { canonical = element["href"]?.trimmingWhitespace().nilIfEmpty }
            case "base":
                if base == nil { base = element["href"]?.trimmingWhitespace().nilIfEmpty }
            case "html":
                language = (element["lang"] ?? element["xml:lang"])?.nilIfEmpty
            case _ where markedAuthors.isEmpty && (element["itemprop"]?.lowercased() == "author"
                || (element.name == "a" && (element["rel"] ?? "").lowercased().split(separator: " ").contains("author"))):
                // The first marked author is the article's; comments further down mark theirs too.
                if let name = Self.authorName(in: element) { markedAuthors.append(name) }
            default:
                break
            }
        }
        for script in scripts { readJSONLD(script) }
        headings = Self.headings(in: root)

        ogTitle = meta["og:title"] ?? meta["twitter:title"]
        siteName = meta["og:site_name"] ?? meta["application-name"]
        url = PageAddress.resolve(canonical: canonical, base: base, declared: [jsonLDURL, meta["og:url"], savedFrom])
        if authors.isEmpty,
            let author = ["author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"]
                .lazy.compactMap({ meta[$0] }).first(where: { !$0.hasPrefix("http") })
        {
            authors = [Self.strippingBy(author)]
        }
        if authors.isEmpty { authors = markedAuthors }
        if language == nil {
            language = meta["content-language"] ?? meta["og:locale"] ?? meta["language"] ?? meta["dc.language"]
        }
        language = language.map(Self.languageTag)
        dates.meta = meta
        dates.urls = [url, meta["og:url"], jsonLDURL, savedFrom].compactMap { $0 }
        dates.language = language
        dates.source = source
        if let found = dates.find(in: root) {
            date = found.date
            dateOrigin = found.origin
            dateConfidence = found.confidence
        }
    }

    /// The name an `itemprop="author"` or `rel="author"` element gives: its `name` property or its text.
    static func authorName(in element: HTMLElement) -> String? {
        let named = element.first { $0 !== element && $0["itemprop"]?.lowercased() == "name" }
        let raw = named?["content"] ?? named?.text ?? element["content"] ?? element.text
        let name = strippingBy(raw.trimmingWhitespace())
        guard (2...80).contains(name.count), !name.hasPrefix("http") else { return nil }
        return name
    }

    /// "By Ines Marlow", "von Ines Marlow" → "Ines Marlow".
    static func strippingBy(_ text: String) -> String {
        for prefix in ["By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "di "] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count)).trimmingWhitespace()
        }
        return text
    }

    /// "en_US", "EN-us" → "en-US"; a list ("de, en") → its first.
    static func languageTag(_ raw: String) -> String {
        let first = raw.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).first.map(String.init) ?? raw
        let parts = first.split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard let code = parts.first else { return raw }
        var tag = code.lowercased()
        if parts.count > 1, parts[1].count == 2 { tag += "-" + parts[1].uppercased() }
        return tag
    }

    /// The headline: the first of JSON-LD `headline`, og:/twitter: title, `<title>` and the `<h1>`s
    /// that says more than "Page" or the site's own name, each without the site's name.
    var title: String? {
        let site = publisher ?? siteName
        var candidates = [headline, ogTitle.map { Self.strippingSiteName($0, site: site) }]
        candidates.append(documentTitle.map { Self.strippingSiteName($0, site: site) })
        let present = (candidates + headings).compactMap { $0 }
        let siteKeys = Set([publisher, siteName, url.flatMap(SourceNormalizer.host(of:))].compactMap { $0 }.map(SourceNormalizer.key))
        return present.first { !Self.isGeneric($0, siteKeys: siteKeys) } ?? present.first
    }

    /// `<h1>` texts, those inside `<article>` or `<main>` first and those in the page's chrome (a
    /// `<header>` or `<nav>`, a logo or brand class) last: a site's logo is often its first `<h1>`.
    static func headings(in root: HTMLElement) -> [String] {
        var found: [(text: String, rank: Int)] = []
        func walk(_ element: HTMLElement, inContent: Bool, inChrome: Bool) {
            guard found.count < 8 else { return }
            // Comparisons, not arrays of names: this runs for every element of the page.
            let chrome = inChrome || element.name == "header" || element.name == "nav" || element.hints.brand
            let content = inContent || element.name == "article" || element.name == "main" || element["itemprop"] == "headline"
            if element.name == "h1" {
                if let text = element.text.nilIfEmpty { found.append((text, content ? 0 : chrome ? 2 : 1)) }
                return
            }
            for child in element.elements { walk(child, inContent: content, inChrome: chrome) }
        }
        walk(root, inContent: false, inChrome: false)
        // A stable sort: document order within each rank.
        return found.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element.text)
    }

    /// Titles that name no story: CMS defaults and section names, a bare domain, the site's own name.
    static func isGeneric(_ title: String, siteKeys: Set<String>) -> Bool {
        let key = SourceNormalizer.key(title)
        if key.isEmpty || siteKeys.contains(key) { return true }
        if SourceNormalizer.host(of: title) != nil { return true }
        let words = title.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
        return genericTitles.contains(words)
    }

    static let genericTitles: Set<String> = [
        "page", "home", "homepage", "home page", "index", "untitled", "untitled document", "untitled page",
        "default", "welcome", "news", "article", "story", "post", "blog", "document", "loading", "error",
        "404", "not found", "page not found", "404 not found", "news article", "latest news", "top stories",
    ]

    /// "Rutte visits Tokyo | The Japan Times" → "Rutte visits Tokyo".
    static func strippingSiteName(_ title: String, site: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            // Foundation's search bridges the title to NSString (~90,000 instructions a call): asked only
            // when the bytes are there. It also finds a canonically equivalent text, which only " · "
            // has (U+0387, the Greek ano teleia, is a middle dot).
            guard title.utf8.containsBytes(of: separator.utf8) || separator == " · " && title.utf8.containsBytes(of: "\u{387}".utf8)
            else { continue }
            var parts = title.components(separatedBy: separator)
            guard parts.count > 1 else { continue }
            let siteKey = site.map(SourceNormalizer.key)
            if let siteKey, let index = parts.firstIndex(where: { SourceNormalizer.key($0) == siteKey }) {
                parts.remove(at: index)
                return parts.joined(separator: separator).trimmingWhitespace()
            }
            // No known site name: a short last part after " | " is the site ("… | Example News").
            if separator == " | " || (parts.last?.count ?? 99) <= 30 {
                let last = parts.removeLast()
                if last.count < parts.joined().count { return parts.joined(separator: separator).trimmingWhitespace() }
            }
        }
        return title
    }

    private mutating func readJSONLD(_ text: String) {
        var trimmed = text.trimmingWhitespace()
        // Copied from the bytes: `data(using:)` asked the runtime whether they were contiguous, a scan
        // of its conformance records (~0.3 M instructions) in a one-page process.
        let data = trimmed.withUTF8 { Data(buffer: $0) }
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            // Hand-written JSON-LD is often invalid (trailing commas, raw line breaks); its dates still count.
            if dates.jsonLDPublished == nil, let raw = Self.rawValue(of: "datePublished", in: text) {
                dates.jsonLDPublished = PageDateFinder.parseValue(raw)
            }
            if dates.jsonLDModified == nil, let raw = Self.rawValue(of: "dateModified", in: text) {
                dates.jsonLDModified = PageDateFinder.parseValue(raw)
            }
            return
        }
        var nodes: [[String: Any]] = []
        Self.collectNodes(object, into: &nodes)
        var byID: [String: [String: Any]] = [:]
        for node in nodes { if let id = node["@id"] as? String { byID[id] = node } }
        if dates.jsonLDOtherPublished == nil,
            let raw = nodes.lazy.compactMap({ ($0["datePublished"] ?? $0["dateCreated"]) as? String }).first
        {
            dates.jsonLDOtherPublished = PageDateFinder.parseValue(raw)
        }
        guard
            let article = nodes.first(where: { node in
                Self.types(of: node).contains { Self.articleTypes.contains($0.lowercased()) }
            })
        else {
            if siteName == nil,
                let site = nodes.first(where: { Self.types(of: $0).contains("WebSite") })?["name"] as? String
            {
                siteName = site
            }
            return
        }
        if headline == nil, let value = (article["headline"] ?? article["name"]) as? String, !value.isEmpty {
            // Script text is raw: entities in JSON-LD strings are not decoded by the HTML parser.
            headline = HTMLEntities.decode(value).trimmingWhitespace()
        }
        if dates.jsonLDPublished == nil, let raw = (article["datePublished"] ?? article["dateCreated"]) as? String {
            dates.jsonLDPublished = PageDateFinder.parseValue(raw)
        }
        if dates.jsonLDModified == nil, let raw = article["dateModified"] as? String {
            dates.jsonLDModified = PageDateFinder.parseValue(raw)
        }
        if articleBody == nil, let body = article["articleBody"] as? String, !body.isEmpty {
            articleBody = HTMLEntities.decode(body)
        }
        if authors.isEmpty { authors = Self.names(article["author"], byID: byID) }
        if structuredActors.isEmpty {
            var seen: Set<String> = []
            structuredActors = (StructuredActor.read(article["about"], property: "about", byID: byID)
                + StructuredActor.read(article["mentions"], property: "mentions", byID: byID))
                .filter { seen.insert($0.name.lowercased()).inserted }
            if structuredActors.count > StructuredActor.limit { structuredActors = [] }
        }
        if publisher == nil { publisher = Self.names(article["publisher"], byID: byID).first }
        let articleURL = (article["url"] as? String) ?? (article["mainEntityOfPage"] as? String)
            ?? ((article["mainEntityOfPage"] as? [String: Any])?["@id"] as? String)
        if jsonLDURL == nil { jsonLDURL = articleURL }
    }

    /// The string value of `"key": "…"` in JSON text that does not parse.
    static func rawValue(of key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: "\"\(key)\"") else { return nil }
        let rest = text[keyRange.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
        guard rest.first == "\"" else { return nil }
        let value = rest.dropFirst().prefix { $0 != "\"" }
        return value.isEmpty ? nil : String(value)
    }

    /// Every object in a JSON-LD value: top level, arrays, and `@graph`.
    static func collectNodes(_ value: Any, into nodes: inout [[String: Any]]) {
        if let array = value as? [Any] {
            for item in array { collectNodes(item, into: &nodes) }
        } else if let object = value as? [String: Any] {
            nodes.append(object)
            // The article is often nested: in `@graph`, or as a page's `mainEntity`.
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let inner = object[key], !(inner is String) { collectNodes(inner, into: &nodes) }
            }
        }
    }

    static func types(of node: [String: Any]) -> [String] {
        if let type = node["@type"] as? String { return [type] }
        return (node["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    /// Names from a string, a `{name}` object, an `{@id}` reference, or an array of those.
    static func names(_ value: Any?, byID: [String: [String: Any]]) -> [String] {
        switch value {
        case let text as String:
            return text.isEmpty ? [] : [HTMLEntities.decode(text).trimmingWhitespace()]
        case let array as [Any]:
            return array.flatMap { names($0, byID: byID) }
        case let object as [String: Any]:
            if let name = object["name"] as? String, !name.isEmpty { return [HTMLEntities.decode(name).trimmingWhitespace()] }
            if let id = object["@id"] as? String, let target = byID[id], let name = target["name"] as? String {
                return [name.trimmingWhitespace()]
            }
            return []
        default:
            return []
        }
    }
}

extension String {
    var nilIfEmpty: String? {
        let trimmed = trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
