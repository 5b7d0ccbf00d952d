/// Chooses the blocks of a pruned page that hold the article, in page order.
///
/// 1. The container: an `articleBody` hint or a body class (`article-body`, `entry-content` …), the
///    one with the most text; else the `<article>` or `<main>` with the most paragraph text; else the
///    element that paragraphs vote for (readability's idea), where a `<div>` of bare text counts as
///    a paragraph too (many sites write paragraphs as `text<br><br>text`).
/// 2. Its siblings that are article text as well: an article split by a figure, an ad slot or an
///    inline box into several blocks has its paragraphs in each, and the lead is often styled apart
///    (`lead`, `intro`, `summary`, `standfirst`) before the body's container.
struct MainContentFinder {
    static let minimum = 140
    /// The least share of the page's paragraph text an `<article>` or `<main>` needs to be taken whole.
    static let smallestArticleShare = 0.25
    static let leadHints = [
        "lead", "intro", "summary", "standfirst", "teaser", "abstract", "excerpt", "chapo", "chapeau", "dek",
        "deck", "subtitle", "subhead", "description", "kicker", "vorspann", "entradilla", "sommario",
    ]

    /// The article's blocks: the container, and any siblings that belong with it.
    static func find(in body: HTMLElement) -> [HTMLElement] {
        let (chosen, voted) = container(in: body)
        // The body down to the chosen block: the only parents asked for (a map of every element's
        // parent cost a page more than the walk).
        let ancestors = body.path { $0 === chosen }
        let container = widened(chosen, ancestors: ancestors)
        guard container !== body, let position = ancestors.lastIndex(where: { $0 === container }), position > 0 else { return [container] }
        return withSiblings(container, parent: ancestors[position - 1], voted: voted)
    }

    /// The path from `root` down to the block that most surely holds the article, read before any
    /// pruning: the body-hinted element or the `<article>`/`<main>` with the most paragraph text.
    /// Its ancestors are the article's wrappers, whatever their class names say.
    static func anchorPath(in root: HTMLElement) -> [HTMLElement] {
        var best: (path: [HTMLElement], length: Int, hinted: Bool)?
        var path: [HTMLElement] = []
        func walk(_ element: HTMLElement) {
            path.append(element)
            defer { path.removeLast() }
            if HTMLContentExtractor.strictTags.contains(element.name) { return }
            if element.hints.comment { return }
            let hinted = isBodyHinted(element)
            if hinted || element.name == "article" || element.name == "main" {
                let length = paragraphText(element)
                if length >= minimum, best == nil || (hinted && !best!.hinted) || (hinted == best!.hinted && length > best!.length) {
                    best = (path, length, hinted)
                }
            }
            for child in element.elements { walk(child) }
        }
        walk(root)
        return best?.path ?? []
    }

    static func isBodyHinted(_ element: HTMLElement) -> Bool {
        element.hints.positive || element["itemprop"]?.lowercased() == "articlebody"
    }

    private static func container(in body: HTMLElement) -> (HTMLElement, voted: Bool) {
        var hinted: (element: HTMLElement, length: Int)?
        body.forEach { element in
            guard isBodyHinted(element) else { return }
            let length = paragraphText(element)
            if length >= minimum, length > (hinted?.length ?? 0) { hinted = (element, length) }
        }
        if let hinted { return (hinted.element, false) }
        var best: (element: HTMLElement, score: Int)?
        body.forEach { element in
            guard element.name == "article" || element.name == "main" else { return }
            let score = paragraphText(element)
            if score > (best?.score ?? minimum - 1) { best = (element, score) }
        }
        // An <article> holding a small part of the page's sentences is a teaser in a list beside a
        // story written in plain <div>s; the paragraphs' vote finds the story.
        if let best, Double(best.score) >= Double(paragraphText(body)) * smallestArticleShare { return (best.element, false) }
        var scores: [ObjectIdentifier: (HTMLElement, Double)] = [:]
        func add(_ element: HTMLElement?, _ value: Double) {
            guard let element else { return }
            scores[ObjectIdentifier(element), default: (element, 0)].1 += value
        }
        // A <p>'s text votes for its parent; text written straight into a <div> (runs between <br>s
        // and blocks) is a paragraph of that <div>, as if wrapped in a <p>, and votes for the <div>.
        func vote(_ element: HTMLElement, parent: HTMLElement?, grandparent: HTMLElement?) {
            for child in element.elements { vote(child, parent: element, grandparent: parent) }
            let isParagraph = element.name == "p" || element.name == "pre"
            for run in ownRuns(element) where run.text - run.links >= 25 {
                let value = 1 + Double(run.commas) + min(Double(run.text) / 100, 3)
                if isParagraph {
                    add(parent, value)
                    add(grandparent, value / 2)
                } else {
                    add(element, value)
                    add(parent, value / 2)
                }
            }
        }
        vote(body, parent: nil, grandparent: nil)
        if let top = scores.values.max(by: { $0.1 < $1.1 }), top.0.textLength >= minimum { return (top.0, true) }
        return (body, false)
    }

