/// How sure ingestion is of an article's date; `search extract` shows it beside the date's origin.
///
/// - `high`: the page or record states it as the publication date (JSON-LD `datePublished`, a
///   `published_time` meta tag, front matter, a JSON Lines field), or two independent places agree.
/// - `medium`: a date element or byline of the page, the date in its URL, a dateline of the text.
/// - `low`: a fallback that may not be the publication day: a modified/updated date, a date in the
///   file name, the first date found in the text.
public enum DateConfidence: String, Sendable, Hashable, Codable, CaseIterable {
    case high, medium, low
}
