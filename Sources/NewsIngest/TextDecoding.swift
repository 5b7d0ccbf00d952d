import Foundation

/// Decides whether bytes are text and decodes them.
enum TextDecoding {
    /// UTF-8 (with or without BOM); `nil` for binary data or invalid UTF-8.
    static func decode(_ data: Data) -> String? {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // A NUL byte in the first block is the cheapest reliable sign of a binary file.
        if bytes.prefix(8192).contains(0) { return nil }
        return String(data: bytes, encoding: .utf8)
    }
}
