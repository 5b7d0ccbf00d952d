import Foundation

/// The phrase patterns of web boilerplate, in several languages.
///
/// Patterns are matched against a *normalised* line (lower-cased, spaces collapsed, trailing
/// punctuation and ellipses dropped), so "Please enter your comment!" matches `please enter your comment`.
/// Only short lines are tested: a sentence of prose that happens to say "subscribe" is never a match.
struct PhraseRule: Sendable {
    enum Match: Sendable { case exact, prefix, contains }
    /// What a match does to the lines after it.
    enum Effect: Sendable {
        /// Only the line goes.
        case line
        /// The line and the list-like lines right after it go ("Popular", "Go deeper").
        case list
        /// The line and everything after it go ("LEAVE A REPLY", "Related Tags"), once the article has begun.
        case endOfArticle
    }

    let pattern: String
    let match: Match
    let kind: RemovalKind
    let effect: Effect
    /// Lines longer than this (in characters, after normalisation) never match.
    let maximumLength: Int
    /// Whether the pattern is ASCII, so that a prefix test can be settled over bytes.
    private let isASCII: Bool
    /// Whether the pattern's first scalar, decomposed, starts with a non-ASCII one ("© "): then no line that
    /// starts with an ASCII byte begins with its first Character (equal Characters decompose alike).
    private let leadsNonASCII: Bool

    init(_ pattern: String, _ match: Match, _ kind: RemovalKind, _ effect: Effect = .line, maximumLength: Int = 80) {
        self.pattern = pattern
        self.match = match
        self.kind = kind
        self.effect = effect
        self.maximumLength = maximumLength
        isASCII = pattern.utf8.allSatisfy { $0 < 0x80 }
        // Worked out for the few non-ASCII prefix patterns only: a one-page `extract` builds the rules.
        leadsNonASCII = !isASCII && match == .prefix
            && !(pattern.decomposedStringWithCanonicalMapping.unicodeScalars.first?.isASCII ?? true)
    }

    /// - Parameter length: `normalized.count`, computed once per line by the caller (it is O(n)).
    func matches(_ normalized: String, length: Int) -> Bool {
        guard length <= maximumLength else { return false }
        switch match {
        case .exact: return normalized == pattern
        case .prefix:
            if isASCII, let settled = Self.hasASCIIPrefix(normalized, pattern) { return settled }
            // A rule that starts otherwise is tested on every line: most start with an ASCII byte.
            if leadsNonASCII, let first = normalized.utf8.first, first < 0x80 { return false }
            return normalized.hasPrefix(pattern)
        case .contains: return normalized.utf8.containsBytes(of: pattern.utf8)
        }
    }
}

extension PhraseRule {
    /// `line.hasPrefix(pattern)` for an ASCII pattern, settled over bytes when the line's first bytes are
    /// ASCII too (there each byte is a Character, but a CR LF pair, and no other spelling is canonically
    /// equal); nil when only `hasPrefix` can tell (a non-ASCII byte in the way, or after the match, where
    /// a mark may join the pattern's last Character). `hasPrefix` compared Characters: 35 M instructions
    /// a pass over 3,000 realistic articles.
    static func hasASCIIPrefix(_ line: String, _ pattern: String) -> Bool? {
        line.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            pattern.utf8.withContiguousStorageIfAvailable { prefix -> Bool? in
                let shared = Swift.min(bytes.count, prefix.count)
                for offset in 0..<shared {
                    if bytes[offset] >= 0x80 { return nil }
                    if bytes[offset] != prefix[offset] { return false }
                }
                // An ASCII line shorter than the pattern has fewer Characters than it.
                if bytes.count < prefix.count { return false }
                if bytes.count == prefix.count { return true }
                let next = bytes[prefix.count]
                return next < 0x80 && !(next == 0x0A && prefix.last == 0x0D) ? true : nil
            } ?? nil
        } ?? nil
    }
}

enum BoilerplatePhrases {
    static let rules: [PhraseRule] =
        advertisements + comments + ends + lists + share + subscribe + cookies + labels + credits + prompts + appeals
    /// No rule matches a line longer than this.
    static let longestMatch = rules.map(\.maximumLength).max() ?? 0

