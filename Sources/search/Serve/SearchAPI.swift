import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import NewsQuery
import NewsSearch

/// The JSON API: each endpoint is a CLI command with `--json`, its query parameters read as that
/// command's options (`limit=5` is `--limit=5`) by the command's own parser and validation, and its
/// answer encoded by the same code, so the API cannot become a second contract.
struct SearchAPI: Sendable {
    let searcher: Searcher
    let catalog: IndexCatalog
    /// `/api/search` query strings already read.
    let requests = ParsedRequests(capacity: 1_024)
    /// Where `/api/search` requests are noted (`--trace`); nil: nowhere.
    let log: RequestLog?

    /// Bounds a public endpoint needs and a command line does not: every request costs the server.
    static let maximumQueryBytes = 10_000
    static let maximumLimit = 100
    static let maximumOffset = 10_000
    static let maximumFacetLimit = 1_000
    static let maximumActorLimit = 1_000

    /// `/api/search` parameters that take a value, and those that are flags (`recency=true`).
    static let searchOptions: Set<String> = [
        "limit", "offset", "sort", "match", "source", "actor", "since", "until", "facets", "facet-limit", "date-bucket",
        "recency-half-life",
    ]
    static let searchFlags: Set<String> = ["no-facets", "recency", "no-feedback", "no-fold"]

    /// `cachedResults`: how many `/api/search` answers to keep for repeated requests (0: none); after
    /// the index changes, the searcher gives one only while the new state's is computed.
    init(store: IndexStore, cachedResults: Int = 0, log: RequestLog? = nil) {
        searcher = Searcher(store: store, cachedResults: cachedResults)
        catalog = IndexCatalog(store: store)
        self.log = log
    }

    /// Runs `work` off the server's event loops (queries block on SQLite) on ``RequestThreads``, and
    /// turns its outcome into a response: errors become a status and a one-line message, never internals.
    func respond(_ work: @escaping @Sendable () throws -> String) async -> Response {
        await withCheckedContinuation { continuation in
            RequestThreads.shared.run {
                continuation.resume(returning: Self.answer(work))
            }
        }
    }

    static func answer(_ work: () throws -> String) -> Response {
        do {
            return APIResponse.json(try work())
        } catch let error as APIError {
            return APIResponse.error(.init(code: error.status), error.message)
        } catch IndexError.documentNotFound(let id) {
            return APIResponse.error(.notFound, IndexError.documentNotFound(id: id).description)
        } catch {
            return APIResponse.error(.internalServerError, "internal error: the index could not answer")
        }
    }

    /// Written by ``JSONText``, as `search --json` is (the same bytes as ``JSONOutput/encode(_:)``,
    /// `ResultsJSONTests`): `JSONEncoder` was a third of a server's CPU for answers it had cached.
    func search(query: String?) throws -> String {
        let request = try requests.request(for: query ?? "", read: Self.searchRequest)
        return JSONOutput.Results(try searcher.search(request)).json
    }

    /// `/api/search`'s response, noted in the log when there is one.
    func searchResponse(query: String?) async -> Response {
        guard let log else { return await respond { try search(query: query) } }
        let arrival = DispatchTime.now().uptimeNanoseconds
        return await respond {
            var entry = RequestLog.Entry(query: query ?? "", arrival: arrival)
            entry.started = DispatchTime.now().uptimeNanoseconds
            let cpu = SearchTrace.threadCPU()
            defer {
                entry.finished = DispatchTime.now().uptimeNanoseconds
                entry.cpu = SearchTrace.threadCPU() - cpu
                log.add(entry)
            }
            let request = try requests.request(for: query ?? "", read: Self.searchRequest)
            entry.parsed = DispatchTime.now().uptimeNanoseconds
            var trace: SearchTrace? = SearchTrace()
            let results = try searcher.search(request, trace: &trace)
            entry.search = trace
            entry.searched = DispatchTime.now().uptimeNanoseconds
            return JSONOutput.Results(results).json
        }
    }

    /// What `/api/search?QUERY` asks, read by the query command's parser and checked against the bounds.
    static func searchRequest(_ query: String) throws -> SearchRequest {
        let (text, arguments) = try commandLine(query, options: searchOptions, flags: searchFlags)
        var command = try parse(QueryCommand.self, arguments)
        command.words = text.isEmpty ? [] : [text]
        try validated { try command.validate() }
        try bound("limit", command.limit, maximumLimit)
        try bound("offset", command.offset, maximumOffset)
        try bound("facet-limit", command.facetLimit, maximumFacetLimit)
        return command.makeRequest()
    }

