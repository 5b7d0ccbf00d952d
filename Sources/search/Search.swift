import ArgumentParser
import NewsSearch

@main
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search for news articles.")

    func run() throws {}
}
