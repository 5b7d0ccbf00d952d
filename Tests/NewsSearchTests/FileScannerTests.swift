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
