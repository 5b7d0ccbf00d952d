/// A 64-bit FNV-1a digest: enough to tell whether a file or article changed, and fast.
///
/// Not for security: a collision only means a changed file is treated as unchanged, and two
/// unrelated edits with the same size, time and digest are not a case worth a slower hash.
enum ContentHash {
    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func of(_ text: String) -> String { of(text.utf8) }
}
