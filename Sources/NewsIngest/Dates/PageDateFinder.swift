import Foundation
import NewsDates

/// Decides an HTML page's publication date from everything the page says about dates.
///
/// The order follows what is most often right on real pages: what the page states as its
/// publication date in structured data (JSON-LD, meta tags, `itemprop`), then the date in its own URL,
/// then `<time>` elements and byline text in the page (outside comments, related lists, sidebars and
/// footers, whose dates belong to other things), and only then modified/updated dates. A day-level
/// date beats a month: a coarse date is kept only when nothing names the day.
struct PageDateFinder {
    struct Found {
        var date: ArticleDate
        var origin: DateOrigin
        var confidence: DateConfidence
    }

    /// Dates the page's structured data gave (filled by ``HTMLMetadata`` while it reads JSON-LD).
    var jsonLDPublished: ArticleDate?
    var jsonLDOtherPublished: ArticleDate?
    var jsonLDModified: ArticleDate?
    var meta: [String: String] = [:]
    /// The page's own addresses (canonical link, `og:url`, JSON-LD `url`), for a date in their path.
    var urls: [String] = []
    var language: String?
    /// The page's text, scripts included: apps keep the publication date in their state objects.
    var source = ""
    static let scriptKeys = [
        "datePublished", "publishedDate", "published_at", "publishDate", "pubDate", "publicationDate",
        "firstPublished", "date_published", "publishedAt", "createdAt", "created_at",
    ]

