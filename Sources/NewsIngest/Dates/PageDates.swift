import NewsDates

/// The dates a page shows in its markup: `itemprop` dates, `<time>` elements and byline text,
/// each the first found outside the parts of a page whose dates belong to something else.
struct PageDates {
    /// `itemprop="datePublished"` (or `dateCreated`) on any element: its `content`, `datetime` or text.
    private(set) var itemprop: ArticleDate?
    /// The first `<time>` that is not marked as an update: one marked as publication wins.
    private(set) var time: ArticleDate?
    /// The first date in a short text block whose class or id says it holds the date or the byline.
    private(set) var byline: ArticleDate?
    /// The first date element or byline after the headline: the date the page shows with the story.
    private(set) var belowHeadline: ArticleDate?
    /// A date the page marks as modified or updated.
    private(set) var modified: ArticleDate?

    // Each kind of date is kept twice, the first before the headline and the first after it: a date
    // above the headline is often the site's (today's date, a ticker, the previous article's).
    private var publishedTime: [ArticleDate?] = [nil, nil]
    private var plainTime: [ArticleDate?] = [nil, nil]
    private var bylines: [ArticleDate?] = [nil, nil]
    private var headline: HTMLElement?
    private var afterHeadline: Int { passedHeadline ? 1 : 0 }
    private var passedHeadline = false
    /// The first date after a label that says what it is ("Datum: 03.11.2021", "Erschienen am …").
    private var labelled: ArticleDate?
    static let labels = [
        "datum", "date", "erschienen", "veröffentlicht", "published", "posted on", "publié", "publicado",
        "pubblicato", "gepubliceerd", "publicerad", "opublikowano", "fecha", "mise en ligne",
    ]
    /// Elements whose text is never the article's date.
    static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg", "head", "nav", "select", "option"]
    static let longestLabel = labels.map(\.count).max() ?? 0
    private let dayFirst: Bool

    /// Class or id words of blocks whose dates are not the article's: comments, lists of other articles.
    static let otherContent = [
        "comment", "related", "sidebar", "recommend", "popular", "trending", "more-", "respond", "reply",
        "mostread", "most-read", "newsletter", "archive", "calendar", "leserbrief",
    ]
    /// Class or id words of blocks that hold the article's date or byline.
    static let dateHints = [
        "date", "time", "publish", "posted", "byline", "dateline", "meta", "datum", "fecha", "submitted",
        "info", "author", "zeit", "entry-", "article-header", "story-header", "credit",
    ]
    static let updateWords = [
        "updated", "update", "modified", "aktualisiert", "geändert", "mis à jour", "mise à jour", "actualizado",
        "actualización", "aggiornato", "atualizado", "bijgewerkt", "edited", "last modified", "zuletzt", "änderung",
    ]

    /// The page's text length: a block holding half of it is a layout wrapper ("has-sidebar" on the
    /// body, "sticky-sidebar-parent" on the article), whatever its class says.
    private var pageLength = 0
    /// The first `<h1>` and its ancestors: a block holding the headline is the article's, not a sidebar.
    private var headlinePath = ElementSet([])

    init(root: HTMLElement, dayFirst: Bool) {
        self.dayFirst = dayFirst
        pageLength = root.textLength
        let headlinePath = root.path { $0.name == "h1" }
        self.headlinePath = ElementSet(headlinePath)
        headline = headlinePath.last
        walk(root, excluded: false, inArticle: false)
        byline = bylines[1] ?? labelled ?? (headlinePath.count >= 2 ? dateNear(headline: headlinePath) : nil) ?? bylines[0]
        time = publishedTime[1] ?? publishedTime[0] ?? plainTime[1] ?? plainTime[0]
        belowHeadline = publishedTime[1] ?? plainTime[1] ?? bylines[1] ?? labelled
    }

    private mutating func walk(_ element: HTMLElement, excluded: Bool, inArticle: Bool) {
        if Self.skippedTags.contains(element.name) { return }
        let hints = element.classAndID
        let inArticle = inArticle || element.name == "article"
        let isWrapper = element.name == "html" || element.name == "body" || element.textLength * 2 >= pageLength
            || headlinePath.contains(element)
        // A block quote on a news page is most often an embedded post (tweet, Instagram), dated by its author.
        let excluded = excluded || ((element.name == "footer" || element.name == "aside") && !inArticle)
            || element.name == "blockquote"
            || (!isWrapper && (element.hints.otherContent || Self.isTeaserCard(element, names: hints)))
        let itemprop = element["itemprop"]?.lowercasedFast()
        if itemprop == "datepublished" || itemprop == "datecreated", self.itemprop == nil, !excluded {
            let raw = element["content"] ?? element["datetime"] ?? element.text
            self.itemprop = PageDateFinder.parseValue(raw)
        }
        if itemprop == "datemodified", modified == nil {
            modified = PageDateFinder.parseValue(element["content"] ?? element["datetime"] ?? element.text)
        }
        if element.name == "time", !excluded {
            readTime(element, hints: hints)
            return
        }
        if labelled == nil, !excluded { readLabel(element) }
        if bylines[afterHeadline] == nil, !excluded, element.hints.dateHint {
            readByline(element)
        }
        if !excluded, textLines.count < Self.textLineLimit { collectTextLines(of: element) }
        for child in element.elements { walk(child, excluded: excluded, inArticle: inArticle) }
        if element === headline { passedHeadline = true }
    }