    /// The earliest rule in ``rules`` that matches the normalised line.
    static func firstMatch(_ normalized: String) -> PhraseRule? {
        // UTF-8 length is O(1) and never smaller than the character count: a cheap first cut.
        guard !normalized.isEmpty, normalized.utf8.count <= longestMatch * 4 else { return nil }
        let length = normalized.characterCount
        guard length <= longestMatch else { return nil }
        var best = Int.max
        // Exact rules by lookup, prefix rules in order, and every "contains" rule in one pass over the
        // bytes: testing all 117 rules one by one on every line was 4% of an indexing run.
        for index in arranged.exactRules(for: normalized, length: length) where length <= rules[index].maximumLength {
            best = index
            break
        }
        for index in arranged.prefixRules(for: normalized) where index < best && rules[index].matches(normalized, length: length) {
            best = index
            break
        }
        if let found = arranged.earliestContaining(normalized, length: length, before: best) { best = found }
        return best == Int.max ? nil : rules[best]
    }

    private static let arranged = PhraseIndex(rules)

    static let advertisements: [PhraseRule] = [
        // "contains" with a short limit: placeholders come alone on their line, often repeated.
        .init("advertisement", .contains, .advertisement, maximumLength: 40),
        .init("advertising", .exact, .advertisement),
        .init("sponsored content", .contains, .advertisement, maximumLength: 40),
        .init("story continues below advertisement", .exact, .advertisement),
        .init("reklam yükleniyor", .contains, .advertisement, maximumLength: 40),  // Turkish: "ad loading"
        .init("reklam", .exact, .advertisement),
        .init("anzeige", .exact, .advertisement),  // German
        .init("werbung", .exact, .advertisement),
        .init("publicité", .exact, .advertisement),  // French
        .init("publicidad", .exact, .advertisement),  // Spanish
        .init("pubblicità", .exact, .advertisement),  // Italian
        .init("広告", .exact, .advertisement),  // Japanese
        .init("ad loading", .contains, .advertisement, maximumLength: 30),
        .init("loading ad", .contains, .advertisement, maximumLength: 30),
    ]

    static let comments: [PhraseRule] = [
        .init("please enter your comment", .prefix, .commentPrompt),
        .init("please enter your name", .prefix, .commentPrompt),
        .init("please enter your email", .prefix, .commentPrompt),
        .init("you have entered an incorrect email address", .prefix, .commentPrompt),
        .init("comments you share on our site", .prefix, .commentPrompt, maximumLength: 400),
        .init("please be respectful of different opinions", .contains, .commentPrompt, maximumLength: 400),
        .init("your email address will not be published", .prefix, .commentPrompt, maximumLength: 160),
        .init("post a comment", .exact, .commentPrompt),
        .init("add a comment", .exact, .commentPrompt),
        .init("view comments", .exact, .commentPrompt),
        .init("show comments", .exact, .commentPrompt),
        .init("yorum yap", .exact, .commentPrompt),  // Turkish
        .init("yorumlar", .exact, .commentPrompt),
        .init("kommentare", .exact, .commentPrompt),  // German
        .init("commentaires", .exact, .commentPrompt),  // French
        .init("comentarios", .exact, .commentPrompt),  // Spanish
    ]

    /// Markers after which a scraped page holds nothing of the article.
    static let ends: [PhraseRule] = [
        .init("leave a reply", .exact, .commentPrompt, .endOfArticle),
        .init("leave a comment", .exact, .commentPrompt, .endOfArticle),
        .init("comments", .exact, .commentPrompt, .endOfArticle),
        .init("related tags", .exact, .relatedList, .endOfArticle),
        .init("access ranking", .contains, .relatedList, .endOfArticle, maximumLength: 40),
        .init("more like this", .exact, .relatedList, .endOfArticle),
        .init("more on these topics", .exact, .relatedList, .endOfArticle),
        .init("you may also like", .exact, .relatedList, .endOfArticle),
        .init("you might also like", .exact, .relatedList, .endOfArticle),
        .init("recommended for you", .exact, .relatedList, .endOfArticle),
        .init("bir yorum bırakın", .exact, .commentPrompt, .endOfArticle),  // Turkish
        .init("laisser un commentaire", .exact, .commentPrompt, .endOfArticle),  // French
        .init("deja un comentario", .exact, .commentPrompt, .endOfArticle),  // Spanish
        .init("das könnte sie auch interessieren", .exact, .relatedList, .endOfArticle),  // German
    ]

