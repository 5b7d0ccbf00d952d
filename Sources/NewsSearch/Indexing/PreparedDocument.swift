import Foundation
import NewsActors
import NewsAnalysis
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
    /// The cleaned body's near-duplicate signature (issue 19), nil when it is too short to have one.
    var signature: MinHashSignature?
    /// The body's short lines hashed for ``BoilerplateModel/learn(lineHashes:source:)``, here so the writer only counts.
    var lineHashes: [UInt64]
    /// The stored JSON columns, encoded here rather than on the single writer thread.
    var authorsJSON: String
    var givenActorsJSON: String
    /// What cleaning removed, in its stored form (``StoredRemovals``).
    var removedJSON: String
    var removedOmitted: Int

    /// False for a record known to be stored already with this content: its actors, tokens and
    /// columns were not worked out (see ``known(article:externalID:path:fallbackSource:)``).
    private(set) var isPrepared = true

    /// `signs` false only for measuring what copy clusters cost (`search index --no-copy-clusters`).
    init(
        article: Article, externalID: String, path: String?, fallbackSource: String, extractor: ActorExtractor,
        signs: Bool = true
    ) {
        self.externalID = externalID
        self.path = path
        self.article = article
        self.source = Self.clean(article.source) ?? fallbackSource
        self.contentHash = Self.contentHash(of: article, source: source)
        self.actors = Self.actors(
            of: article.title, article.body, given: article.actors, declared: StructuredActor.decode(article.metadata),
            declaredLanguage: Self.declaredLanguage(in: article.metadata), extractor: extractor)
        self.tokens = [PreparedTokens(analyzing: article.title), PreparedTokens(analyzing: article.body)]
        self.lineHashes = BoilerplateModel.lineHashes(of: article.body)
        self.signature = signs ? MinHashSignature(of: article.body) : nil
        self.authorsJSON = StoredJSON.encode(article.authors)
        self.givenActorsJSON = StoredJSON.encode(article.actors)
        (self.removedJSON, self.removedOmitted) = StoredRemovals.encode(article.removed)
    }

    /// A record whose content hash the index already holds for its file: when the writer finds it
    /// stored unchanged (the usual case on a re-read dump), the costly preparation is never needed.
    static func known(article: Article, externalID: String, path: String?, source: String, contentHash: String) -> Self {
        PreparedDocument(
            externalID: externalID, path: path, article: article, source: source, contentHash: contentHash, actors: [],
            tokens: [], signature: nil, lineHashes: [], authorsJSON: "[]", givenActorsJSON: "[]",
            removedJSON: "[]", removedOmitted: 0, isPrepared: false)
    }

    private init(
        externalID: String, path: String?, article: Article, source: String, contentHash: String, actors: [ExtractedActor],
        tokens: [PreparedTokens], signature: MinHashSignature?, lineHashes: [UInt64], authorsJSON: String,
        givenActorsJSON: String, removedJSON: String, removedOmitted: Int, isPrepared: Bool
    ) {
        self.externalID = externalID
        self.path = path
        self.article = article
        self.source = source
        self.contentHash = contentHash
        self.actors = actors
        self.tokens = tokens
        self.signature = signature
        self.lineHashes = lineHashes
        self.authorsJSON = authorsJSON
        self.givenActorsJSON = givenActorsJSON
        self.removedJSON = removedJSON
        self.removedOmitted = removedOmitted
        self.isPrepared = isPrepared
    }

    /// The digest of the fields below joined by control characters, fed piece by piece: the same
    /// digest as the joined text's (``ContentHash/Streaming``), without copying the body into it.
    static func contentHash(of article: Article, source: String) -> String {
        var hash = ContentHash.Streaming()
        func add(_ pieces: [String], joinedBy separator: UInt8) {
            for (index, piece) in pieces.enumerated() {
                if index > 0 { hash.add(byte: separator) }
                hash.add(piece)
            }
        }
        add([article.title, article.body, article.date?.description ?? "", source, article.url ?? ""], joinedBy: 1)
        hash.add(byte: 1)
        add(article.actors, joinedBy: 2)
        hash.add(byte: 1)
        add(article.authors, joinedBy: 2)
        // The record's other fields are shown and searched by `show`: a change to one alone is an update.
        // Left out when there are none, so that articles without them keep the hash they were stored with.
        if !article.metadata.isEmpty {
            hash.add(byte: 1)
            for (index, field) in article.metadata.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { hash.add(byte: 2) }
                hash.add(field.key)
                hash.add(byte: 3)
                hash.add(field.value)
            }
        }
        return hash.value
    }


    /// Extracted actors plus those the input named itself, one entry per canonical name. The
    /// language (declared, else guessed from the body) decides which rules run: see ``ArticleLanguage``.
    static func actors(
        of title: String, _ body: String, given: [String], declared: [StructuredActor] = [], declaredLanguage: String?,
        extractor: ActorExtractor
    ) -> [ExtractedActor] {
        let language = ArticleLanguage(declared: declaredLanguage, text: body)
        var actors = extractor.extract(title: title, body: body, language: language)
        func add(_ resolved: (name: String, type: ActorType)) {
            if let index = actors.firstIndex(where: { $0.name == resolved.name }) {
                actors[index].mentionCount += 1
            } else {
                actors.append(ExtractedActor(name: resolved.name, type: resolved.type, mentions: [], mentionCount: 1))
            }
        }
        for name in given { add(extractor.resolve(name)) }
        for actor in declared {
            if let resolved = extractor.resolve(declared: actor.name, as: Self.actorType(of: actor.kind)) { add(resolved) }
        }
        return actors
    }

    /// The actor type a page's structured data declares; a `thing` has none (see ``ActorExtractor/resolve(declared:as:)``).
    static func actorType(of kind: StructuredActor.Kind) -> ActorType? {
        switch kind {
        case .person: .person
        case .organization: .organization
        case .country: .country
        case .place: .location
        case .thing: nil
        }
    }

    /// The language a record declares: a page's `<html lang>`/`og:locale` (stored as `language`), or a
    /// JSONL or front-matter `language`/`lang` field.
    static func declaredLanguage(in metadata: [String: String]) -> String? {
        metadata["language"] ?? metadata["lang"]
    }

    static func clean(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = ActorRegistry.singleSpaced(text)
        return collapsed.isEmpty ? nil : collapsed
    }
}
