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

    init(names: [String], elementName: String) {
        let isHeading = elementName.count == 2 && elementName.hasPrefix("h")
        for name in names {
            let bytes = name.utf8
            if !positive { positive = HTMLContentExtractor.positiveHints.contains { bytes.containsBytes(of: $0.utf8) } }
            if !comment { comment = bytes.containsBytes(of: "comment".utf8) }
            if !otherContent { otherContent = PageDates.otherContent.contains { bytes.containsBytes(of: $0.utf8) } }
            if !dateHint { dateHint = PageDates.dateHints.contains { bytes.containsBytes(of: $0.utf8) } }
            if !brand {
                brand = bytes.containsBytes(of: "logo".utf8) || bytes.containsBytes(of: "brand".utf8)
                    || bytes.containsBytes(of: "masthead".utf8) || name == "site-title"
            }
            if negative == nil, !HTMLContentExtractor.isTaxonomyClass(name),
                let hint = HTMLContentExtractor.negativeHints.first(where: { bytes.containsBytes(of: $0.utf8) }),
                // "image-caption-title" on a heading is the headline's style, not a caption.
                !(isHeading && hint == "caption")
            {
                negative = (name, hint)
            }
        }
    }
}