    static let lists: [PhraseRule] = [
        .init("popular", .exact, .relatedList, .list),
        .init("most popular", .exact, .relatedList, .list),
        .init("popular article", .contains, .relatedList, .list, maximumLength: 40),
        .init("popular posts", .exact, .relatedList, .list),
        .init("most read", .exact, .relatedList, .list),
        .init("trending", .exact, .relatedList, .list),
        .init("trending now", .exact, .relatedList, .list),
        .init("related", .exact, .relatedList, .list),
        .init("related articles", .exact, .relatedList, .list),
        .init("related stories", .exact, .relatedList, .list),
        .init("related news", .exact, .relatedList, .list),
        .init("read more", .exact, .relatedList, .list),
        .init("read next", .exact, .relatedList, .list),
        .init("see also", .exact, .relatedList, .list),
        .init("latest news", .exact, .relatedList, .list),
        .init("editor's picks", .exact, .relatedList, .list),
        .init("go deeper", .exact, .templateLabel, .list),
        .init("common question", .exact, .templateLabel, .list),
        .init("i̇lgili haberler", .exact, .relatedList, .list),  // Turkish (lower-cased dotted İ)
        .init("ilgili haberler", .exact, .relatedList, .list),
        .init("en çok okunanlar", .exact, .relatedList, .list),
        .init("meistgelesen", .exact, .relatedList, .list),  // German
        .init("weitere artikel", .exact, .relatedList, .list),
        .init("lire aussi", .exact, .relatedList, .list),  // French
        .init("à lire aussi", .exact, .relatedList, .list),
        .init("les plus lus", .exact, .relatedList, .list),
        .init("noticias relacionadas", .exact, .relatedList, .list),  // Spanish
        .init("lo más leído", .exact, .relatedList, .list),
        .init("関連記事", .exact, .relatedList, .list),  // Japanese
        .init("アクセスランキング", .contains, .relatedList, .endOfArticle, maximumLength: 20),
    ]

    static let share: [PhraseRule] = [
        .init("share post", .exact, .shareBar),
        .init("share this", .prefix, .shareBar, maximumLength: 30),
        .init("share on ", .prefix, .shareBar, maximumLength: 30),
        .init("share", .exact, .shareBar),
        .init("share article", .exact, .shareBar),
        .init("tweet", .exact, .shareBar),
        .init("copy link", .exact, .shareBar),
        .init("paylaş", .exact, .shareBar),  // Turkish
        .init("teilen", .exact, .shareBar),  // German
        .init("partager", .exact, .shareBar),  // French
        .init("compartir", .exact, .shareBar),  // Spanish
        .init("print", .exact, .shareBar),
    ]

    static let subscribe: [PhraseRule] = [
        .init("subscribe", .exact, .subscribe),
        .init("subscribe now", .exact, .subscribe),
        .init("subscribe to our newsletter", .prefix, .subscribe),
        .init("sign up for our newsletter", .prefix, .subscribe),
        .init("sign up to our newsletter", .prefix, .subscribe),
        .init("get the latest news delivered", .prefix, .subscribe),
        .init("abone ol", .exact, .subscribe),  // Turkish
        .init("abonnieren", .exact, .subscribe),  // German
        .init("s'abonner", .exact, .subscribe),  // French
        .init("suscríbete", .exact, .subscribe),  // Spanish
        // A newsletter's footer (saved e-mails): what follows it is the sender's small print.
        .init("you received this email because", .prefix, .subscribe, .endOfArticle, maximumLength: 300),
        .init("you are receiving this email because", .prefix, .subscribe, .endOfArticle, maximumLength: 300),
        .init("you're receiving this email because", .prefix, .subscribe, .endOfArticle, maximumLength: 300),
        .init("sie erhalten diesen newsletter", .prefix, .subscribe, .endOfArticle, maximumLength: 300),  // German
        .init("unsubscribe", .exact, .subscribe),
        .init("view this email in your browser", .exact, .subscribe),
        .init("view in browser", .exact, .subscribe),
    ]

    static let cookies: [PhraseRule] = [
        .init("we use cookies", .contains, .cookieNotice, maximumLength: 400),
        .init("this site uses cookies", .contains, .cookieNotice, maximumLength: 400),
        .init("this website uses cookies", .contains, .cookieNotice, maximumLength: 400),
        .init("accept all cookies", .contains, .cookieNotice, maximumLength: 60),
        .init("accept cookies", .exact, .cookieNotice),
        .init("cookie settings", .exact, .cookieNotice),
        .init("cookie policy", .exact, .cookieNotice),
        .init("wir verwenden cookies", .contains, .cookieNotice, maximumLength: 400),  // German
        .init("nous utilisons des cookies", .contains, .cookieNotice, maximumLength: 400),  // French
        .init("utilizamos cookies", .contains, .cookieNotice, maximumLength: 400),  // Spanish
        // Turkish "çerez" is both "cookie" and "snack": match only the notice's phrasing.
        .init("çerezler kullan", .contains, .cookieNotice, maximumLength: 300),
        .init("çerez politika", .contains, .cookieNotice, maximumLength: 300),
        .init("çerezleri kabul", .contains, .cookieNotice, maximumLength: 300),
    ]

