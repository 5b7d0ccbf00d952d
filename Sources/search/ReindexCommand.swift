import ArgumentParser
import NewsSearch

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the full-text index and the actors from the stored articles (after an upgrade).")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Worker threads (default: one per core).") var jobs: Int?

    func run() throws {
        let store = try IndexStore(path: indexOptions.path, access: .readWrite, requireCurrentTokenizer: false)
        let count = try Reindexer(store: store).run(jobs: jobs ?? 0)
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(IndexEventJSON(type: "reindexed", data: ["documents": count]), to: &out)
        } else {
            out.write("reindexed \(count) articles in \(indexOptions.path)\n")
        }
    }
}
