/// The lead (standfirst) printed under an article's headline, found before pruning.
///
/// Sites set the lead apart from the body: inside the article's `<header>` with the `<h1>` (which
/// pruning drops as page chrome), or in a block of its own beside the body's container
/// (`p.intro`, `div.entry-excerpt`, `h2.article-subheadline`, `p.field-perex`). Either way it is
/// the story's first paragraph, so extraction puts it back in front of the body when the body's
/// blocks do not already hold it.
struct HeadlineLead {
    /// Class-name words that mark a lead, beside ``MainContentFinder/leadHints``.
    static let hints = MainContentFinder.leadHints + ["excerpt", "perex", "bajada", "einleitung", "chapeau", "sapo"]

    /// The lead's text, or nil when the headline has none near it.
    /// - Parameter title: the page's title from its metadata: the `<h1>` that states it is the headline.
    static func find(in root: HTMLElement, title: String?) -> String? {
        var path: [HTMLElement] = []
        guard let headline = headlinePath(in: root, title: title, path: &path) else { return nil }
        // The headline's parent, grandparent and great-grandparent: its header, the header's wrapper,
        // the article. Farther up, a block after the headline is as likely the page's next section.
        for ancestor in path.suffix(3).reversed() {
            if let lead = firstLead(in: ancestor, after: headline) { return lead }
        }
        return nil
    }

    /// The page's headline `<h1>` and, in `path`, its ancestors from the root: the `<h1>` that states
    /// the page's title, else the first `<h1>` with words that is not a logo or a brand. Pages carry
    /// other `<h1>`s too (teasers, widgets), and a lead found under one of those is another story's.
    private static func headlinePath(in root: HTMLElement, title: String?, path: inout [HTMLElement]) -> HTMLElement? {
        var trail: [HTMLElement] = []
        var first: (HTMLElement, [HTMLElement])?
        var titled: (HTMLElement, [HTMLElement])?
        let title = title.map { $0.collapsingWhitespace() } ?? ""
        func walk(_ element: HTMLElement) {
            // A breadcrumb trail may end with the headline itself; other navigation holds no headline.
            guard titled == nil, !HTMLContentExtractor.strictTags.contains(element.name), element.name != "head",
                element.name != "nav" || isBreadcrumb(element), !element.hints.brand
            else { return }
            if element.name == "h1" {
                guard element.textLength >= 10 else { return }
                if first == nil { first = (element, trail) }
                let text = element.text
                if !title.isEmpty, title.contains(text) || text.contains(title) { titled = (element, trail) }
                return
            }
            trail.append(element)
            for child in element.elements { walk(child) }
            trail.removeLast()
        }
        walk(root)
        guard let (headline, ancestors) = titled ?? first else { return nil }
        // The headline printed as the last step of a breadcrumb trail: the lead follows the trail.
        if titled != nil, let trail = ancestors.suffix(6).firstIndex(where: isBreadcrumb) {
            path = Array(ancestors[..<trail])
            return ancestors[trail]
        }
        path = ancestors
        return headline
    }

    private static func isBreadcrumb(_ element: HTMLElement) -> Bool {
        element.hints.negative?.hint == "breadcrumb"
    }

    /// The first block after `headline` inside `ancestor` that reads as a lead: named as one, or the
    /// headline's own next sibling when it is a sentence-long paragraph.
    private static func firstLead(in ancestor: HTMLElement, after headline: HTMLElement) -> String? {
        var passed = false
        var done = false
        var lead: String?
        func walk(_ element: HTMLElement, siblingOfHeadline: Bool) {
            guard lead == nil, !done else { return }
            if element === headline {
                passed = true
                return
            }
            // Boxes about other things (an author's, a sidebar's) hold no lead, not even in their children.
            if HTMLContentExtractor.strictTags.contains(element.name)
                || ["nav", "figure", "figcaption", "time", "ul", "ol", "form", "aside", "footer"].contains(element.name)
                || element.hints.negative != nil || element.hints.author != nil
            {
                return
            }
            if passed, isLead(element, siblingOfHeadline: siblingOfHeadline) {
                lead = element.text
                return
            }
            // The body has begun: what follows its first paragraph is no lead.
            if passed, MainContentFinder.isParagraph(element), element.textLength >= 200 {
                done = true
                return
            }
            let holdsHeadline = element.elements.contains { $0 === headline }
            for child in element.elements { walk(child, siblingOfHeadline: holdsHeadline) }
        }
        for child in ancestor.elements { walk(child, siblingOfHeadline: ancestor.elements.contains { $0 === headline }) }
        return lead
    }

    /// A block holding one of these is a form, a picture with its caption or an embedded player.
    static let notInLeads: Set<String> = ["select", "input", "button", "form", "img", "picture", "video", "iframe", "h1"]

    private static func isLead(_ element: HTMLElement, siblingOfHeadline: Bool) -> Bool {
        let length = element.textLength
        guard (50...800).contains(length), element.linkTextLength * 4 < length, element.hints.negative == nil,
            element.hints.author == nil, element.first(where: { notInLeads.contains($0.name) }) == nil
        else { return false }
        // Named as a lead: themes prefix every part of a post alike (`entry-summary`, `entry-excerpt`),
        // so a date-like name beside it says nothing; a byline is shorter than a sentence of the story.
        if element.classAndID.contains(where: { name in hints.contains { name.contains($0) } }) {
            return !element.hints.dateHint || length >= 80
        }
        guard !element.hints.dateHint else { return false }
        // Unnamed: a paragraph right under the headline, long enough to be a sentence of the story.
        guard siblingOfHeadline, ["p", "h2"].contains(element.name), length >= 80, let end = element.text.last else { return false }
        return ".!?…:".contains(end)
    }
}
