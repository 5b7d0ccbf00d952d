/// The scripts written without spaces between words, which the analyzer indexes as overlapping bigrams.
///
/// A run of one script becomes `AB BC CD …` at consecutive positions, each with its own two characters'
/// byte range; a run of one character stays a unigram. Runs split where the script changes
/// (`日本の防衛` → `日本`, `の`, `防衛`), so a query's bigrams are a contiguous subsequence of the
/// document's whenever the query text occurs in it.
enum CJKScript: UInt8 {
    case han = 1
    case hiragana
    case katakana
    case hangul

    init?(scalar cp: UInt32) {
        switch cp {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x3005, 0x3007, 0x20000...0x3FFFF:
            self = .han
        case 0x3040...0x309F:
            self = .hiragana
        case 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F:
            self = .katakana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F:
            self = .hangul
        default:
            return nil
        }
    }
}

extension AnalysisRun {
    /// Emits the bigrams of the run of `script` starting at `start`; returns the end of the run.
    /// Terms point straight into the input: CJK characters need no folding here.
    mutating func scanCJK(from start: Int, script: UInt32, length: Int, _ sink: Sink) rethrows -> Int {
        resetSynonymState()
        var previousStart = start
        var index = start + length
        var emitted = false
        while index < text.count, text[index] >= 0x80 {
            let char = Folding.decode(text, at: index)
            guard char.kind == .cjk, char.folded == script else { break }
            try emit(UnsafeBufferPointer(rebasing: text[previousStart..<index + char.length]),
                     previousStart, index + char.length, colocated: false, sink)
            emitted = true
            previousStart = index
            index += char.length
        }
        if !emitted {
            try emit(UnsafeBufferPointer(rebasing: text[start..<index]), start, index, colocated: false, sink)
        }
        return index
    }
}
