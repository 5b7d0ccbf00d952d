import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Decodes the legacy encodings pages still declare that Foundation on Linux does not know (GBK and
/// GB18030, Big5, EUC-KR, KOI8-R/U, the ISO-8859 and windows code pages, Thai) through the C library's
/// iconv. A Chinese page in `gb2312` or a Russian one in `koi8-r` was read as windows-1252: every
/// title, snippet and actor of it mojibake.
enum LegacyEncoding {
    /// The text, or nil when the label names no encoding iconv has. A byte sequence the encoding does
    /// not define becomes U+FFFD and decoding goes on, as a browser does.
    static func decode(_ data: Data, label: String) -> String? {
        guard let name = iconvName(label) else { return nil }
        let converter = iconv_open("UTF-8", name)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 2)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var consumed = 0
        while consumed < input.count {
            let (read, written, failed) = input.withUnsafeMutableBufferPointer { source in
                chunk.withUnsafeMutableBufferPointer { target in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(source.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = source.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let code = result == -1 ? errno : 0
                    return (source.count - consumed - inLeft, target.count - outLeft, code)
                }
            }
            output.append(contentsOf: chunk[0..<written])
            consumed += read
            switch failed {
            case 0, E2BIG: continue
            default:
                // EILSEQ or EINVAL (a sequence cut off at the end): one byte is replaced, the rest read on.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                consumed += 1
                _ = iconv(converter, nil, nil, nil, nil)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The iconv name for a page's charset label; labels browsers read as a superset map to it
    /// (`gb2312` is read as GB18030, `euc-kr` as its Windows extension), as the WHATWG Encoding
    /// Standard has it.
    static func iconvName(_ label: String) -> String? {
        switch label {
        case "gb2312", "gbk", "x-gbk", "gb18030", "chinese", "csgb2312", "gb_2312-80", "gb_2312", "iso-ir-58", "cp936": return "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5": return "BIG5-HKSCS"
        case "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "korean", "windows-949", "cp949", "csksc56011987": return "CP949"
        case "koi8-r", "koi8", "koi", "cskoi8r": return "KOI8-R"
        case "koi8-u", "koi8-ru": return "KOI8-U"
        case "tis-620", "windows-874", "iso-8859-11", "dos-874": return "CP874"
        case "macintosh", "mac", "x-mac-roman", "csmacintosh": return "MACINTOSH"
        case "ibm866", "cp866", "866": return "CP866"
        default:
            for prefix in ["iso-8859-", "iso8859-", "iso_8859-"] where label.hasPrefix(prefix) {
                let part = label.dropFirst(prefix.count)
                if let number = Int(part), (1...16).contains(number), number != 12 { return "ISO-8859-\(number)" }
            }
            if label.hasPrefix("windows-125"), let digit = label.last, ("0"..."8").contains(digit), label.count == 12 {
                return "CP125\(digit)"
            }
            if label.hasPrefix("cp125"), let digit = label.last, ("0"..."8").contains(digit), label.count == 6 { return "CP125\(digit)" }
            return nil
        }
    }
}