    static let publishedKeys = [
        "article:published_time", "article:published", "og:article:published_time", "og:published_time",
        "published_time", "article.published", "datepublished", "date_published", "publishdate", "publish-date",
        "publish_date", "published-date", "publication_date", "publicationdate", "pubdate", "og:pubdate",
        "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dc.date.created", "dcterms.created",
        "dc.created", "citation_publication_date", "citation_date", "citation_online_date", "parsely-pub-date",
        "sailthru.date", "article_date_original", "originalpublicationdate", "original-publish-date",
        "cxenseparse:recs:publishtime", "bt:pubdate", "rnews:datepublished", "displaydate", "release_date",
        "datecreated", "article:post_date", "shareaholic:article_published_time", "date", "created",
        "creation_date", "published",
    ]
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "article:modified", "datemodified", "dc.date.modified",
        "dcterms.modified", "last-modified", "lastmod", "modified", "updated_time", "revised",
    ]

    var dayFirst: Bool {
        let code = (language ?? "").lowercased()
        return !(code == "en-us" || code == "en_us")
    }

    func find(in root: HTMLElement) -> Found? {
        var coarse: Found?
        func consider(_ date: ArticleDate?, _ origin: DateOrigin, _ confidence: DateConfidence) -> Found? {
            guard let date else { return nil }
            let found = Found(date: date, origin: origin, confidence: confidence)
            if date.precision == .day { return found }
            if coarse == nil { coarse = found }
            return nil
        }
        let urlDates = urls.compactMap(Self.dateInURL)
        let urlDate = urlDates.first { $0.precision == .day } ?? urlDates.first
        let page = PageDates(root: root, dayFirst: dayFirst)
        let metaPublished = Self.firstDate(of: Self.publishedKeys, in: meta)
        let ordered: [(ArticleDate?, DateOrigin)] = [
            (jsonLDPublished, .jsonLD), (metaPublished, .metaTag), (page.itemprop, .metaTag),
            (jsonLDOtherPublished, .jsonLD),
        ]
        let metaModified = Self.firstDate(of: Self.modifiedKeys, in: meta)
        let stated = Set(
            [jsonLDPublished, metaPublished, page.itemprop, jsonLDOtherPublished, jsonLDModified, metaModified, page.modified]
                .compactMap { $0 })
        let shown = page.time.map { ($0, DateOrigin.timeElement) } ?? page.byline.map { ($0, DateOrigin.byline) }
        for (date, origin) in ordered {
            guard var found = consider(date, origin, .high) else { continue }
            // The date the page shows its readers, when the structured data knows it too (as its
            // modified date, say), is the day of the version the page is: a re-published article
            // keeps its first `datePublished` but says, and means, the new day.
            if let shown, shown.0.precision == .day, shown.0 != found.date, stated.contains(shown.0) {
                return Found(date: shown.0, origin: shown.1, confidence: .high)
            }
            // A bare meta tag is the CMS's; the date printed with the story is what the page says, when
            // it is near it (a re-dated story). Years apart, the date below the headline is another
            // story's (a teaser, a related link) and the meta tag stands.
            if origin == .metaTag, jsonLDPublished == nil, let below = page.belowHeadline, below.precision == .day,
                below != found.date, found.date.precision != .day || below.daysApart(from: found.date) <= Self.redatingWindow
            {
                return Found(date: below, origin: page.time == below ? .timeElement : .byline, confidence: .medium)
            }
            // The URL's day is independent of the markup: when it disagrees, it was the day the
            // article first went out (the markup's date is often a re-publication's).
            if let urlDate, urlDate.precision == .day, urlDate != found.date, urlDate < found.date {
                found = Found(date: urlDate, origin: .url, confidence: .medium)
            }
            return found
        }
        // The URL's day and the page's own date element agree: the element, and sure of it.
        if let urlDate, urlDate.precision == .day {
            if page.time == urlDate { return Found(date: urlDate, origin: .timeElement, confidence: .high) }
            if page.byline == urlDate { return Found(date: urlDate, origin: .byline, confidence: .high) }
        }
        if let found = consider(urlDate, .url, .medium) { return found }
        if var found = consider(page.time, .timeElement, .medium) {
            if page.byline == found.date { found.confidence = .high }
            return found
        }
        if let found = consider(page.byline, .byline, .medium) { return found }
        let modified = jsonLDModified ?? metaModified ?? page.modified
        if let found = consider(modified, .metaTag, .low) { return found }
        // Last: a publication date in the page's script data (`"publishedDate":"2016-11-04T…"`).
        for key in Self.scriptKeys {
            if let raw = Self.scriptValue(of: key, in: source), let found = consider(Self.parseValue(raw), .scriptData, .low) {
                return found
            }
        }
        if let found = page.textDate(within: coarse?.date) {
            return Found(date: found, origin: .pageText, confidence: .low)
        }
        return coarse
    }

    /// The ISO date after `key` in script data, quoted plainly or escaped inside a string (`\"key\":\"…`).
    ///
    /// Searched over the UTF-8 bytes: the page's whole source is scanned once per key, and a
    /// Foundation `range(of:)` (a UTF-16 copy of the page each time) was a fifth of extraction's time.
    static func scriptValue(of key: String, in source: String) -> String? {
        var source = source
        return source.withUTF8 { bytes in scriptValue(of: Array(key.utf8), in: bytes) }
    }

    private static func scriptValue(of key: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !key.isEmpty, bytes.count > key.count else { return nil }
        // A byte loop over a page's scripts, once per key, was a twentieth of a one-page `extract`.
        var index = 0
        while let start = key.withUnsafeBufferPointer({ bytes.firstOccurrence(of: $0, from: index) }) {
            index = start + 1
            var cursor = start + key.count
            var sawColon = false
            var count = 0
            while cursor < bytes.count, isSeparator(bytes[cursor]), count <= 8 {
                if bytes[cursor] == 0x3A { sawColon = true }
                cursor += 1
                count += 1
            }
            guard sawColon, count <= 8 else { continue }
            let valueStart = cursor
            while cursor < bytes.count, isValueByte(bytes[cursor]) { cursor += 1 }
            if cursor - valueStart >= 10 { return String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<cursor]), as: UTF8.self) }
        }
        return nil
    }

    /// Between a key and its value: \ " ' : space.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x5C || byte == 0x22 || byte == 0x27 || byte == 0x3A || byte == 0x20
    }

    /// In an ISO date or time: digits and - T : + . Z.
    private static func isValueByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x54 || byte == 0x3A || byte == 0x2B || byte == 0x2E || byte == 0x5A
    }

    /// The date of the first of `keys` whose meta value parses. A loop, not a lazy chain: the chain's
    /// generic types cost a process two scans of the runtime's conformance table on first use.
    static func firstDate(of keys: [String], in meta: [String: String]) -> ArticleDate? {
        for key in keys {
            if let raw = meta[key], let date = parseValue(raw) { return date }
        }
        return nil
    }

    /// How far the date printed below the headline may be from a meta tag's and still be the same story's.
    static let redatingWindow = 62

    static func parseValue(_ raw: String) -> ArticleDate? {
        DateExtractor.parse(raw, contextYear: nil, lenient: true, dayFirst: true)
    }

    /// `/2024/05/17/`, `/2024-05-17-title`, `/20240517/`: a day in the path of the page's URL.
    static func dateInURL(_ url: String) -> ArticleDate? {
        var path = Substring(url)
        if let scheme = path.range(of: "://") { path = path[scheme.upperBound...] }
        guard let slash = path.firstIndex(of: "/") else { return nil }
        path = path[slash...]
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let parts = path.split(separator: "/")
        for (index, part) in parts.enumerated() {
            // One part: 2024-05-17-title, 2024_05_17, 20240517.
            let leading = part.prefix { $0.isASCIIDigit }
            if leading.count == 8, let date = DateExtractor.ymd(leading.prefix(4), leading.dropFirst(4).prefix(2), leading.suffix(2)) {
                return date
            }
            if leading.count == 4, let date = DateExtractor.parse(String(part.prefix(10))), date.precision == .day,
                part.count == 10 || !part.dropFirst(10).first!.isASCIIDigit
            {
                return date
            }
            // One part, day first: /meldungen/29-10-2021.
            if leading.count <= 2, let date = NumericDates.first(in: String(part), lenient: false, dayFirst: true),
                date.precision == .day, part.count <= 10
            {
                return date
            }
            // Parts: /2024/05/17/ or /2024/05/title.
            guard part.count == 4, part.allSatisfy(\.isASCIIDigit), let year = Int(part), (1990...2100).contains(year),
                index + 1 < parts.count
            else { continue }
            let monthPart = parts[index + 1]
            guard (1...2).contains(monthPart.count), monthPart.allSatisfy(\.isASCIIDigit), let month = Int(monthPart),
                (1...12).contains(month)
            else { continue }
            if index + 2 < parts.count {
                let dayPart = parts[index + 2]
                let digits = dayPart.prefix { $0.isASCIIDigit }
                // "/2023/10/3-fragen-an-…" is a slug that starts with a number, not the 3rd.
                let rest = dayPart.dropFirst(digits.count)
                let isDay = rest.isEmpty || (digits.count == 2 && !rest.first!.isLetter && !rest.first!.isASCIIDigit)
                if isDay, (1...2).contains(digits.count),
                    let day = Int(digits), let date = ArticleDate(year: year, month: month, day: day)
                {
                    return date
                }
            }
            return ArticleDate(year: year, month: month)
        }
        return nil
    }
}
