/// Text as every reader hands it on: one kind of line end and no NUL characters.
///
/// Files written on Windows end lines with CR LF, old Mac files with CR alone, and some exports with
/// U+2028/U+2029 or NEL. A `String` keeps CR LF as one `Character` that is not `"\n"`, so a reader
/// splitting on `"\n"` would see a whole CR LF file as one line (its title swallowing the article).
/// NUL is never text: SQLite's C interface would end the string at it and lose what follows.
enum InputText {
    /// The text with every line end made `"\n"` and NUL characters removed, and how many NULs went.
    static func normalized(_ text: String) -> (text: String, removedNULs: Int) {
        guard needsWork(text) else { return (text, 0) }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.utf8.count)
        var removed = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00:
                removed += 1
                continue
            case 0x0A:
                if !previousWasCR { scalars.append("\n") }
            case 0x0D, 0x85, 0x2028:
                scalars.append("\n")
            case 0x2029:
                scalars.append("\n")
                scalars.append("\n")
            default:
                scalars.append(scalar)
            }
            previousWasCR = scalar.value == 0x0D
        }
        return (String(scalars), removed)
    }

    /// The text without its NUL characters, and how many went; nothing else changes (ids, URLs).
    static func withoutNUL(_ text: String) -> (text: String, removedNULs: Int) {
        guard text.utf8.contains(0) else { return (text, 0) }
        let kept = text.unicodeScalars.filter { $0.value != 0 }
        return (String(String.UnicodeScalarView(kept)), text.unicodeScalars.count - kept.count)
    }

    /// The note that says NULs were removed.
    static func nulNote(_ count: Int) -> String {
        "\(count) NUL character\(count == 1 ? "" : "s") removed (text never holds them)"
    }

    /// Whether any byte of the text starts a NUL, CR, NEL, U+2028 or U+2029: one pass over the bytes,
    /// so that the common case (LF-only UTF-8) costs no copy.
    private static func needsWork(_ text: String) -> Bool {
        let check: (UnsafeBufferPointer<UInt8>) -> Bool = { bytes in
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time past those that cannot start any of them (nearly all): the
                // byte loop alone was a twentieth of reading a record.
                if index + 8 <= bytes.count, let base = bytes.baseAddress,
                    !mayStartLineEndOrNUL(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                switch bytes[index] {
                case 0x00, 0x0D: return true
                case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return true
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    return true
                default: break
                }
                index += 1
            }
            return false
        }
        if let answer = text.utf8.withContiguousStorageIfAvailable(check) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(check)
    }

    /// Whether any of eight bytes is NUL, CR, or 0xC2 or 0xE2 (the first bytes of NEL, U+2028 and
    /// U+2029); it may say yes when none is, never no when one is.
    private static func mayStartLineEndOrNUL(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & (0x80 * ones) != 0 }
        return hasZeroByte(word) || hasZeroByte(word ^ (0x0D * ones)) || hasZeroByte(word ^ (0xC2 * ones))
            || hasZeroByte(word ^ (0xE2 * ones))
    }
}
