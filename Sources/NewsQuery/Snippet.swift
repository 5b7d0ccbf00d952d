/// A passage of an article with the matched words marked, as data: renderers add the markup.
///
/// `highlights` are `[start, end)` offsets in Unicode scalars into `text` (as Python counts).
public struct Snippet: Sendable, Hashable, Codable {
    public var text: String
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }
}
