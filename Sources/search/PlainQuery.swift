import NewsSearch

/// The common form of a query, `search [--index PATH] [--json] WORDS…`, recognised without
/// ArgumentParser: building its command tree (every subcommand's options, found through the Swift
/// runtime's conformance tables) costs a cold process more than a rare word's whole query. Anything
/// else, an option, a word starting with `-`, a subcommand's name, goes through the full parse, so
/// help, errors and every other form read exactly as before.
struct PlainQuery {
    var words: [String] = []
    var index: String?
    var json = false

    init?(_ arguments: [String], subcommands: Set<String>) {
        guard let plain = PlainArguments(arguments[...]) else { return nil }
        // ArgumentParser would look for a subcommand among the words; such a query takes the full parse.
        guard !plain.words.isEmpty, !plain.words.contains(where: { subcommands.contains($0) || $0 == "help" }) else { return nil }
        words = plain.words
        index = plain.index
        json = plain.json
    }

    func run() throws {
        try QueryCommand.answer(
            SearchRequest(text: words.joined(separator: " ")), from: IndexLocation(named: index), json: json, color: .auto)
    }
}
