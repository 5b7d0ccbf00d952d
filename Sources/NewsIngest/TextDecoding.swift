import Foundation

/// Decides whether bytes are text and decodes them.
enum TextDecoding {
    /// UTF-8 (with or without BOM), else windows-1252 for legacy Latin-1 files; `nil` for binary data.
    static func decode(_ data: Data) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // A NUL byte in the first block is the cheapest reliable sign of a binary file.
        if bytes.prefix(8192).contains(0) { return nil }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        // Not UTF-8 and no NUL: an old Latin-1/windows-1252 text file, or binary without NULs.
        // Control bytes other than tab, CR, LF and form feed mean binary.
        let controls = bytes.prefix(8192).filter { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C].contains($0) }.count
        guard controls == 0 else { return nil }
        return HTMLDocument.windows1252(bytes)
    }
}
