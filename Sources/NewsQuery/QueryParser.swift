import NewsAnalysis

/// Parses what a person typed into a ``Query``. Lenient: it never fails; what it cannot use it
/// turns into text or drops, with a ``QueryWarning``.
///
/// ```swift
/// let query = QueryParser().parse(#"defense industrial -china source:"Japan Times" date:2025"#)
/// query.root?.displayText  // defense industrial -china
/// query.filters.sources    // ["Japan Times"]
/// ```
///
/// Syntax (documented for users in the README):
/// - `word`, `"quoted phrase"` (straight or curly quotes), `word*` (prefix).
/// - Words side by side must all match (implicit AND; an explicit `AND` means the same).
/// - `a OR b` (upper case only; `or` is a word). OR binds tighter than the implicit AND, as in web
///   search engines: `a b OR c` is `a AND (b OR c)`.
/// - `-word`, `-"phrase"`, `-(group)`, `NOT word`: exclude. An exclusion inside an OR cannot be
///   expressed and is dropped with a warning.
/// - `( … )` groups, nested up to ``maximumDepth``.
/// - `title:word`, `title:"phrase"`, `title:(a OR b)`, `body:…`: restrict to one column.
/// - Filters anywhere in the query (they always apply to the whole query): `source:Reuters`,
///   `source:"Japan Times"`, `actor:Rutte`, `actor:"Mark Rutte"`, `date:2025`, `date:2025-04..2025-06`,
///   `date:2025-04..`, `date:..2025-06`, `after:2025-04-01` (alias `since:`), `before:2025-06`
///   (alias `until:`). Every date bound is inclusive of the whole period it names, like `--since` and
///   `--until`: `before:2025-06` keeps June 2025, `after:2025-04` starts on 1 April 2025.
/// - Anything else is text: `a:b` with an unknown key, `NEAR`, `^`. A word or phrase that makes no
///   tokens under the analyzer (`—`, `*`, `:`) is dropped with a warning.
public struct QueryParser: Sendable {
    /// Deeper parentheses are ignored (their contents stay); keeps recursion bounded on hostile input.
    public static let maximumDepth = 32
    /// Words and phrases beyond this many are ignored with a warning (a pasted article is not a query).
    public static let maximumClauses = 256
    /// Prefix searches (`word*`) beyond this many are searched as their words, with a warning. FTS5
    /// expands a prefix by merging the doclists of every term that starts with it, each time the
    /// query reads it: `s*` alone cost 8 s of CPU on 1,000,000 articles, `com* OR pro*` 8.5 s, and
    /// 26 one-letter prefixes OR-ed 3 s on Reuters' 21,578.
    public static let maximumPrefixes = 8
    /// A prefix of fewer characters (after analysis) is searched as its word, with a warning: one or
    /// two letters stand for a good part of the vocabulary (`st*` matched 43,342 of 50,000 articles).
    public static let minimumPrefixLength = 3
    /// At most this many warnings are kept; repeats of the same warning are kept once.
    public static let maximumWarnings = 20
    /// Input longer than this many Unicode scalars is cut (at a space when there is one near the end) with a warning: 256 clauses
    /// fit many times over, and every later stage then works on bounded text.
    public static let maximumLength = 50_000

    /// Decides which words are searchable (those that make at least one token); the same analyzer
    /// the index and ``MatchExpression`` use.
    public var analyzer: Analyzer

    public init(analyzer: Analyzer = Analyzer()) {
        self.analyzer = analyzer
    }

    public func parse(_ input: String) -> Query {
        let (text, cut) = Self.bounded(input)
        var state = QueryParseState(lexemes: QueryLexer.lex(text), analyzer: analyzer)
        if cut {
            state.warn(.tooLong, "the query is longer than \(Self.maximumLength) characters; only its first \(Self.maximumLength) were searched")
        }
        let root = state.parseQuery()
        return Query(root: root, filters: state.filters, warnings: state.warnings)
    }

    /// `input`, or its first ``maximumLength`` Unicode scalars, ending at the last space among them when
    /// that keeps most of them (a cut word would be searched as a different word).
    static func bounded(_ input: String) -> (text: String, cut: Bool) {
        let scalars = input.unicodeScalars
        guard input.utf8.count > maximumLength,
            let end = scalars.index(scalars.startIndex, offsetBy: maximumLength, limitedBy: scalars.endIndex),
            end < scalars.endIndex
        else { return (input, false) }
        var head = scalars[..<end]
        if let space = head.lastIndex(where: \.properties.isWhitespace),
            head.distance(from: head.startIndex, to: space) > maximumLength / 2
        {
            head = head[..<space]
        }
        return (String(head), true)
    }

