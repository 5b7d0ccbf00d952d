import ArgumentParser
import NewsSearch

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one stored article.",
        usage: "search show [<options>] <id>")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The article's id (as search prints it).") var id: String

    func run() throws {
        let article = try IndexCatalog(store: try indexOptions.openForReading()).article(id: id)
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(JSONOutput.Article(article), to: &out)
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
        out.write("\n" + article.body + "\n")
    }
}
