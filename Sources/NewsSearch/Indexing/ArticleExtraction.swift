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
/// for (report, actors) in extraction.extract(data: bytes, path: "a.md") { … }
/// ```
public struct ArticleExtraction {
    public let ingestor: Ingestor
    let extractor: ActorExtractor
    var registry: ActorRegistry
    /// Whether an index file was there to learn from; without one only the files beside it count.
    public let indexExists: Bool
    /// Lines the index has learned as boilerplate, over all its sources.
    public let learnedLines: Int

    /// Reads the configuration beside `indexPath`, and the index itself when it exists. Never writes.
    public init(indexPath: String) throws {
        let configuration = try IndexConfiguration(indexPath: indexPath)
        extractor = ActorExtractor(dictionary: configuration.actors)
        registry = ActorRegistry(extractor: extractor)
        var boilerplate = BoilerplateModel()
        indexExists = FileManager.default.fileExists(atPath: indexPath)
        if indexExists {
            let store = try IndexStore(path: indexPath, access: .readOnly, requireCurrentTokenizer: false)
            boilerplate = try LearnedBoilerplate.load(from: store)
            try Indexer.seed(&registry, from: store)
        }
        learnedLines = boilerplate.learnedLineCount
        ingestor = Ingestor(sourceNormalizer: configuration.sources, boilerplateModel: boilerplate)
    }

    /// One report per record, each with the actors indexing would link it to.
    public mutating func extract(
        data: Data, path: String, format: InputFormat, defaultSource: String?, folderName: String?
    ) -> [(report: ExtractionReport, actors: [ExtractedActor])] {
        ingestor.extractAll(data: data, path: path, format: format, defaultSource: defaultSource, folderName: folderName)
            .map { report in
                guard report.skipped == nil else { return (report, []) }
                let found = PreparedDocument.actors(of: report.title, report.body, given: report.actors, extractor: extractor)
                return (report, registry.merge(found))
            }
    }
}
