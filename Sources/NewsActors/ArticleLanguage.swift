import NewsAnalysis

/// The language an article is written in, and so which of the extractor's rules may run on it.
///
/// English capitalises names and little else, so a capitalised run there is evidence of a name.
/// German capitalises every noun ("Zum Beispiel", "Das Ergebnis"), and other languages capitalise
/// months, days or nothing at all in ways the English rules misread. So the capitalisation rules run
/// on English, and on text whose language is unknown but that looks English (no language declared
/// and none guessed: a headline, a list of names); elsewhere only known names count: the gazetteer
/// (countries in many languages), the user's dictionary, and the names the input itself gives.
public struct ArticleLanguage: Sendable, Hashable {
    public enum Origin: String, Sendable {
        /// The page or record said so (`<html lang>`, `og:locale`, a `language` field).
        case declared
        /// Guessed from the text by ``LanguageIdentifier``.
        case detected
        /// Neither: too little text to tell.
        case unknown
    }

    /// ISO 639-1 code, nil when unknown.
    public let code: String?
    public let origin: Origin

    /// The language `text` is written in, by its words when they tell, else as declared (a tag such
    /// as "de-DE"). Text outvotes the declaration: of the 881 trafilatura-eval pages that declare a
    /// language, 16 declare English (a CMS default) over German text; the guess agreed with the other 846.
    public init(declared: String?, text: String) {
        let guess = LanguageIdentifier.identify(text)
        if let declared, let code = LanguageIdentifier.primaryCode(of: declared), guess == nil || guess == code {
            self.code = code
            origin = .declared
        } else if let guess {
            code = guess
            origin = .detected
        } else {
            code = nil
            origin = .unknown
        }
    }

    public init(code: String?, origin: Origin) {
        self.code = code
        self.origin = origin
    }

    /// Whether capitals mark names: English, or a text too short to tell.
    public var capitalsMarkNames: Bool { code == nil || code == "en" }
}
