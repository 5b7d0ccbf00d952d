import NewsAnalysis

/// How a multi-word query matches: every clause (`all`) or any clause (`any`, ranked by coverage).
public enum MatchMode: String, Sendable, Hashable, CaseIterable {
    case all, any
}

/// A valid FTS5 MATCH expression compiled from a ``Query``. Every user word is a quoted FTS5
/// string, so no user text is ever read as FTS5 syntax.
///
/// ```swift
/// let query = QueryParser().parse("defense industrial -china")
/// MatchExpression(query, mode: .all)?.text  // ("defense" AND "industrial") NOT "china"
/// ```
///
/// What the text can contain (checked by ``MatchExpressionValidator``): quoted strings with `""` for
/// a quote, `*` after a string (prefix), the column names `title` and `body` before ` : `, `AND`, `OR`,
/// `NOT`, and parentheses around every compound operand (FTS5 ranks NOT above AND above OR; we never
/// rely on that). Many exclusions become one `NOT ( … OR … )`, because FTS5 nests each `NOT` one level
/// deeper and refuses expressions deeper than 256.
///
/// Modes: `.all` joins the top-level words with AND, `.any` with OR (the engine ranks by coverage).
/// Only the top level changes; a parenthesised group keeps its AND.
///
/// Phrase numbers: FTS5 numbers the quoted strings of a MATCH text 0, 1, 2… in order of appearance
/// (`xPhraseCount`, `xInst`, `xPhraseFirst`), including strings under `NOT`. A quoted string that the
/// tokenizer splits into several tokens (`"defense-industrial"`) is still one phrase, and so is a prefix
/// term (`"nat" *`). ``phraseClauses`` maps each FTS5 phrase number to the index of its clause in
/// ``Query/positiveClauses``, or -1 for an excluded phrase. This holds when the FTS5 tokenizer makes
/// tokens for a string exactly when `analyzer.tokens(in:mode: .query)` does (the same ``Analyzer``):
/// strings without tokens are never emitted, so FTS5 cannot drop one and shift the numbers.
///
/// A purely negative query (`-china`) has no MATCH of its own (`init` returns nil); ask
/// ``exclusion(of:analyzer:)`` and select `rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`.
public struct MatchExpression: Sendable, Hashable, CustomStringConvertible {
    public let text: String
    /// For each FTS5 phrase number, the index into ``Query/positiveClauses`` of the clause it came
    /// from, or -1 for an excluded phrase. A clause that occurs twice maps both phrases to one index.
    public let phraseClauses: [Int]
    /// How much each phrase counts in the score (empty: 1 each); see ``expanded(with:clauseWeights:)``.
    public let phraseWeights: [Double]
    /// For each FTS5 phrase, the text it matches (a synonym alternative its own), for explanations.
    public let phraseTexts: [String]
    /// For each FTS5 phrase, the phrase as FTS5 reads it: its quoted string, its prefix star and its
    /// column filter. Two phrases with the same literal match the same documents in one state of the
    /// index, so a count of them can be kept across queries (``phraseTexts`` leaves out the star and,
    /// for a synonym alternative, the column).
    public let phraseLiterals: [String]

    /// `nil` when the query has nothing positive to match (only filters, only exclusions, or only
    /// words that make no tokens).
    public init?(_ query: Query, mode: MatchMode, analyzer: Analyzer = Analyzer()) {
        guard let root = query.root else { return nil }
        var compiler = MatchCompiler(
            analyzer: analyzer, clauses: query.positiveClauses,
            pairs: SynonymPairs.alternatives(in: root, analyzer: analyzer))
        let text: String?
        if case .and(let children) = root {
            text = compiler.compileAnd(children, joiner: mode == .all ? "AND" : "OR", top: true)
        } else {
            text = compiler.compile(root, excluded: false, top: true)
        }
        guard let text else { return nil }
        self.text = text
        self.phraseClauses = compiler.phrases
        self.phraseWeights = []
        self.phraseTexts = compiler.phraseTexts
        self.phraseLiterals = compiler.phraseLiterals
    }

