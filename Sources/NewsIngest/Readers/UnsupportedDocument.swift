/// Documents that hold articles in a form NewsSearch does not read, told by their first bytes, so that
/// the skip names the problem and the way out ("binary file" says neither; a PDF without a NUL in its
/// first block would even be read as text, titled `%PDF-1.7`).
public enum UnsupportedDocument: Sendable, Equatable, CustomStringConvertible {
    case pdf, rtf, zip, wordBinary

    init?(_ data: some Collection<UInt8>) {
        let head = Array(data.prefix(8))
        func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
        if starts(Array("%PDF-".utf8)) { self = .pdf }
        else if starts(Array("{\\rtf".utf8)) { self = .rtf }
        else if starts([0x50, 0x4B, 0x03, 0x04]) { self = .zip }
        else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { self = .wordBinary }
        else { return nil }
    }

    public var description: String {
        switch self {
        case .pdf: "a PDF document: extract its text first (e.g. `pdftotext FILE`) and index the .txt"
        case .rtf: "an RTF document: save it as plain text or HTML first"
        case .zip: "a ZIP archive (or a .docx/.odt/.xlsx document): unpack it, or save the document as text or HTML"
        case .wordBinary: "an old Office document (.doc/.xls): save it as text or HTML first"
        }
    }
}
