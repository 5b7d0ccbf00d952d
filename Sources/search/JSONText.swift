/// JSON written by hand into bytes, in the form ``JSONOutput/encode(_:)`` gives (`JSONEncoder` with
/// sorted keys and `/` unescaped): for the answer every `search QUERY --json` prints. The encoder's
/// generic containers and first-use type look-ups cost a cold process ~6.8 M instructions for ten
/// hits and three facets, an eighth of a rare word's whole process. Callers write keys in sorted order.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key follows another at the same level.
    private var needsComma = false

    init() {
        bytes.reserveCapacity(16_384)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func object(_ body: (inout JSONText) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<S: Sequence>(_ elements: S, _ write: (inout JSONText, S.Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements { write(&self, element) }
        close(UInt8(ascii: "]"))
    }

    mutating func key(_ name: String) {
        separate()
        quote(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func value(_ string: String) {
        separate()
        quote(string)
        needsComma = true
    }

    mutating func value(_ number: Int) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
        needsComma = true
    }

    /// As the encoder writes a `Double`: its shortest round-trip text, without a trailing `.0`.
    mutating func value(_ number: Double) {
        separate()
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func value(_ string: String?) {
        if let string { value(string) } else { null() }
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// A value the encoder wrote (its line break dropped).
    mutating func encoded(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8.prefix { $0 != UInt8(ascii: "\n") })
        needsComma = true
    }

    mutating func strings(_ list: [String]) {
        array(list) { $0.value($1) }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// The encoder's escapes: `"` and `\`, the five short control escapes, `\u00XX` for the other
    /// control characters; everything else, `/` and non-ASCII included, as it is.
    private mutating func quote(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
