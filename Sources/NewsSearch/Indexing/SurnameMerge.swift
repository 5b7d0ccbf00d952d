import GRDB

/// Joins a person actor known only by a surname ("Nakatani") to the one full name with that surname
/// ("Gen Nakatani"), across the whole index.
///
/// ``NewsActors/ActorRegistry`` does this while articles are written, but only for surnames met after
/// their full name: a story that says "Nakatani" indexed before the one that says "Gen Nakatani"
/// left two actors in the facet for one person, in an order-dependent way (and `extract` then showed
/// the merged name the stored article lacked). Run at the end of every index and reindex run, it
/// makes the result the same whatever the order. Ambiguous surnames (two full names end with it)
/// stay apart, as in the registry.
enum SurnameMerge {
    /// Returns how many lone-surname actors were folded into a full name.
    @discardableResult
    static func run(in db: Database) throws -> Int {
        let people = try Row.fetchAll(db, sql: "SELECT id, folded FROM actors WHERE type = 'person'")
        var fullNames: [String: [Int64]] = [:]
        var surnames: [(id: Int64, folded: String)] = []
        for row in people {
            let folded: String = row["folded"]
            if let space = folded.lastIndex(of: " ") {
                fullNames[String(folded[folded.index(after: space)...]), default: []].append(row["id"])
            } else {
                surnames.append((row["id"], folded))
            }
        }
        var replacements: [Int64: Int64] = [:]
        for lone in surnames {
            guard let matches = fullNames[lone.folded], matches.count == 1, let full = matches.first else { continue }
            replacements[lone.id] = full
            try db.execute(
                sql: "INSERT OR IGNORE INTO actor_aliases(alias, actor_id) SELECT alias, ? FROM actor_aliases WHERE actor_id = ?",
                arguments: [full, lone.id])
            // Aliases are looked up folded (``FilterResolver``): `actor:nakatani` still finds the merged actor.
            try db.execute(sql: "INSERT OR IGNORE INTO actor_aliases(alias, actor_id) VALUES (?, ?)", arguments: [lone.folded, full])
            try db.execute(sql: "DELETE FROM actor_aliases WHERE actor_id = ?", arguments: [lone.id])
            try db.execute(sql: "DELETE FROM actors WHERE id = ?", arguments: [lone.id])
        }
        guard !replacements.isEmpty else { return 0 }
        // One pass over the packed links for all the merges: they are stored by article, not by actor.
        try ColumnChanges.record(try ActorLinks.replace(replacements, in: db), in: db)
        return replacements.count
    }
}
