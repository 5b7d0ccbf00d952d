/// The kinds of actor the facet knows. `location` (places that are not states) stays out of the default facet.
public enum ActorType: String, Sendable, Hashable, Codable, CaseIterable {
    case person, organization, country, location
}

/// Where an actor is named: `[start, end)` in Unicode scalars into the article body, and the text there.
public struct ActorMention: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// One actor found in one article, under its canonical name.
public struct ExtractedActor: Sendable, Hashable {
    public var name: String
    public var type: ActorType
    /// Mentions in the body, with offsets into the body.
    public var mentions: [ActorMention]
    /// All mentions, title included: what the document–actor link counts.
    public var mentionCount: Int

    public init(name: String, type: ActorType, mentions: [ActorMention], mentionCount: Int) {
        self.name = name
        self.type = type
        self.mentions = mentions
        self.mentionCount = mentionCount
    }
}
