/// A stretch of article text made into one line for a snippet, with the map from its source bytes to
/// scalar offsets in the line, so highlights computed on the source land on the same words.
///
/// Every run of line breaks and tabs (with the spaces around it) becomes one space: paragraphs read
/// as sentences. Plain runs of spaces are kept as they are.
struct Passage {
    private(set) var text = ""
    /// For each byte of the source (and one past its end), the scalar offset in `text` it maps to.
    private var offsets: [Int]

    init(_ bytes: ArraySlice<UInt8>) {
        offsets = [Int](repeating: 0, count: bytes.count + 1)
        var scalars = String.UnicodeScalarView()
        // Kept by hand: the view's own count walks the whole string.
        var count = 0
        var pendingBreak = false
        var byte = 0
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if Self.isBreak(scalar) {
                // Spaces before the break fold into it; so do the ones after (below).
                while scalars.last == " " {
                    scalars.removeLast()
                    count -= 1
                }
                pendingBreak = true
            } else if !(pendingBreak && scalar == " ") {
                if pendingBreak {
                    scalars.append(" ")
                    count += 1
                }
                pendingBreak = false
            }
            let width = UTF8.width(scalar)
            for k in byte..<min(byte + width, bytes.count) { offsets[k] = count }
            if !pendingBreak {
                scalars.append(scalar)
                count += 1
            }
            byte += width
        }
        if pendingBreak {
            scalars.append(" ")
            count += 1
        }
        offsets[bytes.count] = count
        text = String(scalars)
    }

    /// The scalar offset in ``text`` of the source byte at `byte` (0-based in the source slice).
    func scalarOffset(ofByte byte: Int) -> Int { offsets[min(max(byte, 0), offsets.count - 1)] }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
