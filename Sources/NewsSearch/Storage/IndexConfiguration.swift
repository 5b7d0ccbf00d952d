import Foundation
import NewsActors
import NewsIngest

/// The user's files beside an index: `source-aliases.txt` (one `alias = Canonical` per line) and
/// `actors.txt` (actors, aliases, types and bans; see `ActorDictionary`). Read at every index and
/// reindex run, so editing them and running `search reindex` applies the change.
struct IndexConfiguration: Sendable {
    var sources: SourceNormalizer
    var actors: ActorDictionary

    init(indexPath: String) throws {
        let folder = URL(fileURLWithPath: indexPath).deletingLastPathComponent()
        let aliasesFile = folder.appendingPathComponent(SourceNormalizer.aliasesFileName)
        if let text = try? String(contentsOf: aliasesFile, encoding: .utf8) {
            do {
                sources = try SourceNormalizer(aliasesText: text)
            } catch {
                throw IndexError.badConfiguration(file: aliasesFile.path, reason: "\(error)")
            }
        } else {
            sources = SourceNormalizer()
        }
        let actorsFile = folder.appendingPathComponent(ActorDictionary.fileName)
        do {
            actors = try ActorDictionary(contentsOf: actorsFile)
        } catch {
            throw IndexError.badConfiguration(file: actorsFile.path, reason: error.description)
        }
    }
}
