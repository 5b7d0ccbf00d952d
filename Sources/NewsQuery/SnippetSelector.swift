import NewsAnalysis

/// Chooses the passage of a text that best shows why it matched, and marks the matched words.
///
/// Windows are scored like FTS5's `snippet()`: a large reward for each distinct query term, a small
/// one for repeats, and a bonus for starting at a sentence, so the passage reads from its start.
///
/// ```swift
/// let selector = SnippetSelector(terms: TermMatcher(query: query))
/// let snippet = selector.snippet(of: body)   // "… agreed to accelerate defense industrial cooperation …"
/// ```
public struct SnippetSelector: Sendable {
    public var matcher: TermMatcher
    /// Tokens in a window; about 30 words reads as two lines of a terminal.
    public var windowTokens: Int
    let analyzer: Analyzer

    /// The longest passage, in UTF-8 bytes; thirty words of any script fit several times over.
    public static let maximumBytes = 2_000

    public init(matcher: TermMatcher, windowTokens: Int = 30, analyzer: Analyzer = Analyzer()) {
        self.matcher = matcher
        self.windowTokens = windowTokens
        self.analyzer = analyzer
    }

    /// The best passage of `text`; its opening words when nothing in it matches.
    public func snippet(of text: String) -> Snippet {
        let tokens = analyzer.tokens(in: text)
        guard !tokens.isEmpty else {
            return Snippet(text: Passage(Array(String(text.prefix(240)).utf8)[...]).text, highlights: [])
        }
        // One entry per position: the token's bytes and the query clause that marks it. A variant that
        // matches marks its own bytes too: `us` colocated on "United States" spans both words.
        let grouped = TokenPositions(tokens)
        let positions: [(bytes: Range<Int>, term: Int?)] = matcher.marks(grouped.terms).enumerated().map { position, mark in
            (mark.map { grouped.bytes(at: position, $0) } ?? grouped.bytes[position][0], mark?.clause)
        }
        let utf8 = Array(text.utf8)
        let best = Self.bestWindow(terms: positions.map(\.term), windowTokens: windowTokens) { start in
            isSentenceStart(at: positions[start].bytes.lowerBound, in: utf8)
        }
        var last = min(best.start + windowTokens, positions.count) - 1
        let byteStart = positions[best.start].bytes.lowerBound
        // A window of giant tokens (a pasted blob, a data URL) is cut: a snippet is for reading.
        while last > best.start, positions[last].bytes.upperBound - byteStart > Self.maximumBytes { last -= 1 }
        var byteEnd = min(positions[last].bytes.upperBound, byteStart + Self.maximumBytes)
        while byteEnd > byteStart, byteEnd < utf8.count, utf8[byteEnd] & 0xC0 == 0x80 { byteEnd -= 1 }
        // Keep sentence punctuation that directly follows the last word.
        while byteEnd < utf8.count, Self.closesSentence(utf8[byteEnd]) { byteEnd += 1 }

        let prefix = byteStart > 0 ? "… " : ""
        let suffix = byteEnd < utf8.count ? " …" : ""
        let passage = Passage(utf8[byteStart..<byteEnd])
        let lead = prefix.unicodeScalars.count
        var highlights: [Range<Int>] = []
        for index in best.start...last where positions[index].term != nil {
            let range = positions[index].bytes
            // A variant reaching outside the passage (its first word cut off) cannot be shown.
            guard range.lowerBound >= byteStart, range.upperBound <= byteEnd else { continue }
            let start = lead + passage.scalarOffset(ofByte: range.lowerBound - byteStart)
            let end = lead + passage.scalarOffset(ofByte: range.upperBound - byteStart)
            if let previous = highlights.last, previous.upperBound >= start {
                highlights[highlights.count - 1] = previous.lowerBound..<max(previous.upperBound, end)
            } else {
                highlights.append(start..<end)
            }
        }
        return Snippet(text: prefix + passage.text + suffix, highlights: highlights)
    }

    /// The window of `windowTokens` positions (fewer at the end) that scores best, the first of equals:
    /// 1,000 for each distinct query term in it (`terms[position]`, nil for no term), 1 for each repeat,
    /// 100 for starting a sentence, 50 for starting the text. The windows slide one position at a time,
    /// so each step counts only the position that leaves and the one that enters (scoring each window
    /// afresh, with a set of its terms, was two thirds of a snippet's time).
    static func bestWindow(terms: [Int?], windowTokens: Int, startsSentence: (Int) -> Bool) -> (score: Int, start: Int) {
        var inWindow = [Int](repeating: 0, count: (terms.lazy.compactMap { $0 }.max() ?? -1) + 1)
        var hits = 0, distinct = 0
        // terms[low..<high] are counted.
        var low = 0, high = 0
        var best = (score: -1, start: 0)
        for start in terms.indices {
            let end = min(start + max(windowTokens, 0), terms.count)
            while low < start {
                if low < high, let term = terms[low] {
                    inWindow[term] -= 1
                    hits -= 1
                    if inWindow[term] == 0 { distinct -= 1 }
                }
                low += 1
            }
            high = max(high, low)
            while high < end {
                if let term = terms[high] {
                    if inWindow[term] == 0 { distinct += 1 }
                    inWindow[term] += 1
                    hits += 1
                }
                high += 1
            }
            var score = distinct * 1000 + hits - distinct
            if startsSentence(start) { score += 100 }
            if start == 0 { score += 50 }
            if score > best.score { best = (score, start) }
            if end == terms.count, start > 0, score < best.score { break }
        }
        return best
    }

    private func isSentenceStart(at byte: Int, in utf8: [UInt8]) -> Bool {
        var index = byte - 1
        while index >= 0, utf8[index] == 0x20 || utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "(") {
            index -= 1
        }
        if index < 0 { return true }
        switch utf8[index] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"): return true
        default: return false
        }
    }

    /// Punctuation kept after a passage's last word.
    private static func closesSentence(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: ")"): return true
        default: return false
        }
    }
}
