import NewsActors

/// The names an actor key may file, found over a name's bytes: a superset that
/// ``ActorRegistry/filingKey(name:type:)`` then checks exactly.
///
/// It answers as SQLite's `LIKE` (ASCII letters in either case, other characters exactly) answered
/// the patterns `search extract` asked with before: `% rutte` for a surname, `% %` for a surname
/// that is not ASCII (`LIKE` folds no other letters), `%E%C%B%` for an acronym. One `LIKE` per key
/// over the whole table cost ~440 instructions a row and key: a page naming forty people read the
/// 945-page index's 3,698 actors forty times (95 M instructions); one scan tests each name here.
///
/// ```swift
/// let filter = ActorKeyFilter(keys: ["rutte", "ECB"])
/// filter.mayFile(Array("Mark Rutte".utf8))  // true
/// ```
struct ActorKeyFilter {
    /// A key that is not ASCII was looked for as `% %`: any name with a space.
    private var anyTwoWords = false
    /// Surnames (ASCII): the name ends with a space and one of them.
    private var surnames: [[UInt8]] = []
    /// Acronyms: the name holds each piece (a Character's bytes) of one of them, in order.
    private var acronyms: [[[UInt8]]] = []

    init(keys: some Sequence<String>) {
        for key in keys {
            // Initials are capitals; a surname is lower-cased.
            if key.contains(where: \.isUppercase) {
                acronyms.append(key.map { Array($0.utf8) })
            } else if key.utf8.allSatisfy({ $0 < 0x80 }) {
                surnames.append(Array(key.utf8))
            } else {
                anyTwoWords = true
            }
        }
    }

    /// Whether some key's test passes for the name's UTF-8 bytes. Plain loops: this runs for every
    /// actor of the index, and a test per key through closures cost ~340 instructions each.
    func mayFile(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if anyTwoWords, name.contains(0x20) { return true }
        for surname in surnames where name.count > surname.count && name[name.count - surname.count - 1] == 0x20 {
            let start = name.count - surname.count
            var offset = 0
            while offset < surname.count, Self.folded(name[start + offset]) == Self.folded(surname[offset]) { offset += 1 }
            if offset == surname.count { return true }
        }
        for pieces in acronyms where holds(pieces, in: name) { return true }
        return false
    }

    private func holds(_ pieces: [[UInt8]], in name: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        for piece in pieces {
            guard let end = Self.end(of: piece, in: name, from: position) else { return false }
            position = end
        }
        return true
    }

    /// Where the first occurrence of `piece` at or after `start` ends.
    private static func end(of piece: [UInt8], in name: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard name.count - start >= piece.count else { return nil }
        for offset in start...(name.count - piece.count) {
            var matched = 0
            while matched < piece.count, folded(name[offset + matched]) == folded(piece[matched]) { matched += 1 }
            if matched == piece.count { return offset + piece.count }
        }
        return nil
    }

    /// An ASCII capital as its small letter; every other byte as it is (`LIKE`'s folding).
    private static func folded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
