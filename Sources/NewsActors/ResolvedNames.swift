import Synchronization

/// The names an input gave for its actors (JSONL `actors`), each resolved once per extractor.
///
/// A dump names the same few actors in record after record ("United States", "Reuters"), and
/// resolving one scans it and asks the gazetteer: on realistic news that was 48.6 M instructions a
/// pass over 3,000 articles, the same names each time. Resolving is a pure function of the name and
/// the extractor's gazetteer (which never changes), so the answer is kept; the workers share one
/// extractor, hence the lock. Bounded: past ``limit`` names it starts again, so an input of millions
/// of distinct names costs memory no longer than this.
final class ResolvedNames: Sendable {
    static let limit = 20_000

    private let names = Mutex<[String: (name: String, type: ActorType)]>([:])

    /// The name's resolution, worked out by `resolve` the first time it is asked for.
    func resolution(of name: String, _ resolve: (String) -> (name: String, type: ActorType)) -> (name: String, type: ActorType) {
        if let known = names.withLock({ $0[name] }) { return known }
        let resolved = resolve(name)
        names.withLock { names in
            if names.count >= Self.limit { names.removeAll(keepingCapacity: true) }
            names[name] = resolved
        }
        return resolved
    }
}
