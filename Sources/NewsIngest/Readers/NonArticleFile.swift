import Foundation

/// Files that sit among articles but hold none: a saved page's stylesheets, scripts, source maps, fonts
/// and vector images, told by their extension, and XML that is not a web page (news feeds, sitemaps,
/// agency formats), told by its root element. Read as text, `style.css` became an article titled
/// `body{color:red}` and a feed one titled `<?xml version="1.0"?>`; each is now skipped and named.
public enum NonArticleFile: Sendable, Equatable, CustomStringConvertible {
    case webResource(kind: String, fileExtension: String)
    case sitemap
    case xml(root: String)

    /// Nil for anything that may be an article. Only files of no article extension are looked at:
    /// a `.txt` or `.md` file is text whatever its first character.
    public init?(path: String, data: Data) {
        if let resource = Self(path: path) {
            self = resource
            return
        }
        let fileExtension = Gzip.formatExtension(path)
        guard ["", "xml", "rss", "atom", "rdf"].contains(fileExtension),
            let (root, declared) = Self.rootElement(of: data)
        else { return nil }
        switch root {
        case "html": return nil
        case _ where FeedReader.roots.contains(root): return nil
        case "urlset", "sitemapindex": self = .sitemap
        // A file without an extension that starts with a tag may be a fragment of a page: only one
        // that declares itself XML is taken for XML.
        default:
            guard declared || !fileExtension.isEmpty else { return nil }
            self = .xml(root: root)
        }
    }

    /// A web page's resource, told by its name alone (the indexer passes these over without reading them).
    public init?(path: String) {
        let fileExtension = Gzip.formatExtension(path)
        guard let kind = Self.resourceKinds[fileExtension] else { return nil }
        self = .webResource(kind: kind, fileExtension: fileExtension)
    }

    public var description: String {
        switch self {
        case .webResource(let kind, let fileExtension): "\(kind) (.\(fileExtension)), not an article"
        case .sitemap: "a sitemap (a list of a site's addresses), not an article"
        case .xml(let root): "an XML document (<\(root)>), not HTML: convert it to JSON Lines or HTML to index it"
        }
    }

    private static let resourceKinds: [String: String] = [
        "css": "a stylesheet", "js": "a script", "mjs": "a script", "cjs": "a script", "map": "a source map",
        "svg": "a vector image", "woff": "a font", "woff2": "a font", "ttf": "a font", "otf": "a font", "eot": "a font",
    ]

    /// The lower-cased name of the first element, past a byte-order mark, the XML declaration, comments,
    /// processing instructions and a doctype, and whether an XML declaration came first; nil when the
    /// file does not start as markup.
    static func rootElement(of data: Data) -> (name: String, declared: Bool)? {
        var text = Substring(String(decoding: data.prefix(4096), as: UTF8.self))
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let declared = text.drop { $0.isWhitespace }.hasPrefix("<?xml")
        while true {
            text = text.drop { $0.isWhitespace }
            guard text.hasPrefix("<") else { return nil }
            if text.hasPrefix("<?") || text.hasPrefix("<!") {
                let end = text.hasPrefix("<!--") ? text.range(of: "-->")?.upperBound : text.firstIndex(of: ">").map(text.index(after:))
                guard let end else { return nil }
                if text.prefix(14).lowercased() == "<!doctype html" { return ("html", declared) }
                text = text[end...]
                continue
            }
            let name = text.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.isEmpty ? nil : (name.lowercased(), declared)
        }
    }
}