    /// Photo credits and copyright lines: about the page's pictures or the site, not the story.
    static let credits: [PhraseRule] = [
        .init("foto:", .prefix, .credit, maximumLength: 100), .init("fotos:", .prefix, .credit, maximumLength: 100),
        .init("photo:", .prefix, .credit, maximumLength: 100), .init("photos:", .prefix, .credit, maximumLength: 100),
        .init("photograph by ", .prefix, .credit, maximumLength: 100),
        .init("photo by ", .prefix, .credit, maximumLength: 100),
        .init("photo credit", .prefix, .credit, maximumLength: 100),
        .init("credit:", .prefix, .credit, maximumLength: 100), .init("(credit:", .prefix, .credit, maximumLength: 100),
        .init("image:", .prefix, .credit, maximumLength: 100), .init("image credit", .prefix, .credit, maximumLength: 100),
        .init("bild:", .prefix, .credit, maximumLength: 100), .init("bildquelle", .prefix, .credit, maximumLength: 100),
        .init("titelbild:", .prefix, .credit, maximumLength: 100),
        .init("beitragsbild", .prefix, .credit, maximumLength: 100),
        .init("crédits photo", .prefix, .credit, maximumLength: 100),
        .init("crédit photo", .prefix, .credit, maximumLength: 100),
        .init("foto de ", .prefix, .credit, maximumLength: 60), .init("imagen:", .prefix, .credit, maximumLength: 100),
        .init("© ", .prefix, .credit, maximumLength: 120), .init("copyright ©", .prefix, .credit, maximumLength: 120),
        .init("all rights reserved", .contains, .credit, maximumLength: 120),
        .init("alle rechte vorbehalten", .contains, .credit, maximumLength: 120),
        .init("tous droits réservés", .contains, .credit, maximumLength: 120),
        .init("todos los derechos reservados", .contains, .credit, maximumLength: 120),
    ]

    /// Calls to act on the page (rate, log in, read on, load more), and the author box that ends a post.
    static let prompts: [PhraseRule] = [
        .init("about the author", .exact, .templateLabel, .endOfArticle),
        .init("über den autor", .exact, .templateLabel, .endOfArticle),
        .init("über die autorin", .exact, .templateLabel, .endOfArticle),
        .init("zum autor", .exact, .templateLabel, .endOfArticle),
        .init("à propos de l'auteur", .exact, .templateLabel, .endOfArticle),
        .init("sobre el autor", .exact, .templateLabel, .endOfArticle),
        .init("related coverage", .exact, .relatedList, .list),
        .init("mehr zum thema", .exact, .relatedList, .list),
        .init("ähnliche beiträge", .exact, .relatedList, .list),
        .init("ähnliche artikel", .exact, .relatedList, .list),
        .init("auch interessant", .exact, .relatedList, .list),
        .init("das könnte dich auch interessieren", .exact, .relatedList, .endOfArticle),
        .init("das thema könnte dich auch interessieren", .exact, .relatedList, .endOfArticle),
        .init("dies könnte sie auch interessieren", .exact, .relatedList, .endOfArticle),
        .init("vous aimerez aussi", .exact, .relatedList, .endOfArticle),
        .init("te puede interesar", .exact, .relatedList, .list),
        .init("min read", .contains, .templateLabel, maximumLength: 16),
        .init("was this article helpful", .prefix, .templateLabel),
        .init("war der artikel nützlich", .prefix, .templateLabel),
        .init("war dieser artikel hilfreich", .prefix, .templateLabel),
        .init("if you enjoyed reading this", .prefix, .subscribe, maximumLength: 160),
        .init("kommentieren", .exact, .commentPrompt), .init("kommentare schreiben", .exact, .commentPrompt),
        .init("kommentar schreiben", .exact, .commentPrompt),
        .init("sie müssen sich einloggen", .prefix, .commentPrompt, maximumLength: 120),
        .init("you must be logged in", .prefix, .commentPrompt, maximumLength: 120),
        .init("bitte registrieren sie sich", .prefix, .commentPrompt, maximumLength: 120),
        .init("weiterlesen", .exact, .relatedList), .init("lade weitere inhalte", .prefix, .relatedList),
        .init("load more", .exact, .relatedList), .init("mehr laden", .exact, .relatedList),
        .init("never miss the latest news", .prefix, .subscribe, maximumLength: 120),
        .init("newsletter abonnieren", .prefix, .subscribe), .init("jetzt abonnieren", .prefix, .subscribe),
        .init("mit unserem newsletter", .prefix, .subscribe, maximumLength: 120),
        .init("we want to hear what you think", .prefix, .templateLabel, maximumLength: 200),
        .init("jetzt teilen", .exact, .shareBar),
        .init("noch keine bewertungen", .contains, .templateLabel, maximumLength: 40),
        // Blog engines' post footers: when it was filed and under what.
        .init("this entry was posted", .prefix, .dateline, maximumLength: 200),
        .init("der beitrag wurde am", .prefix, .dateline, maximumLength: 200),
        .init("erstellt am", .prefix, .dateline, maximumLength: 160),
        .init("kategorie:", .prefix, .relatedList, maximumLength: 80),
        .init("kategorien:", .prefix, .relatedList, maximumLength: 80),
        .init("category:", .prefix, .relatedList, maximumLength: 80),
        .init("categories:", .prefix, .relatedList, maximumLength: 80),
        .init("tags:", .prefix, .relatedList, maximumLength: 120),
        .init("schlagwörter:", .prefix, .relatedList, maximumLength: 120),
        .init("suggested citation", .prefix, .credit, .endOfArticle, maximumLength: 300),
    ]

