import ArgumentParser
import Foundation
import NewsSearch

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the full-text index and the actors from the stored articles (after an upgrade).",
        usage: "search reindex [<options>]")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Worker threads (default: one per core).") var jobs: Int?
    @Flag(help: "No progress line.") var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        let started = Date()
        let store = try IndexStore(path: indexOptions.path, access: .readWrite, requireCurrentTokenizer: false)
        let progress = ProgressLine(enabled: !quiet && !output.json && isatty(STDERR_FILENO) == 1)
        let count = try Reindexer(store: store).run(jobs: jobs ?? 0) { done, total in
            progress.showArticles(done: done, total: total)
        }
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(JSONOutput.Event(type: "reindexed", data: JSONOutput.ReindexSummary(documents: count, seconds: seconds)), to: &out)
        } else {
            out.write("reindexed \(count) articles in \(indexOptions.path) (\(String(format: "%.2f", seconds)) s)\n")
        }
    }
}
