import Foundation

/// Finds an HTML page's article text and turns it into paragraph lines.
///
/// Three passes, each recording what it removed:
/// 1. prune page chrome by tag (`nav`, `header`, `footer`, `aside`, `form`, `script` …), by ARIA role,
///    by hidden state, and by class/id hints (`comments`, `related-posts`, `share-bar`, `cookie-banner`, `ad-slot` …),
///    sparing the article's wrappers (found before pruning) whatever their names say;
/// 2. choose the article's blocks (``MainContentFinder``);
/// 3. inside them, drop blocks that are mostly link text (lists of other articles) with their headings,
///    render block elements as lines, and drop short labels that end the last block.
struct HTMLContentExtractor {
    private(set) var removed: [RemovedLine] = []
    /// The page's paragraph text before pruning, to recognise a wrapper of the article by its share of it.
    private var pageText = 0
    /// The article's likely block and its ancestors, found before pruning (``MainContentFinder/anchorPath(in:)``).
    private var anchorPath = ElementSet([])

    /// Removal reasons that hold even for a block holding most of the page's text.
    static let strictTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "select",
        "input", "textarea",
    ]

    static let chromeTags: Set<String> = [
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "nav", "header",
        "footer", "aside", "form", "button", "select", "input", "textarea", "dialog", "menu", "figure", "head",
        "figcaption",
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
        "masthead", "navigation", "site-header", "global-header", "navbar", "menu", "modal", "popup", "tags",
        "toolbar", "pagination", "author-bio", "read-more", "readmore", "more-stories", "skip-link",
        "visually-hidden", "sr-only", "byline", "caption", "bildunterschrift", "legende", "photo-credit",
        "image-credit", "about-author", "author-box", "authorbox", "author-info", "autorenbox", "kommentar",
        "comentario", "login", "register", "abonn", "print-only", "further-reading", "weiterlesen",
        // Notices around a story: disclosures of affiliate links, paywall offers, app and "read also" boxes.
        "disclosure", "disclaimer", "affiliate", "paywall", "community-notice", "nextstory", "next-story",
        "nextread", "lee-tambien", "leetambien", "assinatura", "appstore", "app-section",
        // Captions and picture credits under other names than "caption".
        "imagedescription", "image-description", "img-metadata", "image-source", "photocredit", "bildquelle", "legend",
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
        "form", "header", "footer", "nav", "aside", "figure", "center", "fieldset", "details", "summary", "caption",
        "tbody", "thead", "tfoot", "head", "li",
    ]

    /// The article's lines (paragraphs, sub-headings, list items), in order.
    /// - Parameter title: the page's title from its metadata, to tell the headline's `<h1>` from others.
    mutating func extract(from root: HTMLElement, title: String? = nil) -> [String] {
        pageText = MainContentFinder.paragraphText(root)
        anchorPath = ElementSet(MainContentFinder.anchorPath(in: root))
        let lead = HeadlineLead.find(in: root, title: title)
        prune(root, inArticle: false)
        root.resetMetrics()
        let body = root.first { $0.name == "body" } ?? root
        let blocks = MainContentFinder.find(in: body)
        if !(blocks.count == 1 && blocks[0] === body) { reportOutside(body, blocks: ElementSet(blocks)) }
        var lines: [String] = []
        var current = ""
        for block in blocks {
            dropLinkLists(block)
            Self.render(block, lines: &lines, current: &current)
            Self.flush(&current, into: &lines)
        }
        dropTrailingLabels(&lines)
        if let lead, !lines.isEmpty, !Self.holds(lines, lead) { lines.insert(lead, at: 0) }
        return lines
    }

    /// Short lines that end the article's container without ending a sentence ("Ähnliche Beiträge",
    /// "Infos zum Reiseziel", a sponsor's name) head what the page shows after the story, whose
    /// lists were already dropped; the story itself ends with a sentence.
    private mutating func dropTrailingLabels(_ lines: inout [String]) {
        guard lines.count > 3 else { return }
        while let last = lines.last, lines.count > 3, Self.isLabel(last) {
            removed.append(RemovedLine(text: last, kind: .relatedList, detail: "a short label ends the article's block"))
            lines.removeLast()
        }
    }

    /// Whether the lines already hold `lead` (its start, as a line or inside one).
    static func holds(_ lines: [String], _ lead: String) -> Bool {
        let start = String(lead.prefix(60))
        return lines.contains { $0.containsText(start) }
    }

    static func isLabel(_ line: String) -> Bool {
        guard line.count <= 40, let end = line.last else { return false }
        return !".!?…\"”»“)".contains(end) && line.split(separator: " ").count <= 6
    }

    // MARK: - Pruning

    private mutating func prune(_ element: HTMLElement, inArticle: Bool) {
        element.children = element.children.filter { node in
            guard case .element(let child) = node else { return true }
            let inArticle = inArticle || child.name == "article" || child["itemprop"]?.lowercased() == "articlebody"
            // An article's own <header> holds its lead paragraph; the byline and share bar in it still go.
            if child.name == "header", inArticle {
                prune(child, inArticle: true)
                return true
            }
            if let reason = Self.chromeReason(child), !wrapsArticle(child, reason: reason) {
                record(child, kind: reason.kind, detail: reason.detail)
                return false
            }
            prune(child, inArticle: inArticle)
            return true
        }
    }

    /// Whether a block that looks like chrome (a `<form>` around the whole page, a `has-sidebar` layout
    /// wrapper, a `widget` box that themes put the post in) in fact holds most of the page's text:
    /// then it is the article's wrapper, and only what is inside it gets pruned.
    private func wrapsArticle(_ element: HTMLElement, reason: (kind: RemovalKind, detail: String)) -> Bool {
        // A <noscript> that holds the page is a site's whole no-script version, not a tracking pixel;
        // on a page whose visible body is a script's empty shell, any share of nothing is most of it.
        if element.name == "noscript" {
            let own = MainContentFinder.paragraphText(element)
            return own >= MainContentFinder.minimum && Double(own) >= Double(pageText) * Self.mostOfThePage
        }
        guard pageText >= 200, !Self.strictTags.contains(element.name),
            element["hidden"] == nil, reason.detail != "hidden", reason.kind != .cookieNotice
        else { return false }
        let share = Double(MainContentFinder.paragraphText(element)) / Double(pageText)
        // Comments never hold the headline: a "comment"-named block around the `<h1>` and most of the
        // text is a wrapper named after a category ("internet-estallido-comentarios").
        if reason.kind == .commentPrompt { return share >= 0.5 && element.first { $0.name == "h1" } != nil }
        if anchorPath.contains(element) { return true }
        // Nearly all of the page's sentences: a wrapper, however many links its menus add (a `<header>`
        // that an unclosed tag made the parent of the whole page).
        if share >= Self.mostOfThePage { return true }
        let length = element.textLength
        guard length > 0, Double(element.linkTextLength) / Double(length) < 0.5 else { return false }
        return share >= 0.5
    }

    /// The share of the page's paragraph text that makes a block the page's wrapper whatever it is named.
    static let mostOfThePage = 0.7

    static func chromeReason(_ element: HTMLElement) -> (kind: RemovalKind, detail: String)? {
        // A <figure> is a picture and its caption, unless pages wrap paragraphs of the story in one
        // (slideshows, quote boxes, tables); then only its caption goes.
        if element.name == "figure", hasParagraphs(element) { return nil }
        if chromeTags.contains(element.name) { return (.pageChrome, "<\(element.name)>") }
        if ["html", "body", "main"].contains(element.name) { return nil }
        if let role = element["role"]?.lowercased(), chromeRoles.contains(role) {
            return (.pageChrome, "role=\(role)")
        }
        if element["hidden"] != nil || element["aria-hidden"]?.lowercased() == "true" {
            return (.pageChrome, "hidden")
        }
        if let style = element["style"], !style.isEmpty {
            let compact = String(decoding: style.lowercased().utf8.filter { $0 != 0x20 }, as: UTF8.self)
            if compact.utf8.containsBytes(of: "display:none".utf8) || compact.utf8.containsBytes(of: "visibility:hidden".utf8) {
                return (.pageChrome, "hidden")
            }
        }
        let names = element.classAndID
        if let name = names.first(where: { adClassNames.contains($0) || $0.hasPrefix("ad-") || $0.hasSuffix("-ad") }) {
            return (.advertisement, "<\(element.name) \"\(name)\">")
        }
        guard element.name != "article",
            !(element["itemprop"]?.lowercased() == "articlebody")
        else { return nil }
        let hints = element.hints
        // An author's name or box: a few lines about the writer, never the story's headline.
        if let name = hints.author, !hints.positive, element.textLength <= 500, element.first(where: { $0.name == "h1" }) == nil {
            return (.byline, "<\(element.name) \"\(name)\">")
        }
        // A teaser of another story carries that story's headline or link; the article's own lead,
        // often named "teaser" too, is plain text.
        if hints.teaser, element.first(where: { ["h2", "h3", "h4", "h5", "h6"].contains($0.name) }) != nil
            || (element.textLength > 0 && element.linkTextLength * 4 >= element.textLength)
        {
            return (.relatedList, "<\(element.name) \"\(element.classAndID.first { $0.contains("teaser") } ?? "teaser")\">")
        }
        if let negative = hints.negative {
            // A body container that also carries a tool's class ("article-body has-share-tools") stays.
            if hints.positive { return nil }
            // A paywall's box holds an offer; a block named after the paywall that holds paragraphs
            // is the story behind it, sent with the page.
            if negative.hint == "paywall", hasParagraphs(element) { return nil }
            return (kind(forHint: negative.hint), "<\(element.name) \"\(negative.name)\">")
        }
        return nil
    }

    static func hasParagraphs(_ element: HTMLElement) -> Bool {
        element.first { $0.name == "p" && $0.textLength >= 80 && $0.linkTextLength * 2 < $0.textLength } != nil
    }

    /// Blog engines class a post by its category and tags ("category-kommentar", "tag-social-media"):
    /// names of topics, not of page parts.
    static func isTaxonomyClass(_ name: String) -> Bool {
        name.hasPrefix("category-") || name.hasPrefix("tag-") || name.hasPrefix("kategorie-") || name.hasPrefix("categories-")
            || name.hasPrefix("rubrik-") || name.hasPrefix("section-") || name.hasPrefix("topic-")
    }

    static func kind(forHint hint: String) -> RemovalKind {
        switch hint {
        case "comment", "disqus", "kommentar", "comentario": .commentPrompt
        case "share", "sharing", "social": .shareBar
        case "newsletter", "subscri", "signup": .subscribe
        case "cookie", "consent", "gdpr": .cookieNotice
        case "related", "recommend", "popular", "ranking", "trending", "most-read", "mostread", "outbrain",
            "taboola", "read-more", "readmore", "more-stories", "tags":
            .relatedList
        case "advert", "sponsor", "promo", "banner": .advertisement
        case "byline": .byline
        case "disclosure", "disclaimer", "affiliate", "paywall", "community-notice", "assinatura", "appstore", "app-section":
            .advertisement
        case "nextstory", "next-story", "nextread", "lee-tambien", "leetambien": .relatedList
        default: .pageChrome
        }
    }

    // MARK: - Main content

    /// Reports the text-bearing blocks beside the paths from the body down to the article's blocks.
    private mutating func reportOutside(_ element: HTMLElement, blocks: ElementSet) {
        func contains(_ element: HTMLElement) -> Bool {
            blocks.contains(element) || element.elements.contains(where: contains)
        }
        for child in element.elements where !blocks.contains(child) {
            if contains(child) {
                reportOutside(child, blocks: blocks)
            } else if child.textLength >= 20 {
                record(child, kind: .outsideMainContent, detail: "<\(child.name)> beside the article")
            }
        }
    }

    // MARK: - Link lists

    /// Removes lists and blocks that are mostly link text, bottom-up is not needed: the first
    /// dense block found on the way down goes whole.
    private mutating func dropLinkLists(_ element: HTMLElement) {
        var kept: [HTMLNode] = []
        for node in element.children {
            guard case .element(let child) = node else {
                kept.append(node)
                continue
            }
            if ["ul", "ol", "div", "section", "p", "table", "dl"].contains(child.name) {
                let text = child.textLength
                let links = child.linkTextLength
                if text > 0, Double(links) / Double(text) > 0.5 {
                    record(child, kind: .linkDensity, detail: "\(links * 100 / text)% of its text is links")
                    // "Related articles", "Mehr zum Thema": the heading goes with its list.
                    if let last = kept.lastIndex(where: { if case .element = $0 { true } else { !Self.isBlank($0) } }),
                        case .element(let previous) = kept[last], Self.isListHeading(previous)
                    {
                        record(previous, kind: .relatedList, detail: "heading of a list of links")
                        kept.remove(at: last)
                    }
                    continue
                }
            }
            dropLinkLists(child)
            kept.append(node)
        }
        element.children = kept
    }

    static func isBlank(_ node: HTMLNode) -> Bool {
        if case .text(let text) = node { return text.allSatisfy(\.isFastWhitespace) }
        return false
    }

    /// A heading, or a short line with no sentence end, standing right above a list of links.
    static func isListHeading(_ element: HTMLElement) -> Bool {
        if ["h2", "h3", "h4", "h5", "h6"].contains(element.name) { return element.textLength <= 80 }
        guard ["p", "div", "span", "strong", "b"].contains(element.name), element.textLength <= 40 else { return false }
        let text = element.text
        return !text.isEmpty && !text.hasSuffix(".") && element.elements.allSatisfy { !blockTags.contains($0.name) }
    }

    // MARK: - Rendering

    /// Appends the element's text to `lines`, a line per block; elements named in `skipping` and their
    /// contents are left out (a page is pruned before; a fragment from a record is not).
    static func render(_ element: HTMLElement, skipping: Set<String> = [], lines: inout [String], current: inout String) {
        if skipping.contains(element.name) { return }
        let isBlock = Self.blockTags.contains(element.name)
        if isBlock { flush(&current, into: &lines) }
        for child in element.children {
            switch child {
            case .text(let text): current += text
            case .element(let inner): render(inner, skipping: skipping, lines: &lines, current: &current)
            }
        }
        if isBlock { flush(&current, into: &lines) }
    }

    static func flush(_ current: inout String, into lines: inout [String]) {
        let line = current.collapsingWhitespace()
        if !line.isEmpty { lines.append(line) }
        current = ""
    }

    private mutating func record(_ element: HTMLElement, kind: RemovalKind, detail: String) {
        guard element.textLength > 0 else { return }
        let text = element.textPrefix(200)
        guard !text.isEmpty else { return }
        removed.append(RemovedLine(text: text, kind: kind, detail: detail))
    }
}