    /// Headings of a site's page template (digest sites wrap every story in the same ones).
    static let labels: [PhraseRule] = [
        .init("what's happened", .exact, .templateLabel),
        .init("what's behind the headline", .exact, .templateLabel),
        .init("what the papers say", .exact, .templateLabel),
        .init("how we got here", .exact, .templateLabel),
        .init("spot_img", .contains, .placeholder, maximumLength: 60),
        .init("skip to content", .exact, .templateLabel),
        .init("skip to main content", .exact, .templateLabel),
        .init("back to top", .exact, .templateLabel),
        .init("inhaltsverzeichnis", .exact, .templateLabel), .init("table of contents", .exact, .templateLabel),
        .init("rezept drucken", .exact, .templateLabel), .init("bild anzeigen", .exact, .templateLabel),
        .init("quellen ausblenden", .exact, .templateLabel), .init("externer inhalt", .exact, .templateLabel),
        // Update stamps: the date is the page's metadata, not a line of the story.
        .init("aktualisiert am", .prefix, .dateline, maximumLength: 60), .init("aktualisiert:", .prefix, .dateline, maximumLength: 60),
        .init("last modified:", .prefix, .dateline, maximumLength: 60), .init("last updated:", .prefix, .dateline, maximumLength: 60),
    ]

