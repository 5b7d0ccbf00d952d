import Foundation
import GRDB
import NewsActors
import NewsAnalysis
import NewsQuery

/// Answers queries: ranked hits with snippets, and disjunctive facet counts over every match.
///
/// ```swift
/// let results = try Searcher(store: store).search(SearchRequest(text: "defense industrial"))
/// ```
public final class Searcher: Sendable {
    let store: IndexStore
    let analyzer = Analyzer()
    /// Kept across queries: a long-running process reads the facet columns once per index change.
    let facetColumns: FacetColumnStore
    /// The clusters of copies when the columns file predates them.
    let copyGroups = CopyGroupStore()
    /// How many id ranges a pass over the matches is split into, from how many document ids on.
    let parallelism: (parts: Int, threshold: Int)
    /// The latest answers, for a process that answers many queries (`search serve`); nil: none kept.
    let cache: ResultCache?
    /// Whether passes skip ranking partial matches that cannot reach the page (see ``HitAdmission``).
    let prunes: Bool

    /// `cachedResults`: how many answers to keep for repeated requests (0: none). They are dropped
    /// whenever the index changes, so a cached answer is always the one the index would give now.
    public convenience init(store: IndexStore, cachedResults: Int = 0) {
        self.init(store: store, parallelism: (ProcessInfo.processInfo.activeProcessorCount, 50_000), cachedResults: cachedResults)
    }

    init(store: IndexStore, parallelism: (parts: Int, threshold: Int), cachedResults: Int = 0, prunes: Bool = true) {
        self.store = store
        self.parallelism = parallelism
        facetColumns = FacetColumnStore(indexPath: store.path)
        cache = cachedResults > 0 ? ResultCache(capacity: cachedResults) : nil
        self.prunes = prunes
    }

    public func search(_ request: SearchRequest) throws -> SearchResults {
        let started = DispatchTime.now()
        let plan = QueryPlan(request, analyzer: analyzer)
        do {
            while true {
                let (answer, flight) = try store.read { db -> (SearchResults?, ResultCache.Flight?) in
                    let columns = try facetColumns.columns(in: db)
                    guard let cache else { return (try run(plan, columns: columns, in: db), nil) }
                    switch cache.claim(request, stamp: columns.stamp) {
                    case .kept(let results):
                        return (results, nil)
                    case .wait(let flight):
                        return (nil, flight)
                    case .compute(let flight):
                        do {
                            let results = try run(plan, columns: columns, in: db)
                            cache.finish(flight, for: request, with: results)
                            return (results, nil)
                        } catch {
                            cache.finish(flight, for: request, with: nil)
                            throw error
                        }
                    }
                }
                // A request waiting for another's computation holds no reader: that one may need them all.
                guard var results = answer ?? flight?.wait() else { continue }
                results.tookMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                return results
            }
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }

    private func run(_ plan: QueryPlan, columns: FacetColumns, in db: Database) throws -> SearchResults {
        var executor = QueryExecutor(
            db: db, store: store, columns: columns, analyzer: analyzer,
            copies: try copyGroups.groups(in: db, columns: columns), parallelism: parallelism)
        executor.prunes = prunes
        return try executor.run(plan)
    }

    /// Says which filter left nothing of the matches: the ones that alone keep none, else all together.
    static func emptyingFilters(_ scan: MatchScan, _ resolved: ResolvedFilters, _ filters: QueryFilters) -> String {
        var culprits: [String] = []
        if resolved.sourceIDs != nil, scan.keptBy(.source) == 0 {
            culprits.append("source " + filters.sources.map { "'\($0)'" }.joined(separator: " or "))
        }
        if resolved.actorIDs != nil, scan.keptBy(.actor) == 0 {
            culprits.append("actor " + filters.actors.map { "'\($0)'" }.joined(separator: " or "))
        }
        if resolved.firstDay != nil || resolved.lastDay != nil, scan.keptBy(.date) == 0 {
            culprits.append("date \(resolved.firstDay ?? "…")..\(resolved.lastDay ?? "…")")
        }
        let noun = scan.matched == 1 ? "article matches" : "articles match"
        return culprits.isEmpty
            ? "\(scan.matched) \(noun) the words, but none passes all the filters together"
            : "\(scan.matched) \(noun) the words; the \(culprits.joined(separator: " and the ")) filter removed them all"
    }
}

/// Id lists cross into SQL as one JSON array parameter, read with `json_each`.
enum IDList {
    static func json<S: Sequence<Int64>>(_ ids: S) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