    /// One clause alone (a word or phrase): used to test which clauses a document has.
    /// Its phrases map to clause 0 when the clause is a single word or phrase.
    public init?(clause: QueryNode, analyzer: Analyzer = Analyzer()) {
        var compiler = MatchCompiler(analyzer: analyzer, clauses: Query(root: clause).positiveClauses)
        guard let text = compiler.compile(clause, excluded: false, top: true) else { return nil }
        self.text = text
        self.phraseClauses = compiler.phrases
        self.phraseWeights = []
        self.phraseTexts = compiler.phraseTexts
        self.phraseLiterals = compiler.phraseLiterals
    }

    init(
        text: String, phraseClauses: [Int], phraseWeights: [Double] = [], phraseTexts: [String], phraseLiterals: [String]
    ) {
        self.text = text
        self.phraseClauses = phraseClauses
        self.phraseWeights = phraseWeights
        self.phraseTexts = phraseTexts
        self.phraseLiterals = phraseLiterals
    }

    /// The query's top-level exclusions as one OR expression (`"china" OR "russia"`), or nil when it
    /// has none. When ``init(_:mode:analyzer:)`` returns nil for a query with exclusions, the engine
    /// matches every document (after filters) except `rowid IN (… MATCH exclusion)`. When it does
    /// return an expression, the exclusions are already inside it as `NOT`; do not apply them twice.
    public static func exclusion(of query: Query, analyzer: Analyzer = Analyzer()) -> MatchExpression? {
        var compiler = MatchCompiler(
            analyzer: analyzer, clauses: [], pairs: SynonymPairs.alternatives(in: query.root, analyzer: analyzer))
        let parts = query.exclusions.compactMap { compiler.compile($0, excluded: true, top: false) }
        guard !parts.isEmpty else { return nil }
        return MatchExpression(
            text: parts.joined(separator: " OR "), phraseClauses: compiler.phrases, phraseTexts: compiler.phraseTexts,
            phraseLiterals: compiler.phraseLiterals)
    }

    public var description: String { text }