    /// What a site asks of its readers around the story: follow, donate, subscribe to read on, see
    /// what else it published. Short lines only, so a sentence of the story that mentions them stays.
    static let appeals: [PhraseRule] = [
        .init("follow us on", .prefix, .shareBar, maximumLength: 120), .init("síguenos en", .prefix, .shareBar, maximumLength: 120),
        .init("siguenos en", .prefix, .shareBar, maximumLength: 120), .init("folgen sie uns", .prefix, .shareBar, maximumLength: 120),
        .init("suivez-nous", .prefix, .shareBar, maximumLength: 120),
        .init("möchten sie den artikel teilen", .prefix, .shareBar), .init("artikel teilen", .exact, .shareBar),
        .init("to view the full story", .prefix, .subscribe, maximumLength: 160),
        .init("for the full story", .contains, .subscribe, maximumLength: 120),
        .init("möchten sie weiterlesen", .exact, .subscribe), .init("pour lire la suite", .prefix, .subscribe),
        .init("already a subscriber", .contains, .subscribe, maximumLength: 200),
        .init("jede kleine spende", .prefix, .subscribe, maximumLength: 160),
        .init("hazte miembro", .prefix, .subscribe, maximumLength: 120),
        .init("enthält affiliate links", .contains, .advertisement, maximumLength: 80),
        .init("affiliate-links", .contains, .advertisement, maximumLength: 80),
        .init("dieser beitrag enthält werbung", .contains, .advertisement, maximumLength: 120),
        .init("advertising disclosure", .exact, .advertisement),
        .init("zum weiterlesen", .exact, .relatedList), .init("neueste artikel", .exact, .relatedList),
        .init("schon gelesen", .exact, .relatedList), .init("lust auf mehr", .exact, .relatedList),
        .init("notas relacionadas", .exact, .relatedList), .init("top themen der redaktion", .exact, .relatedList),
        .init("vorschau auf den nächsten artikel", .exact, .relatedList), .init("zurück zum newsroom", .exact, .relatedList),
        .init("weitere informationen", .exact, .relatedList), .init("mehr zu ", .prefix, .relatedList, maximumLength: 40),
        .init("noch mehr ", .prefix, .relatedList, maximumLength: 40), .init("alle artikel zu", .prefix, .relatedList),
        .init("entdecke weitere", .prefix, .relatedList, maximumLength: 60),
        .init("unterstütze ", .prefix, .subscribe, maximumLength: 60), .init("unterstützen sie ", .prefix, .subscribe),
        // Spanish-language sites' "see:" links to other stories, set in the story's flow.
        .init("mira:", .prefix, .relatedList, maximumLength: 120), .init("mire:", .prefix, .relatedList, maximumLength: 120),
        .init("puedes ver:", .prefix, .relatedList, maximumLength: 120), .init("lee también", .prefix, .relatedList, maximumLength: 120),
        // Picture captions and source credits written as their own line.
        .init("quelle:", .prefix, .credit, maximumLength: 100), .init("abbildung", .prefix, .credit, maximumLength: 100),
    ]
}

/// ``BoilerplatePhrases/rules`` arranged for ``BoilerplatePhrases/firstMatch(_:)``: exact patterns by
/// text (String equality, as ``PhraseRule/matches(_:length:)`` uses), prefix rules in order, and the
/// "contains" rules by the first byte of their pattern, so one scan of a line tests them all.
struct PhraseIndex: Sendable {
    private let exact: [String: [Int]]
    /// The UTF-8 lengths an ASCII line equal to an exact pattern can have (the composed form's, to
    /// which `String` equality compares): most lines have none of them, and hashing every short line
    /// for the dictionary was a sixth of matching phrases.
    private let exactLengths: [Bool]
    let prefix: [Int]
    /// For each ASCII byte, the prefix rules a line starting with it can match, in rule order: a rule
    /// whose first Character is that byte alone matches no line that starts otherwise, and testing
    /// every prefix rule on every short line was a tenth of cleaning. Rules that start any other way
    /// are in every list.
    private let prefixByFirstByte: [[Int]]
    /// Rule index and length limit of each "contains" rule (at most 64 of them, one bit each), and
    /// their patterns one after another in one buffer, the n-th at `patternStarts[n]..<patternStarts[n + 1]`:
    /// an array per pattern was retained and released for every candidate position of every line.
    private let containingRules: [Int]
    private let containingLimits: [Int]
    private let patternBytes: [UInt8]
    private let patternStarts: [Int]
    /// For each byte value, the "contains" rules whose anchor byte it is, as bits; the anchor is the
    /// pattern's rarest byte in running text, at `anchorOffsets[bit]` in the pattern. Keyed by the first
    /// byte, most positions of a line started a comparison (most patterns start with a, s, t, p or w),
    /// and the scan was a tenth of cleaning.
    private let anchoredBy: [UInt64]
    private let anchorOffsets: [Int]
    /// Each "contains" rule's anchor byte (`anchoredBy` the other way round).
    private let anchorBytes: [UInt8]

