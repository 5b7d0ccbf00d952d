import Foundation

/// Finds an HTML page's article text and turns it into paragraph lines.
///
/// Three passes, each recording what it removed:
/// 1. prune page chrome by tag (`nav`, `header`, `footer`, `aside`, `form`, `script` …), by ARIA role,
///    by hidden state, and by class/id hints (`comments`, `related-posts`, `share-bar`, `cookie-banner`, `ad-slot` …);
/// 2. choose the main container: an `articleBody` hint, else the `<article>` or `<main>` with the most
///    paragraph text, else the element whose `<p>` children carry the most text (readability's scoring);
/// 3. inside it, drop blocks that are mostly link text (lists of other articles), then render
///    block elements as lines.
struct HTMLContentExtractor {
    private(set) var removed: [RemovedLine] = []

    static let chromeTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "nav", "header",
        "footer", "aside", "form", "button", "select", "input", "textarea", "dialog", "menu", "figure", "head",
    ]
    static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
        "menubar", "toolbar", "alert",
    ]
    /// Class or id names containing one of these mark a block that is not the article.
    static let negativeHints = [
        "comment", "disqus", "related", "share", "sharing", "social", "newsletter", "subscri", "signup",
        "cookie", "consent", "gdpr", "sidebar", "breadcrumb", "promo", "sponsor", "recommend", "popular",
        "ranking", "trending", "most-read", "mostread", "outbrain", "taboola", "advert", "banner", "footer",
        "masthead", "navigation", "site-header", "global-header", "navbar", "menu", "modal", "popup", "paywall", "tags",
        "toolbar", "pagination", "author-bio", "read-more", "readmore", "more-stories", "widget", "skip-link",
        "visually-hidden", "sr-only", "byline",
    ]
    /// Whole class names of ad slots (short names like "ad" cannot be matched as substrings: "head", "read").
    static let adClassNames: Set<String> = ["ad", "ads", "adsbygoogle", "ad-slot", "ad-unit", "ad-container", "dfp"]
    static let positiveHints = [
        "article-body", "articlebody", "article__body", "story-body", "entry-content", "post-content",
        "article-content", "story-content", "article-text", "body-text", "main-content",
    ]
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "pre", "table", "tr", "td", "th", "br", "hr", "body", "html", "figcaption", "address",
    ]

    /// The article's lines (paragraphs, sub-headings, list items), in order.
    mutating func extract(from root: HTMLElement) -> [String] {
        prune(root)
        let body = root.first { $0.name == "body" } ?? root
        let container = mainContainer(in: body)
        if container !== body { reportOutside(body, container: container) }
        dropLinkLists(container)
        var lines: [String] = []
        var current = ""
        render(container, lines: &lines, current: &current)
        flush(&current, into: &lines)
        return lines
    }

    // MARK: - Pruning

    private mutating func prune(_ element: HTMLElement) {
        element.children = element.children.filter { node in
            guard case .element(let child) = node else { return true }
            if let reason = Self.chromeReason(child) {
                record(child, kind: reason.kind, detail: reason.detail)
                return false
            }
            prune(child)
            return true
        }
    }

    static func chromeReason(_ element: HTMLElement) -> (kind: RemovalKind, detail: String)? {
        if chromeTags.contains(element.name) { return (.pageChrome, "<\(element.name)>") }
        if ["html", "body", "main"].contains(element.name) { return nil }
        if let role = element["role"]?.lowercased(), chromeRoles.contains(role) {
            return (.pageChrome, "role=\(role)")
        }
        if element["hidden"] != nil || element["aria-hidden"]?.lowercased() == "true" {
            return (.pageChrome, "hidden")
        }
        let style = (element["style"] ?? "").lowercased().replacingOccurrences(of: " ", with: "")
        if style.utf8.containsBytes(of: "display:none".utf8) || style.utf8.containsBytes(of: "visibility:hidden".utf8) { return (.pageChrome, "hidden") }
        let names = element.classAndID
        if let name = names.first(where: { adClassNames.contains($0) || $0.hasPrefix("ad-") || $0.hasSuffix("-ad") }) {
            return (.advertisement, "<\(element.name) \"\(name)\">")
        }
        guard element.name != "article",
            !(element["itemprop"]?.lowercased() == "articlebody")
        else { return nil }
        for name in names {
            guard let hint = negativeHints.first(where: { name.utf8.containsBytes(of: $0.utf8) }) else { continue }
            // A body container that also carries a tool's class ("article-body has-share-tools") stays.
            if names.contains(where: { name in positiveHints.contains { name.utf8.containsBytes(of: $0.utf8) } }) { return nil }
            return (kind(forHint: hint), "<\(element.name) \"\(name)\">")
        }
        return nil
    }

    static func kind(forHint hint: String) -> RemovalKind {
        switch hint {
        case "comment", "disqus": .commentPrompt
        case "share", "sharing", "social": .shareBar
        case "newsletter", "subscri", "signup": .subscribe
        case "cookie", "consent", "gdpr": .cookieNotice
        case "related", "recommend", "popular", "ranking", "trending", "most-read", "mostread", "outbrain",
            "taboola", "read-more", "readmore", "more-stories", "tags":
            .relatedList
        case "advert", "sponsor", "promo", "banner": .advertisement
        case "byline": .byline
        default: .pageChrome
        }
    }

    // MARK: - Main container

    private func mainContainer(in body: HTMLElement) -> HTMLElement {
        let minimum = 140
        if let hinted = body.first(where: { element in
            element["itemprop"]?.lowercased() == "articlebody"
                || element.classAndID.contains { name in Self.positiveHints.contains { name.utf8.containsBytes(of: $0.utf8) } }
        }), hinted.text.count >= minimum {
            return hinted
        }
        var best: (element: HTMLElement, score: Int)?
        body.forEach { element in
            guard element.name == "article" || element.name == "main" else { return }
            let score = Self.paragraphText(element)
            if score > (best?.score ?? minimum - 1) { best = (element, score) }
        }
        if let best { return best.element }
        // Readability's idea: paragraphs vote for their parent (and half for the grandparent).
        var scores: [ObjectIdentifier: (HTMLElement, Double)] = [:]
        func vote(_ element: HTMLElement, parent: HTMLElement?, grandparent: HTMLElement?) {
            for child in element.elements { vote(child, parent: element, grandparent: parent) }
            guard element.name == "p", let parent else { return }
            let text = element.text
            guard text.count >= 25 else { return }
            let value = 1 + Double(text.filter { $0 == "," }.count) + min(Double(text.count) / 100, 3)
            scores[ObjectIdentifier(parent), default: (parent, 0)].1 += value
            if let grandparent { scores[ObjectIdentifier(grandparent), default: (grandparent, 0)].1 += value / 2 }
        }
        vote(body, parent: nil, grandparent: nil)
        if let top = scores.values.max(by: { $0.1 < $1.1 }), top.0.text.count >= minimum { return top.0 }
        return body
    }

    static func paragraphText(_ element: HTMLElement) -> Int {
        var total = 0
        element.forEach { if $0.name == "p" { total += $0.text.count } }
        return total
    }

    /// Reports the text-bearing blocks beside the path from the body down to the container.
    private mutating func reportOutside(_ body: HTMLElement, container: HTMLElement) {
        func contains(_ element: HTMLElement) -> Bool {
            element === container || element.elements.contains(where: contains)
        }
        var element = body
        while element !== container {
            guard let next = element.elements.first(where: contains) else { return }
            for sibling in element.elements where sibling !== next && sibling.text.count >= 20 {
                record(sibling, kind: .outsideMainContent, detail: "<\(sibling.name)> beside the article")
            }
            element = next
        }
    }

    // MARK: - Link lists

    /// Removes lists and blocks that are mostly link text, bottom-up is not needed: the first
    /// dense block found on the way down goes whole.
    private mutating func dropLinkLists(_ element: HTMLElement) {
        element.children = element.children.filter { node in
            guard case .element(let child) = node else { return true }
            if ["ul", "ol", "div", "section", "p", "table", "dl"].contains(child.name) {
                let text = child.text.count
                let links = Self.linkTextLength(child)
                if text > 0, Double(links) / Double(text) > 0.5 {
                    record(child, kind: .linkDensity, detail: "\(links * 100 / text)% of its text is links")
                    return false
                }
            }
            dropLinkLists(child)
            return true
        }
    }

    static func linkTextLength(_ element: HTMLElement) -> Int {
        if element.name == "a" { return element.text.count }
        return element.elements.reduce(0) { $0 + linkTextLength($1) }
    }

    // MARK: - Rendering

    private func render(_ element: HTMLElement, lines: inout [String], current: inout String) {
        let isBlock = Self.blockTags.contains(element.name)
        if isBlock { flush(&current, into: &lines) }
        for child in element.children {
            switch child {
            case .text(let text): current += text
            case .element(let inner): render(inner, lines: &lines, current: &current)
            }
        }
        if isBlock { flush(&current, into: &lines) }
    }

    private func flush(_ current: inout String, into lines: inout [String]) {
        let line = current.collapsingWhitespace()
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    private mutating func record(_ element: HTMLElement, kind: RemovalKind, detail: String) {
        let text = element.text
        guard !text.isEmpty else { return }
        removed.append(RemovedLine(text: String(text.prefix(200)), kind: kind, detail: detail))
    }
}