    /// The keys that make a filter rather than a search term.
    public static let filterKeys: Set<String> = ["source", "actor", "date", "after", "before", "since", "until"]
}

/// The recursive-descent parser's cursor and what it has collected so far.
struct QueryParseState {
    struct Context {
        var depth = 0
        /// Inside an exclusion: filters cannot be negated, so they are ignored here.
        var negated = false
        /// Set by `title:( … )`: every word inside is restricted to that column.
        var field: QueryField?
    }

    /// What one operand turned out to be.
    enum Part {
        case node(QueryNode)
        case filter(key: String, value: String)
        case nothing
    }

    let lexemes: [QueryLexeme]
    let analyzer: Analyzer
    var index = 0
    var filters = QueryFilters()
    var warnings: [QueryWarning] = []
    var clauseCount = 0
    var prefixCount = 0
    /// `(` skipped because the nesting was too deep; their `)` are skipped too.
    var ignoredOpens = 0

    init(lexemes: [QueryLexeme], analyzer: Analyzer) {
        self.lexemes = lexemes
        self.analyzer = analyzer
    }

    var peek: QueryLexeme? { index < lexemes.count ? lexemes[index] : nil }

    /// True where an operand should follow but cannot: the end, `)`, `OR`, `AND`.
    var atOperandEnd: Bool {
        switch peek {
        case nil, .close?, .or?, .and?: true
        default: false
        }
    }

    mutating func parseQuery() -> QueryNode? {
        makeAnd(parseSequence(Context(), inGroup: false))
    }

    /// An implicit-AND list of OR groups, up to the end or (inside a group) the closing `)`.
    mutating func parseSequence(_ context: Context, inGroup: Bool) -> [QueryNode] {
        var nodes: [QueryNode] = []
        var sawOperand = false
        while let lexeme = peek {
            switch lexeme {
            case .close:
                index += 1
                if ignoredOpens > 0 {
                    ignoredOpens -= 1
                } else if inGroup {
                    return nodes
                } else {
                    warn(.unbalancedParenthesis, "')' without a matching '('; ignored")
                }
            case .and:
                index += 1
                if !sawOperand || atOperandEnd { warn(.loneOperator, "AND needs a word on each side; ignored") }
            case .or:
                index += 1
                warn(.loneOperator, "OR needs a word on each side; ignored")
            default:
                if let node = parseOr(context) { nodes.append(node) }
                sawOperand = true
            }
        }
        if inGroup { warn(.unbalancedParenthesis, "'(' without a matching ')'; closed at the end") }
        return nodes
    }

    mutating func parseOr(_ context: Context) -> QueryNode? {
        var parts = [parseUnary(context)]
        while peek == .or {
            index += 1
            while peek == .or {
                index += 1
                warn(.loneOperator, "OR needs a word on each side; ignored")
            }
            if atOperandEnd {
                warn(.loneOperator, "OR needs a word on each side; ignored")
                break
            }
            parts.append(parseUnary(context))
        }
        if parts.count == 1 { return resolve(parts[0], context) }
        var nodes: [QueryNode] = []
        var sawFilter = false
        for part in parts {
            if case .filter = part { sawFilter = true }
            guard let node = resolve(part, context) else { continue }
            if node.isExclusionOnly {
                warn(.exclusionInOr, "'\(node.displayText.abbreviated)' inside OR cannot exclude anything; ignored")
            } else if case .or(let children) = node {
                nodes += children
            } else {
                nodes.append(node)
            }
        }
        if sawFilter && !nodes.isEmpty {
            warn(.filterInGroup, "filters such as source: apply to the whole query, not to one side of OR")
        }
        return nodes.isEmpty ? nil : nodes.count == 1 ? nodes[0] : .or(nodes)
    }

    /// `NOT x`, `-x`, or a primary. Runs of negations are counted, not recursed, so `NOT NOT …` cannot
    /// exhaust the stack.
    mutating func parseUnary(_ context: Context) -> Part {
        var negations = 0
        while let lexeme = peek, lexeme == .not || lexeme == .minus {
            index += 1
            negations += 1
            if lexeme == .not, atOperandEnd {
                warn(.loneOperator, "NOT needs a word after it; ignored")
                return .nothing
            }
        }
        guard negations > 0 else { return parsePrimary(context) }
        var inner = context
        if negations % 2 == 1 { inner.negated.toggle() }
        let part = parsePrimary(inner)
        guard negations % 2 == 1 else { return part }
        switch part {
        case .nothing:
            return .nothing
        case .filter(let key, let value):
            warn(.negatedFilter, "excluding with -\(key): is not supported; '\(key):\(value.abbreviated)' was ignored")
            return .nothing
        case .node(.not(let child)):
            return .node(child)
        case .node(let node):
            return .node(.not(node))
        }
    }

