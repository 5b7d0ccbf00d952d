/// The sink every token goes to: `(term, byteStart, byteEnd, isColocated)`, FTS5's callback shape.
typealias Sink = (UnsafeBufferPointer<UInt8>, Int, Int, Bool) throws -> Void

/// A run of word characters inside a group, e.g. `Indo` and `Pacific` in `Indo-Pacific`.
struct Segment {
    var foldStart: Int
    var foldEnd: Int
    var byteStart: Int
    var byteEnd: Int
    /// The ASCII connector before the segment (`-`, `.`, `'`, …); 0 for the first one.
    var connector: UInt8
    var hasDigit: Bool
    var hasLetter: Bool
    var nonASCII: Bool

    var foldLength: Int { foldEnd - foldStart }
}

/// One or more segments read as one term: `U.S` (acronym), `1,000` (number), `don't` (word).
struct Unit {
    enum Kind { case word, acronym, number }
    var firstSegment: Int
    var lastSegment: Int
    var kind: Kind
    var byteStart: Int
    var byteEnd: Int
    var hasDot = false
    var lettersOnly: Bool
}

/// The state of one `Analyzer.analyze` call: the input, the mode and buffers reused for every token.
///
/// A *group* is what lies between spaces and stray punctuation: segments joined by single connectors
/// (`defense-industrial`, `U.S.`, `1,000`, `Japan's`). The group is read once, folding as it goes, then
/// interpreted by the rules in Possessives, AcronymsAndNumbers and Compounds.
struct AnalysisRun {
    static let foldCapacity = 4096
    static let maxSegments = 64

    let text: UnsafeBufferPointer<UInt8>
    let mode: AnalysisMode
    /// Folded bytes of the current group's segments, each preceded by its connector byte.
    let fold: UnsafeMutablePointer<UInt8>
    /// The term being normalised and emitted.
    let term: UnsafeMutablePointer<UInt8>
    /// Working space (prefix stems, synonym keys).
    let scratch: UnsafeMutablePointer<UInt8>
    let segments: UnsafeMutablePointer<Segment>
    let units: UnsafeMutablePointer<Unit>
    /// This thread's memo of normalised words.
    let cache: TermCache
    var foldCount = 0
    var segmentCount = 0
    var unitCount = 0
    var emittedAny = false
    /// The last word if it may start a multi-word synonym ("united"), in `pending`.
    let pending: UnsafeMutablePointer<UInt8>
    var pendingLength = 0
    var pendingStart = 0
    var pendingEnd = 0
    /// Where the multi-word synonym just matched starts ("United" of "United States").
    var synonymMatchStart = 0

