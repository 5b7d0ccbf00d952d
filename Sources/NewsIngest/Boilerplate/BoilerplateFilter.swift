import Foundation
import NewsDates

/// Removes web boilerplate from article text, line by line, and says why each line went.
///
/// Several signals, because no single list catches a scraped page's furniture:
/// phrase patterns (``BoilerplatePhrases``), separators and empty labels, end-of-article markers
/// ("LEAVE A REPLY", "Related Tags") that cut the tail, runs of short headline-like lines (a list of
/// links to other articles), and lines a ``BoilerplateModel`` has seen across many documents of the source.
///
/// ```swift
/// let cleaned = BoilerplateFilter().clean("Rutte met Ishiba in Tokyo.\nAdvertisement\n-\nShare post:")
/// cleaned.text            // "Rutte met Ishiba in Tokyo."
/// cleaned.removed.count   // 3
/// ```
public struct BoilerplateFilter: Sendable {
    /// Lines repeated across a source's documents; consulted only when a source is given.
    public var model: BoilerplateModel?

    /// A line longer than this is prose: it ends a list and is never taken for a headline.
    static let listLineLimit = 150
    /// How much prose must come before an end-of-article marker for it to count as the end.
    static let articleStartChars = 200

    public init(model: BoilerplateModel? = nil) {
        self.model = model
    }

