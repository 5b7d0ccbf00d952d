import NewsAnalysis

/// Suggests words from the index's own vocabulary for a word that found nothing ("did you mean").
///
/// ```swift
/// let suggester = SpellingSuggester(vocabulary: [(term: "defense", documentCount: 120), (term: "fence", documentCount: 8)])
/// suggester.suggestions(for: "defnse")  // ["defense"]
/// ```
///
/// The engine feeds it from `fts5vocab` (`SELECT term, doc FROM vocab_row`). Those terms are what
/// the ``Analyzer`` made (folded, stemmed: `defens`), so words are compared in that form: `analyze`
/// maps a typed word to it (by default the analyzer's first query token). A word whose analysed form is
/// in the vocabulary gets no suggestions. Two passes:
/// 1. Words one edit from what was typed (delete, swap two neighbours, replace or insert `a`–`z`)
///    whose analysed form is in the vocabulary. These are real words a person can read (`defense`,
///    not the stem `defens`), ranked by document count.
/// 2. Only when the first finds nothing: vocabulary terms within Damerau–Levenshtein distance
///    (optimal string alignment) of the analysed word, over Unicode scalars: at most 1 edit for terms
///    of 3–4 scalars, 2 from 5, none below 3; ranked by distance, then document count, then term.
///    These are index terms, so they may read as stems.
public struct SpellingSuggester: Sendable {
    struct Entry: Sendable {
        var term: String
        var scalars: [Unicode.Scalar]
        var documentCount: Int
    }

    /// Vocabulary entries grouped by length in scalars, so a lookup reads only plausible lengths.
    let entriesByLength: [Int: [Entry]]
    let counts: [String: Int]
    let analyze: @Sendable (String) -> String?

    public init(
        vocabulary: [(term: String, documentCount: Int)],
        analyze: @escaping @Sendable (String) -> String? = SpellingSuggester.analyzed(by: Analyzer())
    ) {
        var byLength: [Int: [Entry]] = [:]
        var counts: [String: Int] = [:]
        for (term, count) in vocabulary where counts[term] == nil {
            counts[term] = count
            let scalars = Array(term.unicodeScalars)
            byLength[scalars.count, default: []].append(Entry(term: term, scalars: scalars, documentCount: count))
        }
        self.entriesByLength = byLength
        self.counts = counts
        self.analyze = analyze
    }

    /// Maps a typed word to the term the analyzer indexes for it, or nil when it is not one word worth
    /// correcting: a word the analyzer splits (`e-mail`, `9/11`, `C++` → `c`) would be "corrected" in one
    /// part with its punctuation kept (`eu-mail`, `co+`), and a term under 3 letters has too many neighbours.
    public static func analyzed(by analyzer: Analyzer) -> @Sendable (String) -> String? {
        { word in
            let tokens = analyzer.tokens(in: word, mode: .query).filter { !$0.isColocated }
            guard tokens.count == 1, let term = tokens.first?.term, term.unicodeScalars.count >= minimumTermLength
            else { return nil }
            return term
        }
    }

    /// Terms shorter than this get no suggestions (every one- or two-letter string is an edit from many words).
    public static let minimumTermLength = 3

    /// How many edits a word of this many scalars may be away from a suggestion.
    public static func maximumEdits(forLength length: Int) -> Int {
        length < minimumTermLength ? 0 : length < 5 ? 1 : 2
    }

    /// Longer words get no suggestions: nobody mistypes one, and pass 1 costs the square of the length
    /// (about 54 × length candidates of that length).
    public static let maximumWordLength = 40

    public func suggestions(for word: String, limit: Int = 3) -> [String] {
        guard limit > 0, word.unicodeScalars.count <= Self.maximumWordLength, let term = analyze(word), counts[term] == nil else { return [] }
        let readable = readableSuggestions(for: word)
        if !readable.isEmpty { return Array(readable.prefix(limit)) }
        let target = Array(term.unicodeScalars)
        let allowed = Self.maximumEdits(forLength: target.count)
        guard allowed > 0 else { return [] }
        var found: [(entry: Entry, distance: Int)] = []
        for length in max(1, target.count - allowed)...(target.count + allowed) {
            for entry in entriesByLength[length] ?? [] {
                if let distance = Self.distance(target, entry.scalars, atMost: allowed) {
                    found.append((entry, distance))
                }
            }
        }
        found.sort {
            ($0.distance, -$0.entry.documentCount, $0.entry.term) < ($1.distance, -$1.entry.documentCount, $1.entry.term)
        }
        return found.prefix(limit).map(\.entry.term)
    }

    /// Pass 1: typed words one edit away whose analysed form is indexed; one word per indexed term.
    func readableSuggestions(for word: String) -> [String] {
        readableSuggestions(for: word, documentCount: { counts[$0] })
    }

    /// Pass 1 with each candidate term's document count looked up by `documentCount` (nil: not indexed),
    /// once per term: for an engine whose vocabulary is cheaper to probe term by term than to list.
    public func readableSuggestions(for word: String, documentCount: (String) throws -> Int?) rethrows -> [String] {
        let typed = Array(word.lowercased().unicodeScalars)
        guard typed.count >= 3 else { return [] }
        var looked: [String: Int?] = [:]
        var best: [String: (word: String, count: Int)] = [:]
        for candidate in Self.singleEdits(of: typed) {
            guard let term = analyze(candidate) else { continue }
            if looked[term] == nil { looked[term] = .some(try documentCount(term)) }
            guard let count = looked[term]! else { continue }
            if let current = best[term], current.word <= candidate { continue }
            best[term] = (candidate, count)
        }
        return best.values.sorted { ($1.count, $0.word) < ($0.count, $1.word) }.map(\.word)
    }

    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz".unicodeScalars)

    /// Every string one edit from `word`: about 54 × its length, so pass 1 stays cheap.
    static func singleEdits(of word: [Unicode.Scalar]) -> Set<String> {
        var edits: Set<String> = []
        func add(_ scalars: [Unicode.Scalar]) { edits.insert(String(String.UnicodeScalarView(scalars))) }
        for i in word.indices {
            var deleted = word
            deleted.remove(at: i)
            add(deleted)
            if i + 1 < word.count {
                var swapped = word
                swapped.swapAt(i, i + 1)
                add(swapped)
            }
            for letter in alphabet where letter != word[i] {
                var replaced = word
                replaced[i] = letter
                add(replaced)
            }
        }
        for i in 0...word.count {
            for letter in alphabet {
                var inserted = word
                inserted.insert(letter, at: i)
                add(inserted)
            }
        }
        edits.remove(String(String.UnicodeScalarView(word)))
        return edits
    }

    /// Optimal-string-alignment distance, or nil as soon as it must exceed `limit`.
    public static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            // Every later row is at least this row's minimum, so give up early.
            if rowMinimum > limit { return nil }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
