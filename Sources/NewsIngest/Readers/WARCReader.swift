import Foundation

/// Reads the pages of a web archive (WARC, ISO 28500: `wget --warc-file`, ArchiveBox, Browsertrix,
/// Webrecorder). Read as text, a capture was one article of WARC and HTTP headers whose own text was
/// cut away as "beside the article". Each successful HTML response is a page, with the captured
/// address as its address of last resort and as its id; requests, metadata, redirects, errors,
/// images, scripts and styles are not articles and are passed over.
struct WARCReader {
    static func isWARC(path: String, data: Data) -> Bool {
        Gzip.formatExtension(path) == "warc" || data.starts(with: Array("WARC/1.".utf8))
    }

    /// The most one captured page expands to (the HTML reader's own limit for a page).
    static let largestPage = 16 << 20

    struct Page {
        var address: String
        var html: Data
        var charset: String?
    }

    /// The archive's pages, each address once (the first successful capture), and the captures that
    /// could not be read, with why.
    func pages(in data: Data) -> (pages: [Page], unreadable: [(address: String, reason: String)]) {
        let bytes = Array(data)
        var pages: [Page] = []
        var unreadable: [(address: String, reason: String)] = []
        var seen: Set<String> = []
        var index = 0
        while let record = Self.record(in: bytes, at: &index) {
            guard record.entity.header("warc-type")?.lowercased() == "response" || record.entity.header("warc-type")?.lowercased() == "resource",
                let address = record.entity.header("warc-target-uri").map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")) }),
                !seen.contains(address)
            else { continue }
            let blockType = record.entity.contentType
            var page: (type: String, entity: MIME.Entity)
            if blockType == "application/http" {
                guard let response = Self.httpResponse(record.block), (200..<300).contains(response.status) else { continue }
                page = (response.entity.contentType, response.entity)
            } else {
                page = (blockType, MIME.Entity(headers: [], body: record.block))
            }
            guard page.type == "text/html" || page.type == "application/xhtml+xml" else { continue }
            seen.insert(address)
            var body = Data(page.entity.body)
            if page.entity.header("transfer-encoding")?.lowercased().contains("chunked") == true {
                guard let joined = Self.dechunked(page.entity.body) else {
                    unreadable.append((address, "its chunked transfer encoding is cut short"))
                    continue
                }
                body = joined
            }
            // Chunks carry the compressed bytes: joined first, then expanded.
            if let encoding = page.entity.header("content-encoding")?.lowercased(), !["identity", ""].contains(encoding) {
                guard ["gzip", "x-gzip"].contains(encoding) else {
                    unreadable.append((address, "captured \(encoding)-compressed as the server sent it; not read"))
                    continue
                }
                let (expanded, problem) = Gzip.expand(body, limit: Self.largestPage)
                if let problem {
                    unreadable.append((address, "captured gzip-compressed, and \(problem)"))
                    continue
                }
                body = expanded
            }
            pages.append(Page(address: address, html: body, charset: page.entity.parameters["charset"]?.lowercased()))
        }
        return (pages, unreadable)
    }

    /// One record from `index` on (`WARC/1.x`, headers, a block of `Content-Length` bytes); nil at the end
    /// or where the archive stops being one.
    static func record(in bytes: [UInt8], at index: inout Int) -> (entity: MIME.Entity, block: ArraySlice<UInt8>)? {
        while index < bytes.count, bytes[index] == 0x0D || bytes[index] == 0x0A { index += 1 }
        guard index < bytes.count, bytes[index...].starts(with: Array("WARC/".utf8)),
            let lineEnd = bytes[index...].firstIndex(of: 0x0A)
        else { return nil }
        let (headers, blockStart) = MIME.headers(in: bytes[(lineEnd + 1)...])
        let entity = MIME.Entity(headers: headers, body: [])
        guard let length = entity.header("content-length").flatMap({ Int($0) }), length >= 0, blockStart + length <= bytes.count else {
            index = bytes.count
            return nil
        }
        index = blockStart + length
        return (entity, bytes[blockStart..<(blockStart + length)])
    }

    /// `HTTP/1.1 200 OK`, headers, body.
    static func httpResponse(_ block: ArraySlice<UInt8>) -> (status: Int, entity: MIME.Entity)? {
        guard block.starts(with: Array("HTTP/".utf8)), let lineEnd = block.firstIndex(of: 0x0A) else { return nil }
        let statusLine = String(decoding: block[..<lineEnd], as: UTF8.self).split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        return (status, MIME.Entity(block[(lineEnd + 1)...]))
    }

    /// HTTP/1.1's chunked body joined: `size CRLF data CRLF` … `0 CRLF`.
    static func dechunked(_ body: ArraySlice<UInt8>) -> Data? {
        var out = Data()
        var index = body.startIndex
        while index < body.endIndex {
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self)
                .split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard let size = Int(sizeText, radix: 16) else { return nil }
            if size == 0 { return out }
            let start = lineEnd + 1
            guard start + size <= body.endIndex else { return nil }
            out.append(contentsOf: body[start..<(start + size)])
            index = start + size
            while index < body.endIndex, body[index] == 0x0D || body[index] == 0x0A { index += 1 }
        }
        return nil
    }
}

/// A web archive's records, for reading a large archive in pieces: each piece whole records.
public struct WebArchiveRecords: RecordBoundaries {
    public init() {}

    /// Bytes that do not start a record (what follows a record too large to have been read whole) end
    /// where the next record starts, as if they were one: the archive's reading picks up there.
    public func recordEnds(in data: Data, _ visit: (Int) -> Void) {
        let bytes = Array(data)
        let marker = Array("\nWARC/1.".utf8)
        var index = 0
        while index < bytes.count {
            if !Self.startsWithRecord(bytes[index...]) {
                guard let next = Self.firstIndex(of: marker, in: bytes, from: index) else { return }
                index = next + 1
                visit(index)
                continue
            }
            guard WARCReader.record(in: bytes, at: &index) != nil else { return }
            visit(index)
        }
    }

    /// Whether `bytes` begin with a record (after the line ends that close the one before), or are empty.
    public static func startsWithRecord(_ bytes: some Collection<UInt8>) -> Bool {
        let rest = bytes.drop { $0 == 0x0D || $0 == 0x0A }
        return rest.isEmpty || rest.starts(with: Array("WARC/".utf8))
    }

    private static func firstIndex(of marker: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var at = start
        while at + marker.count <= bytes.count {
            guard let found = bytes[at...].firstIndex(of: marker[0]) else { return nil }
            if bytes[found...].starts(with: marker) { return found }
            at = found + 1
        }
        return nil
    }
}
