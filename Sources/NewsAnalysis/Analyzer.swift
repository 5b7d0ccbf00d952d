/// Turns text into index terms; the one source of truth for normalisation.
///
/// The same value serves the FTS5 tokenizer, query parsing, snippet highlighting and
/// `search analyze`, so a word is found exactly when it is shown as found. It reads UTF-8 bytes and
/// composes these steps, one file each:
///
/// 1. ``Folding``: case, diacritics, full-width forms (`Čapek` → `capek`, `ＮＡＴＯ` → `nato`).
/// 2. ``CJKScript`` runs → overlapping bigrams (`防衛産業` → `防衛`, `衛産`, `産業`).
/// 3. ``URLsAndEmails``: kept whole, then their host parts.
/// 4. ``Possessives`` (`Japan's` → `japan`), ``AcronymsAndNumbers`` (`U.S.` → `us`, `1,000` → `1000`),
///    compounds (`Indo-Pacific` → `indo`, `indopacific`(+), `pacific`; see Compounds.swift).
/// 5. ``SpellingVariants`` (`defence` → `defense`), ``Synonyms`` (`USA` → `us`; `United States`
///    adds a colocated `us` at document time), ``SnowballEnglish`` stemming.
///
/// ```swift
/// let tokens = Analyzer().tokens(in: "Japan's defense-industrial base")
/// // japan@0, defens@1, defenseindustri@1(+), industri@2, base@3
/// ```
///
/// Colocated tokens (`isColocated`) are only produced in `.document` mode: compound joined forms,
/// number-compound forms (`2025-04-10`) and multi-word synonyms. `.query` and `.prefixQuery` never
/// add tokens, as `fts5.h` asks (synonyms on one side only). A query's multi-word synonyms are
/// handled by ``synonymAlternatives(for:)``.
public struct Analyzer: Sendable {
    /// Stored in every index; an index made by another version must be rebuilt (`search reindex`).
    public static let version = 3

    public init() {}

    /// The fast path: calls `emit(term, byteStart, byteEnd, isColocated)` for every token, in order.
    ///
    /// `term` is only valid during the call. Byte offsets index the original `text`. The first token
    /// is never colocated; a position advances on each token that is not colocated. Nothing is
    /// allocated per token: the call allocates its working buffers once.
    public func analyze(
        utf8 text: UnsafeBufferPointer<UInt8>,
        mode: AnalysisMode = .document,
        _ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) throws -> Void
    ) rethrows {
        guard !text.isEmpty else { return }
        var run = AnalysisRun(text: text, mode: mode)
        defer { run.deallocate() }
        try run.run(emit)
    }

    /// Convenience for tests, queries and `search analyze`: the tokens as values.
    public func tokens(in text: String, mode: AnalysisMode = .document) -> [Token] {
        var result: [Token] = []
        var position = -1
        var copy = text
        copy.withUTF8 { buffer in
            analyze(utf8: buffer, mode: mode) { term, start, end, colocated in
                if !colocated { position += 1 }
                result.append(
                    Token(
                        term: String(decoding: term, as: UTF8.self), byteRange: start..<end,
                        position: max(position, 0), isColocated: colocated))
            }
        }
        return result
    }

    /// The query texts to OR with `text` so that its multi-word synonyms also find their short form.
    ///
    /// Documents index `United States` with a colocated `us`, so the query `US` already finds it; the
    /// other direction needs this: `synonymAlternatives(for: "United States army")` is
    /// `["us army"]`, and the query compiler should match `("united states army" OR "us army")`
    /// (each alternative compiled exactly like `text`: a phrase stays a phrase, bare words stay
    /// AND-ed). Empty when `text` holds no multi-word synonym. Pairs must be adjacent words
    /// separated by spaces only; every occurrence is replaced in the one alternative.
    public func synonymAlternatives(for text: String) -> [String] {
        let tokens = tokens(in: text, mode: .query)
        guard tokens.count >= 2 else { return [] }
        let utf8 = Array(text.utf8)
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        var replaced = false
        while index + 1 < tokens.count {
            let first = tokens[index]
            let second = tokens[index + 1]
            // Overlapping tokens (CJK bigrams, a URL's host parts) have no gap between them.
            let gap = first.byteRange.upperBound < second.byteRange.lowerBound
                ? utf8[first.byteRange.upperBound..<second.byteRange.lowerBound] : []
            if !gap.isEmpty, gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }),
                let canonical = Self.stemmedPairs[first.term + " " + second.term]
            {
                result.append(contentsOf: utf8[copied..<first.byteRange.lowerBound])
                result.append(contentsOf: canonical.utf8)
                copied = second.byteRange.upperBound
                replaced = true
                index += 2
            } else {
                index += 1
            }
        }
        guard replaced else { return [] }
        result.append(contentsOf: utf8[copied...])
        return [String(decoding: result, as: UTF8.self)]
    }

    /// Multi-word synonyms keyed by their analysed (stemmed) words: "unit state" → "us".
    static let stemmedPairs: [String: String] = Dictionary(
        Synonyms.pairs.map { ("\(SnowballEnglish.stem($0.first)) \(SnowballEnglish.stem($0.second))", $0.canonical) },
        uniquingKeysWith: { first, _ in first })
}