    /// An FTS5 string literal: the text in double quotes, inner quotes doubled, control characters
    /// (which FTS5 and SQLite text binding do not expect) turned into spaces.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                result += "\"\""
            } else if scalar.properties.generalCategory == .control {
                result += " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// Walks a ``QueryNode`` tree, writing FTS5 text and recording the clause of every phrase in the
/// order the phrases appear in the text.
struct MatchCompiler {
    let analyzer: Analyzer
    let clauses: [QueryNode]
    /// Bare words that spell a multi-word synonym with a neighbour, and its short form (``SynonymPairs``).
    var pairs: [QueryNode: String] = [:]
    var phrases: [Int] = []
    /// The text of each phrase in ``phrases``.
    var phraseTexts: [String] = []
    /// Each phrase of ``phrases`` as FTS5 reads it (``MatchExpression/phraseLiterals``).
    var phraseLiterals: [String] = []

    init(analyzer: Analyzer, clauses: [QueryNode], pairs: [QueryNode: String] = [:]) {
        self.analyzer = analyzer
        self.clauses = clauses
        self.pairs = pairs
    }

    /// Compiles a node; on nil, any phrases recorded on the way are forgotten, so ``phrases`` always
    /// matches the text.
    mutating func compile(_ node: QueryNode, excluded: Bool, top: Bool) -> String? {
        let mark = phrases.count
        let text = compileNode(node, excluded: excluded, top: top)
        if text == nil { forget(from: mark) }
        return text
    }

    private mutating func compileNode(_ node: QueryNode, excluded: Bool, top: Bool) -> String? {
        switch node {
        case .term(let text, let prefix, let field):
            return leaf(node, text: text, mode: prefix ? .prefixQuery : .query, suffix: prefix ? " *" : "",
                        field: field, excluded: excluded)
        case .phrase(let text, let field):
            return leaf(node, text: text, mode: .query, suffix: "", field: field, excluded: excluded)
        case .or(let children):
            // An exclusion cannot stand beside OR in FTS5; the parser never builds one.
            let parts = children.filter { !$0.isExclusionOnly }
                .compactMap { compile($0, excluded: excluded, top: false) }
            guard !parts.isEmpty else { return nil }
            return parts.count == 1 ? parts[0] : wrap(parts.joined(separator: " OR "), top)
        case .and(let children):
            return compileAnd(children, joiner: "AND", top: top, excluded: excluded)
        case .not:
            return nil  // only meaningful beside positive clauses; see compileAnd
        }
    }

    /// `(p1 AND p2) NOT (n1 OR n2)`: the positive children joined, then one NOT for all exclusions.
    mutating func compileAnd(_ children: [QueryNode], joiner: String, top: Bool, excluded: Bool = false) -> String? {
        let mark = phrases.count
        let positive = children.filter { !$0.isExclusionOnly }
            .compactMap { compile($0, excluded: excluded, top: false) }
        guard !positive.isEmpty else {
            forget(from: mark)
            return nil
        }
        var negatives: [QueryNode] = []
        for child in children {
            if case .not(let inner) = child { negatives.append(inner) }
            if case .and(let inner) = child, child.isExclusionOnly {
                negatives += inner.compactMap { if case .not(let n) = $0 { n } else { nil } }
            }
        }
        // Inside an excluded group the inner exclusions are excluded from an exclusion: their phrases
        // still map to -1, as nothing a hit has comes from them.
        let negative = negatives.compactMap { compile($0, excluded: true, top: false) }
        let joined = positive.joined(separator: " \(joiner) ")
        guard !negative.isEmpty else { return positive.count == 1 ? joined : wrap(joined, top) }
        let excluded = negative.count == 1 ? negative[0] : "(" + negative.joined(separator: " OR ") + ")"
        return wrap((positive.count == 1 ? joined : "(" + joined + ")") + " NOT " + excluded, top)
    }

    private mutating func leaf(
        _ node: QueryNode, text: String, mode: AnalysisMode, suffix: String, field: QueryField?, excluded: Bool
    ) -> String? {
        guard !analyzer.tokens(in: text, mode: mode).isEmpty else { return nil }
        let clause = excluded ? -1 : clauses.firstIndex(of: node) ?? -1
        let column = field.map { "\($0.rawValue) : " } ?? ""
        phrases.append(clause)
        phraseTexts.append(field.map { "\($0.rawValue):\(text)" } ?? text)
        var literal = MatchExpression.quoted(text) + suffix
        phraseLiterals.append(column + literal)
        // Multi-word synonyms are colocated in documents only ("United States" also indexes `us`), so
        // the query side spells the other direction out: "United States army" OR "us army".
        let alternatives = mode == .prefixQuery ? [] : Self.alternatives(of: node, text: text, pairs: pairs, analyzer: analyzer, excluded: excluded)
        if !alternatives.isEmpty {
            for alternative in alternatives {
                phrases.append(clause)
                phraseTexts.append(alternative)
                phraseLiterals.append(column + MatchExpression.quoted(alternative))
            }
            literal = "(" + ([literal] + alternatives.map { MatchExpression.quoted($0) }).joined(separator: " OR ") + ")"
        }
        return field.map { "\($0.rawValue) : \(literal)" } ?? literal
    }

    /// The texts ORed with a leaf's own: its multi-word synonym's other form, and, for an excluded
    /// leaf, the compound's spelling without its hyphen (``Analyzer/compoundAlternative(for:)``: `-co-operation`
    /// leaves out "cooperation" too). Searched for, the joined spelling is not ORed in: every document
    /// with `e-mail` also indexes `email`, so the alternative counted those documents' match twice in the
    /// BM25 sum and Cranfield's nDCG@10 fell from 0.4182 to 0.4125 (72 of its 225 questions hold a
    /// hyphen). The highlighter (``TermMatcher``) marks the same ones.
    static func alternatives(
        of node: QueryNode, text: String, pairs: [QueryNode: String], analyzer: Analyzer, excluded: Bool = false
    ) -> [String] {
        let synonyms = pairs[node].map { [$0] } ?? analyzer.synonymAlternatives(for: text)
        return synonyms + (excluded ? [analyzer.compoundAlternative(for: text)].compactMap { $0 } : [])
    }

    private mutating func forget(from mark: Int) {
        phrases.removeSubrange(mark...)
        phraseTexts.removeSubrange(mark...)
        phraseLiterals.removeSubrange(mark...)
    }

    private func wrap(_ text: String, _ top: Bool) -> String { top ? text : "(" + text + ")" }
}
