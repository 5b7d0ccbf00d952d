import Foundation

/// UTF-16 text (with its byte-order mark: Excel's "Unicode text" export) turned into UTF-8 a piece at a
/// time, so that a large table can be cut by its bytes: in UTF-16 the byte of a line end, a quote or a tab
/// is also half of other characters (U+010A "Ċ" is `0A 01`, U+0122 "Ģ" is `22 01`).
public final class UTF16Stream {
    private let bigEndian: Bool
    /// Bytes held back for the next piece: an odd byte, and a high surrogate waiting for its pair.
    private var pending: [UInt8] = []

    /// Nil unless `head` starts with a UTF-16 byte-order mark (`FF FE` little-endian, `FE FF` big-endian).
    public init?(head: Data) {
        guard head.count >= 2 else { return nil }
        let mark = (head[head.startIndex], head[head.startIndex + 1])
        if mark == (0xFF, 0xFE) { bigEndian = false } else if mark == (0xFE, 0xFF) { bigEndian = true } else { return nil }
    }

    /// The UTF-8 of a whole UTF-16 text without its mark; nil when `data` has no UTF-16 mark.
    public static func utf8(wholeOf data: Data) -> Data? {
        UTF16Stream(head: data).map { $0.utf8(data.dropFirst(2), final: true) }
    }

    /// The UTF-8 of `bytes` (which follow the mark and whatever came before); `final` on the last piece.
    public func utf8(_ bytes: Data, final: Bool) -> Data {
        var raw = pending + Array(bytes)
        pending = []
        var odd: UInt8?
        if raw.count % 2 == 1 { odd = raw.removeLast() }
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        for at in stride(from: 0, to: raw.count, by: 2) {
            let (high, low) = bigEndian ? (raw[at], raw[at + 1]) : (raw[at + 1], raw[at])
            units.append(UInt16(high) << 8 | UInt16(low))
        }
        if !final, let last = units.last, (0xD800...0xDBFF).contains(last) {
            units.removeLast()
            pending = Array(raw.suffix(2))
        }
        if let odd, !final { pending.append(odd) }
        return Data(String(decoding: units, as: UTF16.self).utf8)
    }
}
