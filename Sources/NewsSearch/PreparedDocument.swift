import Foundation
import NewsActors
import NewsIngest

/// An article made ready to write: identity, source and actors resolved, content hashed.
///
/// Preparing is the expensive, parallel part of indexing; writing is serial and cheap.
struct PreparedDocument: Sendable {
    var externalID: String
    var path: String?
    var article: Article
    var source: String
    var contentHash: String
    var actors: [ExtractedActor]
    /// Title and body analysed on the worker, for the writer's FTS5 insert to replay.
    var tokens: [PreparedTokens]
    /// The body's short lines hashed for ``BoilerplateModel/learn(lineHashes:source:)``, here so the writer only counts.
    var lineHashes: [UInt64]
    /// The stored JSON columns, encoded here rather than on the single writer thread.
    var authorsJSON: String
    var givenActorsJSON: String
    var metadataJSON: String

    init(article: Article, externalID: String, path: String?, fallbackSource: String, extractor: ActorExtractor) {
        self.externalID = externalID
        self.path = path
        self.article = article
        self.source = Self.clean(article.source) ?? fallbackSource
        var hashed = article.title + "\u{1}" + article.body + "\u{1}" + (article.date?.description ?? "")
        hashed += "\u{1}" + source + "\u{1}" + (article.url ?? "") + "\u{1}" + article.actors.joined(separator: "\u{2}")
        hashed += "\u{1}" + article.authors.joined(separator: "\u{2}")
        self.contentHash = ContentHash.of(hashed)
        self.actors = Self.actors(of: article.title, article.body, given: article.actors, extractor: extractor)
        self.tokens = [PreparedTokens(analyzing: article.title), PreparedTokens(analyzing: article.body)]
        self.lineHashes = BoilerplateModel.lineHashes(of: article.body)
        self.authorsJSON = StoredJSON.encode(article.authors)
        self.givenActorsJSON = StoredJSON.encode(article.actors)
        self.metadataJSON = StoredJSON.encode(article.metadata)
    }

    /// Extracted actors plus those the input named itself, one entry per canonical name.
    static func actors(of title: String, _ body: String, given: [String], extractor: ActorExtractor) -> [ExtractedActor] {
        var actors = extractor.extract(title: title, body: body)
        for name in given {
            let resolved = extractor.resolve(name)
            if let index = actors.firstIndex(where: { $0.name == resolved.name }) {
                actors[index].mentionCount += 1
            } else {
                actors.append(ExtractedActor(name: resolved.name, type: resolved.type, mentions: [], mentionCount: 1))
            }
        }
        return actors
    }

    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }
}
