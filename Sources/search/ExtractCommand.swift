import ArgumentParser
import Foundation
import NewsActors
import NewsIngest
import NewsSearch

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show what ingestion sees in one article: title, date, source, cleaned body, removed lines, actors.",
        usage: "search extract [<options>] <file>",
        discussion: """
            The tool to debug a corpus with: every boilerplate line removed is listed with its reason. It uses \
            the configuration of the index that `search index` would write to (--index, else $SEARCH_INDEX, \
            else index/search.sqlite): its source-aliases.txt and actors.txt, the boilerplate it learned and \
            the actors it holds, so it shows what indexing would store. It never writes, except to bring an index of an older schema up to date, as a query does.
            """)

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "auto, jsonl, json, csv, text, markdown, html, feed (RSS or Atom), email (.eml) or warc.") var format = InputFormat.auto
    @Option(help: "The source when the article names none.") var source: String?
    @Argument(help: "The file to read; - reads standard input.") var file: String

    func run() throws {
        try Self.show(file: file, index: indexOptions.location, format: format, source: source, json: output.json, color: output.color)
    }

    /// The command's work, also reached without the argument parser (``PlainExtract``).
    static func show(file: String, index: IndexLocation, format: InputFormat, source: String?, json: Bool, color: ColorChoice) throws {
        let data: Data
        var folder = file == "-" ? nil : SourceFolder.name(ofFolderHolding: URL(fileURLWithPath: file).standardizedFileURL.path)
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if !FileManager.default.fileExists(atPath: file), let archived = ArchivedFileLookup.read(file, limit: 64 << 20) {
            // A file in a ZIP archive, named as `search index` names it.
            guard let contents = archived.data else { throw CLIError.usage("\(file): \(archived.problem ?? "cannot be read")") }
            (data, folder) = (contents, archived.folderName)
        } else {
            if let first = ArchivedFileLookup.firstFile(inArchive: file) {
                throw CLIError.usage("\(file) is a ZIP archive: name one file in it, as `search index` does (e.g. \(first))")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue,
                let contents = FileManager.default.contents(atPath: file)
            else {
                throw CLIError.usage(WebAddress.isWebAddress(file) ? WebAddress.notAFile(file) : "cannot read \(file): not a readable file")
            }
            data = contents
        }
        let path = file == "-" ? "stdin" : file
        var extraction: ArticleExtraction
        // The index is opened once: checking its schema first would open it a second time.
        do {
            extraction = try ArticleExtraction(indexPath: index.path)
        } catch IndexError.schemaVersionMismatch(let found, let expected) where found < expected {
            try index.upgradeIfOlder()
            extraction = try ArticleExtraction(indexPath: index.path)
        }
        let results = try extraction.extract(data: data, path: path, format: format, defaultSource: source, folderName: folder)
        if results.count == 1, let reason = results[0].report.skipped {
            throw CLIError.usage("\(path): \(reason)")
        }
        var out = StandardOutput()
        let style = Style(enabled: color.enabled)
        for (report, actors) in results {
            if json {
                out.writeJSON(try JSONOutput.Extraction(report, actors: actors).json())
                continue
            }
            if let reason = report.skipped {
                out.write(style.dim("skipped \(report.id ?? path): \(reason)".oneLine) + "\n\n")
                continue
            }
            let date = report.date.map { date in
                let confidence = report.dateConfidence.map { ", \($0.rawValue) confidence" } ?? ""
                return "\(date) (\(date.precision.rawValue), from \(report.dateOrigin?.rawValue ?? "?")\(confidence))"
            } ?? "unknown"
            let sourceText = report.source.map { "\($0) (from \(report.sourceOrigin?.rawValue ?? "?"))" } ?? "unknown"
            out.write(style.bold("title   ") + report.title.oneLine + "\n")
            out.write(style.bold("date    ") + date + "\n")
            out.write(style.bold("source  ") + sourceText.oneLine + "\n")
            if !report.authors.isEmpty {
                out.write(style.bold("authors ") + report.authors.joined(separator: ", ").oneLine + "\n")
            }
            if let language = report.metadata["language"] {
                out.write(style.bold("lang    ") + language.oneLine + "\n")
            }
            if extraction.indexExists {
                out.write(style.bold("index   ") + "\(index.path) (\(extraction.learnedLines) learned boilerplate lines)".oneLine + "\n")
            }
            for note in report.notes {
                out.write(style.bold("note    ") + note.oneLine + "\n")
            }
            let declared = StructuredActor.decode(report.metadata)
            if !declared.isEmpty {
                let names = declared.map { "\($0.name) (\($0.kind.rawValue), \($0.property))" }
                out.write(style.bold("jsonld  ") + names.joined(separator: ", ").oneLine + "\n")
            }
            if !actors.isEmpty {
                let names = actors.map { "\($0.name) (\($0.type.rawValue), \($0.mentionCount)×)" }
                out.write(style.bold("actors  ") + names.joined(separator: ", ").oneLine + "\n")
            }
            out.write("\n" + report.body + "\n")
            if !report.removed.isEmpty {
                out.write("\n" + style.bold("removed \(report.removed.count) lines") + "\n")
                for line in report.removed {
                    out.write(style.dim("  [\(line.reason)] ") + line.text.oneLine + "\n")
                }
            }
            out.write("\n")
        }
        // The process ends here (standard output is written unbuffered): releasing the index's actor
        // registry and tables, the ingestor's and the reports cost ~1.2 M instructions no one waits for.
        withExtendedLifetime((extraction, results)) { Glibc.exit(0) }
    }
}