    private mutating func readTime(_ element: HTMLElement, hints: [String]) {
        let raw = element["datetime"]?.nilIfEmpty ?? element.text
        guard var date = DateExtractor.parse(raw, contextYear: nil, lenient: true, dayFirst: dayFirst) else { return }
        let words = (hints + [element["itemprop"] ?? ""]).joined(separator: " ").lowercasedFast()
        let text = element.text.lowercasedFast()
        // "Publié le 29 juin 2019" over datetime="2019-07-03…": the words the reader sees say which
        // day it was published; the attribute was the CMS's (a later save).
        if element["datetime"] != nil, Self.labels.contains(where: { text.trimmingWhitespace().hasPrefix($0) }),
            let shown = DateExtractor.parse(element.text, contextYear: nil, lenient: true, dayFirst: dayFirst),
            shown.precision == .day
        {
            date = shown
        }
        if words.hasBytes("modif") || words.hasBytes("updat") || Self.updateWords.contains(where: text.hasBytes) {
            if modified == nil { modified = date }
            return
        }
        if element["pubdate"] != nil || words.hasBytes("publish") || words.hasBytes("pubdate") || words.hasBytes("created") {
            if publishedTime[afterHeadline] == nil { publishedTime[afterHeadline] = date }
        } else if plainTime[afterHeadline] == nil {
            plainTime[afterHeadline] = date
        }
    }

    /// Short text runs with a digit, outside the parts whose dates are not the article's, kept (not
    /// parsed) for ``textDate(within:)``: most pages never need them.
    private var textLines: [(text: String, afterHeadline: Bool)] = []
    static let textLineLimit = 400

    private mutating func collectTextLines(of element: HTMLElement) {
        for case .text(let text) in element.children {
            let bytes = text.utf8
            guard bytes.count <= 160, bytes.contains(where: { (0x30...0x39).contains($0) }) else { continue }
            textLines.append((text, passedHeadline))
        }
    }

    /// A date in a page's text before the web carried news (htmldate's default floor is 1995 too) is an
    /// event's or a birth's, not the page's: real pages were dated 1819-10-18 and 1940-02-16 this way and
    /// sorted first under `--sort oldest`.
    static let earliestTextYear = 1995

    /// The last resort of a page that marks no date: the first full date in a short line of its text,
    /// after the headline first, not in a copyright or update line. Within `coarse` (the month of the
    /// page's URL) when one is known.
    func textDate(within coarse: ArticleDate?) -> ArticleDate? {
        let ordered = textLines.filter(\.afterHeadline) + textLines.filter { !$0.afterHeadline }
        for line in ordered {
            let text = line.text.trimmingWhitespace()
            guard text.count <= 120 else { continue }
            let lower = text.lowercasedFast()
            if lower.hasBytes("©") || lower.hasBytes("copyright") || Self.updateWords.contains(where: lower.hasBytes) {
                continue
            }
            // A line that is little more than the date may use the lenient forms ("23 mai 2019", "8.5.12").
            let lenient = text.count <= 40
            guard let date = DateExtractor.parse(text, contextYear: nil, lenient: lenient, dayFirst: dayFirst),
                date.precision == .day, date.year >= Self.earliestTextYear
            else { continue }
            if let coarse, coarse.year != date.year || (coarse.month != nil && coarse.month != date.month) { continue }
            return date
        }
        return nil
    }

    /// A block that starts with a label ("Datum:", in its own text or a child's) and holds a date.
    private mutating func readLabel(_ element: HTMLElement) {
        guard (6...200).contains(element.textLength), let first = Self.leadingText(element), Self.mayStartWithLabel(first) else { return }
        // Only the start can hold a label: lower-casing the whole run, for most blocks of the page, cost more.
        let start = first.trimmingWhitespace().prefix(Self.longestLabel + 4).lowercasedFast()
        guard Self.labels.contains(where: { start.hasPrefix($0) }) else { return }
        let text = element.text
        if Self.updateWords.contains(where: text.lowercasedFast().hasBytes) { return }
        if let date = DateExtractor.parse(text, contextYear: nil, lenient: true, dayFirst: dayFirst), date.precision == .day {
            labelled = date
        }
    }

