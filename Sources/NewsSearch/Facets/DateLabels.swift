import NewsDates
import NewsQuery
import Synchronization

/// The parsed date of each distinct stored date of one ``FacetColumns``, made the first time a
/// histogram needs it and kept as long as the columns. A broad query's matches span thousands of
/// distinct dates (9,114 in the realistic 200,000-article corpus), and decoding and parsing each of
/// them again on every query was a seventh of the time of a word in a fifth of the articles; making
/// a label (a `String`) for each and comparing and hashing the labels was still 3% of a broad word's.
final class DateLabels: Sendable {
    /// Per date code: nil until parsed; then the date, or nil inside for a stored date that does not
    /// parse (left out of the histogram).
    private let entries: Mutex<[ArticleDate??]>

    init(count: Int) {
        entries = Mutex([ArticleDate??](repeating: nil, count: max(count, 0)))
    }

    /// The histogram of `counts` (per date code of `texts`) and `unknown` undated articles.
    func histogram(_ counts: [Int], unknown: Int, bucket: SearchRequest.Bucket, texts: TextColumn) -> DateHistogram {
        let dated = entries.withLock { entries in
            var dated: [(date: ArticleDate, count: Int)] = []
            for code in counts.indices where counts[code] > 0 && code < entries.count {
                if entries[code] == nil { entries[code] = .some(ArticleDate(parsing: texts[code])) }
                guard let date = entries[code]! else { continue }
                dated.append((date, counts[code]))
            }
            return dated
        }
        return DateHistogram(dated: dated, unknown: unknown, bucket: bucket) { index, bucket in
            DateHistogram.bar(of: dated[index].date, in: bucket)
        }
    }
}
