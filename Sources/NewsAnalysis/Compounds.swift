/// Compounds joined by `-`, `/`, `_` or `&`: `defense-industrial`, `Indo-Pacific`, `dual-use`, `F-35`.
///
/// At document time the parts take consecutive positions, each with its own byte range (for
/// highlighting), and the joined form is colocated with the first part, ranging over the whole
/// compound: `defense`, `defenseindustrial`(+), `industrial`. So `indopacific` finds `Indo-Pacific`
/// and the phrase `"defense industrial"` matches across the hyphen. All-number compounds keep their
/// separators in the joined form: `2025-04-10` is indexed as `2025`, `2025-04-10`(+), `04`, `10`.
/// Query-time analysis emits the parts only (colocated tokens belong to one side, `fts5.h`), which
/// makes `defense-industrial` a phrase query that finds both spellings.
extension AnalysisRun {
    mutating func emitChain(_ range: Range<Int>, _ sink: Sink) rethrows {
        guard !range.isEmpty else { return }
        if range.count == 1 {
            try emitUnit(range.lowerBound, standalone: true, sink)
            return
        }
        resetSynonymState()
        try emitUnit(range.lowerBound, standalone: false, sink)
        if mode == .document { try emitJoined(range, sink) }
        for index in range.dropFirst() { try emitUnit(index, standalone: false, sink) }
    }

    mutating func emitJoined(_ range: Range<Int>, _ sink: Sink) rethrows {
        var allNumbers = true
        var lettersOnly = true
        for index in range {
            if units[index].kind != .number { allNumbers = false }
            if !units[index].lettersOnly { lettersOnly = false }
        }
        var n = 0
        for index in range {
            if allNumbers, index > range.lowerBound {
                term[n] = segments[units[index].firstSegment].connector
                n += 1
            }
            // Each part takes its American spelling first, so `defence-industrial` joins as
            // `defenseindustrial`, like `defense-industrial` does.
            let length = buildTerm(units[index], into: term + n)
            n += units[index].lettersOnly ? SpellingVariants.normalize(term + n, count: length) : length
        }
        n = normalize(length: n, lettersOnly: lettersOnly, isPrefix: false)
        try emitTerm(
            length: n, units[range.lowerBound].byteStart, units[range.upperBound - 1].byteEnd, colocated: true, sink)
    }
}
