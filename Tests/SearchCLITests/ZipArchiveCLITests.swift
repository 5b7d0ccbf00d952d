import Foundation
import NewsSearchTestSupport
import Testing

/// ZIP archives (a Kaggle data set, a folder of pages sent by mail, a WACZ collection) were skipped
/// whole ("a ZIP archive: unpack it"). They are read as the folder they pack. The archives here are
/// written by Python's `zipfile`, a real tool, not by our own code.
@Suite(.serialized) struct ZipArchiveCLITests {
    /// `python3` zips `folder/source` (files in name order) into `archive`; options per member by name:
    /// `stored`, `zip64`.
    static func zip(_ source: URL, to archive: URL, stored: Set<String> = [], zip64: Set<String> = []) throws {
        let script = """
            import os, sys, zipfile
            source, target, stored, zip64 = sys.argv[1], sys.argv[2], set(sys.argv[3].split(",")), set(sys.argv[4].split(","))
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
                for folder, _, names in sorted(os.walk(source)):
                    for name in sorted(names):
                        path = os.path.join(folder, name)
                        member = os.path.relpath(path, source)
                        info = zipfile.ZipInfo(member, date_time=(2025, 3, 14, 9, 30, 0))
                        info.compress_type = zipfile.ZIP_STORED if member in stored else zipfile.ZIP_DEFLATED
                        with open(path, "rb") as f, archive.open(info, "w", force_zip64=member in zip64) as out:
                            out.write(f.read())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, source.path, archive.path,
                             stored.sorted().joined(separator: ","), zip64.sorted().joined(separator: ",")]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
    }

    static func page(_ title: String, _ text: String) -> String {
        "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(text)</p></article></body></html>"
    }

    static func ids(_ binary: SearchBinary, _ index: String, _ query: String) throws -> [String] {
        let run = try binary.run(["--index", index, "--json", "--limit", "50", query])
        let hits = (try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])?["hits"] as? [[String: Any]] ?? []
        return hits.compactMap { $0["id"] as? String }.sorted()
    }

    @Test func aZippedFolderIsIndexedAsTheFolderAndKeptUpToDate() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("zip-folder")
        _ = try folder.write(Self.page("Dredging resumes at the west basin", "The dredgers returned to the west basin on Monday."), to: "src/2025/dredging.html")
        _ = try folder.write("---\ntitle: Pilot boats stay in port\n---\nThe pilot boats stayed in port as the dredging gale rose.\n", to: "src/2025/pilots.md")
        _ = try folder.write((1...30).map { #"{"title": "Dredging ledger \#($0)", "body": "Dredging ledger \#($0) lists the tonnage moved."}"# }
            .joined(separator: "\n") + "\n", to: "src/ledger.jsonl")
        _ = try folder.write("This corpus was collected for the dredging study.\n", to: "src/README.txt")
        _ = try folder.write("resource fork", to: "src/__MACOSX/2025/._dredging.html")
        _ = try folder.write(Self.page("Saved dredging page", "The saved page about dredging."), to: "src/saved.html")
        _ = try folder.write(Self.page("Dredging advert frame", "An advert about dredging."), to: "src/saved_files/frame.html")
        let archive = folder.url.appendingPathComponent("in/basin-news.zip")
        try FileManager.default.createDirectory(at: archive.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.zip(folder.url.appendingPathComponent("src"), to: archive, stored: ["2025/pilots.md"])
        let index = folder.url.appendingPathComponent("i.sqlite").path

        let run = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("33 added"), "\(run.stdout)")
        #expect(run.stdout.contains("basin-news.zip/saved_files/"), "the saved page's resources are named as passed over: \(run.stdout)")
        let found = try Self.ids(binary, index, "dredging")
        #expect(found.contains("basin-news.zip/2025/dredging.html") && found.contains("basin-news.zip/ledger.jsonl#30"), "\(found)")
        #expect(!found.contains { $0.contains("README") || $0.contains("MACOSX") || $0.contains("frame") }, "\(found)")
        // The archive's name stands for a folder's: "Basin News", not the web host "basin-news.zip".
        let show = try binary.run(["show", "--index", index, "basin-news.zip/ledger.jsonl#1"])
        #expect(show.stdout.contains("Basin News") && !show.stdout.contains("basin-news.zip (source"), "\(show.stdout)")

        let again = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(again.stdout.contains("0 added") && again.stdout.contains("33 unchanged"), "\(again.stdout)")
        // One file in it is shown by the name indexing gives it; the archive itself gets that hint.
        let member = try binary.run(["extract", "--index", index, archive.path + "/2025/dredging.html"])
        #expect(member.status == 0 && member.stdout.hasPrefix("title   Dredging resumes at the west basin"), "\(member.stdout)\(member.stderr)")
        let whole = try binary.run(["extract", "--index", index, archive.path])
        #expect(whole.status == 2 && whole.stderr.contains("is a ZIP archive: name one file in it") && whole.stderr.contains("basin-news.zip/2025/"),
            "\(whole.stderr)")

        // The archive made again with one page changed and the Markdown file gone.
        _ = try folder.write(Self.page("Dredging resumes at the west basin", "The dredgers returned to the west basin on Tuesday."), to: "src/2025/dredging.html")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("src/2025/pilots.md"))
        try FileManager.default.removeItem(at: archive)
        try Self.zip(folder.url.appendingPathComponent("src"), to: archive)
        let changed = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(changed.stdout.contains("1 updated") && changed.stdout.contains("1 removed") && changed.stdout.contains("31 unchanged"),
            "\(changed.stdout)")
        #expect(try binary.run(["show", "--index", index, "basin-news.zip/2025/dredging.html"]).stdout.contains("Tuesday"))
    }

    /// Old Windows tools wrote `\` between folders (the format says `/`): the folders are the same.
    @Test func backslashedNamesAreFolders() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("zip-backslash")
        let archive = folder.url.appendingPathComponent("desk.zip")
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                z.writestr(zipfile.ZipInfo("2025\\\\"), b"")
                z.writestr(zipfile.ZipInfo("2025\\\\tugs.html"), sys.argv[2])
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, archive.path, Self.page("Tug crews meet on pay", "The tug crews met about overtime pay.")]
        try process.run()
        process.waitUntilExit()
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, archive.path])
        #expect(run.stdout.contains("1 added") && run.stdout.contains("0 skipped"), "\(run.stdout)")
        #expect(try Self.ids(binary, index, "tug") == ["2025/tugs.html"])
    }

    /// A page saved "complete" inside a folder whose name has capitals: its `_files` folder (an ad frame)
    /// was indexed as an article.
    @Test func aSavedPagesResourcesUnderACapitalisedFolderArePassedOver() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("zip-saved")
        _ = try folder.write(Self.page("Tugs idle in the harbour", "The tug crews stayed ashore on Friday over pay."), to: "src/Saved/Story.html")
        _ = try folder.write(Self.page("Boats for sale", "Buy a boat today, best prices on the coast."), to: "src/Saved/Story_files/ad.html")
        let archive = folder.url.appendingPathComponent("saved.zip")
        try Self.zip(folder.url.appendingPathComponent("src"), to: archive)
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, archive.path])
        #expect(run.stdout.contains("1 added") && run.stdout.contains("saved.zip/Saved/Story_files/: the images"), "\(run.stdout)")
    }

    @Test func aDamagedArchiveIsNamedAndWhatCameFromItKept() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("zip-damaged")
        for n in 1...3 { _ = try folder.write(Self.page("Quay report \(n)", "The quay report number \(n) on crane hours."), to: "src/quay-\(n).html") }
        let archive = folder.url.appendingPathComponent("in/quay.zip")
        try FileManager.default.createDirectory(at: archive.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.zip(folder.url.appendingPathComponent("src"), to: archive)
        let index = folder.url.appendingPathComponent("i.sqlite").path
        #expect(try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path]).stdout.contains("3 added"))

        // A copy cut short loses the table of contents at the archive's end.
        let bytes = try Data(contentsOf: archive)
        try bytes.prefix(bytes.count - 40).write(to: archive)
        let cut = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(cut.stdout.contains("quay.zip") && cut.stdout.contains("table of contents") && cut.stdout.contains("kept"),
            "\(cut.stdout)\(cut.stderr)")
        #expect(try Self.ids(binary, index, "quay").count == 3)
    }

    @Test func aLargeDumpInAnArchiveIsStreamedAsTheDumpItself() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("zip-dump")
        let dump = (1...1500).map { n in
            #"{"id": "tally-\#(n)", "title": "Berth tally \#(n)", "body": "Berth tally \#(n) counts the containers moved at the quay."}"#
        }.joined(separator: "\n") + "\n"
        _ = try folder.write(dump, to: "src/tally.jsonl")
        _ = try folder.write(dump.replacingOccurrences(of: "tally-", with: "stored-"), to: "src/stored.jsonl")
        _ = try folder.write(dump.replacingOccurrences(of: "tally-", with: "wide-"), to: "src/wide.jsonl")
        let archive = folder.url.appendingPathComponent("in/tallies.zip")
        try FileManager.default.createDirectory(at: archive.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Self.zip(folder.url.appendingPathComponent("src"), to: archive, stored: ["stored.jsonl"], zip64: ["wide.jsonl"])
        let index = folder.url.appendingPathComponent("i.sqlite").path
        // Small chunks: the dumps are streamed in many pieces.
        let run = try binary.run(["index", "--index", index, "--dump-chunk-bytes", "20000", folder.url.appendingPathComponent("in").path])
        #expect(run.status == 0 && run.stdout.contains("4500 added") && run.stdout.contains("0 skipped"), "\(run.stdout)\(run.stderr)")
        #expect(try binary.run(["show", "--index", index, "wide-1500"]).stdout.contains("Berth tally 1500 counts"))
        let again = try binary.run(["index", "--index", index, folder.url.appendingPathComponent("in").path])
        #expect(again.stdout.contains("4500 unchanged"), "\(again.stdout)")
    }

    @Test func aWebArchiveCollectionGivesItsPagesOnly() throws {
        let binary = try SearchBinary()
        let folder = try TemporaryDirectory("wacz")
        let warc = LargeArchiveCLITests.capture(
            "https://harbour-ledger.example/2025/03/14/strike",
            body: Self.page("Dockers strike at the east quay", "Dockers at the east quay stopped work at dawn over the new rota."))
        let capture = try folder.write(warc, to: "src/archive/data.warc")
        _ = try CompressedInputCLITests.gzip(capture)
        _ = try folder.write(#"{"format": "json-pages-1.0"}"# + "\n" + #"{"url": "https://harbour-ledger.example/2025/03/14/strike", "title": "Dockers strike"}"# + "\n",
            to: "src/pages/pages.jsonl")
        _ = try folder.write(#"{"profile": "data-package", "resources": []}"#, to: "src/datapackage.json")
        let archive = folder.url.appendingPathComponent("crawl.wacz")
        try Self.zip(folder.url.appendingPathComponent("src"), to: archive)
        let index = folder.url.appendingPathComponent("i.sqlite").path
        let run = try binary.run(["index", "--index", index, archive.path])
        #expect(run.status == 0 && run.stdout.contains("1 added"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("2 files beside the collection's web archives"), "\(run.stdout)")
        #expect(try Self.ids(binary, index, "dockers") == ["https://harbour-ledger.example/2025/03/14/strike"])
    }
}
