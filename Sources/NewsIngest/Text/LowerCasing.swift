extension StringProtocol {
    /// The same text as `lowercased()`, with ASCII lowered byte by byte. The standard library maps a
    /// string holding any non-ASCII character scalar by scalar through Unicode's tables, ASCII
    /// included (about 200 instructions a letter): a German paragraph with one umlaut paid that for
    /// every letter, and lower-casing lines and date texts was a twentieth of a one-page `extract`.
    func lowercasedFast() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
