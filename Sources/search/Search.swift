import ArgumentParser
import NewsQuery

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search for collections of news articles.",
        discussion: QuerySyntax.help,
        subcommands: [
            QueryCommand.self, IndexCommand.self, ReindexCommand.self, AnalyzeCommand.self, ExtractCommand.self,
            ShowCommand.self, ActorsCommand.self, StatsCommand.self, ServeCommand.self,
        ],
        defaultSubcommand: QueryCommand.self)
}

/// The query language, as `search --help` and the README explain it.
///
/// ArgumentParser re-wraps every line longer than the terminal, so prose is one line per paragraph
/// (wrapped at whatever width the terminal has) and each table line is kept under 80 columns.
enum QuerySyntax {
    static let help = """
        QUERY SYNTAX
          defense industrial        both words ranked first, then articles with some
                                    (see --match)
          "defense industrial"      the exact phrase (also “curly quotes”)
          nato OR alliance          either word; OR binds tighter than the space:
                                    a b OR c = a AND (b OR c)
          (nato OR eu) defense      parentheses group
          -china  -"south china"    exclude a word or phrase (also NOT china)
          industr*                  words starting with industr
          title:rutte  body:drones  a word (or "phrase") in one field
          source:"Japan Times"      filter by source (also --source); names are
                                    matched loosely
          actor:Rutte               filter by actor (also --actor): case, accents
                                    and surnames are fine
          date:2025-04..2025-06     filter by date (also date:2025, date:2025-04..,
                                    after:2025-04-01, before:2025-06); every bound
                                    includes the whole period it names

        \(paragraphs.joined(separator: "\n\n"))
        """

    static let paragraphs = [
        "Only upper-case OR, AND, NOT are operators. Anything else (unbalanced quotes or parentheses, a lone - * : ^, "
            + "NEAR, unknown key:value) is searched as text or dropped with a note, never an error. A query is "
            + "read up to its first \(QueryParser.maximumLength) characters and \(QueryParser.maximumClauses) "
            + "words, of which \(QueryParser.maximumPrefixes) prefixes of \(QueryParser.minimumPrefixLength) characters or more; "
            + "\"did you mean\" looks at words of up to \(SpellingSuggester.maximumWordLength) characters.",
        "RANKING",
        "Relevance is BM25F over title and body (titles weigh more), a bonus for query words standing close together, "
            + "and coverage: for short queries the articles with every word lead.",
        "A query of six words or more (a question, say) is expanded with up to 20 words that its ten best matches "
            + "share, weighted below the query's own (pseudo-relevance feedback, RM3); the hits still each contain "
            + "a query word. --no-feedback turns this off.",
        "--recency multiplies each score by 1 + 0.2 × 2^(−age / half-life) (so by at most 1.2), with the age counted "
            + "from the newest dated article in the index and a half-life of 90 days unless --recency-half-life "
            + "says otherwise. Only articles with every query word get the boost when some article has them all, "
            + "so an old exact match is never pushed below a recent partial one; undated articles get none. "
            + "JSON scores include the boost.",
    ]
}