    /// False when the text's first letter starts no label: decided on the first byte when it is ASCII,
    /// before the trimming, cutting and lower-casing that most short blocks of a page paid for nothing.
    /// A Character that starts with another ASCII letter never equals a label's first one.
    static func mayStartWithLabel(_ text: String) -> Bool {
        guard let byte = text.utf8.first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }), byte < 0x80 else { return true }
        let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
        return labels.contains { $0.utf8.first == lowered }
    }

    /// A "teaser" block that carries a headline (a heading, or a link with a headline's length) is a
    /// card for another story; the page's own "teaser meta" line holds only its date and author.
    static func isTeaserCard(_ element: HTMLElement, names: [String]) -> Bool {
        guard names.contains(where: { $0.hasBytes("teaser") }) else { return false }
        return element.first { inner in
            inner !== element && (["h2", "h3", "h4"].contains(inner.name) || (inner.name == "a" && inner.textLength >= 25))
        } != nil
    }

    /// The first text in the subtree that is not blank, if it comes within the first nodes: this runs for
    /// every short block and each of its ancestors, and a page of many thousand empty elements before
    /// its text made the walks quadratic. A label starts its block; it is not behind a hundred empty tags.
    static func leadingText(_ element: HTMLElement) -> String? {
        var budget = 100
        return leadingText(element, budget: &budget)
    }

    private static func leadingText(_ element: HTMLElement, budget: inout Int) -> String? {
        for child in element.children {
            budget -= 1
            guard budget >= 0 else { return nil }
            switch child {
            case .text(let text): if !text.allSatisfy(\.isFastWhitespace) { return text }
            case .element(let inner): if let found = leadingText(inner, budget: &budget) { return found }
            }
        }
        return nil
    }

    /// A date in the short lines right under the headline ("01. November 2021 | Naturschutz"), where
    /// pages without date markup print it: the `<h1>`'s next siblings, then its parent's.
    private func dateNear(headline path: [HTMLElement]) -> ArticleDate? {
        let levels = [path.count - 1, path.count - 2].filter { $0 >= 1 }
        // Under the headline first; then the line right above it (a dateline over the title).
        for (level, below) in levels.map({ ($0, true) }) + levels.map({ ($0, false) }) {
            let element = path[level]
            let siblings = path[level - 1].elements
            guard let position = siblings.firstIndex(where: { $0 === element }) else { continue }
            let near = below ? Array(siblings.dropFirst(position + 1).prefix(3)) : Array(siblings[..<position].suffix(1))
            for sibling in near {
                guard (6...200).contains(sibling.textLength) else { continue }
                if sibling.hints.otherContent || Self.isTeaserCard(sibling, names: sibling.classAndID) { continue }
                let text = sibling.text
                let lower = text.lowercasedFast()
                if Self.updateWords.contains(where: lower.hasBytes) || lower.hasBytes("©") || lower.hasBytes("copyright") {
                    continue
                }
                if let date = DateExtractor.parse(text, contextYear: nil, lenient: true, dayFirst: dayFirst),
                    date.precision == .day
                {
                    return date
                }
            }
        }
        return nil
    }

    /// A byline or date line: short, and its date is not the one it calls an update.
    private mutating func readByline(_ element: HTMLElement) {
        guard (1...170).contains(element.textLength) else { return }
        let text = element.text
        guard text.count <= 160 else { return }
        let lower = text.lowercasedFast()
        // "Published 17 May 2024, updated 18 May": the part before the update word.
        var searched = text
        if Self.updateWords.contains(where: lower.hasBytes),
            let update = Self.updateWords.compactMap({ lower.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
        {
            let offset = lower.distance(from: lower.startIndex, to: update.lowerBound)
            let before = String(text.prefix(offset))
            if DateExtractor.parse(before, contextYear: nil, lenient: true, dayFirst: dayFirst) == nil {
                if modified == nil {
                    modified = DateExtractor.parse(text, contextYear: nil, lenient: true, dayFirst: dayFirst)
                }
                return
            }
            searched = before
        }
        // Copyright lines date the site, not the article.
        if lower.hasBytes("©") || lower.hasBytes("copyright") { return }
        if let date = DateExtractor.parse(searched, contextYear: nil, lenient: true, dayFirst: dayFirst),
            date.precision == .day
        {
            bylines[afterHeadline] = date
        }
    }
}
