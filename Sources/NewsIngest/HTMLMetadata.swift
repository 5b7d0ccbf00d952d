import Foundation

/// What a page says about itself: JSON-LD, `<meta>` tags, `<title>`, `<time datetime>`.
struct HTMLMetadata {
    var headline: String?
    var date: ArticleDate?
    var dateOrigin: DateOrigin?
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

    /// The JSON-LD types that describe an article.
    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "blogposting", "liveblogposting", "scholarlyarticle", "report",
    ]

    init(root: HTMLElement) {
        var meta: [String: String] = [:]
        var scripts: [String] = []
        var timeValue: String?
        root.forEach { element in
            switch element.name {
            case "meta":
                let key = (element["property"] ?? element["name"] ?? element["itemprop"])?.lowercased()
                if let key, let content = element["content"]?.trimmingWhitespace(), !content.isEmpty,
                    meta[key] == nil
                {
                    meta[key] = content
                }
            case "script" where (element["type"] ?? "").lowercased().contains("ld+json"):
                scripts.append(element.text)
            case "title" where documentTitle == nil:
                documentTitle = element.text.nilIfEmpty
            case "time" where timeValue == nil:
                timeValue = (element["datetime"] ?? element.text).nilIfEmpty
            case "link" where (element["rel"] ?? "").lowercased() == "canonical":
                if url == nil { url = element["href"]?.nilIfEmpty }
            case "html":
                language = element["lang"]?.nilIfEmpty
            default:
                break
            }
        }
        for script in scripts { readJSONLD(script) }
        headings = Self.headings(in: root)

        ogTitle = meta["og:title"] ?? meta["twitter:title"]
        siteName = meta["og:site_name"] ?? meta["application-name"]
        if url == nil { url = meta["og:url"] }
        if authors.isEmpty, let author = meta["article:author"] ?? meta["author"] ?? meta["byl"],
            !author.hasPrefix("http")
        {
            authors = [author.hasPrefix("By ") ? String(author.dropFirst(3)) : author]
        }
        if date == nil {
            let keys = [
                "article:published_time", "og:article:published_time", "datepublished", "publishdate",
                "publish-date", "pubdate", "date", "dc.date", "dc.date.issued", "parsely-pub-date",
                "sailthru.date", "article.published", "og:updated_time", "article:modified_time",
            ]
            if let raw = keys.lazy.compactMap({ meta[$0] }).first, let parsed = DateExtractor.parse(raw) {
                date = parsed
                dateOrigin = .metaTag
            } else if let timeValue, let parsed = DateExtractor.parse(timeValue) {
                date = parsed
                dateOrigin = .timeElement
            }
        }
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
            let hints = element.classAndID
            let chrome = inChrome || ["header", "nav"].contains(element.name)
                || hints.contains { $0.contains("logo") || $0.contains("brand") || $0.contains("masthead") || $0 == "site-title" }
            let content = inContent || ["article", "main"].contains(element.name) || element["itemprop"] == "headline"
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
        guard let data = text.trimmingWhitespace().data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return }
        var nodes: [[String: Any]] = []
        Self.collectNodes(object, into: &nodes)
        var byID: [String: [String: Any]] = [:]
        for node in nodes { if let id = node["@id"] as? String { byID[id] = node } }
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
        if date == nil, let raw = (article["datePublished"] ?? article["dateCreated"]) as? String,
            let parsed = DateExtractor.parse(raw)
        {
            date = parsed
            dateOrigin = .jsonLD
        }
        if articleBody == nil, let body = article["articleBody"] as? String, !body.isEmpty {
            articleBody = HTMLEntities.decode(body)
        }
        if authors.isEmpty { authors = Self.names(article["author"], byID: byID) }
        if publisher == nil { publisher = Self.names(article["publisher"], byID: byID).first }
        if url == nil { url = (article["url"] as? String) ?? (article["mainEntityOfPage"] as? String) }
    }

    /// Every object in a JSON-LD value: top level, arrays, and `@graph`.
    static func collectNodes(_ value: Any, into nodes: inout [[String: Any]]) {
        if let array = value as? [Any] {
            for item in array { collectNodes(item, into: &nodes) }
        } else if let object = value as? [String: Any] {
            nodes.append(object)
            if let graph = object["@graph"] { collectNodes(graph, into: &nodes) }
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
