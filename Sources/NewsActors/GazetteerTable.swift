/// The built-in gazetteer as a hash table generated ahead of time (`GazetteerTables.swift`, written by
/// `gazetteer-tables`) and read in place: a process probes the bytes of three string literals where
/// the binary holds them, so it builds nothing at start. Building the maps from the name tables cost
/// every `search extract` process 11–17 ms, more than the page's own extraction.
///
/// One table serves all the gazetteer's maps: a word's record says whether it is a name (and whose),
/// the longest name it starts, the country it is a demonym of, and whether it is a given name, a
/// surname or the first word of a two-word demonym.
///
/// Layout (every number is written in base 64 with the digits `0`…`o`, most significant first):
/// - `slots`: open addressing over the word's FNV-1a hash (the `WordMap` and `Token.hash` one), 16
///   slots of 6 digits to a line; a slot holds the top 12 bits of its word's hash and 1 + the offset of
///   its record, or 0 when empty.
/// - `records`: a line per word, `word\tPPPPTLDDDDF`: 1 + the offset in `names` of the name it stands
///   for (P), that name's type and case rule (T), the longest name it starts in words (L), 1 + the
///   offset of the country it is a demonym of (D), and its flags (F).
/// - `names`: a line per canonical name.
struct GazetteerTable: @unchecked Sendable {
    // Unchecked: the pointers are to string literals, immutable for the life of the process.
    private let slots: UnsafePointer<UInt8>
    private let records: UnsafePointer<UInt8>
    private let recordsCount: Int
    private let names: UnsafePointer<UInt8>
    private let namesCount: Int
    private let mask: Int

    /// Where a word's fields start in `records`.
    struct Record {
        fileprivate let fields: UnsafePointer<UInt8>
    }

    struct Flags: OptionSet {
        let rawValue: Int
        static let demonymFirstWord = Flags(rawValue: 1)
        static let givenName = Flags(rawValue: 2)
        static let surname = Flags(rawValue: 4)
    }

    static let slotsPerLine = 16
    static let slotDigits = 6
    static let fieldDigits = 11
    static let tagBits = 12

    init(slotCount: Int, slots: StaticString, records: StaticString, names: StaticString) {
        precondition(slotCount > 0 && slotCount & (slotCount - 1) == 0, "a power of two")
        mask = slotCount - 1
        self.slots = slots.utf8Start
        self.records = records.utf8Start
        recordsCount = records.utf8CodeUnitCount
        self.names = names.utf8Start
        namesCount = names.utf8CodeUnitCount
    }

    /// No words: a gazetteer of the user dictionary's names alone.
    static let empty = GazetteerTable(slotCount: 1, slots: "000000", records: "", names: "")

    // MARK: Probing

    /// The record of the word with FNV-1a `hash`, when `matches` accepts its bytes (up to the tab).
    @inline(__always)
    func record(hash: UInt64, _ matches: (UnsafePointer<UInt8>) -> Bool) -> Record? {
        let tag = Int(truncatingIfNeeded: hash >> UInt64(64 - Self.tagBits))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let value = Self.number(at: slots + Self.slotOffset(slot), digits: Self.slotDigits)
            if value == 0 { return nil }
            if value >> 24 == tag {
                let key = records + (value & 0xFF_FFFF) - 1
                if matches(key) {
                    var end = key
                    while end.pointee != 0x09 { end += 1 }
                    return Record(fields: end + 1)
                }
            }
            slot = (slot + 1) & mask
        }
    }

    func record(word: String) -> Record? {
        var word = word
        return word.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return record(hash: hash) { key in Self.key(key, is: bytes) }
        }
    }

    func record(_ token: Token, in text: ScannedText) -> Record? {
        record(hash: token.hash) { key in Self.key(key, is: text.lowered[Int(token.lowerStart)..<Int(token.lowerEnd)]) }
    }

    /// The record of the tokens' lowercase words joined by single spaces, found without building that string.
    func record(joining tokens: ArraySlice<Token>, in text: ScannedText) -> Record? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in tokens.indices {
            if index != tokens.startIndex { hash = (hash ^ 0x20) &* 0x0000_0100_0000_01B3 }
            for byte in text.lowered[Int(tokens[index].lowerStart)..<Int(tokens[index].lowerEnd)] {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        return record(hash: hash) { key in
            var at = key
            for index in tokens.indices {
                if index != tokens.startIndex {
                    guard at.pointee == 0x20 else { return false }
                    at += 1
                }
                for byte in text.lowered[Int(tokens[index].lowerStart)..<Int(tokens[index].lowerEnd)] {
                    guard at.pointee == byte else { return false }
                    at += 1
                }
            }
            return at.pointee == 0x09
        }
    }

    /// Whether the key at `key` (ended by a tab, which no word holds) is `bytes`.
    private static func key<Bytes: Collection<UInt8>>(_ key: UnsafePointer<UInt8>, is bytes: Bytes) -> Bool {
        var at = key
        for byte in bytes {
            guard at.pointee == byte else { return false }
            at += 1
        }
        return at.pointee == 0x09
    }

    /// Every word and its record, in the table's order.
    func forEachWord(_ body: (String, Record) -> Void) {
        var start = 0
        while start < recordsCount {
            var tab = start
            while records[tab] != 0x09 { tab += 1 }
            body(String(decoding: UnsafeBufferPointer(start: records + start, count: tab - start), as: UTF8.self), Record(fields: records + tab + 1))
            start = tab + 1 + Self.fieldDigits + 1
        }
    }

    // MARK: A record's fields

    func entry(_ record: Record) -> GazetteerEntry? {
        let name = Self.number(at: record.fields, digits: 4)
        guard name != 0 else { return nil }
        let rule = Self.number(at: record.fields + 4, digits: 1)
        return GazetteerEntry(name: self.name(at: name - 1), type: ActorType.allCases[rule >> 1], caseSensitive: rule & 1 == 1)
    }

    func longestPhrase(_ record: Record) -> Int? {
        let words = Self.number(at: record.fields + 5, digits: 1)
        return words == 0 ? nil : words
    }

    func demonym(_ record: Record) -> String? {
        let country = Self.number(at: record.fields + 6, digits: 4)
        return country == 0 ? nil : name(at: country - 1)
    }

    func flags(_ record: Record) -> Flags {
        Flags(rawValue: Self.number(at: record.fields + 10, digits: 1))
    }

    private func name(at offset: Int) -> String {
        var end = offset
        while end < namesCount, names[end] != 0x0A { end += 1 }
        return String(decoding: UnsafeBufferPointer(start: names + offset, count: end - offset), as: UTF8.self)
    }

    // MARK: The encoding

    @inline(__always)
    static func slotOffset(_ slot: Int) -> Int {
        (slot / slotsPerLine) * (slotsPerLine * slotDigits + 1) + (slot % slotsPerLine) * slotDigits
    }

    @inline(__always)
    static func number(at pointer: UnsafePointer<UInt8>, digits: Int) -> Int {
        var value = 0
        for index in 0..<digits { value = value << 6 | Int(pointer[index] &- 0x30) }
        return value
    }

    static func digits(_ value: Int, count: Int) -> String {
        precondition(value >= 0 && value < 1 << (6 * count), "\(value) does not fit in \(count) digits")
        return String(decoding: (0..<count).reversed().map { UInt8(0x30 + (value >> (6 * $0)) & 63) }, as: UTF8.self)
    }
}
