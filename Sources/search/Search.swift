import ArgumentParser

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search for collections of news articles.",
        discussion: QuerySyntax.help,
        subcommands: [
            QueryCommand.self, IndexCommand.self, ReindexCommand.self, AnalyzeCommand.self, ExtractCommand.self,
            ShowCommand.self, ActorsCommand.self, StatsCommand.self,
        ],
        defaultSubcommand: QueryCommand.self)
}

/// The query language, as `search --help` and the README explain it.
enum QuerySyntax {
    static let help = """
        QUERY SYNTAX
          defense industrial        articles with these words (all of them first; see --match)
          "defense industrial"      the exact phrase
          nato OR alliance          either word
          -china  -"south china"    exclude a word or a phrase
          industr*                  words starting with industr
          title:rutte               a word in the title
          source:"Japan Times"      filter by source (also --source)
          actor:Rutte               filter by actor (also --actor)
          date:2025  date:2025-04..2025-06  after:2025-04-01  before:2025-06
                                    filter by date, inclusive (also --since/--until)
        """
}
