/// The Snowball English ("Porter2") stemmer, as defined by Snowball 3.1's `english.sbl`.
///
/// It works in place on lower-case ASCII bytes and never makes the word longer, so the analyzer can
/// stem inside its reusable term buffer without allocating. Agreement with the reference
/// implementation is checked over the whole Snowball English vocabulary (`snowball-english.tsv`).
///
/// ```swift
/// SnowballEnglish.stem("generously")  // "generous"
/// ```
///
/// Reference: https://snowballstem.org/algorithms/english/stemmer.html
public enum SnowballEnglish {
    /// Stems one lower-case word; convenience for tests and tools (allocates).
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        let count = bytes.withUnsafeMutableBufferPointer { stem($0.baseAddress!, count: $0.count) }
        return String(decoding: bytes[0..<count], as: UTF8.self)
    }

    /// Stems the `count` bytes at `word` in place and returns the new length (never larger).
    /// The bytes must be lower-case ASCII; anything else is left as the algorithm leaves it.
    public static func stem(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        if count == 0 { return 0 }
        var w = SnowballWord(bytes: word, count: count)
        if w.applyExceptions() { return w.count }
        if count < 3 { return count }
        w.prelude()
        w.markRegions()
        w.step1a()
        w.step1b()
        w.step1c()
        w.step2()
        w.step3()
        w.step4()
        w.step5()
        w.postlude()
        return w.count
    }
}

/// Working state of one stemming run: the bytes, their length and the regions R1 and R2.
struct SnowballWord {
    let bytes: UnsafeMutablePointer<UInt8>
    var count: Int
    var r1 = 0
    var r2 = 0
    var foundY = false

