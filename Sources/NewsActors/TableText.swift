/// The generated name tables (`GazetteerData`, `OrganizationData`, `CountryNameData`) read in place, as
/// lines and fields of UTF-8 bytes, by ``GazetteerSource`` (which `gazetteer-tables` and the tests run)
/// and by ``PhraseKey`` for the user dictionary's names: cutting them into arrays of `Substring`s and
/// `String`s cost more than filing the names.
enum TableText {
    /// Calls `body` with the bytes of each non-empty line of `text`. A string literal's bytes are read
    /// where the binary holds them, without a copy.
    static func forEachLine(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                if index > start { body(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                start = index + 1
            }
        }
    }

    /// The parts of `bytes` between `separator`s (empty parts dropped unless `keepingEmpty`).
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ separator: UInt8, keepingEmpty: Bool = false) -> [UnsafeBufferPointer<UInt8>] {
        var fields: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == separator {
            if keepingEmpty || index > start { fields.append(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            start = index + 1
        }
        return fields
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// `string(bytes).lowercased()`, with ASCII lowercased byte by byte (nearly every name).
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard isASCII(bytes) else { return string(bytes).lowercased() }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
            return bytes.count
        }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }
}
