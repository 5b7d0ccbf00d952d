import Testing

@testable import NewsSearch

/// The columns file's checksum, read a word at a time, is the byte-at-a-time FNV-1a over 8-byte
/// little-endian words that files already on disk were written with.
@Suite struct ColumnChecksumTests {
    static func byteAtATime(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var word: UInt64 = 0
        var filled = 0
        for byte in bytes {
            word |= UInt64(byte) << (8 * filled)
            filled += 1
            if filled == 8 {
                hash = (hash ^ word) &* 0x100_0000_01B3
                (word, filled) = (0, 0)
            }
        }
        if filled > 0 { hash = (hash ^ word) &* 0x100_0000_01B3 }
        return hash
    }

    @Test(arguments: [0, 1, 7, 8, 9, 16, 23, 1_000])
    func wordAtATimeEqualsByteAtATime(_ count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
        #expect(bytes.withUnsafeBytes { ColumnFile.checksum($0) } == Self.byteAtATime(bytes))
    }
}