    /// A query string as a command's arguments: each `q` joins the query text, each name in `options`
    /// becomes `--name=value`, each in `flags` `--name` when true; anything else is a bad request.
    static func commandLine(
        _ query: String?, options: Set<String>, flags: Set<String>
    ) throws -> (text: String, arguments: [String]) {
        var words: [String] = []
        var arguments: [String] = []
        for (name, value) in try QueryParameters(query).pairs {
            if name == "q" {
                words.append(value)
            } else if options.contains(name) {
                arguments.append("--\(name)=\(value)")
            } else if flags.contains(name) {
                if try flag(name, value) { arguments.append("--\(name)") }
            } else {
                throw APIError.badRequest("unknown parameter '\(name)'")
            }
        }
        let text = words.joined(separator: " ")
        guard text.utf8.count <= maximumQueryBytes else {
            throw APIError.badRequest("q is longer than \(maximumQueryBytes) bytes")
        }
        return (text, arguments)
    }

    /// `/api/articles/ID`: `show ID --json`; with `q`, also where the query's words are in the title
    /// and body (`highlights`, the same offsets as a hit's), for the page's article view.
    func article(path: String, query: String?) throws -> String {
        guard let id = String(path.dropFirst("/api/articles/".count)).removingPercentEncoding, !id.isEmpty else {
            throw APIError.badRequest("malformed article id: percent-escapes must encode UTF-8")
        }
        var text: String?
        for (name, value) in try QueryParameters(query).pairs {
            guard name == "q" else { throw APIError.badRequest("unknown parameter '\(name)'") }
            text = value
        }
        let article = JSONOutput.Article(try catalog.article(id: id))
        guard let text else { return try JSONOutput.encode(article) }
        guard text.utf8.count <= Self.maximumQueryBytes else {
            throw APIError.badRequest("q is longer than \(Self.maximumQueryBytes) bytes")
        }
        let matcher = TermMatcher(query: QueryParser().parse(text))
        return try JSONOutput.encode(
            JSONOutput.HighlightedArticle(
                article: article,
                highlights: .init(title: matcher.highlights(in: article.title), body: matcher.highlights(in: article.body))))
    }

    /// `/api/actors` parameters: the listing's, and those of `--with` and `--graph` (`q` is the query).
    static let actorOptions: Set<String> = [
        "type", "limit", "with", "source", "actor", "since", "until", "match", "min-count", "min-edge-count", "max-nodes",
    ]

    /// `actors --json`; with `with=NAME`, `actors --with NAME --json`; with `graph=true`,
    /// `actors --graph --format json` (GraphML is a file format, not an API answer).
    func actors(query: String?) throws -> String {
        let (text, arguments) = try Self.commandLine(query, options: Self.actorOptions, flags: ["graph"])
        var command = try Self.parse(ActorsCommand.self, arguments)
        command.words = text.isEmpty ? [] : [text]
        try Self.validated { try command.validate() }
        try Self.bound("limit", command.limit, Self.maximumActorLimit)
        if let with = command.with {
            let request = command.makeAssociationRequest(actor: with)
            let answer: ActorAssociations
            do {
                answer = try searcher.associations(request)
            } catch let error as CooccurrenceError {
                throw APIError.badRequest(error.description)
            }
            return try JSONOutput.encode(JSONOutput.Associations(answer, query: text, minimumCount: request.minimumCount))
        }
        if command.graph {
            return try JSONOutput.encode(JSONOutput.Graph(try searcher.actorGraph(command.makeGraphRequest()), query: text))
        }
        return try JSONOutput.encode(try command.entries(in: catalog))
    }

    /// `stats --json`; `--verify` is not offered: it needs write access, and the server is read-only.
    func stats(query: String?) throws -> String {
        if let first = try QueryParameters(query).pairs.first { throw APIError.badRequest("unknown parameter '\(first.name)'") }
        return try JSONOutput.encode(JSONOutput.Stats(try catalog.statistics()))
    }

    static func parse<Command: ParsableCommand>(_: Command.Type, _ arguments: [String]) throws -> Command {
        do {
            return try Command.parse(arguments)
        } catch {
            throw APIError.badRequest(singleLineMessage(Command.message(for: error)))
        }
    }

    static func validated(_ check: () throws -> Void) throws {
        do { try check() } catch { throw APIError.badRequest(singleLineMessage(QueryCommand.message(for: error))) }
    }

    static func bound(_ name: String, _ value: Int, _ maximum: Int) throws {
        guard value <= maximum else { throw APIError.badRequest("\(name) must be at most \(maximum) here (got \(value))") }
    }

    static func flag(_ name: String, _ value: String) throws -> Bool {
        switch value.lowercased() {
        case "", "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw APIError.badRequest("\(name) takes true or false (got '\(value)')")
        }
    }
}
