/// Documents that hold articles in a form NewsSearch does not read, told by their first bytes, so that
/// the skip names the problem and the way out ("binary file" says neither; a PDF without a NUL in its
/// first block would even be read as text, titled `%PDF-1.7`).
public enum UnsupportedDocument: Sendable, Equatable, CustomStringConvertible {
    case pdf, rtf, zip, wordBinary, tar, sevenZip
    /// Compressed other than by gzip (which is read as it is): the tool that expands it.
    case compressed(format: String, tool: String)

    init?(_ data: some Collection<UInt8>) {
        let head = Array(data.prefix(8))
        func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
        if starts(Array("%PDF-".utf8)) { self = .pdf }
        else if starts(Array("{\\rtf".utf8)) { self = .rtf }
        else if starts([0x50, 0x4B, 0x03, 0x04]) { self = .zip }
        else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { self = .wordBinary }
        else if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { self = .sevenZip }
        else if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { self = .compressed(format: "xz", tool: "unxz -k FILE") }
        // "BZh", the block size, then the first block's magic (the digits of pi in BCD).
        else if starts(Array("BZh".utf8)), Array(data.dropFirst(4).prefix(6)) == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] {
            self = .compressed(format: "bzip2", tool: "bunzip2 -k FILE")
        }
        else if starts([0x28, 0xB5, 0x2F, 0xFD]) { self = .compressed(format: "zstd", tool: "unzstd FILE") }
        // POSIX tar: "ustar" at byte 257 of the first header block.
        else if Array(data.dropFirst(257).prefix(5)) == Array("ustar".utf8) { self = .tar }
        else { return nil }
    }

    public var description: String {
        switch self {
        case .pdf: "a PDF document: extract its text first (e.g. `pdftotext FILE`) and index the .txt"
        case .rtf: "an RTF document: save it as plain text or HTML first"
        case .zip:
            "a ZIP archive (or a .docx/.odt/.xlsx document): `search index` reads the files in an archive named .zip or .wacz; to see one, unpack it; save a document as text or HTML"
        case .wordBinary: "an old Office document (.doc/.xls): save it as text or HTML first"
        case .tar: "a tar archive: unpack it first (`tar xf FILE`) and index the folder"
        case .sevenZip: "a 7-Zip archive: unpack it first (`7z x FILE`) and index the folder"
        case .compressed(let format, let tool):
            "a file compressed with \(format): decompress it first (`\(tool)`), or compress it with gzip, which is read as it is"
        }
    }
}
