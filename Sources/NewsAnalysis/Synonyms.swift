/// The small synonym table: each group has one canonical single term.
///
/// Design (FTS5 wants synonyms on one side only; see `fts5.h`):
/// - Single-word forms are *normalised* on both sides: `USA`, `U.S.`, `US` all become `us`
///   (dotted acronyms collapse first), so nothing is added.
/// - Multi-word forms are *added at document time*: `United States` indexes `united`, `states` and,
///   colocated with `states`, the canonical `us` (byte range covering both words). So the query
///   `US` finds "United States".
/// - The other direction needs the query side: ``Analyzer/synonymAlternatives(for:)`` rewrites
///   `united states army` to `us army`, and the query compiler ORs the alternative in, so
///   `United States` finds "US" and "U.S.". Query-mode analysis itself never adds tokens.
enum Synonyms {
    /// Two adjacent words (folded, not stemmed) and their canonical term.
    static let pairs: [(first: String, second: String, canonical: String)] = [
        ("united", "states", "us"), ("united", "kingdom", "uk"), ("artificial", "intelligence", "ai"),
        ("north", "korea", "dprk"), ("european", "union", "eu"), ("united", "nations", "un"),
    ]

    /// Single words rewritten to the canonical term of their group.
    static let singles = TermTable([("usa", "us")])

    /// A cheap filter before the table: every first word is 5-10 letters starting with a, e, n or u.
    @inline(__always) static func mayStartPair(_ term: UnsafeMutablePointer<UInt8>, _ n: Int) -> Bool {
        guard n >= 5, n <= 10 else { return false }
        switch term[0] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "n"), UInt8(ascii: "u"): return true
        default: return false
        }
    }

    /// The words that may start a pair.
    static let firstWords = TermTable(
        Array(Set(pairs.map(\.first))).sorted().map { ($0, $0) })

    /// "first second" → canonical, looked up once a first word was seen.
    static let pairTable = TermTable(pairs.map { ("\($0.first) \($0.second)", $0.canonical) })

}

extension AnalysisRun {
    mutating func resetSynonymState() { pendingLength = 0 }

    /// Called with a standalone folded word in `term` (document mode): the `Synonyms.pairTable` entry
    /// when it completes a pair with the word before it, separated by spaces only.
    mutating func matchSynonymPair(length n: Int, start: Int, end: Int) -> Int? {
        var match: Int? = nil
        if pendingLength > 0, pendingEnd < start, isSpaceOnly(pendingEnd..<start) {
            scratch.update(from: pending, count: pendingLength)
            scratch[pendingLength] = UInt8(ascii: " ")
            (scratch + pendingLength + 1).update(from: term, count: n)
            if let entry = Synonyms.pairTable.find(scratch, pendingLength + 1 + n) {
                match = entry
                synonymMatchStart = pendingStart
            }
        }
        if Synonyms.mayStartPair(term, n), Synonyms.firstWords.contains(term, n) {
            pending.update(from: term, count: n)
            pendingLength = n
            pendingStart = start
            pendingEnd = end
        } else {
            pendingLength = 0
        }
        return match
    }

    func isSpaceOnly(_ range: Range<Int>) -> Bool {
        for i in range {
            switch text[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            default: return false
            }
        }
        return true
    }
}