    /// Cleans text whose lines are paragraphs (blank lines between them are kept as single blank lines).
    public func clean(_ text: String, source: String? = nil) -> CleanedText {
        let lines = text.lineSlices(omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        let (kept, removed) = cleanLines(lines, source: source)
        return CleanedText(text: Self.join(kept), removed: removed)
    }

    /// Cleans lines; returns the kept lines (blank ones included) and the removed ones with reasons.
    func cleanLines(_ lines: [String], source: String?) -> (kept: [String], removed: [RemovedLine]) {
        var verdicts = [RemovedLine?](repeating: nil, count: lines.count)
        // Lines longer than any phrase rule are prose; they are not normalised to the end.
        var buffer: [UInt8] = []
        let normalized = lines.map { Self.normalize($0, upTo: BoilerplatePhrases.longestMatch, buffer: &buffer) }
        var proseSoFar = 0
        var index = 0
        while index < lines.count {
            let line = normalized[index]
            defer { index += 1 }
            if lines[index].isBlank { continue }
            if let reason = Self.separatorVerdict(lines[index]) {
                verdicts[index] = reason
                continue
            }
            if let line, let rule = BoilerplatePhrases.firstMatch(line) {
                let raw = lines[index].trimmingWhitespace()
                switch rule.effect {
                case .line:
                    verdicts[index] = RemovedLine(text: raw, kind: rule.kind, detail: "matches '\(rule.pattern)'")
                case .list:
                    verdicts[index] = RemovedLine(text: raw, kind: rule.kind, detail: "list heading '\(rule.pattern)'")
                    // Before the article has begun, a list heading is page furniture above the headline:
                    // what follows may be the article itself, so only the heading goes.
                    guard proseSoFar >= Self.articleStartChars else { continue }
                    var next = index + 1
                    while next < lines.count, Self.isListLike(lines[next]) {
                        if let separator = Self.separatorVerdict(lines[next]) {
                            verdicts[next] = separator
                        } else if !lines[next].isBlank, verdicts[next] == nil {
                            verdicts[next] = RemovedLine(
                                text: lines[next].trimmingWhitespace(), kind: .relatedList,
                                detail: "list under '\(raw)'")
                        }
                        next += 1
                    }
                    index = next - 1
                case .endOfArticle:
                    if proseSoFar >= Self.articleStartChars {
                        for tail in index..<lines.count
                        where !lines[tail].isBlank && verdicts[tail] == nil {
                            verdicts[tail] = Self.separatorVerdict(lines[tail]) ?? RemovedLine(
                                text: lines[tail].trimmingWhitespace(),
                                kind: tail == index ? rule.kind : .afterEndMarker, detail: "after '\(raw)'")
                        }
                        index = lines.count
                    } else {
                        verdicts[index] = RemovedLine(text: raw, kind: rule.kind, detail: "matches '\(rule.pattern)'")
                    }
                }
                continue
            }
            if let reason = Self.labelVerdict(lines[index]) {
                verdicts[index] = reason
                continue
            }
            // The line is normalised already (nil: longer than a learned line can be).
            if let model, let source, let line, model.isRepeated(normalized: line, source: source) {
                verdicts[index] = RemovedLine(
                    text: lines[index].trimmingWhitespace(), kind: .repeatedLine,
                    detail: "seen in many documents of \(source)")
                continue
            }
            // Only ever compared with articleStartChars: past it, long lines need not be measured.
            // (A line too long to normalise is longer than that limit anyway.)
            if proseSoFar < Self.articleStartChars { proseSoFar += line?.characterCount ?? Self.articleStartChars }
        }
        markHeadlineRuns(lines: lines, verdicts: &verdicts)
        var kept: [String] = []
        var removed: [RemovedLine] = []
        for (line, verdict) in zip(lines, verdicts) {
            if let verdict { removed.append(verdict) } else { kept.append(line) }
        }
        return (kept, removed)
    }

    /// A line of separators only ("-", "•", "* * *").
    static func separatorVerdict(_ original: String) -> RemovedLine? {
        // A line that starts with an ASCII letter or digit (prose, nearly every line) is no separator:
        // trimming it and asking each scalar's properties was a fortieth of cleaning.
        if let first = original.utf8.first, Self.startsNoSeparator(first) { return nil }
        let raw = original.trimmingWhitespace()
        if raw.unicodeScalars.allSatisfy({ isSeparator($0) || $0.properties.isWhitespace }) {
            return RemovedLine(text: raw, kind: .separator, detail: "separator only")
        }
        return nil
    }

    /// A field label with nothing after it: "Date:", "Author:", "Tarih:". One word only, so that
    /// "He said:" before a quotation stays.
    static func labelVerdict(_ original: String) -> RemovedLine? {
        let raw = original.trimmingWhitespace()
        guard raw.hasASCIISuffix(":"), (2...20).contains(raw.characterCount) else { return nil }
        let word = raw.dropLast()
        guard word.allSatisfy(\.isLetter), word.first?.isUppercase == true else { return nil }
        return RemovedLine(text: raw, kind: .emptyLabel, detail: "label without a value")
    }

    /// Whether a line whose first byte is `byte` cannot be a separator line: an ASCII letter or digit is
    /// neither white space nor a separator, so the first scalar of the trimmed line fails the test.
    static func startsNoSeparator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    // Switches, not sets: a process's first `Set` of a new element type costs a scan of the runtime's
    // conformance table (~0.5 M instructions), and a one-page `extract` met these sets once.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "–", "—", "•", "·", "*", "|", "_", "=", "~", "#", "/", "…", ".": true
        default: false
        }
    }

    /// Short lines, separators and teasers ending in "…": what a list of links looks like as text.
    /// A sentence that ends in a full stop and runs past ~90 characters is prose, even when short.
    static func isListLike(_ original: String) -> Bool {
        let raw = original.trimmingWhitespace()
        let length = raw.characterCount
        if length > listLineLimit { return false }
        let isSentence = raw.hasASCIISuffix(".") && !raw.hasASCIISuffix("...") && length > 90
        return !isSentence
    }

    /// A headline of another article: short, no full stop at the end, starts with a capital, digit or quote.
    static func isHeadlineLike(_ original: String) -> Bool {
        let raw = original.trimmingWhitespace()
        guard (12...listLineLimit).contains(raw.characterCount), let first = raw.first else { return false }
        if raw.hasASCIISuffix("...") || raw.hasEllipsisSuffix { return true }
        if raw.hasASCIISuffix(".") || raw.hasASCIISuffix(":") || raw.hasASCIISuffix(",") { return false }
        return first.isUppercase || first.isNumber || "\"“‘'".contains(first)
    }

    /// A run of at least three headline-like lines separated by separator lines, or at the very end of
    /// the text with at least four of them, is a list of links (seed pages end with such lists).
    func markHeadlineRuns(lines: [String], verdicts: inout [RemovedLine?]) {
        // Separated runs: headline, "-", headline, "-", headline ...
        var index = 0
        while index < lines.count {
            var cursor = index
            var members: [Int] = []
            var separated = 0
            while cursor < lines.count {
                if lines[cursor].isBlank || verdicts[cursor]?.kind == .separator {
                    if verdicts[cursor]?.kind == .separator { separated += 1 }
                    cursor += 1
                } else if verdicts[cursor] == nil, Self.isHeadlineLike(lines[cursor]) {
                    members.append(cursor)
                    cursor += 1
                } else {
                    break
                }
            }
            if members.count >= 3, separated >= members.count - 1 {
                for member in members {
                    verdicts[member] = RemovedLine(
                        text: lines[member].trimmingWhitespace(), kind: .headlineList,
                        detail: "\(members.count) short headline-like lines between separators")
                }
            }
            index = max(cursor, index + 1)
        }
        // Unseparated tail: four or more headline-like lines close the text, after prose.
        var tail: [Int] = []
        var cursor = lines.count - 1
        while cursor >= 0 {
            if lines[cursor].isBlank || verdicts[cursor] != nil {
                cursor -= 1
            } else if Self.isHeadlineLike(lines[cursor]) {
                tail.append(cursor)
                cursor -= 1
            } else {
                break
            }
        }
        // Measured only when there is a run: it walks every line above it.
        if tail.count >= 4, cursor >= 0, lines[...cursor].contains(where: { $0.characterCount > Self.listLineLimit }) {
            for member in tail {
                verdicts[member] = RemovedLine(
                    text: lines[member].trimmingWhitespace(), kind: .headlineList,
                    detail: "\(tail.count) short headline-like lines end the text")
            }
        }
    }

    /// Lower-cased, spaces collapsed, curly apostrophes straightened, trailing punctuation and ellipses
    /// and leading bullets dropped.
    static func normalize(_ line: String) -> String {
        normalizeASCII(line) ?? normalizeCharacters(line)
    }

    /// ``normalize(_:)`` for any text, Character by Character.
    static func normalizeCharacters(_ line: String) -> String {
        var text = line.lowercasedFast()
        // Both steps walk grapheme clusters; the byte checks in front skip them when they would change nothing.
        if text.utf8.containsBytes(of: "’".utf8), text.contains("’" as Character) {
            text = text.replacingOccurrences(of: "’", with: "'")
        }
        if !isCollapsed(text) { text = text.collapsingWhitespace() }
        while let last = text.last, isTrailingMark(last) { text.removeLast() }
        let start = text.firstIndex { !isLeadingMark($0) } ?? text.endIndex
        return start == text.startIndex ? text : String(text[start...])
    }

    /// Whether `collapsingWhitespace()` would return the text unchanged: its only white space is single
    /// ASCII spaces between other characters. Any non-ASCII white space, and a space that a mark or
    /// joiner would fuse into one Character with what follows, send the text the slow way.
    static func isCollapsed(_ text: String) -> Bool {
        var afterSpace = true  // so that a leading space fails
        for scalar in text.unicodeScalars {
            if scalar == " " {
                if afterSpace { return false }
                afterSpace = true
                continue
            }
            if scalar.isASCII {
                if (0x09...0x0D).contains(scalar.value) { return false }
            } else if scalar.properties.isWhitespace || afterSpace && extendsCluster(scalar) {
                return false
            }
            afterSpace = false
        }
        return !afterSpace
    }

    /// Scalars that join the Character before them (marks, joiners, emoji modifiers), and then some.
    private static func extendsCluster(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .modifierSymbol: return true
        default: return properties.isGraphemeExtend || properties.isEmojiModifier
        }
    }

    private static func isTrailingMark(_ character: Character) -> Bool {
        switch character {
        case ".", "!", "?", ":", "…", " ", ";": true
        default: false
        }
    }

    private static func isLeadingMark(_ character: Character) -> Bool {
        switch character {
        case "-", "•", "*", "·", " ", "–", "—", "›", ">": true
        default: false
        }
    }

    /// ``normalize(_:)``, or nil when the result would be longer than `limit` Characters.
    static func normalize(_ line: String, upTo limit: Int, buffer: inout [UInt8]) -> String? {
        var bytes = line
        switch bytes.withUTF8({ normalizeASCII($0, into: &buffer, limit: limit) }) {
        case .normalized(let range): return String(decoding: buffer[range], as: UTF8.self)
        case .longerThanLimit: return nil
        case .notASCII:
            let text = normalizeCharacters(line)
            return text.characterCount <= limit ? text : nil
        }
    }

    /// ``normalize(_:)`` over bytes, for the usual all-ASCII line; nil for any other. Same result as the
    /// Character path (where only space, tab, CR and LF are white space among ASCII), at a fraction of the
    /// cost: this runs on every line of every article.
    static func normalizeASCII(_ line: String) -> String? {
        var line = line
        var out: [UInt8] = []
        guard case .normalized(let range) = line.withUTF8({ normalizeASCII($0, into: &out) }) else { return nil }
        return String(decoding: out[range], as: UTF8.self)
    }

    /// What ``normalizeASCII(_:into:limit:)`` made of a line.
    enum ASCIILine: Equatable {
        /// The normalised line is `out[range]`.
        case normalized(Range<Int>)
        /// Normalised, the line would be longer than the limit: it stopped reading there.
        case longerThanLimit
        /// The line has a non-ASCII byte; only the Character path can normalise it.
        case notASCII
    }

    /// ``normalizeASCII(_:)`` into a caller's buffer (its bytes outside the returned range are left
    /// over from earlier lines), so that hashing many lines allocates nothing. With a limit it stops as
    /// soon as the result must be longer: most lines of a body are paragraphs, and the callers only
    /// want short lines.
    static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], limit: Int = .max) -> ASCIILine {
        // The result is never longer than the line (white space only shrinks), so it is written
        // through a pointer: appending byte by byte, with a capacity and a uniqueness check each,
        // was most of the cost of cleaning a line.
        if out.count < bytes.count { out = [UInt8](repeating: 0, count: Swift.max(bytes.count, 256)) }
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return .normalized(0..<0) }
        return out.withUnsafeMutableBufferPointer { buffer -> ASCIILine in
            let target = buffer.baseAddress!
            return asciiClasses.withUnsafeBufferPointer { table -> ASCIILine in
                var count = 0
                var pendingSpace = false
                // The result is target[min(leadingRun, solidEnd)..<solidEnd]: trailing . ! ? : ; and spaces
                // cut, then leading - * > and spaces. Once the leading run has ended, its length can only grow.
                var leadingRun = 0
                var inLeadingRun = true
                var solidEnd = 0
                // One table look-up per byte says what it is (the branches of the comparisons it replaces
                // kept the loop's state on the stack): this runs over every short line of every article.
                for offset in 0..<bytes.count {
                    let byte = source[offset]
                    if byte >= 0x80 { return .notASCII }
                    let kind = table[Int(byte)]
                    if kind & Self.asciiSpace != 0 {
                        pendingSpace = count != 0
                        continue
                    }
                    if pendingSpace {
                        target[count] = 0x20
                        count &+= 1
                        pendingSpace = false
                        if inLeadingRun { leadingRun &+= 1 }
                    }
                    target[count] = kind & Self.asciiUpper != 0 ? byte | 0x20 : byte
                    count &+= 1
                    if inLeadingRun {
                        if kind & Self.asciiLeadingMark != 0 { leadingRun &+= 1 } else { inLeadingRun = false }
                    }
                    if kind & Self.asciiTrailingMark == 0 {
                        solidEnd = count
                        if !inLeadingRun && solidEnd &- leadingRun > limit { return .longerThanLimit }
                    }
                }
                return .normalized(Swift.min(leadingRun, solidEnd)..<solidEnd)
            }
        }
    }

    private static let asciiSpace: UInt8 = 1
    private static let asciiUpper: UInt8 = 2
    /// - * > : dropped from the front of a line.
    private static let asciiLeadingMark: UInt8 = 4
    /// . ! ? : ; : dropped from the end of a line.
    private static let asciiTrailingMark: UInt8 = 8

    /// What each ASCII byte is to ``normalizeASCII(_:into:limit:)``; only space, tab, CR and LF are white
    /// space there, as on the Character path.
    private static let asciiClasses: [UInt8] = (0..<128).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x20, 0x0A, 0x09, 0x0D: asciiSpace
        case 0x41...0x5A: asciiUpper
        case 0x2D, 0x2A, 0x3E: asciiLeadingMark
        case 0x2E, 0x21, 0x3F, 0x3A, 0x3B: asciiTrailingMark
        default: 0
        }
    }

    /// Joins kept lines, collapsing runs of blank lines to one and trimming the ends.
    static func join(_ lines: [String]) -> String {
        // Appended into one string sized up front: an array of the trimmed lines, then `joined`, cost
        // 7,000 instructions an article.
        var text = ""
        text.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
        var blankBefore = false
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                blankBefore = !text.isEmpty
                continue
            }
            if !text.isEmpty { text += blankBefore ? "\n\n" : "\n" }
            blankBefore = false
            text += trimmed
        }
        return text
    }
}
