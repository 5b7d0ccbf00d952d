import ArgumentParser
import NewsSearch

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "What the index holds: articles, sources, actors, dates, size, versions.",
        usage: "search stats [<options>]")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Also check the index's integrity (SQLite, FTS5 and the columns file); exit 1 if it is damaged.") var verify = false

    func run() throws {
        if verify {
            let store = try IndexStore(path: indexOptions.path, access: .readWrite)
            let problems = try IndexCatalog(store: store).verify()
            if !problems.isEmpty {
                throw CLIError.runtime("the index is damaged: " + problems.prefix(3).joined(separator: "; "))
            }
        }
        let s = try IndexCatalog(store: try indexOptions.openForReading(.singleReader)).statistics()
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(JSONOutput.Stats(s), to: &out)
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
