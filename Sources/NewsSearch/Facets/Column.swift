import CMemoryHints

/// A read-only array of fixed-width integers inside ``ColumnBytes``, indexed like an array and never
/// copied: a query reads the elements it needs straight from the mapped columns file.
struct Column<Element: FixedWidthInteger>: RandomAccessCollection, @unchecked Sendable {
    // Sendable: the elements never change, and `owner` keeps them alive as long as this value lives.
    private let base: UnsafePointer<Element>?
    let count: Int
    private let owner: ColumnBytes

    /// `count` elements at byte `offset` of `owner`; the caller has checked they fit and are aligned.
    init(_ owner: ColumnBytes, offset: Int, count: Int) {
        self.owner = owner
        self.count = count
        base = count == 0 ? nil : (owner.bytes.baseAddress! + offset).bindMemory(to: Element.self, capacity: count)
    }

    /// A column over a copy of `values`, for columns built in this process rather than mapped.
    init(copying values: [Element]) {
        self.init(ColumnBytes(copying: ColumnFile.bytes(values)), offset: 0, count: values.count)
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    @inline(__always)
    subscript(position: Int) -> Element { base.unsafelyUnwrapped[position] }

    /// Starts loading the element at `position` into the cache without waiting for it; a position
    /// outside the column is ignored.
    @inline(__always)
    func prefetch(_ position: Int) {
        guard position >= 0, position < count, let base else { return }
        newssearch_prefetch(base + position)
    }
}

/// Short strings stored end to end with their start offsets (`offsets` has one more entry than there
/// are strings), made into `String`s only when read: the dates of the date facet and filters.
struct TextColumn: RandomAccessCollection, Sendable {
    let offsets: Column<UInt32>
    let text: Column<UInt8>

    var startIndex: Int { 0 }
    var endIndex: Int { Swift.max(offsets.count - 1, 0) }

    /// Offsets out of order or past the text (a damaged file) read as an empty string, never past the end.
    subscript(position: Int) -> String {
        let start = Swift.min(Int(offsets[position]), text.count)
        let end = Swift.min(Swift.max(Int(offsets[position + 1]), start), text.count)
        return String(decoding: (start..<end).map { text[$0] }, as: UTF8.self)
    }

    /// The offsets and text of `strings`, for the columns file.
    static func encode(_ strings: [String]) -> (offsets: [UInt32], text: [UInt8]) {
        var offsets: [UInt32] = [0]
        var text: [UInt8] = []
        for string in strings {
            text.append(contentsOf: string.utf8)
            offsets.append(UInt32(text.count))
        }
        return (offsets, text)
    }
}
