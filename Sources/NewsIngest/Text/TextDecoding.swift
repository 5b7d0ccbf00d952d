import Foundation

/// Decides whether bytes are text and decodes them.
enum TextDecoding {
    /// UTF-8 (with or without BOM), UTF-16 and UTF-32 (with a BOM, or UTF-16 recognised by its zero
    /// bytes), else windows-1252 for legacy Latin-1 files (the UTF-8 sequences in them kept).
    /// - Throws: ``IngestError/binary`` for data that is not text, ``IngestError/undecodable(_:)`` for
    ///   bytes that announce an encoding they then break.
    static func decode(_ data: Data) throws -> String {
        if let (encoding, name, skip) = unicodeEncoding(of: data) {
            guard let text = String(data: data.dropFirst(skip), encoding: encoding) else {
                throw IngestError.undecodable(name)
            }
            return text
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // A NUL byte in the first block is the cheapest reliable sign of a binary file.
        if bytes.prefix(8192).contains(0) { throw IngestError.binary }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        // Not UTF-8 and no NUL: an old Latin-1/windows-1252 text file, or binary without NULs.
        // Control bytes other than tab, CR, LF and form feed mean binary.
        let controls = bytes.prefix(8192).filter { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C].contains($0) }.count
        guard controls == 0 else { throw IngestError.binary }
        // Byte by byte: a file of windows-1252 reads as before, and one that mixes in UTF-8 (two exports
        // appended) keeps that part as written.
        return mixed(bytes).text
    }

    /// The wide Unicode encoding the bytes are in, its name, and how many BOM bytes to skip; nil for
    /// anything else. Windows editors save "Unicode" text as UTF-16 little-endian, usually with a BOM;
    /// without one, text in a Latin script still shows itself by a zero in every other byte.
    static func unicodeEncoding(of data: Data) -> (String.Encoding, String, Int)? {
        if data.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return (.utf32LittleEndian, "UTF-32LE", 4) }
        if data.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return (.utf32BigEndian, "UTF-32BE", 4) }
        if data.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, "UTF-16LE", 2) }
        if data.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, "UTF-16BE", 2) }
        let head = Array(data.prefix(1024))
        guard head.count >= 8, head.count % 2 == 0 || data.count > head.count else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for index in stride(from: 0, to: head.count - 1, by: 2) {
            if head[index] == 0 { zeroEven += 1 }
            if head[index + 1] == 0 { zeroOdd += 1 }
        }
        let pairs = head.count / 2
        // Nine in ten pairs with exactly one zero half: no UTF-8 text or binary format looks like that.
        if zeroOdd * 10 >= pairs * 9 && zeroEven * 10 <= pairs { return (.utf16LittleEndian, "UTF-16LE", 0) }
        if zeroEven * 10 >= pairs * 9 && zeroOdd * 10 <= pairs { return (.utf16BigEndian, "UTF-16BE", 0) }
        return nil
    }

    /// UTF-8 where the bytes are UTF-8, and windows-1252 for each byte that is not, with how many such
    /// bytes there were: a record of a UTF-8 dump with a few Latin-1 bytes (`caf\xE9`) keeps both its
    /// `é` and its correctly encoded `ü`.
    static func mixed(_ data: Data) -> (text: String, foreign: Int) {
        let bytes = [UInt8](data)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var foreign = 0
        var at = 0
        while at < bytes.count {
            let length = utf8SequenceLength(bytes, at: at)
            if length > 0 {
                out.append(contentsOf: bytes[at..<at + length])
                at += length
            } else {
                out.append(contentsOf: Array(HTMLDocument.windows1252(Data([bytes[at]])).utf8))
                foreign += 1
                at += 1
            }
        }
        return (String(decoding: out, as: UTF8.self), foreign)
    }

    /// The length of the well-formed UTF-8 sequence starting at `at`, or 0 (RFC 3629: no overlong
    /// forms, no surrogates, nothing past U+10FFFF).
    private static func utf8SequenceLength(_ bytes: [UInt8], at: Int) -> Int {
        let lead = bytes[at]
        if lead < 0x80 { return 1 }
        let (length, low, high): (Int, UInt8, UInt8) =
            switch lead {
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard length > 0, at + length <= bytes.count, (low...high).contains(bytes[at + 1]) else { return 0 }
        for index in at + 2..<at + length where !(0x80...0xBF).contains(bytes[index]) { return 0 }
        return length
    }
}
