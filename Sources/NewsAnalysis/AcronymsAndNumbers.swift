/// Dotted acronyms and numbers with separators, decided segment by segment.
///
/// - `U.S.`, `U.K.`, `N.A.T.O.`: single letters joined by dots collapse to `us`, `uk`, `nato`; the
///   final dot belongs to the token's range. A dot followed by a space never joins, so `end. Next`
///   stays two words, and `end.Next` (two multi-letter words) splits too.
/// - `3.5` and `10.04.2025` stay one token with their dots; `1,000` and `1,234,567.89` drop the
///   thousands commas (`1000`, `1234567.89`). A comma joins only a group of exactly three digits
///   after a first group of at most three, so the list `1,2` splits.
enum AcronymsAndNumbers {
    /// The kind of the unit once `segment` joins it through `connector`, or nil if it does not join.
    static func joinKind(
        _ unit: Unit, _ segment: Segment, connector: UInt8, _ segments: UnsafeMutablePointer<Segment>
    ) -> Unit.Kind? {
        let isDigits = segment.hasDigit && !segment.hasLetter && !segment.nonASCII
        if connector == UInt8(ascii: ".") {
            if isSingleLetter(segment) {
                if unit.kind == .acronym { return .acronym }
                if unit.kind == .word, unit.firstSegment == unit.lastSegment,
                    isSingleLetter(segments[unit.firstSegment])
                {
                    return .acronym
                }
            }
            if isDigits, unit.kind == .number { return .number }
            return nil
        }
        if connector == UInt8(ascii: ","), unit.kind == .number, !unit.hasDot, isDigits, segment.foldLength == 3,
            segments[unit.firstSegment].foldLength <= 3
        {
            return .number
        }
        return nil
    }

    @inline(__always) static func isSingleLetter(_ segment: Segment) -> Bool {
        segment.foldLength == 1 && segment.hasLetter && !segment.hasDigit
    }
}
