import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

@Suite("gzip-compressed inputs")
struct GzipTests {
    static let page = """
        <html lang="en"><head><title>Harbour cranes idle | Coast Ledger</title>
        <meta property="og:title" content="Harbour cranes idle as strike enters second week">
        <meta property="article:published_time" content="2025-04-02T08:00:00Z"></head>
        <body><article><h1>Harbour cranes idle as strike enters second week</h1>
        <p>The container cranes at the north quay stood still for an eighth day on Wednesday as talks between the port
        operator and the crane drivers broke off without a date to meet again.</p>
        <p>Shipping agents said four vessels had been sent on to other ports since the strike began.</p>
        </article></body></html>
        """

    @Test("a member, several members end to end, and zero padding expand to the original bytes")
    func members() {
        let one = Data("first member\n".utf8), two = Data("second member\n".utf8)
        #expect(Gzip.expand(GzipFixture.compress(one), limit: 1 << 20) == (one, nil))
        let joined = GzipFixture.compress(one) + GzipFixture.compress(two) + Data(repeating: 0, count: 512)
        #expect(Gzip.expand(joined, limit: 1 << 20) == (one + two, nil))
        #expect(Gzip.expand(GzipFixture.compress(Data()), limit: 1 << 20) == (Data(), nil))
    }

    @Test("a cut, damage, bytes after the data and a bomb are each named, keeping what expanded before")
    func problems() {
        let text = Data((0..<2_000).map { "line \($0) of a long dump\n" }.joined().utf8)
        let packed = GzipFixture.compress(text)
        let cut = Gzip.expand(packed.prefix(packed.count / 2), limit: 1 << 20)
        #expect(cut.problem == .cutShort)
        #expect(!cut.data.isEmpty && text.starts(with: cut.data))
        var damaged = packed
        for index in 40..<60 { damaged[index] ^= 0x5A }
        let broken = Gzip.expand(damaged, limit: 1 << 20)
        #expect({ if case .corrupt = broken.problem { true } else { false } }())
        #expect(Gzip.expand(packed + Data("not gzip".utf8), limit: 1 << 20).problem == .trailingBytes(count: 8))
        let bomb = GzipFixture.compress(Data(repeating: 0x20, count: 4 << 20))
        #expect(bomb.count < 10_000)
        let refused = Gzip.expand(bomb, limit: 1 << 20)
        #expect(refused.problem == .tooLarge(limit: 1 << 20) && refused.data.count == 1 << 20)
    }

    @Test("read in pieces of any size, a file of several members gives back exactly its bytes")
    func streamed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pieces = Gen<UInt8>.uint8(in: 0...255).array(of: 0...3_000).array(of: 1...4)
        let file = directory.appendingPathComponent("data.gz")
        await propertyCheck(count: 60, input: pieces, Gen<Int>.int(in: 1...5_000)) { members, readSize in
            let original = Data(members.flatMap { $0 })
            try? members.map { GzipFixture.compress(Data($0)) }.reduce(Data(), +).write(to: file)
            guard let handle = try? FileHandle(forReadingFrom: file), let reader = try? InflatingReader(handle: handle) else {
                Issue.record("cannot open \(file.path)")
                return
            }
            defer { try? handle.close() }
            var read = Data()
            while let piece = try? reader.read(upToCount: readSize), !piece.isEmpty { read.append(piece) }
            #expect(read == original)
            #expect(reader.problem == nil)
        }
    }

    @Test("a page, a feed and a dump saved compressed read as they do uncompressed; a sitemap is still no article")
    func formats() {
        let plain = Ingestor().extract(data: Data(Self.page.utf8), path: "cranes.html")
        let packed = Ingestor().extract(data: GzipFixture.compress(Self.page), path: "cranes.html.gz")
        #expect(packed.skipped == nil && packed.format == plain.format)
        #expect(packed.title == "Harbour cranes idle as strike enters second week" && packed.title == plain.title)
        #expect(packed.body == plain.body && packed.date == plain.date && packed.notes.isEmpty)
        let dump = "{\"id\": \"a\", \"title\": \"One\", \"body\": \"The first record.\"}\n{\"id\": \"b\", \"title\": \"Two\", \"body\": \"The second record.\"}\n"
        let records = Ingestor().read(data: GzipFixture.compress(dump), path: "day.jsonl.gz")
        #expect(records.articles.map(\.id) == ["a", "b"] && records.skipped.isEmpty)
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Coast Ledger</title>
            <item><title>Ferry timetable changes</title><link>https://coast-ledger.example/ferry</link>
            <description>The winter ferry timetable starts on Monday with two fewer crossings a day.</description></item>
            </channel></rss>
            """
        #expect(Ingestor().read(data: GzipFixture.compress(feed), path: "coast.rss.gz").articles.map(\.title) == ["Ferry timetable changes"])
        let sitemap = "<?xml version=\"1.0\"?><urlset><url><loc>https://coast-ledger.example/ferry</loc></url></urlset>"
        #expect(Ingestor().extract(data: GzipFixture.compress(sitemap), path: "sitemap.xml.gz").skipped?.contains("sitemap") == true)
        #expect(NonArticleFile(path: "site/style.css.gz") != nil)
    }

    @Test("a page cut short is read with a note; one that expands past the limit is skipped with why")
    func cutAndLimit() {
        let packed = GzipFixture.compress(Self.page)
        let cut = Ingestor().extract(data: packed.prefix(packed.count - 12), path: "cranes.html.gz")
        #expect(cut.skipped == nil && cut.title == "Harbour cranes idle as strike enters second week")
        #expect(cut.notes == ["the gzip data ends early (a download or copy cut short?)"])
        var small = Ingestor()
        small.maximumFileSize = 256
        let refused = small.extract(data: packed, path: "cranes.html.gz")
        #expect(refused.skipped?.hasPrefix("a gzip-compressed file that expands past 0 MB") == true)
        #expect(Ingestor().extract(data: Data([0x1F, 0x8B, 0x08]), path: "x.html.gz").skipped == "the gzip data ends early (a download or copy cut short?)")
    }
}
