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
    /// Lowercase first and last words (the given name and surname of a person), and how many words.
    var firstWord = ""
    var lastWord = ""
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
}
