import ArgumentParser
import Foundation
import NewsActors
import NewsIngest

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show what ingestion sees in one article: title, date, source, cleaned body, actors.")

    @OptionGroup var output: OutputOptions
    @Option(help: "auto, jsonl, text, markdown or html.") var format = InputFormat.auto
    @Option(help: "The source when the article names none.") var source: String?
    @Argument(help: "The file to read; - reads standard input.") var file: String

    struct ActorJSON: Encodable {
        var name: String, type: String, mentions: [ActorMention]
    }

    struct ArticleJSON: Encodable {
        var title: String, date: String?, source: String?, url: String?, body: String, actors: [ActorJSON]

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(title, forKey: .title)
            try c.encode(date, forKey: .date)
            try c.encode(source, forKey: .source)
            try c.encode(url, forKey: .url)
            try c.encode(body, forKey: .body)
            try c.encode(actors, forKey: .actors)
        }

        enum CodingKeys: String, CodingKey { case title, date, source, url, body, actors }
    }

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CLIError.usage("cannot read \(file)")
            }
            data = contents
        }
        let result = Ingestor().read(data: data, path: file == "-" ? "stdin" : file, format: format)
        if result.articles.isEmpty, let skip = result.skipped.first {
            throw CLIError.usage("\(skip.location): \(skip.reason)")
        }
        let extractor = ActorExtractor()
        var out = StandardOutput()
        for article in result.articles {
            let actors = extractor.extract(title: article.title, body: article.body)
            let json = ArticleJSON(
                title: article.title, date: article.date?.description, source: article.source ?? source,
                url: article.url, body: article.body,
                actors: actors.map { ActorJSON(name: $0.name, type: $0.type.rawValue, mentions: $0.mentions) })
            if output.json {
                try JSONOutput.write(json, to: &out)
            } else {
                out.write("title   \(json.title)\ndate    \(json.date ?? "unknown")\nsource  \(json.source ?? "unknown")\n")
                out.write("actors  \(actors.map { "\($0.name) (\($0.type.rawValue), \($0.mentionCount)×)" }.joined(separator: ", "))\n\n")
                out.write(json.body + "\n")
            }
        }
    }
}
