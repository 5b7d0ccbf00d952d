/// Reads a ``BoilerplateModel`` from the JSON `JSONEncoder` writes for it (the form an index stores),
/// without `JSONDecoder`.
///
/// `JSONDecoder` reaches every container through the Swift runtime's generic metadata and conformance
/// look-ups: on a one-page `search extract` that was ~3.7 ms of ~23 ms for a 45 KB model, and on a
/// 200,000-article index's 5 MB model most of a 195 ms process. The stored form is small and fixed:
///
/// ```json
/// {"sources":{"Name":{"documents":12,"lineCounts":[hash,count,hash,count]}},"minimumShare":0.25,"minimumDocuments":5}
/// ```
///
/// Keys may come in any order and whitespace may appear between tokens; anything else (an unknown key,
/// a missing field, a number not written as `JSONEncoder` writes it, invalid UTF-8) throws ``Malformed``.
struct StoredBoilerplateReader {
    struct Malformed: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The model; with `only`, the statistics of that one source alone (the others are read, checked
    /// and dropped), so a stored model is accepted or refused exactly as when it is read whole.
    mutating func model(only: String? = nil) throws -> BoilerplateModel {
        var model = BoilerplateModel()
        var seen = (sources: false, documents: false, share: false)
        try object { key, reader in
            switch key.text {
            case "sources":
                model.sources = try reader.sources(only: only)
                seen.sources = true
            case "minimumDocuments":
                model.minimumDocuments = try reader.integer(Int.self)
                seen.documents = true
            case "minimumShare":
                model.minimumShare = try reader.double()
                seen.share = true
            default: throw Malformed()
            }
        }
        skipWhitespace()
        guard seen == (true, true, true), position == bytes.count else { throw Malformed() }
        return model
    }

    private mutating func sources(only: String?) throws -> [String: BoilerplateModel.SourceStatistics] {
        var sources: [String: BoilerplateModel.SourceStatistics] = [:]
        let onlyASCII = only.flatMap { name in name.utf8.allSatisfy { $0 < 0x80 } ? Array(name.utf8) : nil }
        try object { name, reader in
            let wanted = only.map { name.equals($0, ascii: onlyASCII) } ?? true
            if let statistics = try reader.statistics(keeping: wanted) { sources[name.text] = statistics }
        }
        return sources
    }

    /// One source's statistics; with `keeping` false they are checked as strictly but nothing is built
    /// (nil), which saves the line table of every source but the page's.
    private mutating func statistics(keeping: Bool = true) throws -> BoilerplateModel.SourceStatistics? {
        var documents: Int?
        var lineCounts: LineCounts?
        var seenLines = false
        try object { key, reader in
            if key.is("documents") {
                documents = try reader.integer(Int.self)
            } else if key.is("lineCounts") {
                lineCounts = try reader.lineCounts(keeping: keeping)
                seenLines = true
            } else {
                throw Malformed()
            }
        }
        guard let documents, seenLines else { throw Malformed() }
        guard keeping else { return nil }
        var statistics = BoilerplateModel.SourceStatistics()
        statistics.documents = documents
        statistics.lineCounts = lineCounts ?? LineCounts()
        return statistics
    }

    /// ``LineCounts`` is stored as `[UInt64: Int]` was (not keyed by strings, so `JSONEncoder` writes
    /// `[key, value, key, value…]`), and read here as its own decoder reads it. Nil when not `keeping`.
    private mutating func lineCounts(keeping: Bool) throws -> LineCounts? {
        try expect(UInt8(ascii: "["))
        var counts = keeping ? LineCounts() : nil
        if try peek() == UInt8(ascii: "]") {
            position += 1
            return counts
        }
        while true {
            let hash = try integer(UInt64.self)
            try expect(UInt8(ascii: ","))
            let documents = try integer(Int.self)
            counts?.storeCount(hash, documents: documents)
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "]"): return counts
            default: throw Malformed()
            }
        }
    }

    /// An object's key: its bytes when it is ASCII without escapes (every key but the odd source
    /// name), compared without making a `String`; a model of 860 sources made 2,580 of them for
    /// one page's `extract`.
    private struct Key {
        var ascii: UnsafeBufferPointer<UInt8>?
        var decoded: String?

        var text: String { decoded ?? String(decoding: ascii!, as: UTF8.self) }

        /// Whether the key is `literal` (ASCII).
        func `is`(_ literal: StaticString) -> Bool {
            guard let ascii else { return decoded == literal.description }
            return Self.same(ascii, UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        /// `String` equality with `other`, whose bytes `otherASCII` are when it is ASCII: byte for byte
        /// when both are; otherwise as text, where canonical equivalence can make a non-ASCII name
        /// equal an ASCII one (the Kelvin sign is a K).
        func equals(_ other: String, ascii otherASCII: [UInt8]?) -> Bool {
            if let ascii, let otherASCII { return otherASCII.withUnsafeBufferPointer { Self.same(ascii, $0) } }
            return text == other
        }

        private static func same(_ one: UnsafeBufferPointer<UInt8>, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
            guard one.count == other.count else { return false }
            for index in 0..<one.count where one[index] != other[index] { return false }
            return true
        }
    }

    /// Calls `member` with each key of an object, the reader standing at the key's value.
    private mutating func object(_ member: (Key, inout StoredBoilerplateReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            let key = try self.key()
            try expect(UInt8(ascii: ":"))
            try member(key, &self)
            switch try next() {
            case UInt8(ascii: ","): continue
            case UInt8(ascii: "}"): return
            default: throw Malformed()
            }
        }
    }

    private mutating func key() throws -> Key {
        skipWhitespace()
        var end = position + 1
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20, bytes[end] < 0x80 {
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                let ascii = UnsafeBufferPointer(rebasing: bytes[position + 1..<end])
                position = end + 1
                return Key(ascii: ascii)
            }
        }
        return Key(decoded: try string())
    }

    private mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        // Most names have no escapes: their bytes are the string's.
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\"),
            bytes[position] >= 0x20
        {
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
            position += 1
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<position - 1])
            // ASCII is valid UTF-8: the generic validation was a third of reading a model of many sources.
            if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
            guard let text = String(validating: raw, as: UTF8.self) else { throw Malformed() }
            return text
        }
        var utf8 = Array(bytes[start..<position])
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Malformed() }
                return text
            case UInt8(ascii: "\\"):
                try escape(into: &utf8)
            case 0..<0x20:
                throw Malformed()
            default:
                utf8.append(byte)
            }
        }
        throw Malformed()
    }

    private mutating func escape(into utf8: inout [UInt8]) throws {
        guard position < bytes.count else { throw Malformed() }
        let byte = bytes[position]
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hexQuad()
            if (0xD800..<0xDC00).contains(value) {
                // A scalar above the BMP is written as a surrogate pair: `\uD83D\uDE00`.
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                else { throw Malformed() }
                position += 2
                let low = try hexQuad()
                guard (0xDC00..<0xE000).contains(low) else { throw Malformed() }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw Malformed() }
            utf8.append(contentsOf: String(Character(scalar)).utf8)
        default: throw Malformed()
        }
    }

    private mutating func hexQuad() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Malformed() }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = Self.hexDigit(byte) else { throw Malformed() }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A whole number that fits `T`, written as `JSONEncoder` writes one: digits, no sign, fraction or exponent.
    private mutating func integer<T: FixedWidthInteger>(_: T.Type) throws -> T {
        skipWhitespace()
        let start = position
        var value: T = 0
        while position < bytes.count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(T(digit))
            guard !overflow, !carry else { throw Malformed() }
            value = sum
            position += 1
        }
        // JSON writes no leading zeros; a fraction or exponent would need a conversion JSONDecoder may refuse.
        guard position > start, position - start == 1 || bytes[start] != UInt8(ascii: "0") else { throw Malformed() }
        if position < bytes.count, Self.isNumberByte(bytes[position]) { throw Malformed() }
        return value
    }

    private mutating func double() throws -> Double {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)), value.isFinite else {
            throw Malformed()
        }
        return value
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try next() == byte else { throw Malformed() }
    }

    /// The next byte that is not whitespace, consumed.
    private mutating func next() throws -> UInt8 {
        let byte = try peek()
        position += 1
        return byte
    }

    /// The next byte that is not whitespace, left in place.
    private mutating func peek() throws -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw Malformed() }
        return bytes[position]
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }
}

extension BoilerplateModel {
    /// The model an index stored (the JSON `JSONEncoder` writes for it); nil when the bytes are not that form.
    /// With `only`, the model holds that source's statistics alone: what cleaning one page of it needs.
    public init?(storedJSON bytes: some Collection<UInt8>, only source: String? = nil) {
        func read(_ buffer: UnsafeBufferPointer<UInt8>) -> BoilerplateModel? {
            var reader = StoredBoilerplateReader(buffer)
            return try? reader.model(only: source)
        }
        guard let model = bytes.withContiguousStorageIfAvailable(read) ?? Array(bytes).withUnsafeBufferPointer(read) else {
            return nil
        }
        self = model
    }
}
