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
    /// Where the lowercase first and last words (the given name and surname of a person) lie in
    /// `key`'s UTF-8, and how many words: a `String` each is made only when a person's name asks for
    /// it, where two more strings per candidate were made, copied and released for every candidate.
    var firstWordBytes = 0..<0
    var lastWordBytes = 0..<0
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

    var firstWord: String { word(firstWordBytes) }
    var lastWord: String { word(lastWordBytes) }

    private func word(_ bytes: Range<Int>) -> String {
        if bytes.count == key.utf8.count { return key }
        let utf8 = key.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        return String(decoding: utf8[start..<utf8.index(start, offsetBy: bytes.count)], as: UTF8.self)
    }

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
