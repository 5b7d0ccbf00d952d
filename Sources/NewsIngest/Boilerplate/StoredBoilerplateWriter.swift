/// Writes a ``BoilerplateModel`` as an index stores it, the counterpart of ``StoredBoilerplateReader``:
/// byte for byte what `JSONEncoder` with `.sortedKeys` writes for it, without `JSONEncoder`.
///
/// `JSONEncoder` builds a value for every number before it writes a byte (a line's hash and its count
/// are two, the hash's twenty digits a heap string): for a 200,000-article index's 5 MB model it held
/// 41 MB more at its peak, and at a million articles that spike was the indexing run's peak. Here the
/// text is measured in one pass and written in a second into one `String` of exactly that size.
///
/// Keys are sorted so that the same model is the same text on every run (`JSONEncoder` without
/// `.sortedKeys` writes them in the order of a dictionary seeded per process); source names in
/// UTF-8 byte order.
struct StoredBoilerplateWriter {
    /// `JSONEncoder` refuses a share that is not a number; so does the writer.
    struct NonFiniteShare: Error {}

    /// Where the bytes go; nil while only measuring.
    private let out: UnsafeMutableBufferPointer<UInt8>?
    /// How many bytes are written (or would be).
    private(set) var count = 0

    private init(into out: UnsafeMutableBufferPointer<UInt8>?) {
        self.out = out
    }

    static func json(_ model: BoilerplateModel) throws -> String {
        guard model.minimumShare.isFinite else { throw NonFiniteShare() }
        let names = model.sources.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var measure = StoredBoilerplateWriter(into: nil)
        measure.write(model, names: names)
        return String(unsafeUninitializedCapacity: measure.count) { buffer in
            var writer = StoredBoilerplateWriter(into: buffer)
            writer.write(model, names: names)
            return writer.count
        }
    }

    private mutating func write(_ model: BoilerplateModel, names: [String]) {
        byte("{")
        key("minimumDocuments")
        integer(model.minimumDocuments)
        byte(",")
        key("minimumShare")
        // As `JSONEncoder` writes a `Double`: its shortest round-trip text, without a trailing `.0`.
        var share = model.minimumShare.description
        if share.hasSuffix(".0") { share.removeLast(2) }
        bytes(share.utf8)
        byte(",")
        key("sources")
        byte("{")
        for (index, name) in names.enumerated() {
            if index > 0 { byte(",") }
            key(name)
            statistics(model.sources[name]!)
        }
        byte("}")
        byte("}")
    }

    private mutating func statistics(_ statistics: BoilerplateModel.SourceStatistics) {
        byte("{")
        key("documents")
        integer(statistics.documents)
        byte(",")
        key("lineCounts")
        // As `[UInt64: Int]` was encoded: hash and count alternating in one array.
        byte("[")
        var first = true
        for (hash, documents) in statistics.lineCounts {
            if !first { byte(",") }
            first = false
            digits(hash)
            byte(",")
            integer(documents)
        }
        byte("]")
        byte("}")
    }

    private mutating func key(_ name: String) {
        string(name)
        byte(":")
    }

    /// Escaped as `JSONEncoder` escapes: quote, backslash and `/` with a backslash, control characters
    /// as `\b \f \n \r \t` or `\u00xx`; everything else as its UTF-8.
    private mutating func string(_ text: String) {
        byte("\"")
        for unit in text.utf8 {
            switch unit {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escaped(unit)
            case 0x08: escaped(UInt8(ascii: "b"))
            case 0x0C: escaped(UInt8(ascii: "f"))
            case 0x0A: escaped(UInt8(ascii: "n"))
            case 0x0D: escaped(UInt8(ascii: "r"))
            case 0x09: escaped(UInt8(ascii: "t"))
            case 0..<0x20:
                escaped(UInt8(ascii: "u"))
                bytes("00".utf8)
                append(Self.hexDigits[Int(unit >> 4)])
                append(Self.hexDigits[Int(unit & 0xF)])
            default: append(unit)
            }
        }
        byte("\"")
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func escaped(_ unit: UInt8) {
        byte("\\")
        append(unit)
    }

    private mutating func integer(_ value: Int) {
        if value < 0 { byte("-") }
        digits(value.magnitude)
    }

    /// The decimal digits of `value`, written from the last into their place: no `String` per number.
    private mutating func digits(_ value: some UnsignedInteger & FixedWidthInteger) {
        var length = 1
        var rest = value / 10
        while rest > 0 {
            length += 1
            rest /= 10
        }
        if let out {
            rest = value
            for index in (count..<count + length).reversed() {
                out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
        }
        count += length
    }

    private mutating func bytes(_ units: some Sequence<UInt8>) {
        for unit in units { append(unit) }
    }

    private mutating func byte(_ character: Unicode.Scalar) {
        append(UInt8(ascii: character))
    }

    private mutating func append(_ unit: UInt8) {
        out?[count] = unit
        count += 1
    }
}

extension BoilerplateModel {
    /// The JSON an index stores for the model (read back by ``init(storedJSON:)``): `JSONEncoder`'s
    /// with sorted keys, written without it.
    public func storedJSON() throws -> String {
        try StoredBoilerplateWriter.json(self)
    }
}
