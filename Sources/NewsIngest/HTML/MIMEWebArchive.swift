import Foundation

/// A page saved as one MIME file: "Webpage, Single File" in Chrome and Edge (`.mhtml`), Internet
/// Explorer's and Word's web archive (`.mht`). The page is one part beside its images and style
/// sheets, usually quoted-printable: read as text, the article was the MIME headers and `=3D` escapes.
struct MIMEWebArchive {
    /// The page's HTML with its transfer encoding undone.
    var page: Data
    /// The page part's `charset`: it wins over the page's own `<meta charset>`, as an HTTP header does.
    var charset: String?
    /// The address the page was saved from (`Snapshot-Content-Location`, else the part's `Content-Location`).
    var address: String?

    /// Whether the file is such an archive: by its name, or (a saved page renamed, or without an
    /// extension) by headers that declare a `multipart/related` body. Pages and text files start
    /// with `<`, a blank or a word and a space, so the header look ends at their first line.
    static func isArchive(path: String, data: Data) -> Bool {
        switch (path as NSString).pathExtension.lowercased() {
        case "mht", "mhtml": return true
        default: break
        }
        guard let first = data.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        let head = Array(data.prefix(4096))
        let (headers, _) = Self.headers(in: head[...])
        return headers.contains { $0.name == "content-type" && $0.value.lowercased().hasPrefix("multipart/related") }
    }

    init(data: Data) throws(IngestError) {
        let bytes = Array(data)
        let (headers, bodyStart) = Self.headers(in: bytes[...])
        func header(_ name: String, in list: [Header]) -> String? { list.first { $0.name == name }?.value }
        guard let type = header("content-type", in: headers), type.lowercased().hasPrefix("multipart/") else {
            throw .malformedWebArchive("no multipart Content-Type header")
        }
        let parameters = Self.parameters(of: type)
        guard let boundary = parameters["boundary"], !boundary.isEmpty else {
            throw .malformedWebArchive("the Content-Type header names no boundary")
        }
        let snapshot = header("snapshot-content-location", in: headers)
        let start = parameters["start"]
        var pages: [(headers: [Header], body: ArraySlice<UInt8>)] = []
        for part in Self.parts(of: bytes[bodyStart...], boundary: Array("--\(boundary)".utf8)) {
            let (partHeaders, contentStart) = Self.headers(in: part)
            let partType = header("content-type", in: partHeaders)?.lowercased() ?? "text/plain"
            guard partType.hasPrefix("text/html") || partType.hasPrefix("application/xhtml+xml") else { continue }
            pages.append((partHeaders, part[contentStart...]))
        }
        // The root part: the one saved from the snapshot's address, else the one `start` names, else
        // the first page (frames come after the page that holds them).
        let root =
            pages.first { snapshot != nil && header("content-location", in: $0.headers) == snapshot }
            ?? pages.first { start != nil && header("content-id", in: $0.headers) == start }
            ?? pages.first
        guard let root else { throw .malformedWebArchive("no HTML page among its parts") }
        let encoding = header("content-transfer-encoding", in: root.headers)?.lowercased() ?? "8bit"
        switch encoding {
        case "quoted-printable": page = Self.quotedPrintable(root.body)
        case "base64":
            guard let decoded = Data(base64Encoded: Data(root.body), options: .ignoreUnknownCharacters) else {
                throw .malformedWebArchive("the page's base64 is not valid")
            }
            page = decoded
        default: page = Data(root.body)
        }
        charset = header("content-type", in: root.headers).flatMap { Self.parameters(of: $0)["charset"] }?.lowercased()
        address = [snapshot, header("content-location", in: root.headers)].compactMap { $0 }
            .first(where: PageAddress.isAbsolute)
    }

    struct Header {
        /// Lower-cased.
        let name: String
        let value: String
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
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == 0x3D else {
                out.append(byte)
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
}
