/// Possessives: `Japan's`, `NATO’s` and `allies'` index as the bare word.
///
/// The scanner maps `’` (and `ʼ`) to `'`. A final `'s` segment is dropped from the term but kept in
/// the byte range, so the highlight covers `Japan's`. A trailing apostrophe (`allies'`) is never a
/// connector, so it simply ends the word. Other inner apostrophes join (`don't` → `dont`,
/// `O'Brien` → `obrien`), the same way on both sides.
enum Possessives {
    /// True when `segment`, which follows an apostrophe, is the possessive `s`.
    @inline(__always) static func isPossessive(_ segment: Segment, fold: UnsafeMutablePointer<UInt8>, isLast: Bool)
        -> Bool
    {
        segment.foldLength == 1 && fold[segment.foldStart] == UInt8(ascii: "s")
    }
}