    /// Allocates the buffers once per call; `deallocate()` must follow (the analyzer defers it).
    init(text: UnsafeBufferPointer<UInt8>, mode: AnalysisMode) {
        let stride = Self.foldCapacity + 64
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 4 * stride)
        self.text = text
        self.mode = mode
        self.fold = bytes
        self.term = bytes + stride
        self.scratch = bytes + 2 * stride
        self.pending = bytes + 3 * stride
        self.segments = UnsafeMutablePointer<Segment>.allocate(capacity: Self.maxSegments)
        self.units = UnsafeMutablePointer<Unit>.allocate(capacity: Self.maxSegments)
        self.cache = TermCache.current()
    }

    func deallocate() {
        fold.deallocate()
        segments.deallocate()
        units.deallocate()
    }

    /// Every token goes out here, so the first one can never be marked colocated (`fts5.h`).
    @inline(__always) mutating func emit(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, colocated: Bool, _ sink: Sink
    ) rethrows {
        try sink(bytes, start, end, colocated && emittedAny)
        emittedAny = true
    }

    @inline(__always) mutating func emitTerm(
        length: Int, _ start: Int, _ end: Int, colocated: Bool, _ sink: Sink
    ) rethrows {
        try emit(UnsafeBufferPointer(start: term, count: length), start, end, colocated: colocated, sink)
    }

    // MARK: Scanning

    mutating func run(_ sink: Sink) rethrows {
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                if Folding.isASCIIAlnum(byte) {
                    index = try scanPlainWord(from: index, sink) ?? scanGroup(from: index, sink)
                } else {
                    index += 1
                }
                continue
            }
            let char = Folding.decode(text, at: index)
            switch char.kind {
            case .word: index = try scanGroup(from: index, sink)
            case .cjk: index = try scanCJK(from: index, script: char.folded, length: char.length, sink)
            default: index += char.length
            }
        }
    }

    /// The fast path for most tokens: an ASCII word that no connector joins to another (`the`,
    /// `troops,`). Folds straight into `term` and returns the word's end, or nil when the general
    /// group reader must handle it (a connector inside, non-ASCII, a possible URL, a very long word).
    @inline(__always) mutating func scanPlainWord(from start: Int, _ sink: Sink) rethrows -> Int? {
        let count = text.count
        var end = start
        var hasDigit = false
        var hash = TermCache.initialHash
        let fold = Folding.asciiFold
        let limit = min(count, start + 64)
        while end < limit {
            let folded = fold[Int(text[end])]
            guard folded != 0 else { break }
            hasDigit = hasDigit || folded <= 57
            term[end - start] = folded
            hash = TermCache.hash(hash, folded)
            end += 1
        }
        if end < count {
            let byte = text[end]
            if byte >= 0x80 || byte == UInt8(ascii: ":") || end - start >= 64 { return nil }
            if Folding.isASCIIConnector(byte), end + 1 < count {
                let next = text[end + 1]
                if next >= 0x80 || Folding.isASCIIAlnum(next) { return nil }
            }
        }
        let length = end - start
        var canonical: Int? = nil
        if mode == .document, !hasDigit {
            canonical = matchSynonymPair(length: length, start: start, end: end)
        } else {
            resetSynonymState()
        }
        let n = normalize(length: length, lettersOnly: !hasDigit, isPrefix: isPrefix(endingAt: end), hash: hash)
        try emitTerm(length: n, start, end, colocated: false, sink)
        if let canonical {
            let length = Synonyms.pairTable.copyValue(of: canonical, to: term)
            try emitTerm(length: length, synonymMatchStart, end, colocated: true, sink)
        }
        return end
    }

    /// True when a word character starts at `index`.
    @inline(__always) func isWordStart(_ index: Int) -> Bool {
        guard index < text.count else { return false }
        let byte = text[index]
        if byte < 0x80 { return Folding.isASCIIAlnum(byte) }
        return Folding.decode(text, at: index).kind == .word
    }

    /// The connector at `index` (its ASCII form and length), or nil.
    @inline(__always) func connector(at index: Int) -> (UInt8, Int)? {
        let byte = text[index]
        if byte < 0x80 { return Folding.isASCIIConnector(byte) ? (byte, 1) : nil }
        let char = Folding.decode(text, at: index)
        return char.kind == .punct ? (UInt8(char.folded), char.length) : nil
    }

    /// Reads one group starting at `start`, emits its tokens and returns where it ended.
    mutating func scanGroup(from start: Int, _ sink: Sink) rethrows -> Int {
        foldCount = 0
        segmentCount = 0
        var index = start
        var connectorByte: UInt8 = 0
        let count = text.count
        let foldLimit = Self.foldCapacity - 8
        while true {
            let segmentStart = index
            let foldStart = foldCount
            var hasDigit = false
            var hasLetter = false
            var nonASCII = false
            while index < count, foldCount < foldLimit {
                let byte = text[index]
                if byte < 0x80 {
                    guard Folding.isASCIIAlnum(byte) else { break }
                    if byte <= 57 { hasDigit = true } else { hasLetter = true }
                    fold[foldCount] = Folding.lower(byte)
                    foldCount += 1
                    index += 1
                    continue
                }
                let char = Folding.decode(text, at: index)
                if char.kind == .word {
                    let written = Folding.append(char.folded, to: fold + foldCount)
                    if written == 1, fold[foldCount] <= 57 { hasDigit = true } else { hasLetter = true }
                    if written > 1 || fold[foldCount] >= 0x80 { nonASCII = nonASCII || fold[foldCount] >= 0x80 }
                    foldCount += written
                } else if char.kind != .drop {
                    break
                }
                index += char.length
            }
            segments[segmentCount] = Segment(
                foldStart: foldStart, foldEnd: foldCount, byteStart: segmentStart, byteEnd: index,
                connector: connectorByte, hasDigit: hasDigit, hasLetter: hasLetter, nonASCII: nonASCII)
            segmentCount += 1
            guard index < count, segmentCount < Self.maxSegments, foldCount < foldLimit,
                let (next, length) = connector(at: index)
            else { break }
            if let end = URLsAndEmails.scanIfPresent(self, groupStart: start, connector: next, at: index) {
                try emitLink(from: start, to: end.end, isEmail: end.isEmail, sink)
                return end.end
            }
            guard isWordStart(index + length) else { break }
            connectorByte = next
            fold[foldCount] = next
            foldCount += 1
            index += length
        }
        try interpretGroup(end: index, sink)
        return index
    }

    // MARK: Interpretation

    mutating func startUnit(_ s: Int) {
        let segment = segments[s]
        let isNumber = segment.hasDigit && !segment.hasLetter && !segment.nonASCII
        units[unitCount] = Unit(
            firstSegment: s, lastSegment: s, kind: isNumber ? .number : .word, byteStart: segment.byteStart,
            byteEnd: segment.byteEnd, lettersOnly: !segment.hasDigit && !segment.nonASCII)
        unitCount += 1
    }

    mutating func join(_ s: Int, as kind: Unit.Kind) {
        let segment = segments[s]
        units[unitCount - 1].lastSegment = s
        units[unitCount - 1].byteEnd = segment.byteEnd
        units[unitCount - 1].kind = kind
        if segment.connector == UInt8(ascii: ".") { units[unitCount - 1].hasDot = true }
        if segment.hasDigit || segment.nonASCII { units[unitCount - 1].lettersOnly = false }
    }

    mutating func interpretGroup(end: Int, _ sink: Sink) rethrows {
        unitCount = 0
        var chainStart = 0
        for s in 0..<segmentCount {
            let segment = segments[s]
            if s == 0 {
                startUnit(s)
                continue
            }
            let unit = units[unitCount - 1]
            switch segment.connector {
            case UInt8(ascii: "'"):
                if Possessives.isPossessive(segment, fold: fold, isLast: s == segmentCount - 1) {
                    units[unitCount - 1].byteEnd = segment.byteEnd  // highlight "Japan's", index "japan"
                } else {
                    join(s, as: unit.kind == .number ? .word : (unit.kind == .acronym ? .word : unit.kind))
                }
            case UInt8(ascii: "."), UInt8(ascii: ","):
                if let kind = AcronymsAndNumbers.joinKind(unit, segment, connector: segment.connector, segments) {
                    join(s, as: kind)
                } else {
                    try emitChain(chainStart..<unitCount, sink)
                    chainStart = unitCount
                    startUnit(s)
                }
            case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "&"):
                startUnit(s)  // the next part of a compound
            default:
                try emitChain(chainStart..<unitCount, sink)
                chainStart = unitCount
                startUnit(s)
            }
        }
        let last = unitCount - 1
        if units[last].kind == .acronym, end < text.count, text[end] == UInt8(ascii: ".") {
            units[last].byteEnd = end + 1  // "U.S." highlights with its final dot
        }
        try emitChain(chainStart..<unitCount, sink)
    }

    /// Copies the folded bytes of a unit to `destination`, dropping connectors except a number's dots.
    func buildTerm(_ unit: Unit, into destination: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        for s in unit.firstSegment...unit.lastSegment {
            let segment = segments[s]
            if s > unit.firstSegment, unit.kind == .number, segment.connector == UInt8(ascii: ".") {
                destination[n] = UInt8(ascii: ".")
                n += 1
            }
            let length = segment.foldLength
            let source = fold + segment.foldStart
            for k in 0..<length { destination[n + k] = source[k] }  // words are short: no memmove call
            n += length
        }
        return n
    }

    /// True in prefix-query mode when no word follows `end`: that token is the prefix.
    func isPrefix(endingAt end: Int) -> Bool {
        guard mode == .prefixQuery else { return false }
        var index = end
        while index < text.count {
            let byte = text[index]
            if byte >= 0x80 || Folding.isASCIIAlnum(byte) { return false }
            index += 1
        }
        return true
    }

    /// Spelling variants, single-word synonyms and stemming, in place in `term`; returns the length.
    /// `hash` is the cache hash of the term when the caller computed it while folding.
    mutating func normalize(length: Int, lettersOnly: Bool, isPrefix: Bool, hash: UInt32? = nil) -> Int {
        guard lettersOnly else { return length }
        if isPrefix { return normalizePrefix(length: length) }
        guard length <= TermCache.maxLength else { return normalizeWord(length: length) }
        let slot = hash.map(cache.slot(hash:)) ?? cache.slot(for: term, length)
        if let cached = cache.lookup(slot, term, length) { return cached }
        for k in 0..<length { scratch[k] = term[k] }
        let n = normalizeWord(length: length)
        cache.store(slot, key: scratch, length, value: term, n)
        return n
    }

    /// The uncached work of `normalize`.
    func normalizeWord(length: Int) -> Int {
        let n = SpellingVariants.normalize(term, count: length)
        if let entry = Synonyms.singles.find(term, n) { return Synonyms.singles.copyValue(of: entry, to: term) }
        return SnowballEnglish.stem(term, count: n)
    }

    /// The last word of a prefix query is not stemmed: it is only cut back to what the word and its
    /// stem share, so "defense*" still reaches the indexed stem "defens" and "polic*" reaches "polici".
    func normalizePrefix(length: Int) -> Int {
        var n = SpellingVariants.normalize(term, count: length)
        if let entry = Synonyms.singles.find(term, n) { return Synonyms.singles.copyValue(of: entry, to: term) }
        scratch.update(from: term, count: n)
        let stemmed = SnowballEnglish.stem(scratch, count: n)
        n = 0
        while n < stemmed, scratch[n] == term[n] { n += 1 }
        return n
    }

    /// Emits one unit as a token, adding a multi-word synonym when it completes one.
    mutating func emitUnit(_ index: Int, standalone: Bool, _ sink: Sink) rethrows {
        let unit = units[index]
        var n = buildTerm(unit, into: term)
        var canonical: Int? = nil
        if mode == .document, standalone, unit.kind == .word, unit.lettersOnly {
            canonical = matchSynonymPair(length: n, start: unit.byteStart, end: unit.byteEnd)
        } else {
            resetSynonymState()
        }
        n = normalize(length: n, lettersOnly: unit.lettersOnly, isPrefix: isPrefix(endingAt: unit.byteEnd))
        try emitTerm(length: n, unit.byteStart, unit.byteEnd, colocated: false, sink)
        if let canonical {
            let length = Synonyms.pairTable.copyValue(of: canonical, to: term)
            try emitTerm(length: length, synonymMatchStart, unit.byteEnd, colocated: true, sink)
        }
    }
}
