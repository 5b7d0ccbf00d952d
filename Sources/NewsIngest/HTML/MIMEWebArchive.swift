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
        switch Gzip.formatExtension(path) {
        case "mht", "mhtml": return true
        default: break
        }
        guard let first = data.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        let (headers, _) = MIME.headers(in: Array(data.prefix(4096))[...])
        return headers.contains { $0.name == "content-type" && $0.value.lowercased().hasPrefix("multipart/related") }
    }

    init(data: Data) throws(IngestError) {
        let message = MIME.Entity(Array(data)[...])
        guard message.contentType.hasPrefix("multipart/") else { throw .malformedWebArchive("no multipart Content-Type header") }
        guard !(message.parameters["boundary"] ?? "").isEmpty else {
            throw .malformedWebArchive("the Content-Type header names no boundary")
        }
        let snapshot = message.header("snapshot-content-location")
        let start = message.parameters["start"]
        let pages = message.leaves().filter { $0.contentType == "text/html" || $0.contentType == "application/xhtml+xml" }
        // The root part: the one saved from the snapshot's address, else the one `start` names, else
        // the first page (frames come after the page that holds them).
        let root =
            pages.first { snapshot != nil && $0.header("content-location") == snapshot }
            ?? pages.first { start != nil && $0.header("content-id") == start }
            ?? pages.first
        guard let root else { throw .malformedWebArchive("no HTML page among its parts") }
        guard let decoded = root.decodedBody else { throw .malformedWebArchive("the page's base64 is not valid") }
        page = decoded
        charset = root.parameters["charset"]?.lowercased()
        address = [snapshot, root.header("content-location")].compactMap { $0 }.first(where: PageAddress.isAbsolute)
    }
}
