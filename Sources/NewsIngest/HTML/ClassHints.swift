/// What an element's class names and id say about it, worked out once per element.
///
/// Extraction walks the page several times (chrome, main content, dates, headings), and each walk
/// asked every element's names about dozens of patterns; the answers are the same each time.
struct ClassHints {
    /// The first name carrying a ``HTMLContentExtractor/negativeHints`` pattern, and that pattern.
    var negative: (name: String, hint: String)?
    /// A name carrying a ``HTMLContentExtractor/positiveHints`` pattern (`article-body`, `entry-content`).
    var positive = false
    /// A name mentioning comments.
    var comment = false
    /// A name of a block whose dates belong to something else (``PageDates/otherContent``).
    var otherContent = false
    /// A name of a block that holds a date or byline (``PageDates/dateHints``).
    var dateHint = false
    /// A logo, brand or masthead name: an `<h1>` inside is the site's name, not the headline.
    var brand = false
    /// A name with "author" as one of its words (`post-author`, `cbx-author_info`, `authors`): a byline
    /// or an author's box, when short.
    var author: String?
    /// A name mentioning a teaser: the article's lead, or a box promoting another story.
    var teaser = false

    init(names: [String], elementName: String) {
        let isHeading = elementName.count == 2 && elementName.hasPrefix("h")
        for name in names {
            let bytes = Array(name.utf8)
            if !positive { positive = Self.positives.firstMatch(in: bytes) != nil }
            if !comment { comment = Self.comments.firstMatch(in: bytes) != nil && !name.hasBytes("commentary") }
            if !otherContent { otherContent = Self.others.firstMatch(in: bytes) != nil }
            if !dateHint { dateHint = Self.dates.firstMatch(in: bytes) != nil }
            if !brand { brand = Self.brands.firstMatch(in: bytes) != nil || name == "site-title" }
            if author == nil, Self.names(author: name) { author = name }
            if !teaser { teaser = name.hasBytes("teaser") }
            // "commentary" is an opinion piece, not the comments under it.
            if negative == nil, !HTMLContentExtractor.isTaxonomyClass(name), !name.hasBytes("commentary"),
                let index = Self.negatives.firstMatch(in: bytes)
            {
                let hint = HTMLContentExtractor.negativeHints[index]
                // "tags" inside a longer word is a generated style name ("tagstyle_z4kqwb"), not a tag list.
                if hint == "tags", Self.continuesWord(bytes, after: "tags") { continue }
                // "image-caption-title" on a heading is the headline's style, not a caption.
                if !(isHeading && hint == "caption") { negative = (name, hint) }
            }
        }
    }

    static let authorWords: Set<[UInt8]> = Set(["author", "authors", "autor", "autoren", "autorin", "auteur"].map { Array($0.utf8) })

    /// Whether one of the (lower-cased) name's words, split at `-` and `_`, names an author.
    static func names(author name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count >= 5 else { return false }
        return bytes.split(whereSeparator: { $0 == 0x2D || $0 == 0x5F }).contains { authorWords.contains(Array($0)) }
    }

    /// Whether `word` occurs in `bytes` only followed by a letter.
    static func continuesWord(_ bytes: [UInt8], after word: String) -> Bool {
        let pattern = Array(word.utf8)
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<start + pattern.count]) == pattern {
            let next = start + pattern.count
            if next == bytes.count || !((0x61...0x7A).contains(bytes[next]) || (0x41...0x5A).contains(bytes[next])) { return false }
        }
        return true
    }

    static let positives = PatternSet(HTMLContentExtractor.positiveHints)
    static let negatives = PatternSet(HTMLContentExtractor.negativeHints)
    static let comments = PatternSet(["comment"])
    static let others = PatternSet(PageDates.otherContent)
    static let dates = PatternSet(PageDates.dateHints)
    static let brands = PatternSet(["logo", "brand", "masthead"])
}

/// Substring patterns bucketed by their first byte, so one pass over a name tests them all.
struct PatternSet: Sendable {
    private let buckets: [[(index: Int, bytes: [UInt8])]]

    init(_ patterns: [String]) {
        var buckets = Array(repeating: [(index: Int, bytes: [UInt8])](), count: 256)
        for (index, pattern) in patterns.enumerated() {
            let bytes = Array(pattern.utf8)
            guard let first = bytes.first else { continue }
            buckets[Int(first)].append((index, bytes))
        }
        self.buckets = buckets
    }

    /// The lowest index of a pattern found anywhere in `text` (the first in list order), or nil.
    func firstMatch(in text: [UInt8]) -> Int? {
        var best: Int?
        for start in text.indices {
            for (index, pattern) in buckets[Int(text[start])] where index < (best ?? Int.max) {
                guard start + pattern.count <= text.count else { continue }
                var matched = true
                for offset in 1..<pattern.count where text[start + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { best = index }
            }
        }
        return best
    }
}
