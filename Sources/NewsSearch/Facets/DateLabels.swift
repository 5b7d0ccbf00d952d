import NewsDates
import NewsQuery
import Synchronization

/// The parsed date and the bucket labels of each distinct stored date of one ``FacetColumns``, made
/// the first time a histogram needs them and kept as long as the columns. A broad query's matches span
/// thousands of distinct dates (9,114 in the realistic 200,000-article corpus), and decoding, parsing
/// and labelling each of them again on every query was a seventh of the time of a word in a fifth
/// of the articles.
final class DateLabels: Sendable {
    private struct Entry {
        /// Nil for a stored date that does not parse: it is left out of the histogram.
        let date: ArticleDate?
        /// Per ``DateBucket`` (in `allCases` order), the bucket's label, once made.
        var labels: [String?] = [nil, nil, nil]
    }

    private let entries: Mutex<[Entry?]>

    init(count: Int) {
        entries = Mutex([Entry?](repeating: nil, count: max(count, 0)))
    }

    /// The histogram of `counts` (per date code of `texts`) and `unknown` undated articles.
    func histogram(_ counts: [Int], unknown: Int, bucket: SearchRequest.Bucket, texts: TextColumn) -> DateHistogram {
        entries.withLock { entries in
            var dated: [(date: ArticleDate, count: Int)] = []
            var codes: [Int] = []
            for code in counts.indices where counts[code] > 0 && code < entries.count {
                if entries[code] == nil { entries[code] = Entry(date: ArticleDate(parsing: texts[code])) }
                guard let date = entries[code]?.date else { continue }
                dated.append((date, counts[code]))
                codes.append(code)
            }
            return DateHistogram(dated: dated, unknown: unknown, bucket: bucket) { index, bucket in
                let code = codes[index], slot = DateBucket.allCases.firstIndex(of: bucket)!
                if let label = entries[code]?.labels[slot] { return label }
                let label = DateHistogram.label(of: dated[index].date, in: bucket)
                entries[code]?.labels[slot] = label
                return label
            }
        }
    }
}
