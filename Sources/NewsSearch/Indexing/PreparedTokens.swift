import NewsAnalysis

/// A text's tokens, analysed ahead of time on a worker thread so that the FTS5 tokenizer callback,
/// which runs on the single writer thread, only replays them.
///
/// The fingerprint (length plus a hash of the text) lets the bridge check that FTS5 is tokenizing
/// exactly the text these tokens came from; anything else is analysed afresh.
package struct PreparedTokens: Sendable {
    struct Entry: Sendable {
        var termEnd: Int32
        var start: Int32
        var end: Int32
        var colocated: Bool
    }

    let textLength: Int
    let fingerprint: UInt64
    let terms: [UInt8]
    let entries: [Entry]

    package init(analyzing text: String, analyzer: Analyzer = Analyzer()) {
        var copy = text
        var terms: [UInt8] = []
        var entries: [Entry] = []
        var length = 0
        var fingerprint: UInt64 = 0
        copy.withUTF8 { bytes in
            length = bytes.count
            fingerprint = Self.fingerprint(bytes)
            terms.reserveCapacity(bytes.count)
            entries.reserveCapacity(bytes.count / 5)
            analyzer.analyze(utf8: bytes, mode: .document) { term, start, end, colocated in
                terms.append(contentsOf: term)
                entries.append(Entry(termEnd: Int32(terms.count), start: Int32(start), end: Int32(end), colocated: colocated))
            }
        }
        self.textLength = length
        self.fingerprint = fingerprint
        self.terms = terms
        self.entries = entries
    }

    /// The whole text's digest: cheap next to tokenizing it, and exact enough to refuse a stale replay.
    /// Eight bytes per step: the writer thread computes it for every title and body it inserts, and
    /// FNV-1a's byte-at-a-time chain cost it about 1% of a run. Never stored, so free to change.
    static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var offset = 0
        while offset + 8 <= raw.count {
            hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for byte in raw[offset...].reversed() { tail = tail << 8 | UInt64(byte) }
        return mix(hash, tail)
    }

    /// Every input bit reaches every output bit (a multiply, then the high half folded down).
    private static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word).multipliedFullWidth(by: 0xFF51_AFD7_ED55_8CCD)
        return product.high ^ product.low
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count == textLength && Self.fingerprint(bytes) == fingerprint
    }

    /// Calls `emit` for every token, as ``Analyzer/analyze(utf8:mode:_:)`` would have.
    func replay(_ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) throws -> Void) rethrows {
        try terms.withUnsafeBufferPointer { all in
            var termStart = 0
            for entry in entries {
                let termEnd = Int(entry.termEnd)
                try emit(UnsafeBufferPointer(rebasing: all[termStart..<termEnd]), Int(entry.start), Int(entry.end), entry.colocated)
                termStart = termEnd
            }
        }
    }
}
