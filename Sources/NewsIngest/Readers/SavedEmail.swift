import Foundation
import NewsDates

/// A newsletter or alert saved from a mail program (`.eml`): read as text it was its `Received:` and
/// `DKIM-Signature:` headers and quoted-printable escapes. The story is the message's HTML part (else
/// its plain text), the title its `Subject:`, the date its `Date:` (a newsletter is dated when it is
/// sent), the outlet its sender's name.
struct SavedEmail {
    /// By name, or by the headers a sent message has and a saved page does not (Chrome's MHTML also
    /// starts with `From:`, `Subject:` and `Date:`).
    static func isEmail(path: String, data: Data) -> Bool {
        if Gzip.formatExtension(path) == "eml" { return true }
        guard let first = data.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        let names = Set(MIME.headers(in: Array(data.prefix(16384))[...]).0.map(\.name))
        return names.isSuperset(of: ["from", "date"]) && !names.contains("snapshot-content-location")
            && !["message-id", "received", "to", "return-path"].filter(names.contains).isEmpty
    }

    func read(data: Data) throws -> ArticleDraft {
        let message = MIME.Entity(Array(data)[...])
        let leaves = message.leaves()
        let subject = message.header("subject").map(MIME.decodingWords)?.collapsingWhitespace()
        var draft: ArticleDraft
        if let html = leaves.first(where: { $0.contentType == "text/html" }), let bytes = html.decodedBody {
            draft = try HTMLReader().read(data: bytes, charset: html.parameters["charset"]?.lowercased())
            // The page's <title> of a newsletter is its template's ("Newsletter"); the subject is the issue's.
            if let subject, !subject.isEmpty { draft.title = subject }
        } else if let text = leaves.first(where: { $0.contentType == "text/plain" }), let bytes = text.decodedBody {
            let decoded = (try? HTMLDocument.decode(bytes, charset: text.parameters["charset"]?.lowercased() ?? "utf-8").text)
                ?? String(decoding: bytes, as: UTF8.self)
            draft = ArticleDraft(title: subject, lines: decoded.lineSlices(omittingEmptySubsequences: true).map(String.init))
        } else {
            throw IngestError.malformedWebArchive("an e-mail with no text or HTML part")
        }
        if draft.date == nil || draft.dateOrigin == .pageText,
            let sent = message.header("date").flatMap({ DateExtractor.parse($0) })
        {
            draft.date = sent
            draft.dateOrigin = .message
            draft.dateConfidence = nil
        }
        draft.dateFromPath = false
        if let sender = message.header("from").map(MIME.decodingWords).flatMap(Self.senderName) {
            draft.sources.insert((sender, .message), at: 0)
        }
        if let id = message.header("message-id")?.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")), !id.isEmpty {
            draft.metadata["message_id"] = id
        }
        return draft
    }

    /// `"Harbour Ledger Briefing" <briefing@harbour-ledger.example>` → the name; a bare address → its domain.
    static func senderName(_ from: String) -> String? {
        if let open = from.firstIndex(of: "<") {
            let name = from[..<open].trimmingCharacters(in: CharacterSet(charactersIn: "\" \t"))
            if !name.isEmpty { return name }
        }
        let address = from.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].trimmingCharacters(in: CharacterSet(charactersIn: ">"))
        return domain.isEmpty ? nil : String(domain)
    }
}