    init(_ rules: [PhraseRule]) {
        var exact: [String: [Int]] = [:]
        var prefix: [Int] = []
        var containing: [(rule: Int, pattern: [UInt8], maximumLength: Int)] = []
        for (index, rule) in rules.enumerated() {
            switch rule.match {
            case .exact: exact[rule.pattern, default: []].append(index)
            case .prefix: prefix.append(index)
            case .contains: containing.append((index, Array(rule.pattern.utf8), rule.maximumLength))
            }
        }
        precondition(containing.count <= 64, "PhraseIndex keeps the contains rules in one 64-bit mask")
        var anchoredBy = [UInt64](repeating: 0, count: 256)
        var anchorOffsets = [Int](repeating: 0, count: containing.count)
        var anchorBytes = [UInt8](repeating: 0, count: containing.count)
        for (bit, entry) in containing.enumerated() where !entry.pattern.isEmpty {
            let offset = entry.pattern.indices.min { Self.commonness(entry.pattern[$0]) < Self.commonness(entry.pattern[$1]) }!
            anchorOffsets[bit] = offset
            anchorBytes[bit] = entry.pattern[offset]
            anchoredBy[Int(entry.pattern[offset])] |= 1 << UInt64(bit)
        }
        self.anchorBytes = anchorBytes
        self.exact = exact
        // ASCII is its own composed form: only the few other patterns need Foundation's mapping.
        let composedLengths = exact.keys.map { key in
            key.utf8.allSatisfy { $0 < 0x80 } ? key.utf8.count : key.precomposedStringWithCanonicalMapping.utf8.count
        }
        exactLengths = (0...(composedLengths.max() ?? 0)).map(composedLengths.contains)
        self.prefix = prefix
        containingRules = containing.map(\.rule)
        containingLimits = containing.map(\.maximumLength)
        patternBytes = containing.flatMap(\.pattern)
        patternStarts = containing.reduce(into: [0]) { starts, entry in starts.append(starts.last! + entry.pattern.count) }
        // Each rule's leading byte is worked out once, not once per byte value: the 128 passes over
        // the patterns' scalars were most of a one-page `search extract`'s phrase matching.
        let leads = prefix.map { Self.leadingByte(of: rules[$0].pattern) }
        prefixByFirstByte = (0..<128).map { byte in
            zip(prefix, leads).compactMap { rule, lead in lead == nil || lead == UInt8(byte) ? rule : nil }
        }
        self.anchoredBy = anchoredBy
        self.anchorOffsets = anchorOffsets
    }

    /// How often a byte occurs in lowercase running text, as a rank: space, then the letters by their
    /// frequency in English (which the other Latin-script languages roughly share), then digits and
    /// punctuation; the bytes of a non-ASCII character are rarer still, its continuation bytes most
    /// (a lead byte such as 0xC3 starts every é, ü and ç).
    private static func commonness(_ byte: UInt8) -> Int {
        // A static string's bytes, not an array made at each of the patterns' ~1,100 bytes.
        let order: StaticString = " etaoinsrhldcumfpgwybvkxjqz"
        let bytes = UnsafeBufferPointer(start: order.utf8Start, count: order.utf8CodeUnitCount)
        if let rank = bytes.firstIndex(of: byte) { return bytes.count + 3 - rank }
        return byte < 0x80 ? 2 : byte >= 0xC0 ? 1 : 0
    }

    /// The byte every line a prefix pattern matches starts with, when its first Character is one ASCII
    /// byte (the first scalar is ASCII but not a carriage return, and the second is ASCII or absent);
    /// nil when the pattern starts any other way.
    private static func leadingByte(of pattern: String) -> UInt8? {
        let scalars = pattern.unicodeScalars
        guard let first = scalars.first, first.isASCII, first != "\r", scalars.dropFirst().first.map(\.isASCII) ?? true
        else { return nil }
        return UInt8(first.value)
    }

    /// The exact rules whose pattern is the normalised line (`length` characters), in rule order.
    func exactRules(for normalized: String, length: Int) -> [Int] {
        // As many bytes as characters: the line is ASCII, and only a pattern as long can equal it.
        if normalized.utf8.count == length, length >= exactLengths.count || !exactLengths[length] { return [] }
        return exact[normalized] ?? []
    }

    /// The prefix rules worth testing on a normalised line, in rule order.
    func prefixRules(for normalized: String) -> [Int] {
        guard let first = normalized.utf8.first, first < 0x80 else { return prefix }
        return prefixByFirstByte[Int(first)]
    }