    mutating func parsePrimary(_ context: Context) -> Part {
        guard let lexeme = peek else { return .nothing }
        index += 1
        switch lexeme {
        case .open:
            guard context.depth < QueryParser.maximumDepth else {
                warn(.tooDeep, "parentheses nested deeper than \(QueryParser.maximumDepth) were ignored")
                ignoredOpens += 1
                return .nothing
            }
            var inner = context
            inner.depth += 1
            return makeAnd(parseSequence(inner, inGroup: true)).map(Part.node) ?? .nothing
        case .phrase(let text, let closed):
            if !closed { warn(.unbalancedQuote, "a quote was not closed; the phrase runs to the end of the query") }
            // FTS5 has no prefix inside a phrase: `"clim*"` found nothing and said nothing.
            if let starred = text.split(separator: " ").first(where: { $0.count > 1 && $0.hasSuffix("*") }) {
                warn(.unsupportedSyntax, "a * inside quotes is no prefix: '\(starred.abbreviated)' is searched as the word; write it outside the quotes for words starting with it")
            }
            return leaf(.phrase(text.trimmingWhitespace(), field: context.field), typed: "\"\(text)\"")
        case .word(let raw):
            return word(raw, context)
        case .keyPrefix(let key):
            return keyed(key, context)
        case .minus, .not, .or, .and, .close:
            return .nothing  // callers never leave these here; harmless if they do
        }
    }

    /// `key:` followed by a quote or `(`.
    mutating func keyed(_ key: String, _ context: Context) -> Part {
        let lower = key.lowercased()
        if QueryParser.filterKeys.contains(lower) {
            if case .phrase(let text, let closed)? = peek {
                index += 1
                if !closed { warn(.unbalancedQuote, "a quote was not closed; the phrase runs to the end of the query") }
                return filter(lower, text.trimmingWhitespace())
            }
            warn(.unsupportedSyntax, "\(lower):( … ) is not supported; write \(lower):a OR \(lower):b")
            _ = parsePrimary(context)  // the group is read and dropped: its words were meant as values
            return .nothing
        }
        if let field = QueryField(rawValue: lower) {
            var inner = context
            inner.field = field
            return parsePrimary(inner)
        }
        return word(key + ":", context)  // `foo:"bar"`: an unknown key is text
    }

    mutating func word(_ raw: String, _ context: Context) -> Part {
        // Scalars, not Characters: a combining mark after ':' or '*' must not hide it.
        var text = Substring.UnicodeScalarView(raw.unicodeScalars)
        var field = context.field
        if let colon = text.firstIndex(of: ":"), colon != text.startIndex {
            let key = String(text[..<colon]).lowercased()
            let value = text[text.index(after: colon)...]
            if QueryParser.filterKeys.contains(key) { return filter(key, String(value)) }
            if let named = QueryField(rawValue: key) {
                guard !value.isEmpty else {
                    warn(.emptyFilter, "'\(key):' needs a word after it, e.g. \(key):nato; ignored")
                    return .nothing
                }
                field = named
                text = value
            }
        }
        if String(text) == "NEAR" || String(text).hasPrefix("NEAR/") {
            warn(.unsupportedSyntax, "NEAR is not an operator here; searched as a word")
        }
        var prefix = false
        while text.last == "*" {
            text.removeLast()
            prefix = true
        }
        // Lucene's boost (`defense^2`) is not ours: read as text it became the phrase "defense 2" and
        // found nothing, so the word is searched without it, with a note. Read after the star (`x^2*`)
        // and only with a digit (`U.S.^.` is a word): a prefix searched as its word shows and reads back alike.
        if let caret = text.lastIndex(of: "^"), caret != text.startIndex, text.index(after: caret) != text.endIndex,
            text[text.index(after: caret)...].allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
            text[text.index(after: caret)...].contains(where: { ("0"..."9").contains($0) })
        {
            warn(.unsupportedSyntax, "boosts such as '\(String(text[caret...]))' are not supported; '\(String(text[..<caret]))' searched without it")
            text = Substring.UnicodeScalarView(text[..<caret])
        }
        // `-OR` excludes the word "or" (and `OR*`, too short a prefix, is the word); keeping it
        // lower-case lets it be shown and read back as a word (the analyzer folds case anyway).
        if ["OR", "AND", "NOT"].contains(String(text)) { text = Substring.UnicodeScalarView(String(text).lowercased().unicodeScalars) }
        if prefix { prefix = admitsPrefix(String(text), typed: raw) }
        return leaf(.term(String(text), prefix: prefix, field: field), typed: raw)
    }

