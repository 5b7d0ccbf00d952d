import Foundation
import Testing

@testable import NewsIngest

/// Newsletters and alerts saved from a mail program (`.eml`), shaped as mail programs save them.
@Suite("Saved e-mails")
struct SavedEmailTests {
    static func message(contentType: String = "multipart/alternative; boundary=\"==alt==\"", body: String, extraHeaders: String = "") -> Data {
        let text = """
            Return-Path: <bounce@mail.harbour-ledger.example>
            Received: from mail.harbour-ledger.example by mx.example.org; Tue, 04 Feb 2025 06:01:02 +0000
            From: =?UTF-8?Q?Harbour_Ledger_Briefing?= <briefing@harbour-ledger.example>
            To: analyst@example.org
            Subject: =?UTF-8?Q?Ferry_fares_rise_=E2=80=93?= =?UTF-8?B?IHdlaXIgcmVwYWlycyBmaW5pc2hlZA==?=
            Date: Tue, 04 Feb 2025 06:00:00 +0000
            Message-ID: <20250204.abc@mail.harbour-ledger.example>
            MIME-Version: 1.0
            \(extraHeaders)Content-Type: \(contentType)

            \(body)
            """
        return Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }

    static let alternative = message(body: """
        --==alt==
        Content-Type: text/plain; charset="utf-8"

        Plain version.
        --==alt==
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable

        <html><head><title>Newsletter</title></head><body><table><tr><td><h2>Ferry fares rise</h2><p>Ferry fares will =
        rise by four percent from April, the operator said on Tuesday.</p><p>Repairs to the weir were finished =E2=80=
        =93 anglers may use the river again.</p></td></tr><tr><td>You received this email because you subscribed. Unsub=
        scribe</td></tr></table></body></html>
        --==alt==--
        """)

    @Test("a newsletter: the HTML part, the subject as title, the sent date, the sender as outlet, no footer")
    func newsletter() throws {
        #expect(Ingestor.detectFormat(path: "mail/briefing.eml", data: Self.alternative) == .email)
        #expect(Ingestor.detectFormat(path: "mail/briefing", data: Self.alternative) == .email)
        let report = Ingestor().extract(data: Self.alternative, path: "mail/briefing.eml")
        #expect(report.skipped == nil)
        #expect(report.title == "Ferry fares rise – weir repairs finished")
        #expect(report.date?.description == "2025-02-04")
        #expect(report.dateOrigin == .message)
        #expect(report.source == "Harbour Ledger Briefing")
        #expect(report.body.contains("Ferry fares will rise by four percent from April, the operator said on Tuesday."))
        #expect(report.body.contains("finished – anglers"))
        #expect(!report.body.contains("Plain version") && !report.body.contains("You received this email"))
        #expect(report.metadata["message_id"] == "20250204.abc@mail.harbour-ledger.example")
    }

    @Test("a plain-text message, and one whose sender has no name")
    func plainText() throws {
        let data = Self.message(
            contentType: "text/plain; charset=iso-8859-1", body: "Caf\u{E9} owners protested on Tuesday.",
            extraHeaders: "Content-Transfer-Encoding: 8bit\n")
        let latin1 = Data(String(decoding: data, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let report = Ingestor().extract(data: latin1, path: "alert.eml")
        #expect(report.body == "Caf\u{E9} owners protested on Tuesday.")
        #expect(SavedEmail.senderName("alerts@river-post.example") == "river-post.example")
        #expect(SavedEmail.senderName("\"River Post\" <alerts@river-post.example>") == "River Post")
    }

    @Test("a page saved by Chrome is no e-mail, though it starts with From:, Subject: and Date:")
    func notAnEmail() {
        #expect(!SavedEmail.isEmail(path: "p.mhtml", data: MIMEWebArchiveTests.chromeSave))
        #expect(Ingestor.detectFormat(path: "page", data: MIMEWebArchiveTests.chromeSave) == .html)
        #expect(!SavedEmail.isEmail(path: "notes.txt", data: Data("From: a note\nDate: Monday\n\nText.".utf8)))
    }

    @Test("encoded words in headers")
    func encodedWords() {
        #expect(MIME.decodingWords("=?utf-8?q?Z=C3=B6lle_steigen?=") == "Zölle steigen")
        #expect(MIME.decodingWords("=?ISO-8859-1?Q?Caf=E9?= owners") == "Café owners")
        #expect(MIME.decodingWords("=?UTF-8?B?w4FndWE=?= =?UTF-8?B?IGZyw61h?=") == "Água fría")
        #expect(MIME.decodingWords("plain =?broken") == "plain =?broken")
    }
}
