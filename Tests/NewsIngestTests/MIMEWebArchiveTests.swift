import Foundation
import Testing

@testable import NewsIngest

/// Pages saved "as a single file" (MHTML) were indexed as their MIME headers and escapes.
@Suite("Web archives (MHTML)")
struct MIMEWebArchiveTests {
    static let page = """
        <html lang="en"><head><meta charset="utf-8"><title>Dock strike ends | Harbour Ledger</title></head>
        <body><nav>Home · World</nav><article><h1>Dock strike ends</h1>
        <p>Crews at the northern terminal returned to work on Monday after a three-week strike over shift lengths.</p>
        <p>“We got most of what we asked for,” said the union’s secretary, Ilse Varga, outside the gates.</p>
        </article></body></html>
        """

    /// Quoted-printable as Chrome writes it: `=3D` for `=`, soft breaks at 76 columns, UTF-8 bytes escaped.
    static func quotedPrintable(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for byte in Array(text.utf8) {
            let piece = byte == 0x0A ? "\n" : (byte == 0x3D || byte >= 0x80) ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
            if piece == "\n" {
                lines.append(line)
                line = ""
                continue
            }
            if line.count + piece.count > 75 {
                lines.append(line + "=")
                line = ""
            }
            line += piece
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    static func archive(parts: [(headers: String, body: String)], snapshot: String? = "https://harbour-ledger.example/2025/03/14/dock-strike-ends")
        -> Data
    {
        var text = "From: <Saved by Blink>\r\n"
        if let snapshot { text += "Snapshot-Content-Location: \(snapshot)\r\n" }
        text += "Subject: Dock strike ends\r\nDate: Fri, 14 Mar 2025 10:11:12 -0000\r\nMIME-Version: 1.0\r\n"
        text += "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--q1w2e3----\"\r\n\r\n\r\n"
        for part in parts {
            text += "------MultipartBoundary--q1w2e3----\r\n\(part.headers)\r\n\r\n\(part.body)\r\n"
        }
        text += "------MultipartBoundary--q1w2e3------\r\n"
        return Data(text.utf8)
    }

    static let chromeSave = archive(parts: [
        ("Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            + "Content-Location: https://harbour-ledger.example/2025/03/14/dock-strike-ends", quotedPrintable(page)),
        ("Content-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://harbour-ledger.example/site.css",
            "body { color: #333; }"),
        ("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://harbour-ledger.example/logo.png",
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
    ])

    @Test("a page saved by Chrome as one file is read as the page, with the address it was saved from")
    func chromeSingleFile() throws {
        let report = Ingestor().extract(data: Self.chromeSave, path: "saved/Dock strike ends.mhtml")
        #expect(report.skipped == nil)
        #expect(report.title == "Dock strike ends")
        let body = report.body
        #expect(body.contains("“We got most of what we asked for,” said the union’s secretary, Ilse Varga"))
        #expect(!body.contains("=3D") && !body.contains("MIME") && !body.contains("Content-Type") && !body.contains("color: #333"))
        #expect(report.url == "https://harbour-ledger.example/2025/03/14/dock-strike-ends")
        // The saving time in the `Date:` header is not the story's date; the address's path is.
        #expect(report.date?.description == "2025-03-14")
    }

    @Test("an archive renamed or without an extension is told by its headers")
    func sniffed() throws {
        #expect(Ingestor.detectFormat(path: "downloads/story", data: Self.chromeSave) == .html)
        #expect(Ingestor().extract(data: Self.chromeSave, path: "downloads/story").title == "Dock strike ends")
        #expect(!MIMEWebArchive.isArchive(path: "notes.txt", data: Data("Content-Type: text/plain\n\nA note about strikes.".utf8)))
        #expect(!MIMEWebArchive.isArchive(path: "p.html", data: Data(Self.page.utf8)))
    }

    @Test("Internet Explorer's .mht: a base64 page in the charset its part declares, the root named by start")
    func internetExplorer() throws {
        let latin1 = "<html><head><meta charset=\"utf-8\"><title>Caf\u{E9} owners protest</title></head><body><p>"
            + "Owners of caf\u{E9}s in the old town protested against the new terrace fees on Tuesday morning.</p></body></html>"
        let bytes = Data(latin1.unicodeScalars.map { UInt8($0.value) })
        var text = "MIME-Version: 1.0\r\nContent-Type: multipart/related; start=\"<root@ie>\"; boundary=b0undary\r\n\r\n"
        text += "--b0undary\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-ID: <frame@ie>\r\n\r\n<html><body><p>An advert frame.</p></body></html>\r\n"
        text += "--b0undary\r\nContent-Type: text/html; charset=\"windows-1252\"\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <root@ie>\r\n"
        text += "Content-Location: http://old-town-news.example/cafes.htm\r\n\r\n"
        text += bytes.base64EncodedString(options: .lineLength76Characters) + "\r\n--b0undary--\r\n"
        let report = Ingestor().extract(data: Data(text.utf8), path: "Caf\u{E9} owners.mht")
        #expect(report.title == "Caf\u{E9} owners protest")
        #expect(report.body.contains("caf\u{E9}s in the old town"))
        #expect(report.encoding == "windows-1252")
        #expect(report.url == "http://old-town-news.example/cafes.htm")
    }

    @Test("an archive with no page in it is skipped, and says so")
    func noPage() {
        let data = Self.archive(parts: [("Content-Type: image/png\r\nContent-Transfer-Encoding: base64", "iVBORw0KGgo=")])
        let report = Ingestor().extract(data: data, path: "logo.mhtml")
        #expect(report.skipped == "malformed MIME file (web archive or e-mail): no HTML page among its parts")
        let noBoundary = Ingestor().extract(data: Data("MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nx".utf8), path: "a.mht")
        #expect(noBoundary.skipped == "malformed MIME file (web archive or e-mail): the Content-Type header names no boundary")
    }

    @Test("quoted-printable: escapes, soft breaks (LF or CRLF) and stray equals signs")
    func quotedPrintableDecoding() {
        let decoded = MIME.quotedPrintable(Array("a=3Db=\r\nc=\nd=C3=A9 e=zz f=".utf8)[...])
        #expect(String(decoding: decoded, as: UTF8.self) == "a=bcdé e=zz f=")
    }

    @Test("folded headers and quoted parameters")
    func headersAndParameters() {
        let (headers, end) = MIME.headers(in: Array("Content-Type: multipart/related;\r\n\tboundary=\"a;b\"\r\n\r\nbody".utf8)[...])
        #expect(headers.count == 1 && end == 53)
        #expect(MIME.parameters(of: headers[0].value) == ["boundary": "a;b"])
    }
}

/// Pages saved "HTML only" keep the address they came from in a comment, and often declare no other.
@Suite("Saved-page markers")
struct SavedPageMarkerTests {
    @Test("Chrome's and SingleFile's markers give the page's address")
    func markers() {
        #expect(SavedPageMarker.address(in: "<!DOCTYPE html>\n<!-- saved from url=(0045)https://river-post.example/2024/06/02/flood -->\n<html>")
            == "https://river-post.example/2024/06/02/flood")
        #expect(SavedPageMarker.address(in: "<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://river-post.example/a/b \n saved date: Sun Jun 02 2024-->")
            == "https://river-post.example/a/b")
        #expect(SavedPageMarker.address(in: "<html><!-- saved from url=(0014)about:internet --><body>") == nil)
        #expect(SavedPageMarker.address(in: "<html><body>no marker</body></html>") == nil)
    }

    @Test("only the page's first 2 KB are read, and SingleFile's label within 200 bytes of its name")
    func bounds() {
        let marker = "<!-- saved from url=(0031)https://river-post.example/a/b -->"
        let padding = String(repeating: "é", count: 1030)  // 2,060 bytes
        #expect(SavedPageMarker.address(in: "<html>" + marker) == "https://river-post.example/a/b")
        #expect(SavedPageMarker.address(in: padding + "<html>" + marker) == nil)
        // An address running past the first 2 KB is cut there, as the head is all that is read.
        let cut = SavedPageMarker.address(in: String(repeating: "x", count: 2000) + "<!-- saved from url=(0031)https://river-post.example/long/path -->")
        #expect(cut == "https://river-post.exa")
        let singleFile = "<!--\n Page saved with SingleFile \n"
        #expect(SavedPageMarker.address(in: singleFile + String(repeating: " ", count: 150) + "url: https://river-post.example/a") == "https://river-post.example/a")
        #expect(SavedPageMarker.address(in: singleFile + String(repeating: " ", count: 200) + "url: https://river-post.example/a") == nil)
        #expect(SavedPageMarker.address(in: "<!-- saved from url=(0031") == nil)
    }

    @Test("a saved page without an address of its own gets the marker's: its outlet and the date in its path")
    func pageWithoutAddress() {
        let page = "<!-- saved from url=(0053)https://www.river-post.example/2024/06/02/flood-warning -->\n"
            + "<html><head><title>Flood warning for the valley</title></head><body><article><p>"
            + "The river authority issued a flood warning for the lower valley after two days of heavy rain.</p></article></body></html>"
        let report = Ingestor().extract(data: Data(page.utf8), path: "html/flood.html", folderName: "html")
        #expect(report.url == "https://www.river-post.example/2024/06/02/flood-warning")
        #expect(report.date?.description == "2024-06-02")
        #expect(report.source == "river-post.example")
    }
}
