import NewsDates

extension Character {
    /// White space, with a fast path for ASCII (Unicode property look-ups dominate text cleaning otherwise).
    var isFastWhitespace: Bool {
        switch self {
        case " ", "\n", "\t", "\r", "\r\n": true
        default: !isASCII && isWhitespace
        }
    }
}

extension String {
    /// `trimmingWhitespace().isEmpty`, from the first byte when that settles it: a line that starts
    /// with an ASCII byte other than white space is not blank. Asked of every line of every article,
    /// several times; the generic trim behind it cost ~160 instructions a call.
    var isBlank: Bool {
        let first = utf8.withContiguousStorageIfAvailable { $0.first } ?? utf8.first
        guard let first else { return true }
        if first < 0x80, first != 0x20, !(0x09...0x0D).contains(first) { return false }
        return trimmingWhitespace().isEmpty
    }
}

extension StringProtocol {
    /// Runs of white space become one space; leading and trailing white space goes.
    func collapsingWhitespace() -> String {
        // Over UTF-8 bytes: a grapheme walk with Unicode property look-ups was most of the cost of
        // reading a page. The multi-byte spaces are those of Unicode's White_Space property.
        let source = Array(utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var pendingSpace = false
        var index = 0
        while index < source.count {
            let byte = source[index]
            let width = Self.whitespaceWidth(source, at: index)
            if width > 0 {
                pendingSpace = !bytes.isEmpty
                index += width
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The length in bytes of the white space character at `index`, or 0.
    private static func whitespaceWidth(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        // As `isFastWhitespace`: vertical tab and form feed are not separators here.
        if byte < 0x80 { return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D ? 1 : 0 }
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch byte {
        case 0xC2: return next == 0x85 || next == 0xA0 ? 2 : 0
        case 0xE1: return next == 0x9A && third == 0x80 ? 3 : 0
        case 0xE2:
            if next == 0x80, (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF { return 3 }
            return next == 0x81 && third == 0x9F ? 3 : 0
        case 0xE3: return next == 0x80 && third == 0x80 ? 3 : 0
        default: return 0
        }
    }
}
