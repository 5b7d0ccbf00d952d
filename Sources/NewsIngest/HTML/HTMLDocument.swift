internal import CLibXML2
import Foundation

/// An HTML element parsed by libxml2's HTML parser, copied into Swift values.
///
/// A class so that pruning can replace a subtree in place while walking the tree.
final class HTMLElement {
    let name: String
    /// Name and value pairs in the page's order. An element has a handful: comparing names costs less
    /// than hashing one, and a dictionary per element was a fifth of copying the tree.
    let attributes: [(name: String, value: String)]
    var children: [HTMLNode] {
        didSet {
            cachedElements = nil
            cachedMetrics = nil
        }
    }
    // Extraction asks the same questions of an element many times (its text length, its link text, its
    // class names) from every ancestor's point of view; answered once each, a page costs linear time.
    private var cachedElements: [HTMLElement]?
    private var cachedMetrics: (text: Int, links: Int, commas: Int)?
    private var cachedClassAndID: [String]?
    private var cachedHints: ClassHints?
    /// ``MainContentFinder/paragraphText(_:)`` of this subtree, once measured.
    var cachedParagraphText: Int?

    init(name: String, attributes: [(name: String, value: String)], children: [HTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    subscript(attribute: String) -> String? {
        for pair in attributes where pair.name == attribute { return pair.value }
        return nil
    }

    var elements: [HTMLElement] {
        if let cachedElements { return cachedElements }
        let found = children.compactMap { node -> HTMLElement? in if case .element(let element) = node { element } else { nil } }
        cachedElements = found
        return found
    }

    /// About how many characters ``text`` has (white space runs counted as one), without building it.
    var textLength: Int { metrics().text }
    /// About how many of those characters are inside links.
    var linkTextLength: Int { metrics().links }
    /// Commas in the text: readability's sign of real sentences.
    var commaCount: Int { metrics().commas }

    /// Forgets the measured lengths of the whole subtree: pruning changes descendants behind an ancestor's back.
    func resetMetrics() {
        cachedMetrics = nil
        cachedParagraphText = nil
        for child in elements { child.resetMetrics() }
    }

    private func metrics() -> (text: Int, links: Int, commas: Int) {
        if let cachedMetrics { return cachedMetrics }
        var text = 0
        var links = 0
        var commas = 0
        for child in children {
            switch child {
            case .text(let value):
                let measured = Self.measure(value)
                text += measured.length
                commas += measured.commas
            case .element(let element):
                let inner = element.metrics()
                text += inner.text
                links += inner.links
                commas += inner.commas
            }
        }
        if name == "a" { links = text }
        cachedMetrics = (text, links, commas)
        return (text, links, commas)
    }

    /// Scalars, with each run of ASCII white space counted once, and commas (readability's sign of real
    /// sentences), in one pass over the bytes: every text node is measured this way, more than once.
    static func measure(_ text: String) -> (length: Int, commas: Int) {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var commas = 0
            var inSpace = false
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    if !inSpace { count += 1 }
                    inSpace = true
                } else {
                    inSpace = false
                    if byte & 0xC0 != 0x80 { count += 1 }
                    if byte == 0x2C { commas += 1 }
                }
            }
            return (count, commas)
        }
    }

    /// All descendants in document order, this element first.
    func forEach(_ body: (HTMLElement) -> Void) {
        body(self)
        for child in elements { child.forEach(body) }
    }

    func first(where predicate: (HTMLElement) -> Bool) -> HTMLElement? {
        if predicate(self) { return self }
        for child in elements {
            if let found = child.first(where: predicate) { return found }
        }
        return nil
    }

    /// About the first `limit` characters of ``text``, without building the rest: a removed block is
    /// reported by its start, and a page's scripts and menus can hold hundreds of KB.
    func textPrefix(_ limit: Int) -> String {
        var parts: [String] = []
        var collected = 0
        func collect(_ element: HTMLElement) {
            for child in element.children where collected <= limit * 2 {
                switch child {
                case .text(let text):
                    parts.append(text)
                    collected += text.utf8.count
                case .element(let element): collect(element)
                }
            }
        }
        collect(self)
        return String(parts.joined(separator: " ").collapsingWhitespace().prefix(limit))
    }

    /// The text of the subtree with white space collapsed.
    var text: String {
        var parts: [String] = []
        collectText(into: &parts)
        return parts.joined(separator: " ").collapsingWhitespace()
    }

    private func collectText(into parts: inout [String]) {
        for child in children {
            switch child {
            case .text(let text): parts.append(text)
            case .element(let element): element.collectText(into: &parts)
            }
        }
    }

    /// What the class names and id say, worked out once.
    var hints: ClassHints {
        if let cachedHints { return cachedHints }
        let hints = ClassHints(names: classAndID, elementName: name)
        cachedHints = hints
        return hints
    }

    /// Class names and id, lower-cased: the hints pages give about what a block is.
    var classAndID: [String] {
        if let cachedClassAndID { return cachedClassAndID }
        var names: [String] = []
        if let classes = self["class"], !classes.isEmpty {
            // Split by hand: the generic `split` cost more than the rest of the hints of an element.
            var lowered = classes.lowercased()
            lowered.withUTF8 { bytes in
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) {
                    if index > start { names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                    start = index + 1
                }
            }
        }
        if let id = self["id"]?.lowercased(), !id.isEmpty { names.append(id) }
        cachedClassAndID = names
        return names
    }
}

enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}

/// Parses HTML bytes with libxml2, after deciding the character encoding ourselves.
enum HTMLDocument {
    /// What the parse produced and how the bytes were decoded (for `search extract`).
    struct Parsed {
        let root: HTMLElement
        let encoding: String
        /// The page as UTF-8 text, for the last look for a date in its scripts' data.
        let source: String
    }

    /// - Parameter charset: the encoding a container declared for the bytes; it wins over `<meta charset>`.
    static func parse(_ data: Data, charset: String? = nil) throws -> Parsed {
        let xml = try LibXML2.loaded()
        xml.silenceErrors()
        let (text, encoding) = try decode(data, charset: charset)
        var bytes = Array(text.utf8)
        // libxml2 reads NUL as the end of the text it is in; what follows it is still the page's.
        let hasNUL = bytes.contains(0)
        if hasNUL { bytes.removeAll { $0 == 0 } }
        // RECOVER: real pages are broken; NOERROR/NOWARNING: the library never prints;
        // NONET: never fetch a DTD; IGNORE_ENC: we already converted to UTF-8, so a stale
        // <meta charset> must not make libxml2 decode the bytes a second time. HUGE: without it the
        // parser stops reading at 256 open elements and drops the rest of the page without a word
        // (a forum page of `<p><font>` posts, never closed, kept 128 of 400); `convert` bounds the depth.
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xml.htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
            }
        }
        guard let document else { throw IngestError.malformedHTML("the HTML parser found no document") }
        defer { xml.freeDoc(document) }
        guard let rootNode = xml.docGetRootElement(document), let root = convert(rootNode, xml: xml) else {
            throw IngestError.malformedHTML("the page has no elements")
        }
        // The decoded text is the page's source unless a NUL left: decoding the bytes again was a copy
        // and a validation of the whole page.
        return Parsed(root: root, encoding: encoding, source: hasNUL ? String(decoding: bytes, as: UTF8.self) : text)
    }

    /// Elements nested deeper than this in our tree are put beside their ancestor at this depth, as
    /// browsers do (Blink's parser stops nesting at 512): the page keeps all its text, and walks that
    /// visit every ancestor of every node stay bounded (the deepest of 1,724 real pages in the
    /// evaluation sets is 44).
    static let maximumDepth = 512
    /// How deep the copy itself may recurse, for the thread's stack: libxml2's tree can be deeper than
    /// ours (see ``Place``); past this the rest is flattened the same way.
    static let maximumRecursion = 2048

    /// Where an element being copied goes: how deep the copy has recursed, how deep the element will
    /// sit in our tree, and the depth of the paragraph it is inside (nil: none).
    private struct Place {
        var recursion: Int
        var depth: Int
        var paragraph: Int?
    }

    /// Copies a libxml2 element and its subtree; comments and processing instructions are dropped.
    private static func convert(_ node: xmlNodePtr, xml: LibXML2) -> HTMLElement? {
        guard let converted = convert(node, at: Place(recursion: 1, depth: 1, paragraph: nil), xml: xml) else { return nil }
        converted.element.children += converted.after
        return converted.element
    }

    /// The element, and the nodes that close the paragraph it is in and so follow that paragraph.
    ///
    /// libxml2 nests a `<p>` inside an inline element left open (`<p><font>one<p><font>two…`: each
    /// post inside the one before) where a browser closes the paragraph first, so a page of such
    /// posts became one deep block whose first posts the content finder cut off, and past 256 levels
    /// the parser stopped reading. A block that closes a paragraph in HTML is moved, with what follows
    /// it, to after that paragraph, as browsers place it.
    private static func convert(_ node: xmlNodePtr, at place: Place, xml: LibXML2) -> (element: HTMLElement, after: [HTMLNode])? {
        guard let element = makeElement(node, xml: xml) else { return nil }
        // Scripts, styles and drawings are never text of the article; copying them (inline app state
        // runs to hundreds of KB) cost more than the rest of the page. JSON-LD is the one script read.
        if skipsContent(element) { return (element, []) }
        if place.depth >= maximumDepth || place.recursion >= maximumRecursion {
            appendFlattened(node.pointee.children, to: element, xml: xml)
            return (element, [])
        }
        let paragraph = element.name == "p" ? place.depth : place.paragraph
        // Nodes moved out of the paragraph sit beside it; with no paragraph, they stay in this element.
        let movedDepth = paragraph ?? place.depth + 1
        var after: [HTMLNode] = []
        // Gathered here and stored once, room made for them all: appending to the element's own
        // array grew it a step at a time and cleared its caches at every node.
        var children: [HTMLNode] = []
        children.reserveCapacity(siblingCount(from: node.pointee.children))
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                // Ruby annotations (the readings printed over Japanese or Chinese characters) are not
                // words of the sentence: kept, they split "虐待" into "虐待ぎゃくたい".
                guard let name = current.pointee.name, !isRubyAnnotation(name) else { break }
                let moves = !after.isEmpty || paragraph != nil && closesParagraph(name)
                let childPlace = moves
                    ? Place(recursion: place.recursion + 1, depth: movedDepth, paragraph: nil)
                    : Place(recursion: place.recursion + 1, depth: place.depth + 1, paragraph: paragraph)
                guard let converted = convert(current, at: childPlace, xml: xml) else { break }
                if moves { after.append(.element(converted.element)) } else { children.append(.element(converted.element)) }
                after += converted.after
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content else { break }
                if after.isEmpty { children.append(.text(String(cString: content))) } else { after.append(.text(String(cString: content))) }
            default:
                break
            }
        }
        // Moved nodes stop at the parent of the paragraph they left.
        if place.paragraph == nil && element.name != "p" {
            children += after
            after = []
        }
        element.children = children
        return (element, after)
    }

    /// Start tags that close an open `<p>` in HTML's parsing rules (the blocks a paragraph cannot hold).
    private static func closesParagraph(_ name: UnsafePointer<xmlChar>) -> Bool {
        paragraphClosers.contains(lowercasedASCII(name))
    }

    private static let paragraphClosers: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
    ]

    /// The nodes from `first` on and everything under them, in document order, as children of `element`:
    /// each element empty, its text after it. A loop, not recursion: the subtree may be any depth.
    private static func appendFlattened(_ first: xmlNodePtr?, to element: HTMLElement, xml: LibXML2) {
        var parents: [xmlNodePtr] = []
        var next = first
        while let current = next {
            var descends = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if let name = current.pointee.name, isRubyAnnotation(name) { break }
                if let made = makeElement(current, xml: xml) {
                    element.children.append(.element(made))
                    descends = !skipsContent(made)
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { element.children.append(.text(String(cString: content))) }
            default:
                break
            }
            if descends, let child = current.pointee.children {
                parents.append(current)
                next = child
                continue
            }
            next = current.pointee.next
            while next == nil, let parent = parents.popLast() { next = parent.pointee.next }
        }
    }

    /// The element itself, name and attributes, without its children.
    private static func makeElement(_ node: xmlNodePtr, xml: LibXML2) -> HTMLElement? {
        guard node.pointee.type == XML_ELEMENT_NODE, let namePointer = node.pointee.name else { return nil }
        var attributes: [(name: String, value: String)] = []
        var count = 0
        var attribute = node.pointee.properties
        while let current = attribute {
            count += 1
            attribute = current.pointee.next
        }
        attributes.reserveCapacity(count)
        attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                let pair = (name: lowercasedASCII(name), value: value(of: current, xml: xml))
                // A name given twice keeps its last value, as a dictionary kept it.
                if let index = attributes.firstIndex(where: { $0.name == pair.name }) { attributes[index] = pair } else { attributes.append(pair) }
            }
            attribute = current.pointee.next
        }
        return HTMLElement(name: lowercasedASCII(namePointer), attributes: attributes)
    }

    /// An attribute's value. The HTML parser gives a value one text node, read in place; anything else
    /// is joined by libxml2 (a copy made and freed, which every attribute cost before).
    private static func value(of attribute: xmlAttrPtr, xml: LibXML2) -> String {
        if let only = attribute.pointee.children, only.pointee.next == nil, only.pointee.type == XML_TEXT_NODE,
            let content = only.pointee.content
        {
            return String(cString: content)
        }
        guard let joined = xml.nodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { free(joined) }
        return String(cString: joined)
    }

    /// How many nodes there are from `first` on, for room in an array.
    private static func siblingCount(from first: xmlNodePtr?) -> Int {
        var count = 0
        var node = first
        while let current = node {
            count += 1
            node = current.pointee.next
        }
        return count
    }

    private static func isRubyAnnotation(_ name: UnsafePointer<xmlChar>) -> Bool {
        let first = name[0] | 0x20
        guard first == 0x72, name[1] != 0, name[2] == 0 else { return false }
        let second = name[1] | 0x20
        return second == 0x74 || second == 0x70  // <rt>, <rp>
    }

    private static func skipsContent(_ element: HTMLElement) -> Bool {
        switch element.name {
        case "style", "svg", "canvas", "template": return true
        case "script": return !(element["type"] ?? "").lowercased().containsText("ld+json")
        default: return false
        }
    }

    /// libxml2's HTML parser already lower-cases tag and attribute names; only the odd one is not.
    private static func lowercasedASCII(_ pointer: UnsafePointer<xmlChar>) -> String {
        var scan = pointer
        while scan.pointee != 0 {
            if (0x41...0x5A).contains(scan.pointee) { return String(cString: pointer).lowercased() }
            scan += 1
        }
        return String(cString: pointer)
    }

    /// The page's text, and the name of the encoding it was decoded from.
    ///
    /// Order: a byte-order mark; the `<meta charset>` (or `http-equiv` content) in the first 4 KB;
    /// UTF-8 when the bytes are valid UTF-8; else windows-1252, which is what browsers do with
    /// Latin-1 labels and with undeclared legacy pages. A page that declares UTF-8 but is not
    /// (the "wrong charset" case) is read as windows-1252 too, rather than rejected.
    static func decode(_ data: Data, charset: String? = nil) throws -> (text: String, encoding: String) {
        if let (encoding, name, skip) = TextDecoding.unicodeEncoding(of: data) {
            guard let text = String(data: data.dropFirst(skip), encoding: encoding) else { throw IngestError.undecodable(name) }
            return (text, name)
        }
        var body = data
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // Through the bytes: `Data`'s iterator, one call per byte, cost 0.45 M instructions a page.
        if body.prefix(8192).withUnsafeBytes({ raw in raw.baseAddress.map { memchr($0, 0, raw.count) != nil } ?? false }) {
            throw IngestError.binary
        }
        let declared = charset ?? declaredCharset(in: body)
        let utf8 = String(validating: body, as: UTF8.self)
        switch declared.map(canonicalCharset) {
        case nil, "utf-8":
            if let utf8 { return (utf8, "UTF-8") }
            return (windows1252(body), declared == nil ? "windows-1252 (undeclared)" : "windows-1252 (declared UTF-8 but invalid)")
        case "windows-1252":
            return (windows1252(body), "windows-1252")
        case let other?:
            if let encoding = foundationEncoding(other), let text = String(data: body, encoding: encoding) {
                return (text, other)
            }
            if let text = LegacyEncoding.decode(body, label: other) { return (text, other) }
            if let utf8 { return (utf8, "UTF-8 (declared \(other))") }
            return (windows1252(body), "windows-1252 (declared \(other))")
        }
    }

    static func declaredCharset(in data: Data) -> String? {
        // Bytes, lower-cased by hand as they are compared: a 4 KB String, or a lower-cased copy made
        // through `Data`'s iterator, cost more than reading the label.
        data.prefix(4096).withUnsafeBytes { raw -> String? in
            let head = raw.bindMemory(to: UInt8.self)
            func lowered(_ index: Int) -> UInt8 { (0x41...0x5A).contains(head[index]) ? head[index] | 0x20 : head[index] }
            let needle: [UInt8] = Array("charset=".utf8)
            // Only a `<meta>` declares the page's encoding: a `<script charset="utf-8">` before a
            // `<meta charset=gb2312>` names the script's, and read as the page's it garbled a Chinese page.
            func inMeta(_ at: Int) -> Bool {
                guard let open = (0..<at).reversed().first(where: { head[$0] == 0x3C || head[$0] == 0x3E }), head[open] == 0x3C,
                    open + 5 < head.count
                else { return false }
                return (1...4).allSatisfy { lowered(open + $0) == Array("meta".utf8)[$0 - 1] }
                    && [0x20, 0x09, 0x0A, 0x0D, 0x2F].contains(head[open + 5])
            }
            guard head.count >= needle.count,
                let start = (0...(head.count - needle.count)).first(where: { start in
                    needle.indices.allSatisfy { lowered(start + $0) == needle[$0] } && inMeta(start)
                })
            else { return nil }
            var index = start + needle.count
            while index < head.count, head[index] == 0x22 || head[index] == 0x27 || head[index] == 0x20 { index += 1 }
            var name: [UInt8] = []
            while index < head.count {
                let byte = lowered(index)
                guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F else { break }
                name.append(byte)
                index += 1
            }
            return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
        }
    }

    static func canonicalCharset(_ name: String) -> String {
        switch name {
        case "utf8", "utf-8", "unicode-1-1-utf-8": "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii",
            "x-cp1252", "iso_8859-1":
            "windows-1252"
        default: name
        }
    }

    static func foundationEncoding(_ name: String) -> String.Encoding? {
        switch name {
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "cp932": .shiftJIS
        case "euc-jp": .japaneseEUC
        case "iso-2022-jp": .iso2022JP
        case "iso-8859-2", "latin2": .isoLatin2
        case "windows-1250": .windowsCP1250
        case "windows-1251": .windowsCP1251
        case "windows-1253": .windowsCP1253
        case "windows-1254", "iso-8859-9": .windowsCP1254
        case "utf-16": .utf16
        default: nil
        }
    }

    /// windows-1252 never fails: every byte is a character (the five unassigned ones map to C1 controls).
    static func windows1252(_ data: Data) -> String {
        String(data: data, encoding: .windowsCP1252) ?? String(data.map { Character(Unicode.Scalar($0)) })
    }
}
