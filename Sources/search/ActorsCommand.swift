import ArgumentParser
import NewsActors
import NewsSearch

struct ActorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors", abstract: "List the actors in the index with the number of articles naming each.",
        usage: "search actors [<options>]")

    @OptionGroup var indexOptions: IndexOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "person, organization, country or location.") var type: ActorTypeArgument?
    @Option(help: "How many to list.") var limit = 50

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more (got \(limit))") }
    }

    /// What `--json` prints; `search serve` answers `/api/actors` with the same.
    func entries(in catalog: IndexCatalog) throws -> [JSONOutput.ActorEntry] {
        try catalog.actors(type: type?.type, limit: limit).map(JSONOutput.ActorEntry.init)
    }

    func run() throws {
        let catalog = IndexCatalog(store: try indexOptions.openForReading())
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(try entries(in: catalog), to: &out)
            return
        }
        let actors = try catalog.actors(type: type?.type, limit: limit)
        let width = actors.map(\.name.oneLine.count).max() ?? 0
        for actor in actors {
            out.write(actor.name.oneLine.rightPad(width) + "  " + actor.type.rawValue.rightPad(12) + String(actor.count).leftPad(6) + "\n")
        }
    }
}

/// `--type person|organization|country|location`.
struct ActorTypeArgument: ExpressibleByArgument {
    var type: ActorType

    init?(argument: String) {
        guard let type = ActorType(rawValue: argument.lowercased()) else { return nil }
        self.type = type
    }

    static var allValueStrings: [String] { ActorType.allCases.map(\.rawValue) }
}
