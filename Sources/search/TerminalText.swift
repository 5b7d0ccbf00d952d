/// What a terminal may receive: the one place human-readable output is made safe, applied by
/// ``StandardOutput`` and ``Console`` to everything they write, so no renderer can forget it.
///
/// Article text, ids, paths and queries are untrusted: an `ESC]0;…BEL` in a title would retitle the
/// terminal, `ESC[2J` clear it, a U+202E reverse what follows. So, as ripgrep and git do, every
/// control character is shown as a visible escape (`\x1b`, `\r`, `\x7f`, `\u{9b}`), and so are the
/// bidirectional overrides and isolates (`\u{202e}`). Newlines and tabs stay: bodies are laid out
/// with them.
///
/// Our own colours cannot be written as ESC then, so ``Style`` writes ``escape`` instead: a run of
/// private-use scalars drawn at random for each process, which text from an article cannot hold, and
/// which ``safe(_:)`` turns back into ESC after everything else has been escaped.
enum TerminalText {
    static let escape: String = {
        var generator = SystemRandomNumberGenerator()
        // Four distinct scalars: a run with no repeated scalar cannot overlap itself, so a partial
        // run in the text before a real one cannot complete a false match.
        var scalars: [Unicode.Scalar] = []
        while scalars.count < 4 {
            let scalar = Unicode.Scalar(UInt32.random(in: 0x10_0000...0x10_FFFD, using: &generator))!
            if !scalars.contains(scalar) { scalars.append(scalar) }
        }
        return String(String.UnicodeScalarView(scalars))
    }()

    /// `text` with every control character and bidi override escaped, and ``escape`` turned into ESC.
    static func safe(_ text: String) -> String {
        guard mayNeedChanges(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let escaped = visible(scalar) {
                result.append(contentsOf: escaped.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        let escaped = String(result)
        return escaped.contains(escape) ? escaped.replacingOccurrences(of: escape, with: "\u{1B}") : escaped
    }

    /// A byte scan that clears most text at once (a 10 MB `analyze` line in milliseconds): no C0
    /// control but newline and tab, no DEL, and no lead byte of C1 (C2), of U+202A-U+2069 (E2) or of
    /// the planes ``escape`` comes from (F4).
    static func mayNeedChanges(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            bytes.contains { byte in
                (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xF4
            }
        }
    }

    /// The visible form of a scalar a terminal would act on, or nil when it may be shown as it is.
    static func visible(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A, 0x09: nil
        case 0x0D: "\\r"
        case 0x00...0x1F, 0x7F: "\\x" + hex(scalar.value, width: 2)
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: "\\u{" + hex(scalar.value, width: 1) + "}"
        default: nil
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension String {
    /// For fields a layout shows on one line (titles, sources, ids, paths, names): line breaks and
    /// tabs become spaces, so an article cannot draw a line that looks like another hit. The output
    /// layer escapes everything else.
    var oneLine: String {
        guard utf8.contains(where: { (0x09...0x0D).contains($0) || $0 == 0xC2 || $0 == 0xE2 }) else { return self }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x85, 0x2028, 0x2029: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
