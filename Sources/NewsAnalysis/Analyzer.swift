/// Turns text into index terms; the one source of truth for normalisation.
///
/// The same value serves the FTS5 tokenizer, query parsing, snippet highlighting and
/// `search analyze`, so a word is found exactly when it is shown as found.
///
/// ```swift
/// let tokens = Analyzer().tokens(in: "Japan's defense-industrial base")
/// // japan, defense, industrial, (defenseindustrial colocated), base
/// ```
public struct Analyzer: Sendable {
    /// Stored in every index; an index made by another version must be rebuilt (`search reindex`).
    public static let version = 1

    public init() {}

    /// The fast path: calls `emit(term, byteStart, byteEnd, isColocated)` for every token, in order.
    /// `term` is only valid during the call.
    public func analyze(
        utf8 text: UnsafeBufferPointer<UInt8>,
        mode: AnalysisMode = .document,
        _ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) throws -> Void
    ) rethrows {
        var term: [UInt8] = []
        term.reserveCapacity(64)
        var index = 0
        let count = text.count
        while index < count {
            // Skip to the start of a word.
            while index < count, !Self.isWordByte(text[index]) { index += 1 }
            guard index < count else { break }
            let start = index
            term.removeAll(keepingCapacity: true)
            var parts: [(Int, Int, Int, Int)] = []  // term range, byte range of each hyphen part
            var partTermStart = 0
            var partByteStart = start
            while index < count {
                let byte = text[index]
                if Self.isWordByte(byte) {
                    if byte < 0x80 {
                        term.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                    } else {
                        term.append(byte)
                    }
                    index += 1
                } else if byte == UInt8(ascii: "-"), index + 1 < count, Self.isWordByte(text[index + 1]), !term.isEmpty {
                    parts.append((partTermStart, term.count, partByteStart, index))
                    partTermStart = term.count
                    partByteStart = index + 1
                    index += 1
                } else if byte == UInt8(ascii: "'"), index + 1 < count, text[index + 1] | 0x20 == UInt8(ascii: "s"),
                    index + 2 >= count || !Self.isWordByte(text[index + 2])
                {
                    index += 2  // possessive: "Japan's" -> japan
                    break
                } else {
                    break
                }
            }
            let end = index
            if parts.isEmpty {
                try term.withUnsafeBufferPointer { try emit($0, start, end, false) }
            } else {
                parts.append((partTermStart, term.count, partByteStart, end))
                try term.withUnsafeBufferPointer { buffer in
                    for (n, part) in parts.enumerated() {
                        try emit(UnsafeBufferPointer(rebasing: buffer[part.0..<part.1]), part.2, part.3, false)
                        if n == 0 {
                            // The joined form shares the first part's position.
                            try emit(buffer, part.2, part.3, true)
                        }
                    }
                }
            }
        }
    }

    /// Convenience for tests, queries and `search analyze`: the tokens as values.
    public func tokens(in text: String, mode: AnalysisMode = .document) -> [Token] {
        var result: [Token] = []
        var position = -1
        var copy = text
        copy.withUTF8 { buffer in
            analyze(utf8: buffer, mode: mode) { term, start, end, colocated in
                if !colocated { position += 1 }
                result.append(
                    Token(
                        term: String(decoding: term, as: UTF8.self), byteRange: start..<end,
                        position: max(position, 0), isColocated: colocated))
            }
        }
        return result
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
    }
}
