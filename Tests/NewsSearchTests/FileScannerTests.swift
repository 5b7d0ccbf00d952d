import Foundation
import NewsSearchTestSupport
import Testing

@testable import NewsSearch

@Suite struct FileScannerTests {
    /// Index files store each file's size and modification time as Foundation reported them; the
    /// scanner's own `lstat` must give the same numbers, or every file would look changed.
    @Test func sizeAndTimeAgreeWithFoundation() throws {
        let folder = try TemporaryDirectory()
        var generator = SystemRandomNumberGenerator()
        for index in 0..<300 {
            let file = try folder.write(String(repeating: "x", count: index * 7), to: "f\(index).md")
            let time = timespec(
                tv_sec: Int.random(in: 0...2_000_000_000, using: &generator),
                tv_nsec: index < 5 ? 0 : Int.random(in: 0..<1_000_000_000, using: &generator))
            var times = [time, time]  // access, modification
            #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
        }
        let scanned = try FileScanner.scan([folder.url.path]).files
        #expect(scanned.count == 300)
        for file in scanned {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect(file.size == (attributes[.size] as? NSNumber)?.intValue)
            #expect(file.mtime == (attributes[.modificationDate] as? Date)?.timeIntervalSince1970, "\(file.path)")
        }
    }

    /// A saved page's `_files` folder is not entered and a stylesheet is not an input, so that an article
    /// an older version made of one counts as gone; both are named.
    @Test func savedPageResourcesAndStylesheetsArePassedOverAndNamed() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("<html></html>", to: "Story.HTML")
        _ = try folder.write("<html></html>", to: "Story_files/frame.html")
        _ = try folder.write("x", to: "Story_files/img/a.png")
        _ = try folder.write("Title\n\nText.", to: "Other_files/note.txt")
        _ = try folder.write("body{}", to: "site.css")
        let scan = try FileScanner.scan([folder.url.path])
        #expect(scan.files.map(\.relativePath) == ["Other_files/note.txt", "Story.HTML"])
        #expect(scan.passedOver.map { ($0.location as NSString).lastPathComponent } == ["Story_files", "site.css"])
        #expect(scan.passedOver.first?.reason == "the images, scripts and frames of the saved page Story.html (2 files), not articles")
    }

    @Test func foldersThatNameNoOutletGiveNoSource() {
        #expect(SourceFolder.name(ofFolderHolding: "/data/asia-maritime-monitor/a.md") == "Asia Maritime Monitor")
        for folder in ["html", "Saved", "downloads", "2024", "2024-05", "news"] {
            #expect(SourceFolder.name(ofFolderHolding: "/x/\(folder)/a.html") == nil, "\(folder)")
        }
        #expect(SourceFolder.name(ofFolderHolding: "a.html") == nil)
        // Mirrors keep pages under the site's host; a host is kept as written, not capitalised.
        #expect(SourceFolder.name(ofFolderHolding: "/m/www.Harbour.example/news/2024/a.html") == "www.harbour.example")
        #expect(SourceFolder.name(ofFolderHolding: "/m/japantimes.co.jp/a.html") == "japantimes.co.jp")
        #expect(SourceFolder.name(ofFolderHolding: "/m/report.v2/a.html") == "Report.v2")
        #expect(SourceFolder.name(ofFolderHolding: "/m/site.example/html/pages/saved/news/data/a.html") == nil)
        #expect(SourceFolder.name(ofFolderHolding: "/m/site.example/2024/05/17/a.html") == "site.example")
    }

    @Test func linksMetWhileWalkingAreLeftAloneButANamedLinkIsRead() throws {
        let folder = try TemporaryDirectory()
        let target = try folder.write("text", to: "real/a.md")
        let link = folder.url.appendingPathComponent("walk/link.md")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(try FileScanner.scan([link.deletingLastPathComponent().path]).files.isEmpty)
        let named = try FileScanner.scan([link.path]).files
        #expect(named.map(\.size) == [4])
        #expect(try FileScanner.scan([folder.url.appendingPathComponent("real").path]).files.map(\.size) == [4])
    }
}

extension FileScannerTests {
    /// An index kept inside the folder it indexes: its lock and columns files were named as skipped
    /// inputs ("empty file", "binary file") on every run.
    @Test func anIndexsOwnFilesAreNeverInputs() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("Title\n\nText.", to: "story.txt")
        for name in ["s.sqlite", "s.sqlite-wal", "s.sqlite.lock", "s.sqlite.columns", "s.sqlite.rebuild", "s.sqlite.rebuild-wal",
            "s.sqlite.rebuild.columns"]
        {
            _ = try folder.write("x", to: name)
        }
        let scan = try FileScanner.scan([folder.url.path])
        #expect(scan.files.map(\.relativePath) == ["story.txt"])
    }
}
