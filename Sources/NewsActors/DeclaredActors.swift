extension ActorExtractor {
    /// The canonical name and type for an actor a page's structured data declares (JSON-LD `about`,
    /// `mentions`), or nil when it names no actor.
    ///
    /// The gazetteer and the user's dictionary win over the page: a declared `Place` "Deutschland" is
    /// the country Germany, a declared `Person` the dictionary files as an organisation is one. A
    /// declared name without an actor's type (`Thing`, a plain string: usually a topic such as
    /// "Climate change") counts only when one of them knows it. Banned names never count.
    ///
    /// ```swift
    /// extractor.resolve(declared: "Deutschland", as: .location)   // ("Germany", .country)
    /// extractor.resolve(declared: "Klimawandel", as: nil)         // nil
    /// ```
    public func resolve(declared name: String, as type: ActorType?) -> (name: String, type: ActorType)? {
        let cleaned = ActorRegistry.singleSpaced(name)
        guard !cleaned.isEmpty, !gazetteer.banned.contains(Gazetteer.key(cleaned)) else { return nil }
        let words = TextScanner.scan(cleaned).keeping { $0.kind == .word || $0.kind == .number }
        guard !words.tokens.isEmpty else { return nil }
        if let match = gazetteer.longestMatch(in: words, at: 0, limit: words.tokens.count, allCapsLine: true),
            match.length == words.tokens.count
        {
            return gazetteer.banned.contains(Gazetteer.key(match.entry.name)) ? nil : (match.entry.name, match.entry.type)
        }
        guard let type else { return nil }
        return (cleaned, type)
    }
}
