/// The address a browser or extension wrote into a page it saved: Chrome's and Internet Explorer's
/// `<!-- saved from url=(0047)https://… -->`, SingleFile's `url: https://…` in its opening comment.
/// Pages saved as "HTML only" often declare no address of their own, and then their outlet was the
/// folder's name and the date in their path was lost.
enum SavedPageMarker {
    /// Only the top of the page is looked at: the markers are written before or just after `<html>`.
    static let headLength = 2048

    static func address(in source: String) -> String? {
        var source = source
        // Over the bytes (``firstOccurrence(of:from:to:)``): the standard library's generic `firstRange(of:)`
        // cost a page without a marker 6.5 M instructions, ~1,600 for each byte it looked at.
        return source.withUTF8 { whole -> String? in
            let head = UnsafeBufferPointer(rebasing: whole.prefix(headLength))
            var start: Int
            if let marker = end(of: "saved from url=(", in: head, from: 0, to: head.count),
                let close = head[marker...].firstIndex(of: UInt8(ascii: ")"))
            {
                // `(0047)`: the address's length, written before it.
                start = close + 1
            } else if let marker = end(of: "Page saved with SingleFile", in: head, from: 0, to: head.count),
                let label = end(of: "url:", in: head, from: marker, to: min(marker + 200, head.count))
            {
                start = label
                while start < head.count, head[start] == 0x20 || head[start] == 0x09 { start += 1 }
            } else {
                return nil
            }
            var end = start
            while end < head.count, head[end] > 0x20, head[end] != UInt8(ascii: "<"), head[end] != UInt8(ascii: "\"") { end += 1 }
            let address = String(decoding: UnsafeBufferPointer(rebasing: head[start..<end]), as: UTF8.self)
            return PageAddress.isAbsolute(address) ? address : nil
        }
    }

    /// Where the first `needle` in `bytes[from..<to]` ends.
    private static func end(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return bytes.firstOccurrence(of: pattern, from: from, to: to).map { $0 + pattern.count }
    }
}