    init(bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    // MARK: Character classes ("Y" marks a y that acts as a consonant, so it is never a vowel).

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
            UInt8(ascii: "y"):
            return true
        default: return false
        }
    }

    @inline(__always) func vowel(at i: Int) -> Bool { Self.isVowel(bytes[i]) }

    @inline(__always) func ends(with suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard n <= count else { return false }
        let s = suffix.utf8Start
        for k in 0..<n where bytes[count - n + k] != s[k] { return false }
        return true
    }

    @inline(__always) func equals(_ text: StaticString, upTo end: Int) -> Bool {
        let n = text.utf8CodeUnitCount
        guard n == end else { return false }
        let s = text.utf8Start
        for k in 0..<n where bytes[k] != s[k] { return false }
        return true
    }

    @inline(__always) func starts(with prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard n <= count else { return false }
        let s = prefix.utf8Start
        for k in 0..<n where bytes[k] != s[k] { return false }
        return true
    }

    /// Replaces the last `suffixLength` bytes by `replacement` (never longer than the suffix here).
    @inline(__always) mutating func replace(suffixLength: Int, with replacement: StaticString) {
        let start = count - suffixLength
        let n = replacement.utf8CodeUnitCount
        let s = replacement.utf8Start
        for k in 0..<n { bytes[start + k] = s[k] }
        count = start + n
    }

    /// True when the word up to `end` ends in a short syllable.
    func endsInShortSyllable(_ end: Int) -> Bool {
        if end >= 3 {
            let c = bytes[end - 1]
            let isWXY = c == UInt8(ascii: "w") || c == UInt8(ascii: "x") || c == UInt8(ascii: "Y")
            if !Self.isVowel(c), !isWXY, vowel(at: end - 2), !vowel(at: end - 3) { return true }
        }
        if end == 2, !vowel(at: 1), vowel(at: 0) { return true }
        if end >= 4, bytes[end - 4] == UInt8(ascii: "p"), bytes[end - 3] == UInt8(ascii: "a"),
            bytes[end - 2] == UInt8(ascii: "s"), bytes[end - 1] == UInt8(ascii: "t")
        {
            return true
        }
        return false
    }

    // MARK: Steps

    /// Whole words with an irregular stem; true when one matched (stemming is then over).
    mutating func applyExceptions() -> Bool {
        guard count >= 3, count <= 6 else { return false }
        switch bytes[0] {  // every exception starts with one of these letters
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "e"), UInt8(ascii: "g"),
            UInt8(ascii: "h"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "s"),
            UInt8(ascii: "u"):
            break
        default:
            return false
        }
        for (word, stem) in Self.exceptions where equals(word, upTo: count) {
            if let stem {
                let n = stem.utf8CodeUnitCount
                for k in 0..<n { bytes[k] = stem.utf8Start[k] }
                count = n
            }
            return true
        }
        return false
    }

    static let exceptions: [(StaticString, StaticString?)] = [
        ("skis", "ski"), ("skies", "sky"), ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"),
        ("early", "earli"), ("only", "onli"), ("singly", "singl"), ("sky", nil), ("news", nil),
        ("howe", nil), ("atlas", nil), ("cosmos", nil), ("bias", nil), ("andes", nil),
    ]

    mutating func prelude() {
        if bytes[0] == UInt8(ascii: "'") {
            for k in 1..<count { bytes[k - 1] = bytes[k] }
            count -= 1
        }
        guard count > 0 else { return }
        if bytes[0] == UInt8(ascii: "y") {
            bytes[0] = UInt8(ascii: "Y")
            foundY = true
        }
        var i = 1
        while i < count {
            if bytes[i] == UInt8(ascii: "y"), vowel(at: i - 1) {
                bytes[i] = UInt8(ascii: "Y")
                foundY = true
            }
            i += 1
        }
    }

    mutating func markRegions() {
        r1 = count
        r2 = count
        var i = 0
        var prefixed = false
        let first = bytes[0]
        let mayHavePrefix = first == UInt8(ascii: "a") || first == UInt8(ascii: "c") || first == UInt8(ascii: "e")
            || first == UInt8(ascii: "g") || first == UInt8(ascii: "i") || first == UInt8(ascii: "l")
            || first == UInt8(ascii: "o") || first == UInt8(ascii: "p") || first == UInt8(ascii: "u")
        for prefix in Self.regionPrefixes where mayHavePrefix && starts(with: prefix) {
            i = prefix.utf8CodeUnitCount
            prefixed = true
            break
        }
        if !prefixed {
            guard let next = regionEnd(from: 0) else { return }
            i = next
        }
        r1 = i
        if let next = regionEnd(from: r1) { r2 = next }
    }

    /// Prefixes after which R1 starts, overriding the vowel rule ("generous" keeps "gener").
    static let regionPrefixes: [StaticString] = [
        "arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers",
    ]

    /// The position after the first non-vowel that follows a vowel, from `start`.
    func regionEnd(from start: Int) -> Int? {
        var i = start
        while i < count, !vowel(at: i) { i += 1 }
        guard i < count else { return nil }
        i += 1
        while i < count, vowel(at: i) { i += 1 }
        guard i < count else { return nil }
        return i + 1
    }

    mutating func step1a() {
        if ends(with: "'s'") {
            count -= 3
        } else if ends(with: "'s") {
            count -= 2
        } else if ends(with: "'") {
            count -= 1
        }
        if ends(with: "sses") {
            count -= 2
        } else if ends(with: "ied") || ends(with: "ies") {
            // "ties" -> "tie" but "cries" -> "cri": keep the e after a single letter.
            count -= count - 3 >= 2 ? 2 : 1
        } else if ends(with: "ss") || ends(with: "us") {
            return
        } else if ends(with: "s") {
            // Delete the s when a vowel occurs before the letter preceding it ("gaps" but not "gas").
            guard count >= 3 else { return }
            var i = count - 3
            while i >= 0 {
                if vowel(at: i) {
                    count -= 1
                    return
                }
                i -= 1
            }
        }
    }

    mutating func step1b() {
        let start: Int
        if ends(with: "eedly") || ends(with: "eed") {
            start = count - (ends(with: "eedly") ? 5 : 3)
            guard start >= r1 else { return }
            if equals("succ", upTo: start) || equals("proc", upTo: start) || equals("exc", upTo: start) { return }
            count = start + 2
            return
        } else if ends(with: "ingly") || ends(with: "edly") {
            start = count - (ends(with: "ingly") ? 5 : 4)
        } else if ends(with: "ing") {
            start = count - 3
            if start >= 2, bytes[start - 1] == UInt8(ascii: "y"), start - 2 == 0, !vowel(at: 0) {
                // "dying" -> "die", "lying" -> "lie".
                bytes[start - 1] = UInt8(ascii: "i")
                bytes[start] = UInt8(ascii: "e")
                count = start + 1
                return
            }
            for word in Self.ingExceptions where equals(word, upTo: start) { return }
        } else if ends(with: "ed") {
            start = count - 2
        } else {
            return
        }
        var hasVowel = false
        for i in 0..<start where vowel(at: i) {
            hasVowel = true
            break
        }
        guard hasVowel else { return }
        count = start
        if ends(with: "at") || ends(with: "bl") || ends(with: "iz") {
            bytes[count] = UInt8(ascii: "e")
            count += 1
        } else if count >= 2, bytes[count - 1] == bytes[count - 2], Self.isUndoubled(bytes[count - 1]) {
            // "hopped" -> "hop", but "added" keeps "add" (a vowel a/e/o then the double, alone).
            if count == 3, bytes[0] == UInt8(ascii: "a") || bytes[0] == UInt8(ascii: "e")
                || bytes[0] == UInt8(ascii: "o")
            {
                return
            }
            count -= 1
        } else if count == r1, endsInShortSyllable(count) {
            bytes[count] = UInt8(ascii: "e")
            count += 1
        }
    }

    /// Words that keep "ing" because what precedes it is the whole word ("inning", "evening").
    static let ingExceptions: [StaticString] = ["even", "cann", "inn", "earr", "herr", "out"]

    @inline(__always) static func isUndoubled(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "m"),
            UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    mutating func step1c() {
        guard count >= 3 else { return }
        let last = bytes[count - 1]
        guard last == UInt8(ascii: "y") || last == UInt8(ascii: "Y") else { return }
        if !vowel(at: count - 2) { bytes[count - 1] = UInt8(ascii: "i") }
    }

    /// Replaces `suffix` by `replacement` when the word ends with it and it lies in R1 (or R2).
    /// Returns true when the word ends with `suffix`: the step is then over, applied or not, because
    /// Snowball's `among` picks the longest matching suffix before testing its condition.
    @inline(__always) mutating func rule(_ suffix: StaticString, _ replacement: StaticString, region: Int) -> Bool {
        guard ends(with: suffix) else { return false }
        if count - suffix.utf8CodeUnitCount >= region { replace(suffixLength: suffix.utf8CodeUnitCount, with: replacement) }
        return true
    }

    /// Step 2, dispatched on the last letter; within a letter, longest suffix first.
    mutating func step2() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "i"):
            if rule("biliti", "ble", region: r1) || rule("lessli", "less", region: r1) || rule("aliti", "al", region: r1)
                || rule("entli", "ent", region: r1) || rule("fulli", "ful", region: r1)
                || rule("iviti", "ive", region: r1) || rule("ousli", "ous", region: r1)
                || rule("abli", "able", region: r1) || rule("alli", "al", region: r1)
                || rule("anci", "ance", region: r1) || rule("enci", "ence", region: r1)
                || rule("bli", "ble", region: r1)
            {
                return
            }
            if ends(with: "ogi") {
                let start = count - 3
                if start >= r1, start >= 1, bytes[start - 1] == UInt8(ascii: "l") { replace(suffixLength: 3, with: "og") }
                return
            }
            let start = count - 2
            if bytes[start] == UInt8(ascii: "l"), start >= r1, start >= 1, Self.isValidLiEnding(bytes[start - 1]) {
                count = start
            }
        case UInt8(ascii: "l"):
            _ = rule("ational", "ate", region: r1) || rule("tional", "tion", region: r1)
        case UInt8(ascii: "m"):
            _ = rule("alism", "al", region: r1)
        case UInt8(ascii: "n"):
            _ = rule("ization", "ize", region: r1) || rule("ation", "ate", region: r1)
        case UInt8(ascii: "r"):
            _ = rule("ator", "ate", region: r1) || rule("izer", "ize", region: r1)
        case UInt8(ascii: "s"):
            _ = rule("fulness", "ful", region: r1) || rule("iveness", "ive", region: r1)
                || rule("ousness", "ous", region: r1)
        case UInt8(ascii: "t"):
            _ = rule("ogist", "og", region: r1)
        default:
            return
        }
    }

    @inline(__always) static func isValidLiEnding(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"), UInt8(ascii: "h"),
            UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return true
        default: return false
        }
    }

    mutating func step3() {
        guard count >= 3 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "e"):
            if ends(with: "ative") {
                if count - 5 >= r1, count - 5 >= r2 { count -= 5 }
                return
            }
            _ = rule("alize", "al", region: r1) || rule("icate", "ic", region: r1)
        case UInt8(ascii: "i"):
            _ = rule("iciti", "ic", region: r1)
        case UInt8(ascii: "l"):
            _ = rule("ational", "ate", region: r1) || rule("tional", "tion", region: r1)
                || rule("ical", "ic", region: r1) || rule("ful", "", region: r1)
        case UInt8(ascii: "s"):
            _ = rule("ness", "", region: r1)
        default:
            return
        }
    }

    mutating func step4() {
        guard count >= 2 else { return }
        switch bytes[count - 1] {
        case UInt8(ascii: "c"):
            _ = rule("ic", "", region: r2)
        case UInt8(ascii: "e"):
            _ = rule("ance", "", region: r2) || rule("ence", "", region: r2) || rule("able", "", region: r2)
                || rule("ible", "", region: r2) || rule("ate", "", region: r2) || rule("ive", "", region: r2)
                || rule("ize", "", region: r2)
        case UInt8(ascii: "i"):
            _ = rule("iti", "", region: r2)
        case UInt8(ascii: "l"):
            _ = rule("al", "", region: r2)
        case UInt8(ascii: "m"):
            _ = rule("ism", "", region: r2)
        case UInt8(ascii: "n"):
            if ends(with: "ion") {
                let start = count - 3
                if start >= r2, start >= 1, bytes[start - 1] == UInt8(ascii: "s") || bytes[start - 1] == UInt8(ascii: "t") {
                    count = start
                }
            }
        case UInt8(ascii: "r"):
            _ = rule("er", "", region: r2)
        case UInt8(ascii: "s"):
            _ = rule("ous", "", region: r2)
        case UInt8(ascii: "t"):
            _ = rule("ement", "", region: r2) || rule("ment", "", region: r2) || rule("ant", "", region: r2)
                || rule("ent", "", region: r2)
        default:
            return
        }
    }

    mutating func step5() {
        guard count >= 1 else { return }
        let start = count - 1
        if bytes[start] == UInt8(ascii: "e") {
            if start >= r2 || (start >= r1 && !endsInShortSyllable(start)) { count = start }
        } else if bytes[start] == UInt8(ascii: "l") {
            if start >= r2, start >= 1, bytes[start - 1] == UInt8(ascii: "l") { count = start }
        }
    }

    mutating func postlude() {
        guard foundY else { return }
        for i in 0..<count where bytes[i] == UInt8(ascii: "Y") { bytes[i] = UInt8(ascii: "y") }
    }
}
