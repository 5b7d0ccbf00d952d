/// The word shingles of a text as 64-bit hashes: what near-duplicate signatures are made of.
///
/// Words are runs of ASCII letters and digits (lowercased) or of non-ASCII bytes; a shingle is three
/// consecutive words, order kept. Copies of a story share most of their shingles even after an outlet
/// rewrites the headline, drops a paragraph or adds its own lines; two reports of one event share few,
/// as they name the same people in different sentences.
///
/// ```swift
/// let hashes = ShingleHashes.of("The bank raised its rate by half a point.")  // 7 shingles
/// ```
public enum ShingleHashes {
    /// Words per shingle. Two-word shingles are shared by unrelated reports ("the company", "said
    /// it"); longer ones break at every small edit.
    public static let width = 3

    public static func of(_ text: String) -> [UInt64] {
        var text = text
        return text.withUTF8 { of(bytes: $0) }
    }

    static func of(bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
        var shingles: [UInt64] = []
        shingles.reserveCapacity(bytes.count / 5)
        var recent: (UInt64, UInt64) = (0, 0)
        var words = 0
        var hash: UInt64 = fnvOffset
        var inWord = false
        func endWord() {
            if words >= width - 1 { shingles.append(mix(mix(mix(recent.0) ^ recent.1) ^ hash)) }
            recent = (recent.1, hash)
            words += 1
            hash = fnvOffset
            inWord = false
        }
        for byte in bytes {
            var folded = byte
            let isWordByte: Bool
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = byte | 0x20; isWordByte = true
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): isWordByte = true
            default: isWordByte = byte >= 0x80
            }
            if isWordByte {
                hash = (hash ^ UInt64(folded)) &* fnvPrime
                inWord = true
            } else if inWord {
                endWord()
            }
        }
        if inWord { endWord() }
        return shingles
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// SplitMix64's finaliser: spreads FNV's weak low bits over the whole word.
    @inline(__always) public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
