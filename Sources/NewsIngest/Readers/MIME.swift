import Foundation

/// The parts of MIME (RFC 2045–2047) that saved pages (MHTML) and saved e-mails (`.eml`) need: header
/// blocks, multipart bodies, transfer encodings and encoded words in headers.
enum MIME {
    struct Header {
        /// Lower-cased.
        let name: String
        let value: String
    }

    /// A message or one of its parts.
    struct Entity {
        let headers: [Header]
        let body: ArraySlice<UInt8>

        init(_ bytes: ArraySlice<UInt8>) {
            let (headers, start) = MIME.headers(in: bytes)
            self.headers = headers
            body = bytes[start...]
        }

        init(headers: [Header], body: ArraySlice<UInt8>) {
            self.headers = headers
            self.body = body
        }

        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

        /// `type/subtype`, lower-cased; `text/plain` when none is given, as RFC 2045 says.
        var contentType: String {
            let value = header("content-type") ?? "text/plain"
            return (value.split(separator: ";").first.map(String.init) ?? value).trimmingCharacters(in: .whitespaces).lowercased()
        }

        var parameters: [String: String] { header("content-type").map(MIME.parameters(of:)) ?? [:] }

        var isAttachment: Bool { header("content-disposition")?.lowercased().hasPrefix("attachment") ?? false }

        /// The parts of a multipart entity; empty for any other.
        var parts: [Entity] {
            guard contentType.hasPrefix("multipart/"), let boundary = parameters["boundary"], !boundary.isEmpty else { return [] }
            return MIME.parts(of: body, boundary: Array("--\(boundary)".utf8)).map(Entity.init)
        }

        /// The body with its transfer encoding undone; nil when base64 that does not decode.
        var decodedBody: Data? {
            switch header("content-transfer-encoding")?.lowercased() ?? "8bit" {
            case "quoted-printable": MIME.quotedPrintable(body)
            case "base64": Data(base64Encoded: Data(body), options: .ignoreUnknownCharacters)
            default: Data(body)
            }
        }

        /// The leaf parts in order, depth first (attachments left out), at most 64 levels down.
        func leaves(depth: Int = 0) -> [Entity] {
            guard depth < 64, !isAttachment else { return [] }
            let children = parts
            return children.isEmpty ? [self] : children.flatMap { $0.leaves(depth: depth + 1) }
        }
    }

    /// The header block at the start of `bytes` (folded lines joined) and where what follows it starts.
    static func headers(in bytes: ArraySlice<UInt8>) -> ([Header], Int) {
        var headers: [Header] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lineEnd = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[index..<lineEnd]
            if line.last == 0x0D { line = line.dropLast() }
            let next = lineEnd < bytes.endIndex ? lineEnd + 1 : lineEnd
            if line.isEmpty { return (headers, next) }
            if line.first == 0x20 || line.first == 0x09 {
                // A folded line continues the header before it.
                guard let last = headers.popLast() else { return (headers, index) }
                let more = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                headers.append(Header(name: last.name, value: last.value + " " + more))
            } else {
                guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                    line[..<colon].allSatisfy({ Self.isNameByte($0) })
                else { return (headers, index) }
                headers.append(
                    Header(
                        name: String(decoding: line[..<colon], as: UTF8.self).lowercased(),
                        value: String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)))
            }
            index = next
        }
        return (headers, index)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D
    }

    /// `type/subtype; key=value; key="quoted value"`, keys lower-cased.
    static func parameters(of value: String) -> [String: String] {
        var result: [String: String] = [:]
        var pieces: [String] = []
        var current = ""
        var quoted = false
        for character in value {
            if character == "\"" { quoted.toggle() }
            if character == ";" && !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let key = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            result[key] = value
        }
        return result
    }

    /// The parts between delimiter lines (`--boundary`, the last `--boundary--`), each without the
    /// line break that belongs to the delimiter after it.
    static func parts(of body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = body.startIndex
        while index < body.endIndex {
            let lineEnd = body[index...].firstIndex(of: 0x0A) ?? body.endIndex
            let next = lineEnd < body.endIndex ? lineEnd + 1 : lineEnd
            let line = body[index..<lineEnd]
            if line.starts(with: boundary) {
                let rest = line.dropFirst(boundary.count)
                let closing = rest.starts(with: [0x2D, 0x2D])
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) || closing {
                    if let start = partStart {
                        var end = index
                        if end > start, body[end - 1] == 0x0A { end -= 1 }
                        if end > start, body[end - 1] == 0x0D { end -= 1 }
                        parts.append(body[start..<end])
                    }
                    if closing { return parts }
                    partStart = next
                }
            }
            index = next
        }
        if let start = partStart, start < body.endIndex { parts.append(body[start...]) }
        return parts
    }

    /// RFC 2045's quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x3D else {
                out.append(underscoreIsSpace && byte == 0x5F ? 0x20 : byte)
                index += 1
                continue
            }
            let after = bytes.index(after: index)
            if after < bytes.endIndex, bytes[after] == 0x0A {
                index = after + 1
            } else if after + 1 < bytes.endIndex, bytes[after] == 0x0D, bytes[after + 1] == 0x0A {
                index = after + 2
            } else if after + 1 < bytes.endIndex, let high = hexValue(bytes[after]), let low = hexValue(bytes[after + 1]) {
                out.append(high << 4 | low)
                index = after + 2
            } else {
                // A stray `=` (a writer that did not escape it) is kept as it is.
                out.append(byte)
                index += 1
            }
        }
        return Data(out)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    /// A header's text with RFC 2047's encoded words (`=?UTF-8?Q?Z=C3=B6lle?=`, `=?iso-8859-1?B?…?=`)
    /// decoded; the blanks between two encoded words go, as the RFC says.
    static func decodingWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var output = ""
        var rest = Substring(value)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let between = rest[..<start.lowerBound]
            let afterStart = rest[start.upperBound...]
            let pieces = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard pieces.count == 4, pieces[3].hasPrefix("="), ["q", "b"].contains(pieces[1].lowercased()),
                let decoded = decodeWord(charset: String(pieces[0]), encoding: pieces[1].lowercased(), text: pieces[2])
            else {
                output += rest[..<start.upperBound]
                rest = afterStart
                lastWasWord = false
                continue
            }
            if !(lastWasWord && between.allSatisfy(\.isWhitespace)) { output += between }
            output += decoded
            rest = pieces[3].dropFirst()
            lastWasWord = true
        }
        return output + rest
    }

    private static func decodeWord(charset: String, encoding: String, text: Substring) -> String? {
        let bytes = encoding == "b"
            ? Data(base64Encoded: String(text), options: .ignoreUnknownCharacters)
            : quotedPrintable(Array(text.utf8)[...], underscoreIsSpace: true)
        guard let bytes else { return nil }
        // The charset may carry a language (`UTF-8*en`).
        let label = charset.split(separator: "*").first.map { $0.lowercased() } ?? "utf-8"
        return try? HTMLDocument.decode(bytes, charset: label).text
    }
}
