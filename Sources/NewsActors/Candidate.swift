/// A span of tokens that may name an actor, before aliases are resolved.
struct Candidate: Sendable {
    enum Evidence: Int, Sendable, Comparable {
        /// Capitalised only: kept when the document confirms it.
        case weak
        /// A rule fired (title before it, organisation head, given name, reporting verb).
        case strong
        /// Found in the gazetteer or the user dictionary.
        case known

        static func < (a: Evidence, b: Evidence) -> Bool { a.rawValue < b.rawValue }
    }

    var start: Int
    var end: Int
    /// Scalar offsets; differ from the tokens' when a hyphenated compound is split.
    var startOffset: Int
    var endOffset: Int
    var text: String
    /// `text` lowercased: the key for alias and vote look-ups.
    var key: String
    /// `WordMap.hash(key)`, `firstWord`'s and `lastWord`'s: the resolver looks each candidate up in
    /// several maps, and the scanner has hashed the words already.
    var keyHash: UInt64
    /// Lowercase first and last words (the given name and surname of a person), and how many words.
    var firstWord = ""
    var lastWord = ""
    var firstWordHash = WordMap<Bool>.hash("")
    var lastWordHash = WordMap<Bool>.hash("")
    var wordCount = 1
    var type: ActorType?
    var canonical: String?
    var evidence: Evidence
    /// First word of a sentence: capitalisation says nothing about it.
    var sentenceInitial = false
    /// Found in the article's title: helps resolve the body's names, but is not a body mention.
    var inTitle = false
    /// Named with a score in a results table: a team, so an organisation wherever the article names it.
    var team = false

    /// - Parameter keyHash: `WordMap.hash(key)` when the caller has it; computed otherwise.
    init(
        start: Int, end: Int, startOffset: Int, endOffset: Int, text: String, key: String, keyHash: UInt64? = nil,
        type: ActorType?, canonical: String?, evidence: Evidence, sentenceInitial: Bool = false
    ) {
        self.start = start
        self.end = end
        self.startOffset = startOffset
        self.endOffset = endOffset
        self.text = text
        self.key = key
        self.keyHash = keyHash ?? WordMap<Bool>.hash(key)
        self.type = type
        self.canonical = canonical
        self.evidence = evidence
        self.sentenceInitial = sentenceInitial
    }
}
