/// Where an article's date came from, best first; `search extract` shows it so a user can see why.
public enum DateOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    /// A `date` field in front matter.
    case frontMatter
    /// A `date` field in a JSON Lines record (or an object of a JSON array).
    case jsonLines
    /// A `date` column of a CSV or TSV row.
    case tableRow
    /// An item's `pubDate` (RSS), `published` (Atom) or `dc:date` in a news feed.
    case feed
    /// The `Date:` a saved e-mail (a newsletter, an alert) was sent.
    case message
    /// `datePublished` (else `dateCreated`) of a JSON-LD `NewsArticle`/`Article`.
    case jsonLD
    /// An `article:published_time`-style `<meta>` tag.
    case metaTag
    /// A `<time datetime>` element in the page.
    case timeElement
    /// A date in the path of the page's own URL (canonical link, `og:url`): `/2024/05/17/`.
    case url
    /// A byline or date line of the page, found by its class or id ("posted on 17. Mai 2024").
    case byline
    /// A publication date in the data of the page's scripts (`"publishedDate": "2016-11-04T…"`).
    case scriptData
    /// The first full date in a short line of an HTML page that marks none (a last resort).
    case pageText
    /// A date line or dateline in the first lines of the text.
    case header
    /// A date in the file name or its folders (`2025-04-10-rutte.md`, `2025/04/10/`).
    case fileName
}

/// Where an article's source came from, best first.
public enum SourceOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    case frontMatter
    case jsonLines
    /// A `source` column of a CSV or TSV row.
    case tableRow
    /// The title of the news feed an item came from.
    case feed
    /// The sender's name of a saved e-mail.
    case message
    /// `publisher.name` of a JSON-LD article.
    case jsonLD
    /// `og:site_name` (or `application-name`).
    case siteName
    /// The host of the article's URL, mapped to an outlet name when it is a known one.
    case urlHost
    /// Supplied by the caller (`search index --source NAME`).
    case defaultSource
    /// The name of the folder holding the file, supplied by the caller.
    case folderName
}
