import Foundation
import NewsSearchTestSupport
import Testing

/// A folder of pages saved "complete" by a browser, as an analyst keeps them: each page beside its
/// `_files` folder of images, scripts, styles and ad frames. Only the pages are articles.
@Suite struct SavedPageFolderCLITests {
    @Test func aSavedPagesResourcesAreNamedOnceAndNotIndexed() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        _ = try folder.write(
            "<html><head><title>Ferry strike ends | Coast Ledger</title></head><body><article><h1>Ferry strike ends</h1>"
                + "<p>The ferry crews returned to work on Monday after a week-long strike over rosters.</p>"
                + "<p>The operator said the timetable would be back to normal by Wednesday.</p></article></body></html>",
            to: "saved/Ferry strike ends.html")
        _ = try folder.write(
            "<html><head><title>Advertisement</title></head><body><div>Cheap cruises! Click to win a prize.</div></body></html>",
            to: "saved/Ferry strike ends_files/ad_frame.html")
        _ = try folder.write("body{color:red}", to: "saved/Ferry strike ends_files/style.css")
        _ = try folder.write("var tracker = 1;", to: "saved/Ferry strike ends_files/app.js")
        // A folder named like one, with no page beside it, is an ordinary folder of articles.
        _ = try folder.write("Pilots agree roster\n\nThe pilots agreed a new roster.", to: "saved/notes_files/pilots.txt")
        // Stray resources outside such a folder are named as what they are.
        _ = try folder.write("body{margin:0}", to: "saved/site.css")
        _ = try folder.write(
            #"<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Ledger</title></channel></rss>"#, to: "saved/feed.xml")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("saved").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2 added, 0 updated, 0 removed, 0 unchanged, 3 skipped"), "\(run.stdout)")
        #expect(run.stdout.contains(
            "Ferry strike ends_files/: the images, scripts and frames of the saved page Ferry strike ends.html (3 files), not articles"),
            "\(run.stdout)")
        #expect(run.stdout.contains("site.css: a stylesheet (.css), not an article"), "\(run.stdout)")
        #expect(run.stdout.contains("feed.xml: a news feed with no items"), "\(run.stdout)")

        let all = try binary.run(["--index", index, "--json", "--limit", "20", ""])
        let hits = try #require((try JSONSerialization.jsonObject(with: all.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(Set(hits.compactMap { $0["title"] as? String }) == ["Ferry strike ends", "Pilots agree roster"])
    }

    /// "Save as single file" (MHTML): the article was its MIME headers ("From: <Saved by Blink> Snapshot-
    /// Content-Location…"), its title broken by a quoted-printable soft break ("Harbo= ur"), `=E2` an actor.
    @Test func aPageSavedAsOneFileIsIndexedAsThePage() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory()
        let page = "<html><head><title>Harbour strike enters its third week in the northern port city</title></head><body>"
            + "<article><p>Dock workers extended their strike into a third week on Friday, as talks with the port authority broke down"
            + " again over pay. \u{201C}We ask for what was promised,\u{201D} said union secretary Maren Holt.</p></article></body></html>"
        // Quoted-printable with soft breaks every 60 bytes, as browsers write it.
        var encoded = ""
        var column = 0
        for byte in Array(page.utf8) {
            let piece = byte == 0x3D || byte >= 0x80 ? String(format: "=%02X", byte) : String(UnicodeScalar(byte))
            if column + piece.count > 60 {
                encoded += "=\r\n"
                column = 0
            }
            encoded += piece
            column += piece.count
        }
        let archive = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://harbour-ledger.example/2025/03/14/strike\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--b--\"\r\n\r\n"
            + "----b--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            + "Content-Location: https://harbour-ledger.example/2025/03/14/strike\r\n\r\n\(encoded)\r\n----b----\r\n"
        _ = try folder.write(archive, to: "saved/Harbour strike.mhtml")
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("saved").path])
        #expect(run.status == 0 && run.stdout.contains("1 added"), "\(run.stdout)\(run.stderr)")
        let found = try binary.run(["--index", index, "--json", "strike"])
        let hit = try #require(((try JSONSerialization.jsonObject(with: found.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])?.first)
        #expect(hit["title"] as? String == "Harbour strike enters its third week in the northern port city")
        #expect(hit["date"] as? String == "2025-03-14")
        #expect(hit["source"] as? String == "harbour-ledger.example")
        let shown = try binary.run(["show", "--index", index, "Harbour strike.mhtml"])
        #expect(shown.stdout.contains("\u{201C}We ask for what was promised,\u{201D} said union secretary Maren Holt."), "\(shown.stdout)")
        #expect(!shown.stdout.contains("=3D") && !shown.stdout.contains("Content-Type"), "\(shown.stdout)")
        // An analyst has the address, not the file name: `show` finds the article saved from it.
        let byAddress = try binary.run(["show", "--index", index, "https://harbour-ledger.example/2025/03/14/strike/"])
        #expect(byAddress.status == 0 && byAddress.stdout.contains("said union secretary Maren Holt"), "\(byAddress.stdout)\(byAddress.stderr)")
        let elsewhere = try binary.run(["show", "--index", index, "https://harbour-ledger.example/2025/03/15/other"])
        #expect(elsewhere.status == 2 && elsewhere.stderr.contains("no article with id 'https://harbour-ledger.example/2025/03/15/other'"))
    }
}
