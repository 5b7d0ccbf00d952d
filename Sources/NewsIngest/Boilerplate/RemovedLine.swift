/// Why a line or block was removed as boilerplate.
public enum RemovalKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An ad placeholder ("Advertisement", "Reklam yükleniyor...").
    case advertisement
    /// A comment prompt or comment policy ("LEAVE A REPLY", "Please enter your name here").
    case commentPrompt
    /// A share bar ("Share post:", "Share on X").
    case shareBar
    /// A subscription or newsletter prompt.
    case subscribe
    /// A heading of a related, popular or ranking list ("Related Tags", "ACCESS RANKING").
    case relatedList
    /// A cookie or consent notice.
    case cookieNotice
    /// A heading of the site's page template, not of the article ("What the papers say").
    case templateLabel
    /// A theme's placeholder token left in the text ("spot_img").
    case placeholder
    /// A line holding only a separator such as "-" or "•".
    case separator
    /// A label with nothing after it ("Date:").
    case emptyLabel
    /// A line holding only the publication date; the date is kept as metadata.
    case dateline
    /// Everything after an end-of-article marker such as "LEAVE A REPLY" or "Related Tags".
    case afterEndMarker
    /// A run of short headline-like lines, the shape of a list of links to other articles.
    case headlineList
    /// A line that appears in many documents of the same source (learned by ``BoilerplateModel``).
    case repeatedLine
    /// An HTML block outside the article: navigation, header, footer, aside, form, script.
    case pageChrome
    /// An HTML block whose text is mostly links.
    case linkDensity
    /// An HTML block outside the element chosen as the article's main content.
    case outsideMainContent
    /// The title repeated as the first line of the body.
    case duplicateTitle
    /// A byline ("By Ines Marlow") at the top; authors are metadata.
    case byline
    /// A photo credit, caption or copyright line ("Foto: …", "Photograph by …", "© 2024 …").
    case credit
}

/// One line (or HTML block) that cleaning removed, with the reason, for `search extract`.
public struct RemovedLine: Sendable, Hashable, Codable {
    /// The removed text; an HTML block's text is shortened to its first 200 characters.
    public var text: String
    public var kind: RemovalKind
    /// What matched, in words: the phrase, the marker, the element (`<nav class="menu">`), the density.
    public var detail: String

    public init(text: String, kind: RemovalKind, detail: String) {
        self.text = text
        self.kind = kind
        self.detail = detail
    }

    /// `kind: detail`, one line a person can read.
    public var reason: String { detail.isEmpty ? kind.rawValue : "\(kind.rawValue): \(detail)" }

    enum CodingKeys: String, CodingKey { case text, kind, detail, reason }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        kind = try container.decode(RemovalKind.self, forKey: .kind)
        detail = try container.decode(String.self, forKey: .detail)
    }

    /// Encodes `reason` too, so JSON readers need not rebuild it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(kind, forKey: .kind)
        try container.encode(detail, forKey: .detail)
        try container.encode(reason, forKey: .reason)
    }
}

/// Text after cleaning, and what was taken out of it.
public struct CleanedText: Sendable, Hashable, Codable {
    public var text: String
    public var removed: [RemovedLine]

    public init(text: String, removed: [RemovedLine]) {
        self.text = text
        self.removed = removed
    }
}
