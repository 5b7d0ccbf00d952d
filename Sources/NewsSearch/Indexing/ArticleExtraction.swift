import Foundation
import NewsActors
import NewsIngest

/// What `search index` would store for one file, decided with an index's own configuration: the
/// source aliases and actor dictionary beside it, the boilerplate it has learned, and the actors it
/// already holds (so a lone "Rutte" shows as the "Mark Rutte" the index knows). `search extract`
/// uses it so that the debugging view never disagrees with what indexing stores.
///
/// ```swift
/// var extraction = try ArticleExtraction(indexPath: "index/search.sqlite")
/// for (report, actors) in try extraction.extract(data: bytes, path: "a.md") { … }
/// ```
public struct ArticleExtraction {
    public let ingestor: Ingestor
    let extractor: ActorExtractor
    var registry: ActorRegistry
    /// The index, read for the known actors a file's actors may merge into.
    private let index: IndexFileReader?
    /// Surnames and initials whose known actors are in `registry` already.
    private var seededKeys: Set<String> = []
    /// Whether an index file was there to learn from; without one only the files beside it count.
    public let indexExists: Bool
    /// The index's learned boilerplate, read for the sources of the files extracted.
    private let storedBoilerplate: StoredBoilerplate?

    /// Lines the index has learned as boilerplate, over all its sources: the one answer that reads them
    /// all, so it is worked out when first asked (the text report), not for `--json`.
    public private(set) lazy var learnedLines = storedBoilerplate?.wholeModel().learnedLineCount ?? 0

    /// Reads the configuration beside `indexPath`, and the index itself when it exists. Never writes:
    /// an index of an older schema throws ``IndexError/schemaVersionMismatch(found:expected:)``.
    public init(indexPath: String) throws {
        let configuration = try IndexConfiguration(indexPath: indexPath)
        extractor = ActorExtractor(dictionary: configuration.actors)
        registry = ActorRegistry(extractor: extractor)
        indexExists = FileManager.default.fileExists(atPath: indexPath)
        if indexExists {
            // One plain connection: GRDB's set-up was most of opening the index for one file.
            let index = try IndexFileReader(path: indexPath)
            storedBoilerplate = try LearnedBoilerplate.stored(in: index)
            self.index = index
        } else {
            storedBoilerplate = nil
            index = nil
        }
        var ingestor = Ingestor(sourceNormalizer: configuration.sources)
        ingestor.storedBoilerplate = storedBoilerplate
        self.ingestor = ingestor
    }

    /// One report per record, each with the actors indexing would link it to.
    public mutating func extract(
        data: Data, path: String, format: InputFormat, defaultSource: String?, folderName: String?
    ) throws -> [(report: ExtractionReport, actors: [ExtractedActor])] {
        try ingestor.extractAll(data: data, path: path, format: format, defaultSource: defaultSource, folderName: folderName)
            .map { report in
                guard report.skipped == nil else { return (report, []) }
                let found = PreparedDocument.actors(
                    of: report.title, report.body, given: report.actors, declared: StructuredActor.decode(report.metadata),
                    declaredLanguage: PreparedDocument.declaredLanguage(in: report.metadata), extractor: extractor)
                try seed(for: found)
                return (report, registry.merge(found))
            }
    }

    /// Files the index's actors that `actors` may merge into, and only those. The indexer seeds its
    /// registry with every known actor (it merges thousands of articles); for one file that cost most
    /// of the run, and the registry's merge depends only on the full names and organisations filed
    /// under the surnames and acronyms the file names, whatever the order they were filed in.
    private mutating func seed(for actors: [ExtractedActor]) throws {
        guard let index else { return }
        let keys = ActorRegistry.lookupKeys(of: actors).subtracting(seededKeys)
        guard !keys.isEmpty else { return }
        seededKeys.formUnion(keys)
        for actor in try Self.actors(filedUnder: keys, in: index) { _ = registry.canonical(name: actor.name, type: actor.type) }
    }

    /// The index's actors whose filing key is one of `keys`, in the order the indexer seeds them
    /// (the table's). ``ActorKeyFilter`` passes a superset of them, which `filingKey` then checks exactly.
    private static func actors(filedUnder keys: Set<String>, in index: IndexFileReader) throws -> [(name: String, type: ActorType)] {
        let filter = ActorKeyFilter(keys: keys)
        var matching: [(name: String, type: ActorType)] = []
        try index.rows("SELECT name, type FROM actors", []) { row in
            guard let bytes = row.utf8(0), filter.mayFile(bytes) else { return }
            let name = String(decoding: bytes, as: UTF8.self)
            let type = row.text(1).flatMap(ActorType.init(rawValue:)) ?? .person
            if let key = ActorRegistry.filingKey(name: name, type: type), keys.contains(key) { matching.append((name, type)) }
        }
        return matching
    }
}
