/// The resolved filters as lookups over ``FacetColumns``: which of the source, date and actor filters a
/// document passes, in a few array reads, so a pass over every match costs no SQL.
struct DocumentFilter: Sendable {
    struct Passes: OptionSet, Sendable {
        let rawValue: UInt8
        static let source = Passes(rawValue: 1)
        static let date = Passes(rawValue: 2)
        static let actor = Passes(rawValue: 4)
        static let all: Passes = [.source, .date, .actor]
    }

    let columns: FacetColumns
    /// Indexed by source id; nil when sources are not filtered.
    private let sourceAllowed: [Bool]?
    /// Indexed by date code; nil when dates are not filtered (undated articles then pass).
    private let dateAllowed: [Bool]?
    /// Indexed by document id; nil when actors are not filtered.
    private let actorAllowed: [Bool]?

    init(_ resolved: ResolvedFilters, columns: FacetColumns) {
        self.columns = columns
        sourceAllowed = resolved.sourceIDs.map { ids in
            let limit = max(Int(ids.max() ?? 0) + 1, columns.sourceLimit)
            var allowed = [Bool](repeating: false, count: limit)
            for id in ids where id >= 0 { allowed[Int(id)] = true }
            return allowed
        }
        if resolved.firstDay != nil || resolved.lastDay != nil {
            dateAllowed = columns.firstDays.map { day in
                (resolved.firstDay.map { day >= $0 } ?? true) && (resolved.lastDay.map { day <= $0 } ?? true)
            }
        } else {
            dateAllowed = nil
        }
        actorAllowed = resolved.actorIDs.map { actors in
            var allowed = [Bool](repeating: false, count: columns.idLimit)
            columns.forEachLink(to: actors.subtracting(resolved.locationIDs), locations: resolved.locationIDs) { id, _ in
                allowed[id] = true
            }
            return allowed
        }
    }

    /// `id` must be a document of ``columns``.
    @inline(__always)
    func passes(_ id: Int) -> Passes {
        var passes = Passes.all
        if let sourceAllowed, !sourceAllowed[Int(columns.source[id])] { passes.remove(.source) }
        if let dateAllowed {
            let code = columns.date(of: id)
            if code < 0 || !dateAllowed[code] { passes.remove(.date) }
        }
        if let actorAllowed, !actorAllowed[id] { passes.remove(.actor) }
        return passes
    }
}
