// swift-tools-version:6.1
import PackageDescription

// The target graph enforces the design's import rules: text analysis knows nothing of SQLite,
// the library never sees ArgumentParser, and only NewsSearch talks to GRDB.
let package = Package(
    name: "NewsSearch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "search", targets: ["search"]),
        .library(name: "NewsSearch", targets: ["NewsSearch"]),
        // The loadable SQLite extension (`.load`, `load_extension`, Datasette `--load-extension`):
        // registers the `newssearch` tokenizer and `newsrank` so other tools can query an index file.
        .library(name: "NewsSearchSQLite", type: .dynamic, targets: ["NewsSearchSQLite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // HeapModule: the bounded top-k of the pass over every match.
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `search serve`: the local web page and JSON API.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "NewsAnalysis"),
        // ArticleDate: a value both ingestion and queries use, so NewsQuery (and the parser fuzzer)
        // need not link NewsIngest and libxml2.
        .target(name: "NewsDates"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),
        // gzip: pages, dumps and web archives saved compressed (`.html.gz`, `.jsonl.gz`, `.warc.gz`).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "NewsIngest", dependencies: ["CLibXML2", "CZlib", "NewsDates"]),
        .target(name: "NewsActors", dependencies: ["NewsAnalysis"]),
        .target(name: "NewsQuery", dependencies: ["NewsAnalysis", "NewsDates"]),
        // The prefetch hint the pass over the matches gives for the next rows' columns (C: Swift has none).
        .target(name: "CMemoryHints"),
        .target(
            name: "NewsSearch",
            dependencies: [
                "NewsAnalysis", "NewsDates", "NewsIngest", "NewsActors", "NewsQuery", "CMemoryHints",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]),
        .target(name: "NewsSearchTestSupport", dependencies: ["NewsSearch"]),
        // C side of the extension: SQLITE_EXTENSION_INIT1/2 and calls through `sqlite3_api_routines`.
        .target(name: "CNewsSearchSQLite"),
        .target(name: "NewsSearchSQLite", dependencies: ["NewsSearch", "CNewsSearchSQLite"]),
        .executableTarget(
            name: "search",
            dependencies: [
                "NewsSearch", "NewsAnalysis", "NewsDates", "NewsIngest", "NewsActors", "NewsQuery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/SampleCorpus"), .copy("Resources/Web")],
            linkerSettings: staticSwiftRuntime),
        // Tools under Sources/Tools: benchmarks, evaluations and the fuzzer that scripts/ build with
        // `swift build -c release --product NAME`; not products, and nothing in the library depends on them.
        // The tools that time their own SQL do it through NewsSearch's `SQLDatabase`, so only NewsSearch links GRDB.
        tool("bench-fts5", ["NewsSearch"]),
        tool("bench-query", ["NewsSearch"]),
        tool("bench-cooccurrence", ["NewsSearch", "NewsQuery", "NewsDates"]),
        tool("tune-ranking", ["NewsSearch", "NewsQuery"]),
        tool("bench-analyzer", ["NewsAnalysis"]),
        // MinHash against SimHash on a gen-copies corpus, outside the index (issue 19).
        tool("copy-signatures", ["NewsAnalysis"]),
        // libFuzzer target for the query parser (scripts/fuzz-query-parser builds it with -sanitize=fuzzer).
        tool("fuzz-query-parser", ["NewsQuery"]),
        tool("actors-eval", ["NewsActors"]),
        // Writes Sources/NewsActors/GazetteerTables.swift from the name tables.
        tool("gazetteer-tables", ["NewsActors"]),
        tool("bench-workers", ["NewsActors", "NewsAnalysis", "NewsIngest"]),
        // Runs HTML extraction in one process over many pages for scripts/eval-extraction.
        tool("extraction-eval", ["NewsIngest"]),
        // Scores the language guess against the languages pages declare (scripts/eval-language).
        tool("language-eval", ["NewsAnalysis"]),
        .testTarget(
            name: "NewsAnalysisTests",
            dependencies: ["NewsAnalysis", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Data")]),
        .testTarget(
            name: "NewsIngestTests",
            // CZlib: the tests compress their own fixtures.
            dependencies: ["NewsIngest", "CZlib", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "NewsActorsTests",
            dependencies: ["NewsActors", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "NewsQueryTests",
            dependencies: ["NewsQuery", "NewsDates", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(
            name: "NewsSearchTests",
            dependencies: [
                "NewsSearch", "NewsSearchTestSupport", "NewsDates", .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "SearchCLITests",
            // Not on `search`: the tests run the built binary (`swift test` builds it), and linking its
            // objects into the test bundle would bring a second, static Swift runtime beside XCTest's.
            dependencies: ["NewsSearchTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)

func tool(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: dependencies, path: "Sources/Tools/\(name)")
}

/// `search` carries the Swift runtime and Foundation inside it (Linux): a process then skips most of
/// the dynamic loader's relocations, the largest part of a cold query's start-up. Our objects are
/// compiled against the shared Foundation, whose module names only `Foundation` for the linker, so the
/// static archives behind it are named here. (Computed: the manifest runs top to bottom, and a stored
/// global declared below `package` would still be empty when `package` reads it.)
///
/// It exports none of its own symbols (the static runtime's link arguments export all): `dladdr` at
/// start-up searched 28,000 of them (BENCHMARKS.md, issue 15). It stays position-independent: linking
/// at a fixed address (`-no-pie`) saved about 1 ms a process, but a binary that parses untrusted pages
/// keeps the randomised address of its own code.
var staticSwiftRuntime: [LinkerSetting] {
    [.unsafeFlags(["-static-stdlib", "-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
    + [
        "FoundationInternationalization", "FoundationEssentials", "CoreFoundation", "_FoundationICU",
        "_FoundationCollections", "_FoundationCShims", "swiftSynchronization",
    ].map { .linkedLibrary($0, .when(platforms: [.linux])) }
}
