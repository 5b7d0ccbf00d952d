/// Where the ids of articles without their own `id` come from: the path of their file relative to a
/// base folder, stable across runs and unique across files (issue 14).
///
/// - A file already in the index keeps the base it was first indexed under, so naming a subfolder, a
///   parent or the same folder from elsewhere never renames (and so never duplicates) its articles.
/// - A new file under a folder indexed before takes that folder as its base (the innermost one), so it
///   is named like its neighbours; otherwise its base is the folder (or file) named on the command line.
/// - When that id is already another file's (`A/x.md` and `B/x.md`, both `x.md`), the base moves up one
///   folder at a time until it is not: the second becomes `B/x.md`.
struct ArticleIdentity {
    /// Each recorded file's id prefix (its path relative to its base), and the folder bases in use.
    private var owners: [String: String] = [:]
    private var bases: [String] = []

    init(known: [(path: String, root: String)]) {
        for file in known {
            owners[ScannedFile.relative(file.path, to: file.root)] = file.path
        }
        // Folders only (a named file is its own root), innermost first: a new file is named like the
        // files beside it.
        bases = Set(known.filter { $0.path != $0.root }.map(\.root)).sorted { $0.count > $1.count }
    }

    /// Sets `file.root` to the base its ids are relative to; `recorded` is the base stored for it, if any.
    mutating func assign(_ file: inout ScannedFile, recorded: String?) {
        if let recorded {
            file.root = recorded
            return
        }
        if let enclosing = bases.first(where: { file.path.hasPrefix($0 + "/") }) { file.root = enclosing }
        var prefix = file.relativePath
        while let owner = owners[prefix], owner != file.path, file.root != "/" {
            file.root = parent(of: file.root == file.path ? parent(of: file.path) : file.root)
            prefix = file.relativePath
        }
        owners[prefix] = file.path
    }

    private func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
