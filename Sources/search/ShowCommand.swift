import ArgumentParser
import NewsSearch

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one stored article.",
        usage: "search show [<options>] <id>")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The article's id (as search prints it).") var id: String

    struct ArticleJSON: Encodable {
        var id: String, title: String, date: JSONOutput.OrNull<String>, source: String
        var url: JSONOutput.OrNull<String>, path: JSONOutput.OrNull<String>
        var authors: [String], actors: [ActorJSON], metadata: [String: String], body: String
        /// Other outlets' copies of this story: their length and how much longer (+) or shorter (−) than this one.
        var copies: [CopyJSON]

        init(_ article: StoredArticle) {
            id = article.id
            title = article.title
            date = .init(article.date)
            source = article.source
            url = .init(article.url)
            path = .init(article.path)
            authors = article.authors
            actors = article.actors.map { ActorJSON(name: $0.name, type: $0.type.rawValue, mentions: $0.count) }
            metadata = article.metadata
            body = article.body
            let length = article.body.unicodeScalars.count
            copies = article.copies.map {
                CopyJSON(id: $0.id, source: $0.source, date: .init($0.date), characters: $0.characters ?? 0,
                    length_difference: ($0.characters ?? 0) - length)
            }
        }
    }

    struct CopyJSON: Encodable {
        var id: String, source: String, date: JSONOutput.OrNull<String>, characters: Int, length_difference: Int
    }

    struct ActorJSON: Encodable {
        var name: String, type: String, mentions: Int
    }

    func run() throws {
        let article = try IndexCatalog(store: try indexOptions.openForReading()).article(id: id)
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(ArticleJSON(article), to: &out)
            return
        }
        let style = Style(enabled: output.color.enabled)
        out.write(style.title(article.title.oneLine) + "\n")
        var meta = [article.date ?? "undated", article.source]
        if !article.authors.isEmpty { meta.append("by " + article.authors.joined(separator: ", ")) }
        out.write(style.dim(meta.joined(separator: " · ").oneLine) + "\n")
        if let url = article.url { out.write(style.dim(url.oneLine) + "\n") }
        if !article.actors.isEmpty {
            out.write(style.dim("actors: " + article.actors.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", ").oneLine) + "\n")
        }
        if !article.copies.isEmpty {
            let noun = article.copies.count == 1 ? "copy" : "copies"
            out.write(style.dim("\(article.copies.count) \(noun) of this story (length against this one's \(article.body.unicodeScalars.count) characters):") + "\n")
            for copy in ArticleJSON(article).copies {
                let difference = copy.length_difference == 0 ? "same length"
                    : copy.length_difference > 0 ? "+\(copy.length_difference)" : "−\(-copy.length_difference)"
                let line = "  \(copy.id) · \(copy.source) · \(copy.date.value ?? "undated") · \(copy.characters) characters (\(difference))"
                out.write(style.dim(line.oneLine) + "\n")
            }
        }
        out.write("\n" + article.body + "\n")
    }
}
