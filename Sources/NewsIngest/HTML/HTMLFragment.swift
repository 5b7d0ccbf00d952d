import Foundation

/// Text fields that hold markup. News APIs and CMS exports give a story's body as HTML (the Guardian's
/// `fields.body`, WordPress's `content.rendered`, a feed's `content:encoded`) and its title with
/// character references (`&#8216;`); stored as written, `<p>` and `&#8220;` showed in every snippet
/// and were searched as words.
enum HTMLFragment {
    /// Whether `text` is markup: it closes an element of HTML's text (`</p>`, `</a>`, `</li>`…) or breaks
    /// a line with `<br>`. A lone `<CIL>` (a wire story's ticker) or `<Merrill Lynch>` is not.
    static func isMarkup(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // From one "<" to the next by memchr: a byte loop walked every body after its first ticker.
            func openingBracket(from start: Int) -> Int? {
                guard let base = bytes.baseAddress, start < bytes.count, let found = memchr(base + start, 0x3C, bytes.count - start) else {
                    return nil
                }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            guard var index = openingBracket(from: 0) else { return false }
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "<") {
                    let closing = bytes[index + 1] == UInt8(ascii: "/")
                    var end = index + (closing ? 2 : 1)
                    var name: [UInt8] = []
                    while end < bytes.count, name.count <= 10, Self.isNameByte(bytes[end]) {
                        name.append(bytes[end] | 0x20)
                        end += 1
                    }
                    if end < bytes.count, bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "/") {
                        if closing ? Self.textElements.contains(name) : name == Array("br".utf8) { return true }
                    }
                }
                guard let next = openingBracket(from: index + 1) else { return false }
                index = next
            }
            return false
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x31...0x36).contains(byte)
    }

    private static let textElements: Set<[UInt8]> = Set(
        ["p", "a", "b", "i", "em", "strong", "span", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
         "figure", "figcaption", "table", "td", "tr", "section", "article", "sup", "sub", "u", "small", "cite", "q", "pre", "code"]
            .map { Array($0.utf8) })

    /// The fragment's text, one line per block (paragraph, heading, list item, quotation); scripts,
    /// styles, embedded frames and form controls left out, as on a page.
    static func lines(_ markup: String) -> [String] {
        guard let parsed = try? HTMLDocument.parse(Data(markup.utf8), charset: "utf-8") else { return [markup] }
        var lines: [String] = []
        var current = ""
        HTMLContentExtractor.render(parsed.root, skipping: HTMLContentExtractor.strictTags, lines: &lines, current: &current)
        HTMLContentExtractor.flush(&current, into: &lines)
        return lines
    }

    /// A one-line field (a title, a name) as text: tags dropped, character references decoded.
    static func inlineText(_ text: String) -> String {
        // The byte, not Foundation's `contains("&")`, which copied every title to UTF-16 (a twentieth of
        // reading a dump); text with no "&" byte has none for either, and `decode` still asks Foundation.
        guard text.utf8.contains(0x26) || isMarkup(text) else { return text }
        return isMarkup(text) ? lines(text).joined(separator: " ") : HTMLEntities.decode(text)
    }
}
