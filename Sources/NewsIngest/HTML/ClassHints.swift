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
        for name in names {
            // One pass over the name answers every pattern list at once: this runs for every element.
            var negativeIndex: Int?
            var utf8 = name
            utf8.withUTF8 { bytes in
                Self.patterns.forEachMatch(in: bytes) { list, index in
                    switch HintList(rawValue: list) {
                    case .positive: positive = true
                    case .comment: if !comment { comment = !name.hasBytes("commentary") }
                    case .otherContent: otherContent = true
                    case .date: dateHint = true
                    case .brand: brand = true
                    case .negative, nil: negativeIndex = min(index, negativeIndex ?? Int.max)
                    }
                }
            }
            if !brand { brand = name == "site-title" }
            if author == nil, Self.names(author: name) { author = name }
            if !teaser { teaser = name.hasBytes("teaser") }
            // "commentary" is an opinion piece, not the comments under it.
            if negative == nil, let index = negativeIndex, !HTMLContentExtractor.isTaxonomyClass(name), !name.hasBytes("commentary") {
                let hint = HTMLContentExtractor.negativeHints[index]
                // "tags" inside a longer word is a generated style name ("tagstyle_z4kqwb"), not a tag list.
                if hint == "tags", Self.continuesWord(Array(name.utf8), after: "tags") { continue }
                // "image-caption-title" on a heading is the headline's style, not a caption.
                let isHeading = elementName.count == 2 && elementName.hasPrefix("h")
                if !(isHeading && hint == "caption") { negative = (name, hint) }
            }
        }
    }

    static let authorWords: Set<[UInt8]> = Set(["author", "authors", "autor", "autoren", "autorin", "auteur"].map { Array($0.utf8) })

    /// Whether one of the (lower-cased) name's words, split at `-` and `_`, names an author.
    static func names(author name: String) -> Bool {
        // Every author word starts with "aut"; most names have none, and need no split.
        guard name.utf8.count >= 5, name.hasBytes("aut") else { return false }
        let bytes = Array(name.utf8)
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

    /// The pattern lists a name is tested against, by their place in ``patterns``.
    enum HintList: Int {
        case negative, positive, comment, otherContent, date, brand
    }

    /// The pattern lists, in ``HintList`` order.
    static let patterns = PatternSet(lists: [
        HTMLContentExtractor.negativeHints, HTMLContentExtractor.positiveHints, ["comment"], PageDates.otherContent,
        PageDates.dateHints, ["logo", "brand", "masthead"],
    ])
}

/// Substring patterns from several lists, bucketed by their first byte, so one pass over a name tests them all.
///
/// The patterns' bytes sit end to end in one array and each bucket is a range of one table: this runs
/// for every class name of every element, and buckets of arrays cost a retain and a release per pattern tried.
struct PatternSet: Sendable {
    private struct Entry: Sendable {
        var list: Int
        var index: Int
        var start: Int
        var count: Int
    }

    /// Every pattern's bytes, one after another.
    private let bytes: [UInt8]
    /// One bit per pair of bytes that starts a pattern (every pair after the byte of a one-byte pattern):
    /// most places in a name start none, and trying the first byte's bucket at each of them was most
    /// of working out an element's hints.
    private let pairs: [UInt64]
    /// The patterns, by first byte: those starting with byte `b` are `entries[bucketStarts[b]..<bucketStarts[b + 1]]`.
    private let entries: [Entry]
    private let bucketStarts: [Int]

    init(lists: [[String]]) {
        var buckets = Array(repeating: [Entry](), count: 256)
        var bytes: [UInt8] = []
        var pairs = [UInt64](repeating: 0, count: 65_536 / 64)
        for (list, patterns) in lists.enumerated() {
            for (index, pattern) in patterns.enumerated() {
                guard let first = pattern.utf8.first else { continue }
                buckets[Int(first)].append(Entry(list: list, index: index, start: bytes.count, count: pattern.utf8.count))
                bytes.append(contentsOf: pattern.utf8)
                let seconds = pattern.utf8.count > 1 ? [pattern.utf8.dropFirst().first!] : (0...255).map { UInt8($0) }
                for second in seconds {
                    let pair = Int(first) << 8 | Int(second)
                    pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
        }
        self.bytes = bytes
        self.pairs = pairs
        entries = buckets.flatMap { $0 }
        var starts = [0]
        for bucket in buckets { starts.append(starts[starts.count - 1] + bucket.count) }
        bucketStarts = starts
    }

    /// Calls `body` with the list and the index in it of every pattern found in `text`, each time it is found.
    func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (_ list: Int, _ index: Int) -> Void) {
        bytes.withUnsafeBufferPointer { patterns in
            entries.withUnsafeBufferPointer { entries in
                pairs.withUnsafeBufferPointer { pairs in
                    for start in text.indices {
                        let first = Int(text[start])
                        // The last byte can only start a one-byte pattern, which its bucket holds.
                        if start + 1 < text.count {
                            let pair = first << 8 | Int(text[start + 1])
                            if pairs[pair >> 6] & (1 << UInt64(pair & 63)) == 0 { continue }
                        }
                        for entry in entries[bucketStarts[first]..<bucketStarts[first + 1]] where start + entry.count <= text.count {
                            var matched = true
                            for offset in 1..<entry.count where text[start + offset] != patterns[entry.start + offset] {
                                matched = false
                                break
                            }
                            if matched { body(entry.list, entry.index) }
                        }
                    }
                }
            }
        }
    }
}
