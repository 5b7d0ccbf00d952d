import Foundation

/// A 64-bit FNV-1a digest: enough to tell whether a file, an article or a text changed, and fast.
///
/// Not for security: a collision only means a changed file is treated as unchanged, and two
/// unrelated edits with the same size, time and digest are not a case worth a slower hash.
enum ContentHash {
    /// FNV-1a fed piece by piece; the same digest as hashing the concatenation at once.
    struct Streaming {
        private(set) var digest: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                digest ^= UInt64(byte)
                digest = digest &* 0x0000_0100_0000_01B3
            }
        }

        /// Files and dump chunks come as `Data`, whose element-by-element iterator cost more than the hash itself.
        mutating func add(_ data: Data) {
            data.withUnsafeBytes { add($0) }
        }

        /// A string's UTF-8 read in place: stepping `String.UTF8View` cost the workers more than the hash itself.
        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { add($0) }
        }

        mutating func add(byte: UInt8) {
            digest ^= UInt64(byte)
            digest = digest &* 0x0000_0100_0000_01B3
        }

        /// The digest as 16 hexadecimal digits, as the index stores it.
        var value: String {
            let hex = String(digest, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
    }

    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hash = Streaming()
        hash.add(bytes)
        return hash.value
    }

    static func of(_ data: Data) -> String { data.withUnsafeBytes { of($0) } }

    static func of(_ text: String) -> String {
        var hash = Streaming()
        hash.add(text)
        return hash.value
    }
}
