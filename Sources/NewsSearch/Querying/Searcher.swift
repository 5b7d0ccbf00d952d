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
    /// Answers computed at once: one per core; cached answers and those waited for take no turn.
    /// Eight connections of a server without its cache computing side by side on two cores stretched
    /// the longest answers most (p99 6.1-7.0 s against 3.8-4.5 s two at a time, BENCHMARKS.md issue 18).
    private let computing: DispatchSemaphore
    /// Where answers of a new state are computed while the cache gives the earlier state's.
    private let renewals = BackgroundJobs()

    /// `cachedResults`: how many answers to keep for repeated requests (0: none). After the index
    /// changes, a kept answer is given only while the new state's is computed (``ResultCache``).
    public convenience init(store: IndexStore, cachedResults: Int = 0) {
        self.init(store: store, parallelism: (ProcessInfo.processInfo.activeProcessorCount, 50_000), cachedResults: cachedResults)
    }

    init(store: IndexStore, parallelism: (parts: Int, threshold: Int), cachedResults: Int = 0, prunes: Bool = true) {
        self.store = store
        self.parallelism = parallelism
        facetColumns = FacetColumnStore(indexPath: store.path)
        cache = cachedResults > 0 ? ResultCache(capacity: cachedResults) : nil
        self.prunes = prunes
        computing = DispatchSemaphore(value: max(parallelism.parts, 1))
    }

    public func search(_ request: SearchRequest) throws -> SearchResults {
        var untraced: SearchTrace?
        return try search(request, trace: &untraced)
    }

    /// ``search(_:)``, noting in `trace`, when it is not nil, what the search waited for and did.
    public func search(_ request: SearchRequest, trace: inout SearchTrace?) throws -> SearchResults {
        let started = DispatchTime.now()
        do {
            while true {
                let asked = trace == nil ? 0 : SearchTrace.now()
                let (answer, flight) = try store.read { db -> (SearchResults?, ResultCache.Flight?) in
                    let entered = trace == nil ? 0 : SearchTrace.now()
                    let stamp = try FacetColumnStore.stamp(in: db)
                    trace?.note(attemptAt: stamp.generation, reader: entered - asked)
                    guard let cache else { return (try run(request, stamp: stamp, in: db, trace: &trace), nil) }
                    switch cache.claim(request, stamp: stamp) {
                    case .kept(let results):
                        trace?.answer = .kept
                        return (results, nil)
                    case .previous(let earlier):
                        trace?.answer = .previous
                        trace?.answerGeneration = earlier.stamp.generation
                        return (earlier.results, nil)
                    case .renew(let flight, let earlier):
                        renewals.run { [self] in renew(request, flight: flight, cache: cache) }
                        trace?.answer = .previous
                        trace?.answerGeneration = earlier.stamp.generation
                        return (earlier.results, nil)
                    case .wait(let flight):
                        trace?.answer = .waited
                        return (nil, flight)
                    case .compute(let flight):
                        trace?.answer = .computed
                        do {
                            let results = try run(request, stamp: stamp, in: db, trace: &trace)
                            cache.finish(flight, for: request, with: results)
                            return (results, nil)
                        } catch {
                            cache.finish(flight, for: request, with: nil)
                            throw error
                        }
                    }
                }
                // A request waiting for another's computation holds no reader: that one may need them all.
                let waitStarted = flight == nil || trace == nil ? 0 : SearchTrace.now()
                let waited = flight?.wait()
                if flight != nil, trace != nil { trace?.answerNanoseconds += SearchTrace.now() - waitStarted }
                guard var results = answer ?? waited else { continue }
                results.tookMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                return results
            }
        } catch let error as DatabaseError {
            throw IndexStore.translate(error, path: store.path)
        }
    }

    /// Computes, on ``renewals``, the answer of the state the index is in now for a request the
    /// cache answers meanwhile from an earlier state.
    private func renew(_ request: SearchRequest, flight: ResultCache.Flight, cache: ResultCache) {
        do {
            let (results, stamp) = try store.read { db in
                let stamp = try FacetColumnStore.stamp(in: db)
                var untraced: SearchTrace?
                return (try run(request, stamp: stamp, in: db, trace: &untraced), stamp)
            }
            cache.finish(flight, for: request, with: results, stamp: stamp)
        } catch {
            // The requests asked meanwhile compute their own, and meet the error themselves.
            cache.finish(flight, for: request, with: nil)
        }
    }

    /// Plans and computes the answer of the state `stamp` names: planned, and the state's columns had,
    /// only here, not for an answer the cache has (the query's analysis was 8% of a server's CPU for
    /// cached answers, `perf` under `scripts/bench-serve`; the columns of a new state are what a
    /// commit makes every request of that state wait for).
    private func run(_ request: SearchRequest, stamp: ColumnFile.Stamp, in db: Database, trace: inout SearchTrace?) throws -> SearchResults {
        let entered = trace == nil ? 0 : SearchTrace.now()
        let (columns, origin) = try facetColumns.columnsAndOrigin(in: db, stamp: stamp)
        if trace != nil { trace?.note(columns: SearchTrace.now() - entered, origin) }
        let waited = trace == nil ? 0 : SearchTrace.now()
        computing.wait()
        defer { computing.signal() }
        if trace != nil { trace?.computeWaitNanoseconds += SearchTrace.now() - waited }
        let (wall, cpu) = trace == nil ? (0, 0) : (SearchTrace.now(), SearchTrace.threadCPU())
        defer {
            if trace != nil {
                trace?.answerNanoseconds += SearchTrace.now() - wall
                trace?.computeCPUNanoseconds += SearchTrace.threadCPU() - cpu
            }
        }
        var executor = QueryExecutor(
            db: db, store: store, columns: columns, analyzer: analyzer,
            copies: try copyGroups.groups(in: db, columns: columns), parallelism: parallelism)
        executor.prunes = prunes
        return try executor.run(QueryPlan(request, analyzer: analyzer))
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
