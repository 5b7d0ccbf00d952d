import ArgumentParser
import NewsSearch

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "What the index holds: articles, sources, actors, dates, size, versions.",
        usage: "search stats [<options>]")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Also check the index's integrity (SQLite, FTS5 and the columns file); exit 1 if it is damaged.") var verify = false

    struct StatsJSON: Encodable {
        var path: String, documents: Int, sources: Int, actors: Int
        var first_date: JSONOutput.OrNull<String>, last_date: JSONOutput.OrNull<String>, undated: Int
        var index_bytes: Int, text_bytes: Int, schema_version: Int, tokenizer: String, tokenizer_version: Int

        init(_ s: IndexStatistics) {
            path = s.path
            documents = s.documents
            sources = s.sources
            actors = s.actors
            first_date = .init(s.firstDate)
            last_date = .init(s.lastDate)
            undated = s.undated
            index_bytes = s.fileBytes
            text_bytes = s.textBytes
            schema_version = s.schemaVersion
            tokenizer = s.tokenizer
            tokenizer_version = s.tokenizerVersion
        }
    }

    func run() throws {
        if verify {
            let store = try IndexStore(path: indexOptions.path, access: .readWrite)
            let problems = try IndexCatalog(store: store).verify()
            if !problems.isEmpty {
                throw CLIError.runtime("the index is damaged: " + problems.prefix(3).joined(separator: "; "))
            }
        }
        let s = try IndexCatalog(store: try indexOptions.openForReading()).statistics()
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(StatsJSON(s), to: &out)
            return
        }
        let ratio = s.textBytes > 0 ? Double(s.fileBytes) / Double(s.textBytes) : 0
        out.write("""
            index      \(s.path)
            articles   \(s.documents) (\(s.undated) undated)
            sources    \(s.sources)
            actors     \(s.actors)
            dates      \(s.firstDate ?? "–") … \(s.lastDate ?? "–")
            size       \(Self.megabytes(s.fileBytes)) on disk for \(Self.megabytes(s.textBytes)) of text (\(String(format: "%.2f", ratio))×)
            tokenizer  \(s.tokenizer) version \(s.tokenizerVersion), schema version \(s.schemaVersion)\(verify ? "\nintegrity  ok (SQLite, FTS5 and columns file checks passed)" : "")

            """)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1_048_576 ? String(format: "%.1f KB", Double(bytes) / 1024) : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
