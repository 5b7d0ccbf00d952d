import NewsAnalysis

/// Suggests words from the index's own vocabulary for a word that found nothing ("did you mean").
///
/// ```swift
/// let suggester = SpellingSuggester(vocabulary: [(term: "defense", documentCount: 120), (term: "fence", documentCount: 8)])
/// suggester.suggestions(for: "defnse")  // ["defense"]
/// ```
///
/// The engine feeds it from `fts5vocab` (`SELECT term, doc FROM vocab_row`). Those terms are what
/// the ``Analyzer`` made (folded, stemmed: `defens`), so a typed word is first mapped to its analysed
/// form by `analyze` (by default the analyzer's first query token) and compared with the vocabulary in
/// that form; the suggestions are vocabulary terms. A word whose analysed form is in the vocabulary
/// gets no suggestions.
///
/// Distance is Damerau–Levenshtein (optimal string alignment: insert, delete, substitute, swap two
/// neighbours) over Unicode scalars, at most 1 edit for words of 3–4 scalars, 2 from 5, none below 3.
/// Ranked by distance, then document count (higher first), then term.
public struct SpellingSuggester: Sendable {
    struct Entry: Sendable {
        var term: String
        var scalars: [Unicode.Scalar]
        var documentCount: Int
    }

    /// Vocabulary entries grouped by length in scalars, so a lookup reads only plausible lengths.
    let entriesByLength: [Int: [Entry]]
    let known: Set<String>
    let analyze: @Sendable (String) -> String?

    public init(
        vocabulary: [(term: String, documentCount: Int)],
        analyze: @escaping @Sendable (String) -> String? = SpellingSuggester.analyzed(by: Analyzer())
    ) {
        var byLength: [Int: [Entry]] = [:]
        var known: Set<String> = []
        for (term, count) in vocabulary where known.insert(term).inserted {
            let scalars = Array(term.unicodeScalars)
            byLength[scalars.count, default: []].append(Entry(term: term, scalars: scalars, documentCount: count))
        }
        self.entriesByLength = byLength
        self.known = known
        self.analyze = analyze
    }

    /// Maps a typed word to the term the analyzer indexes for it (its first non-colocated query token).
    public static func analyzed(by analyzer: Analyzer) -> @Sendable (String) -> String? {
        { word in analyzer.tokens(in: word, mode: .query).first { !$0.isColocated }?.term }
    }

    /// How many edits a word of this many scalars may be away from a suggestion.
    public static func maximumEdits(forLength length: Int) -> Int {
        length < 3 ? 0 : length < 5 ? 1 : 2
    }

    public func suggestions(for word: String, limit: Int = 3) -> [String] {
        guard limit > 0, let term = analyze(word), !known.contains(term) else { return [] }
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

    /// Optimal-string-alignment distance, or nil as soon as it must exceed `limit`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
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
