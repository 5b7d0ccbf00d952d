/// A JSON Lines record of the usual shape, read without `JSONSerialization`: one object whose values
/// are strings or arrays of strings. Anything else (numbers, `true`, `null`, nested objects, a
/// surrogate or control-character escape, a repeated key, a syntax error) returns nil and the record
/// goes to `JSONSerialization`, which decides exactly as before; on news dumps the general parser and
/// the casts out of `Any` were two fifths of reading and cleaning a record.
enum FlatJSONObject {
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [String: RecordField]? {
        var order: [String] = []
        return parse(bytes, keyOrder: &order)
    }

    /// ``parse(_:)``, and the record's keys in the order written (for ``RecordKeys``).
    static func parse(_ bytes: UnsafeRawBufferPointer, keyOrder: inout [String]) -> [String: RecordField]? {
        var reader = Reader(bytes: bytes)
        guard let fields = reader.object() else { return nil }
        keyOrder = reader.keys
        return fields
    }

    /// Whether any of eight bytes is a quote, a backslash or a control character (below 0x20): the
    /// bytes that end a run of plain string bytes. Exact both ways (the borrow of a byte below 0x20 is
    /// only ever seen where such a byte is). A byte loop over every body was a twentieth of reading.
    @inline(__always) static func holdsRunEnd(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & high }
        let below = (word &- 0x20 &* ones) & ~word & high
        return (hasZeroByte(word ^ (0x22 &* ones)) | hasZeroByte(word ^ (0x5C &* ones)) | below) != 0
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at = 0
        var scratch: [UInt8] = []
        var keys: [String] = []

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        mutating func object() -> [String: RecordField]? {
            skipSpace()
            guard next(0x7B) else { return nil }
            var fields: [String: RecordField] = [:]
            fields.reserveCapacity(16)
            keys.reserveCapacity(16)
            skipSpace()
            if next(0x7D) { return end() ? fields : nil }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard next(0x3A) else { return nil }
                skipSpace()
                guard let value = value(), fields.updateValue(value, forKey: key) == nil else { return nil }
                keys.append(key)
                skipSpace()
                if next(0x2C) { continue }
                guard next(0x7D) else { return nil }
                return end() ? fields : nil
            }
        }

        mutating func value() -> RecordField? {
            guard at < bytes.count else { return nil }
            if bytes[at] == 0x22 { return string().map(RecordField.text) }
            guard next(0x5B) else { return nil }
            var items: [String] = []
            skipSpace()
            if next(0x5D) { return .texts(items) }
            while true {
                skipSpace()
                guard let item = string() else { return nil }
                items.append(item)
                skipSpace()
                if next(0x2C) { continue }
                return next(0x5D) ? .texts(items) : nil
            }
        }

        /// A string, its escapes decoded; nil for what this reader leaves to the general parser.
        mutating func string() -> String? {
            guard next(0x22) else { return nil }
            let start = at
            // Most strings have no escape: one scan, one copy.
            while at < bytes.count {
                if at &+ 8 <= bytes.count, !FlatJSONObject.holdsRunEnd(bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) {
                    at &+= 8
                    continue
                }
                let byte = bytes[at]
                if byte == 0x22 {
                    defer { at += 1 }
                    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
                }
                if byte == 0x5C { break }
                if byte < 0x20 { return nil }
                at += 1
            }
            scratch.removeAll(keepingCapacity: true)
            var run = start
            while at < bytes.count {
                // Plain bytes are copied a run at a time, when an escape or the closing quote ends the run.
                if at &+ 8 <= bytes.count, !FlatJSONObject.holdsRunEnd(bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) {
                    at &+= 8
                    continue
                }
                let byte = bytes[at]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else {
                    at += 1
                    continue
                }
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run..<at]))
                at += 1
                if byte == 0x22 { return String(decoding: scratch, as: UTF8.self) }
                if byte < 0x20 { return nil }
                guard at < bytes.count else { return nil }
                let escaped = bytes[at]
                at += 1
                switch escaped {
                case 0x22, 0x5C, 0x2F: scratch.append(escaped)
                case 0x62: scratch.append(0x08)
                case 0x66: scratch.append(0x0C)
                case 0x6E: scratch.append(0x0A)
                case 0x72: scratch.append(0x0D)
                case 0x74: scratch.append(0x09)
                case 0x75:
                    guard let code = hex4(), code >= 0x20, !(0xD800...0xDFFF).contains(code),
                        let scalar = Unicode.Scalar(code)
                    else { return nil }
                    scratch.append(contentsOf: String(Character(scalar)).utf8)
                default: return nil
                }
                run = at
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var code: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                at += 1
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                code = code << 4 | UInt32(digit)
            }
            return code
        }

        mutating func next(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func skipSpace() {
            while at < bytes.count, bytes[at] == 0x20 || bytes[at] == 0x0A || bytes[at] == 0x0D || bytes[at] == 0x09 { at += 1 }
        }

        mutating func end() -> Bool {
            skipSpace()
            return at == bytes.count
        }
    }
}
