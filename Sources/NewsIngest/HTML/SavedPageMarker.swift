/// The address a browser or extension wrote into a page it saved: Chrome's and Internet Explorer's
/// `<!-- saved from url=(0047)https://… -->`, SingleFile's `url: https://…` in its opening comment.
/// Pages saved as "HTML only" often declare no address of their own, and then their outlet was the
/// folder's name and the date in their path was lost.
enum SavedPageMarker {
    /// Only the top of the page is looked at: the markers are written before or just after `<html>`.
    static func address(in source: String) -> String? {
        let head = source.utf8.prefix(2048)
        var rest: Substring.UTF8View.SubSequence
        if let start = head.firstRange(of: "saved from url=(".utf8)?.upperBound,
            let close = head[start...].firstIndex(of: UInt8(ascii: ")"))
        {
            // `(0047)`: the address's length, written before it.
            rest = head[head.index(after: close)...]
        } else if let start = head.firstRange(of: "Page saved with SingleFile".utf8)?.upperBound,
            let label = head[start...].prefix(200).firstRange(of: "url:".utf8)?.upperBound
        {
            rest = head[label...].drop { $0 == 0x20 || $0 == 0x09 }
        } else {
            return nil
        }
        let end = rest.firstIndex { $0 <= 0x20 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\"") } ?? rest.endIndex
        let address = String(decoding: rest[..<end], as: UTF8.self)
        return PageAddress.isAbsolute(address) ? address : nil
    }
}
