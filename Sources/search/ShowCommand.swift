import ArgumentParser
import NewsIngest
import NewsSearch

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one stored article.",
        usage: "search show [<options>] <id>")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Also list what cleaning removed from the article when it was indexed, with the reasons.")
    var removed = false
    @Argument(help: "The article's id (as search prints it), or the web address it was saved from.") var id: String

    func run() throws {
        let article = try IndexCatalog(store: try indexOptions.openForReading(.singleReader)).article(id: id)
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
        if !article.copies.isEmpty {
            let noun = article.copies.count == 1 ? "copy" : "copies"
            out.write(style.dim("\(article.copies.count) \(noun) of this story (length against this one's \(article.body.unicodeScalars.count) characters):") + "\n")
            for copy in JSONOutput.Article(article).copies {
                let difference = copy.length_difference == 0 ? "same length"
                    : copy.length_difference > 0 ? "+\(copy.length_difference)" : "−\(-copy.length_difference)"
                let line = "  \(copy.id) · \(copy.source) · \(copy.date.value ?? "undated") · \(copy.characters) characters (\(difference))"
                out.write(style.dim(line.oneLine) + "\n")
            }
        }
        out.write("\n" + article.body + "\n")
        if removed { writeRemovals(article.removed, style: style, to: &out) }
    }

    private func writeRemovals(_ removals: StoredRemovals?, style: Style, to out: inout StandardOutput) {
        guard let removals else {
            out.write("\n" + style.dim("removed: not recorded (indexed before the index kept it; `search index --rebuild` records it)") + "\n")
            return
        }
        let total = removals.lines.count + removals.omitted
        out.write("\n" + style.dim(total == 0 ? "removed: nothing" : "removed: \(total) \(total == 1 ? "line" : "lines")") + "\n")
        for line in removals.lines {
            out.write(style.dim("  [\(line.reason.oneLine)] ") + line.text.oneLine + "\n")
        }
        if removals.omitted > 0 {
            out.write(style.dim("  … and \(removals.omitted) more, not kept (the index keeps \(StoredRemovals.byteBudget / 1024) KB per article)") + "\n")
        }
    }
}
