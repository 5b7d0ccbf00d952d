import ArgumentParser
import Foundation
import NewsIngest
import NewsSearch

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index files and folders (incremental: only new or changed files are read).",
        usage: "search index [<options>] <paths> ...",
        discussion: "Folders are read recursively: .jsonl dumps, .json arrays, .csv/.tsv tables with a header row, "
            + ".md/.txt articles with optional front matter, .html pages. `-` reads JSON Lines from standard input. Files that vanished from an indexed folder "
            + "leave the index.")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions

    @Argument(help: "Files and folders to index; - for JSON Lines on standard input.") var paths: [String] = []
    @Flag(help: "Build the index anew from these paths.") var rebuild = false
    @Option(help: "Worker threads (default: one per core).") var jobs: Int?
    @Option(help: "The source for articles that name none (default: the folder name).") var source: String?
    @Option(help: "auto, jsonl, json, csv, text, markdown, html, feed (RSS or Atom), email (.eml) or warc.") var format = InputFormat.auto
    @Flag(help: "No progress line.") var quiet = false
    @Option(help: .hidden) var dumpChunkBytes: Int?
    /// For scripts/bench-index's with-and-without measurement of copy clusters only.
    @Flag(help: .hidden) var noCopyClusters = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to index (or - for standard input)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        let standardInput = paths.contains("-") ? FileHandle.standardInput : nil
        var job = IndexJob(paths: paths, rebuild: rebuild, jobs: jobs ?? 0, source: source, format: format,
            dumpChunkBytes: dumpChunkBytes.map { max($0, 1) })
        job.copyClusters = !noCopyClusters
        let progress = ProgressLine(enabled: !quiet && !output.json && isatty(STDERR_FILENO) == 1)
        let summary = try IndexRun.run(job, at: indexOptions.path, standardInput: standardInput) { event in
            if output.json {
                var out = StandardOutput()
                if case .skipped(let skip) = event { try? JSONOutput.write(JSONOutput.Event(type: "skipped", data: JSONOutput.Skip(location: skip.location, reason: skip.reason)), to: &out) }
                if case .warning(let warning) = event {
                    try? JSONOutput.write(JSONOutput.Event(type: "warning", data: JSONOutput.Notice(location: warning.location, message: warning.message)), to: &out)
                }
            }
            progress.show(event)
        }
        progress.finish()
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(JSONOutput.Event(type: "summary", data: JSONOutput.IndexSummary(summary)), to: &out)
        } else {
            SummaryRenderer.render(summary, path: indexOptions.path, to: &out)
        }
    }
}

/// Runs an index job, opening (or creating) the store, and rebuilding beside the old file if asked.
enum IndexRun {
    static func run(
        _ job: IndexJob, at path: String, standardInput: FileHandle?, progress: (IndexEvent) -> Void
    ) throws -> IndexSummary {
        // A path that is not there is the user's mistake: said before any index file is made or opened.
        for given in job.paths where given != "-" && !FileManager.default.fileExists(atPath: given) {
            throw IndexError.pathNotFound(given)
        }
        if job.rebuild {
            return try IndexRebuild(path: path).run { store in
                let summary = try Indexer(store: store).run(job, standardInput: standardInput, progress: progress)
                if summary.unreadable > 0 { throw IndexError.incompleteRebuild(unreadable: summary.unreadable) }
                return summary
            }
        }
        let store = try IndexStore(path: path, access: .readWrite)
        return try Indexer(store: store).run(job, standardInput: standardInput, progress: progress)
    }
}

enum SummaryRenderer {
    static func render(_ summary: IndexSummary, path: String, to out: inout some TextOutputStream) {
        out.write(
            "indexed \(path): \(summary.added) added, \(summary.updated) updated, \(summary.removed) removed, "
                + "\(summary.unchanged) unchanged, \(summary.skipped.count) skipped"
                + (summary.notes.isEmpty ? "" : ", \(summary.notes.count) with notes")
                + (summary.warnings.isEmpty ? "" : ", \(summary.warnings.count) warning\(summary.warnings.count == 1 ? "" : "s")")
                + " (\(summary.files) file\(summary.files == 1 ? "" : "s"), \(String(format: "%.2f", summary.seconds)) s)\n")
        for warning in summary.warnings {
            out.write("  warning \(warning.location): \(warning.message)\n")
        }
        for skip in summary.skipped {
            out.write("  skipped \("\(skip.location): \(skip.reason)".oneLine)\n")
        }
        for note in summary.notes {
            out.write("  note \(note.location): \(note.message)\n")
        }
    }
}
