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
        #expect(run.stdout.contains("feed.xml: an RSS or Atom feed"), "\(run.stdout)")

        let all = try binary.run(["--index", index, "--json", "--limit", "20", ""])
        let hits = try #require((try JSONSerialization.jsonObject(with: all.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]])
        #expect(Set(hits.compactMap { $0["title"] as? String }) == ["Ferry strike ends", "Pilots agree roster"])
    }
}
