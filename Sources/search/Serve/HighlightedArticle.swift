import NewsQuery

/// `show --json`'s article plus `highlights`: `{"title": [[start, end]…], "body": […]}`, offsets in
/// Unicode scalars as in a hit's snippet. The article's own keys come first-class, not nested, so a
/// client reads one shape with or without a query.
struct HighlightedArticle: Encodable {
    var article: ShowCommand.ArticleJSON
    var highlights: Highlights

    struct Highlights: Encodable {
        var title: [[Int]]
        var body: [[Int]]

        init(title: [Range<Int>], body: [Range<Int>]) {
            self.title = title.map { [$0.lowerBound, $0.upperBound] }
            self.body = body.map { [$0.lowerBound, $0.upperBound] }
        }
    }

    enum Key: String, CodingKey { case highlights }

    func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(highlights, forKey: .highlights)
    }
}