    /// The smallest rule index below `limit` among the "contains" rules that match, the same
    /// byte-for-byte test as ``String/UTF8View/containsBytes(of:)``.
    func earliestContaining(_ normalized: String, length: Int, before limit: Int) -> Int? {
        var active: UInt64 = 0
        for bit in containingRules.indices where containingRules[bit] < limit && length <= containingLimits[bit] {
            active |= 1 << UInt64(bit)
        }
        guard active != 0 else { return nil }
        var line = normalized
        if hasFewAnchors(active) {
            return line.withUTF8 { earliestContaining(in: $0, active: active) }
        }
        return line.withUTF8 { haystack -> Int? in
            anchoredBy.withUnsafeBufferPointer { anchoredBy in
                patternBytes.withUnsafeBufferPointer { patterns in
                    patternStarts.withUnsafeBufferPointer { starts in
                        var best: Int?
                        for position in haystack.indices {
                            var candidates = anchoredBy[Int(haystack[position])] & active
                            while candidates != 0 {
                                let bit = candidates.trailingZeroBitCount
                                candidates &= candidates - 1
                                let from = starts[bit]
                                let count = starts[bit + 1] - from
                                let start = position - anchorOffsets[bit]
                                guard start >= 0, count <= haystack.count - start else { continue }
                                var offset = 0
                                while offset < count && haystack[start + offset] == patterns[from + offset] { offset += 1 }
                                if offset >= count {
                                    // Bits follow rule order, so later bits can only find later rules.
                                    let rule = containingRules[bit]
                                    best = min(best ?? rule, rule)
                                    active &= ~(UInt64.max << UInt64(bit))
                                    candidates &= active
                                }
                            }
                            if active == 0 { break }
                        }
                        return best
                    }
                }
            }
        }
    }

    /// How many anchor bytes memchr looks for, at most, instead of one look-up per byte of the line.
    static let fewAnchors = 4

    /// Whether the active rules have at most ``fewAnchors`` anchor bytes among them: a long line, which
    /// only the few rules with long limits can match (cookie notices, comment prompts).
    private func hasFewAnchors(_ active: UInt64) -> Bool {
        var remaining = active
        for _ in 0..<Self.fewAnchors {
            guard remaining != 0 else { return true }
            remaining &= ~anchoredBy[Int(anchorBytes[remaining.trailingZeroBitCount])]
        }
        return remaining == 0
    }

    /// ``earliestContaining(_:length:before:)`` by jumping from one anchor byte to the next with memchr
    /// (a long line holds few of the rare bytes that anchor the long rules): each active rule is tested
    /// where its anchor is, as the byte-by-byte scan tests it, and the smallest matching rule wins.
    private func earliestContaining(in haystack: UnsafeBufferPointer<UInt8>, active: UInt64) -> Int? {
        guard let base = haystack.baseAddress else { return nil }
        var best: Int?
        var remaining = active
        while remaining != 0 {
            let anchor = anchorBytes[remaining.trailingZeroBitCount]
            var rules = anchoredBy[Int(anchor)] & remaining
            remaining &= ~rules
            var from = 0
            while rules != 0, from < haystack.count, let found = memchr(base + from, Int32(anchor), haystack.count - from) {
                let position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                var candidates = rules
                while candidates != 0 {
                    let bit = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    guard matches(bit, at: position, in: haystack) else { continue }
                    best = Swift.min(best ?? containingRules[bit], containingRules[bit])
                    rules &= ~(1 << UInt64(bit))
                }
                from = position + 1
            }
        }
        return best
    }

    /// Whether the pattern of "contains" rule `bit` is in the line with its anchor byte at `position`.
    private func matches(_ bit: Int, at position: Int, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = patternStarts[bit]
        let count = patternStarts[bit + 1] - from
        let start = position - anchorOffsets[bit]
        guard start >= 0, count <= haystack.count - start else { return false }
        for offset in 0..<count where haystack[start + offset] != patternBytes[from + offset] { return false }
        return true
    }
}

extension String.UTF8View {
    /// Byte substring search: Foundation's `contains` goes through NSString and dominated profiles.
    func containsBytes(of needle: String.UTF8View) -> Bool {
        // Native strings lend their bytes; copying both into arrays per rule per line was most of the cost.
        if let found = withContiguousStorageIfAvailable({ haystack in
            needle.withContiguousStorageIfAvailable { pattern in Self.contains(pattern, in: haystack) }
        }), let found {
            return found
        }
        return Array(self).withUnsafeBufferPointer { haystack in
            Array(needle).withUnsafeBufferPointer { Self.contains($0, in: haystack) }
        }
    }

    private static func contains(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pattern.isEmpty, pattern.count <= haystack.count else { return pattern.isEmpty }
        let first = pattern[0]
        for start in 0...(haystack.count - pattern.count) where haystack[start] == first {
            var matched = true
            for offset in 1..<pattern.count where haystack[start + offset] != pattern[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }
}

extension StringProtocol {
    /// Whether the text contains `needle`, byte for byte: Foundation's `contains` goes through
    /// locale-aware search and cost a tenth of reading a page.
    func hasBytes(_ needle: String) -> Bool { String(self).utf8.containsBytes(of: needle.utf8) }
}