    /// Whether `text*` is searched as a prefix: within ``QueryParser/maximumPrefixes`` and at least
    /// ``QueryParser/minimumPrefixLength`` characters long once analysed; else it is its word.
    mutating func admitsPrefix(_ text: String, typed: String) -> Bool {
        guard let stem = analyzer.tokens(in: text, mode: .prefixQuery).last?.term else { return true }
        if stem.count < QueryParser.minimumPrefixLength {
            warn(.shortPrefix, "'\(typed.abbreviated)': a prefix needs \(QueryParser.minimumPrefixLength) letters or more; searched as the word '\(text.abbreviated)'")
            return false
        }
        guard prefixCount < QueryParser.maximumPrefixes else {
            warn(.tooManyPrefixes, "only the first \(QueryParser.maximumPrefixes) prefixes (word*) are expanded; the others are searched as words")
            return false
        }
        prefixCount += 1
        return true
    }

    /// A word or phrase, kept only when the analyzer finds something searchable in it.
    mutating func leaf(_ node: QueryNode, typed: String) -> Part {
        guard clauseCount < QueryParser.maximumClauses else {
            warn(.tooManyClauses, "only the first \(QueryParser.maximumClauses) words and phrases are searched")
            return .nothing
        }
        guard let (text, mode) = node.analyzedText else { return .nothing }
        if text.isEmpty && typed.hasPrefix("\"") {
            warn(.noSearchableText, "empty quotes were ignored")
            return .nothing
        }
        guard !analyzer.tokens(in: text, mode: mode).isEmpty else {
            warn(.noSearchableText, "'\(typed.abbreviated)' has no letters or digits to search for; ignored")
            return .nothing
        }
        clauseCount += 1
        return .node(node)
    }

    mutating func filter(_ key: String, _ value: String) -> Part {
        guard !value.isEmpty else {
            warn(.emptyFilter, "'\(key):' needs a value, e.g. \(QueryFilters.example(for: key)); ignored")
            return .nothing
        }
        return .filter(key: key, value: value)
    }

    /// Applies a filter (unless it sits inside an exclusion) and returns the node, if any.
    mutating func resolve(_ part: Part, _ context: Context) -> QueryNode? {
        switch part {
        case .node(let node):
            return node
        case .nothing:
            return nil
        case .filter(let key, let value):
            if context.negated {
                warn(.negatedFilter, "excluding with -\(key): is not supported; '\(key):\(value.abbreviated)' was ignored")
            } else if let problem = filters.apply(key: key, value: value) {
                warn(.invalidDate, problem)
            }
            return nil
        }
    }

    /// Joins an AND list; a group holding only exclusions (`a (-b -c)`) joins its parent's exclusions.
    func makeAnd(_ nodes: [QueryNode]) -> QueryNode? {
        var children: [QueryNode] = []
        for node in nodes {
            if case .and(let inner) = node, node.isExclusionOnly { children += inner } else { children.append(node) }
        }
        return children.isEmpty ? nil : children.count == 1 ? children[0] : .and(children)
    }

    mutating func warn(_ kind: QueryWarning.Kind, _ message: String) {
        let warning = QueryWarning(kind, message)
        if warnings.count < QueryParser.maximumWarnings, !warnings.contains(warning) { warnings.append(warning) }
    }
}

extension QueryNode {
    /// True for `-x` and for a group of exclusions only: nothing a document could match on its own.
    var isExclusionOnly: Bool {
        switch self {
        case .not: true
        case .and(let children): children.allSatisfy(\.isExclusionOnly)
        default: false
        }
    }

    /// The text handed to the analyzer for a word or phrase, and how to analyse it.
    var analyzedText: (String, AnalysisMode)? {
        switch self {
        case .term(let text, let prefix, _): (text, prefix ? .prefixQuery : .query)
        case .phrase(let text, _): (text, .query)
        default: nil
        }
    }
}

extension StringProtocol {
    /// Short enough to quote in a one-line warning.
    var abbreviated: String {
        count <= 40 ? String(self) : String(prefix(39)) + "…"
    }

    func trimmingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