    struct Run {
        var text = 0
        var links = 0
        var commas = 0
    }

    /// The runs of inline content directly in an element, split at `<br>` and at block children.
    static func ownRuns(_ element: HTMLElement) -> [Run] {
        var runs: [Run] = []
        var current = Run()
        func close() {
            if current.text > 0 { runs.append(current) }
            current = Run()
        }
        for child in element.children {
            switch child {
            case .text(let value):
                let measured = HTMLElement.measure(value)
                current.text += measured.length
                current.commas += measured.commas
            case .element(let inner):
                if HTMLContentExtractor.strictTags.contains(inner.name) || inner.name == "title" { continue }
                if HTMLContentExtractor.blockTags.contains(inner.name) {
                    close()
                } else {
                    current.text += inner.textLength
                    current.links += inner.linkTextLength
                    current.commas += inner.commaCount
                }
            }
        }
        close()
        return runs
    }

    /// A `<p>`, or a block of bare text: a `<div>` or `<section>` with no block children.
    static func isParagraph(_ element: HTMLElement) -> Bool {
        if element.name == "p" { return true }
        guard element.name == "div" || element.name == "section" || element.name == "td" else { return false }
        return !element.elements.contains { HTMLContentExtractor.blockTags.contains($0.name) && $0.name != "br" }
    }

    /// Text outside links in runs long enough to be sentences, in the whole subtree.
    static func paragraphText(_ element: HTMLElement) -> Int {
        if let cached = element.cachedParagraphText { return cached }
        var total = 0
        for run in ownRuns(element) where run.text - run.links >= 25 { total += run.text - run.links }
        for child in element.elements where HTMLContentExtractor.blockTags.contains(child.name) && child.name != "head" {
            total += paragraphText(child)
        }
        element.cachedParagraphText = total
        return total
    }

    /// The voted block's ancestors while they add article text: CMSs wrap every paragraph or two in
    /// its own content element (`div.text`, `div.media`, `div#c123`), so the block with the most
    /// paragraphs is one of many cousins. An ancestor is taken while it holds a quarter more paragraph
    /// text and stays mostly text rather than links (chrome was pruned already; link lists go later).
    /// - Parameter ancestors: the body down to `start`.
    private static func widened(_ start: HTMLElement, ancestors: [HTMLElement]) -> HTMLElement {
        var container = start
        var own = paragraphText(container)
        // Wrappers with a single child add nothing but must be walked through to reach the cousins;
        // page builders nest a dozen of them, so only levels that branch count against the limit.
        var levels = 0
        // The body (the first of the ancestors) is never taken.
        var parentIndex = ancestors.count - 2
        while levels < 6 {
            guard parentIndex >= 1 else { break }
            let parent = ancestors[parentIndex]
            parentIndex -= 1
            let length = parent.textLength
            guard length > 0, Double(parent.linkTextLength) / Double(length) < 0.35 else { break }
            if parent.elements.count > 1 { levels += 1 }
            let total = paragraphText(parent)
            if Double(total) >= Double(own) * 1.25 {
                container = parent
                own = total
            }
        }
        return container
    }

    /// The container with the siblings around it that are article text too.
    private static func withSiblings(_ container: HTMLElement, parent: HTMLElement, voted: Bool) -> [HTMLElement] {
        let siblings = parent.elements
        guard let position = siblings.firstIndex(where: { $0 === container }) else { return [container] }
        let own = paragraphText(container)
        var blocks: [HTMLElement] = []
        for (index, sibling) in siblings.enumerated() {
            if index == position {
                blocks.append(container)
                continue
            }
            if belongs(sibling, beside: own, before: index < position, voted: voted) { blocks.append(sibling) }
        }
        return blocks
    }

    private static func belongs(_ sibling: HTMLElement, beside own: Int, before: Bool, voted: Bool) -> Bool {
        let length = sibling.textLength
        guard length >= 40 else { return false }
        let links = sibling.linkTextLength
        guard Double(links) / Double(length) < 0.25 else { return false }
        // A lead styled apart, just before the body (or as a heading block's subtitle).
        if before, sibling.classAndID.contains(where: { name in leadHints.contains { name.contains($0) } }) {
            return true
        }
        guard voted || sibling.name == "p" || isParagraph(sibling) else {
            // Hinted and <article> containers are usually whole; only their plain paragraph siblings join.
            return false
        }
        // A paragraph beside the voted block, or a block of paragraphs carrying a good share of the text.
        let paragraphs = paragraphText(sibling)
        if isParagraph(sibling) { return length >= 80 && sibling.text.contains(where: { ".!?。".contains($0) }) }
        return Double(paragraphs) >= max(Double(own) * 0.2, 200)
    }
}
