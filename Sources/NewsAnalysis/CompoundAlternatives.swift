extension Analyzer {
    /// The query text to OR with `text` so that a compound typed with its hyphen (or `/`, `_`, `&`)
    /// also finds the spelling without one.
    ///
    /// Documents index `e-mail` as `e`, `mail` with the joined `email` colocated, so the query `email`
    /// finds both spellings; but the query `e-mail` is the phrase `e mail`, which an article writing
    /// "email" does not hold. `compoundAlternative(for: "e-mail address")` is `"email address"`, which
    /// the query compiler ORs in like a synonym alternative. A compound qualifies when its joined
    /// form is letters and digits only (number compounds such as `2025-04-10` keep their separators,
    /// and their phrase already finds them) and analysing the joined text gives exactly the term
    /// documents index for it. Nil when `text` holds no such compound.
    public func compoundAlternative(for text: String) -> String? {
        let tokens = tokens(in: text, mode: .document)
        let utf8 = Array(text.utf8)
        var removed: [Range<Int>] = []
        for joined in tokens where joined.isColocated && joined.term.unicodeScalars.allSatisfy(Self.isJoinedScalar) {
            let parts = tokens.filter {
                !$0.isColocated && $0.byteRange.lowerBound >= joined.byteRange.lowerBound
                    && $0.byteRange.upperBound <= joined.byteRange.upperBound
            }
            guard parts.count >= 2 else { continue }
            let gaps = zip(parts, parts.dropFirst()).map { $0.byteRange.upperBound..<$1.byteRange.lowerBound }
            // A multi-word synonym (`United States` + `us`) is colocated too; its parts stand apart.
            guard gaps.allSatisfy({ !$0.isEmpty && utf8[$0].allSatisfy(Self.isConnectorByte) }) else { continue }
            var surface = utf8[joined.byteRange]
            for gap in gaps.reversed() {
                surface.removeSubrange(gap)
            }
            let analysed = self.tokens(in: String(decoding: surface, as: UTF8.self), mode: .query)
            guard analysed.count == 1, analysed[0].term == joined.term else { continue }
            removed += gaps
        }
        guard !removed.isEmpty else { return nil }
        var result = utf8
        for gap in removed.sorted(by: { $0.lowerBound > $1.lowerBound }) {
            result.removeSubrange(gap)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isJoinedScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// What may stand between two parts of a compound: ASCII punctuation (`-`, `/`, `_`, `&`) or a
    /// Unicode dash, never a space. The analyser decides what joins; this only keeps spaces out.
    private static func isConnectorByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte > 0x20 && byte < 0x7F && !(byte >= 0x30 && byte <= 0x39) && !Self.isASCIILetter(byte))
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}
