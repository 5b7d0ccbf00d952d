/// URLs and e-mail addresses: kept whole (lower-cased), then their host parts as ordinary words.
///
/// `https://www.Reuters.com/world` is indexed as `https://www.reuters.com/world`, then `reuter` and
/// `com` (stemmed like any word, `www` skipped) at the following positions, each with its own byte
/// range. `Press@State.gov` gives `press@state.gov`, then `press`, `state`, `gov`. So the whole
/// address, the site name and the phrase `"reuters com"` all find them. Detected from `http://`,
/// `https://`, `ftp://`, a leading `www.`, or an `@` between a local part and a dotted domain.
/// Trailing sentence punctuation (`.,;:!?`) is not part of the address.
enum URLsAndEmails {
    struct Found {
        var end: Int
        var isEmail: Bool
    }

    /// Called by the scanner at each connector of a group: the address's end if one starts at `groupStart`.
    static func scanIfPresent(_ run: AnalysisRun, groupStart: Int, connector: UInt8, at index: Int) -> Found? {
        let text = run.text
        switch connector {
        case UInt8(ascii: ":"):
            guard run.segmentCount == 1, index + 3 < text.count, text[index + 1] == UInt8(ascii: "/"),
                text[index + 2] == UInt8(ascii: "/"), isScheme(run)
            else { return nil }
            let end = urlEnd(text, from: index + 3)
            return end > index + 3 ? Found(end: end, isEmail: false) : nil
        case UInt8(ascii: "."):
            guard run.segmentCount == 1, isFirstSegment(run, "www"), run.isWordStart(index + 1) else { return nil }
            return Found(end: urlEnd(text, from: index + 1), isEmail: false)
        case UInt8(ascii: "@"):
            for i in groupStart..<index where !isLocalPartByte(text[i]) { return nil }
            guard let end = emailEnd(text, at: index) else { return nil }
            return Found(end: end, isEmail: true)
        default:
            return nil
        }
    }

    static func isScheme(_ run: AnalysisRun) -> Bool {
        isFirstSegment(run, "http") || isFirstSegment(run, "https") || isFirstSegment(run, "ftp")
    }

    static func isFirstSegment(_ run: AnalysisRun, _ word: StaticString) -> Bool {
        let segment = run.segments[0]
        guard segment.foldLength == word.utf8CodeUnitCount else { return false }
        for k in 0..<segment.foldLength where run.fold[segment.foldStart + k] != word.utf8Start[k] { return false }
        return true
    }

    static func isLocalPartByte(_ byte: UInt8) -> Bool {
        Folding.isASCIIAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "'")
    }

    /// The end of a URL whose body starts at `start`, without trailing sentence punctuation.
    static func urlEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < text.count {
            let byte = text[end]
            guard byte > 0x20, byte < 0x7F else { break }
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("),
                UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"):
                return trimmed(text, start, end)
            default:
                end += 1
            }
        }
        return trimmed(text, start, end)
    }

    static func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start {
            switch text[end - 1] {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"):
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    /// The end of the domain after the `@` at `at`, if it is a dotted domain.
    static func emailEnd(_ text: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
        var end = at + 1
        while end < text.count {
            let byte = text[end]
            guard Folding.isASCIIAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { break }
            end += 1
        }
        while end > at + 1, text[end - 1] == UInt8(ascii: ".") || text[end - 1] == UInt8(ascii: "-") { end -= 1 }
        var dot = -1
        for i in (at + 1)..<end where text[i] == UInt8(ascii: ".") { dot = i }
        guard dot > at + 1, dot < end - 1 else { return nil }
        return end
    }
}

extension AnalysisRun {
    /// Emits an address whole, then its host (URL) or all its parts (e-mail) as words.
    mutating func emitLink(from start: Int, to end: Int, isEmail: Bool, _ sink: Sink) rethrows {
        resetSynonymState()
        var n = 0
        for i in start..<min(end, start + Self.foldCapacity) {
            term[n] = Folding.lower(text[i])
            n += 1
        }
        try emitTerm(length: n, start, end, colocated: false, sink)
        var partsStart = start
        var partsEnd = end
        if !isEmail {
            var i = start
            while i + 2 < end {
                if text[i] == UInt8(ascii: ":"), text[i + 1] == UInt8(ascii: "/"), text[i + 2] == UInt8(ascii: "/") {
                    partsStart = i + 3
                    break
                }
                i += 1
            }
            partsEnd = partsStart
            while partsEnd < end, text[partsEnd] != UInt8(ascii: "/"), text[partsEnd] != UInt8(ascii: "?"),
                text[partsEnd] != UInt8(ascii: "#"), text[partsEnd] != UInt8(ascii: ":")
            {
                partsEnd += 1
            }
        }
        var i = partsStart
        while i < partsEnd {
            guard Folding.isASCIIAlnum(text[i]) else {
                i += 1
                continue
            }
            let partStart = i
            var hasDigit = false
            n = 0
            while i < partsEnd, Folding.isASCIIAlnum(text[i]) {
                if text[i] <= 57 { hasDigit = true }
                term[n] = Folding.lower(text[i])
                n += 1
                i += 1
            }
            if !isEmail, n == 3, term[0] == UInt8(ascii: "w"), term[1] == UInt8(ascii: "w"), term[2] == UInt8(ascii: "w") {
                continue
            }
            n = normalize(length: n, lettersOnly: !hasDigit, isPrefix: false)
            try emitTerm(length: n, partStart, i, colocated: false, sink)
        }
    }
}
