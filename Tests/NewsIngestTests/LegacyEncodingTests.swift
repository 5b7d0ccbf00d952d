import Foundation
import Testing

@testable import NewsIngest

/// Pages in the legacy encodings Foundation on Linux does not decode were read as windows-1252.
@Suite("Legacy page encodings")
struct LegacyEncodingTests {
    func page(charset: String, title: [UInt8]) -> Data {
        Data("<html><head><meta charset=\"\(charset)\"><title>".utf8) + Data(title)
            + Data("</title></head><body><p>".utf8) + Data(title) + Data(" 2025.</p></body></html>".utf8)
    }

    @Test("a page declaring a legacy charset is read in it", arguments: [
        ("gb2312", [0xB1, 0xB1, 0xBE, 0xA9], "北京"), ("GBK", [0xB1, 0xB1, 0xBE, 0xA9], "北京"),
        ("koi8-r", [0xED, 0xCF, 0xD3, 0xCB, 0xD7, 0xC1], "Москва"), ("euc-kr", [0xBC, 0xAD, 0xBF, 0xEF], "서울"),
        ("big5", [0xA5, 0x78, 0xA5, 0x5F], "台北"), ("iso-8859-7", [0xC5, 0xEB, 0xEB, 0xDC, 0xE4, 0xE1], "Ελλάδα"),
    ] as [(String, [UInt8], String)])
    func declaredCharset(charset: String, bytes: [UInt8], text: String) {
        let report = Ingestor().extract(data: page(charset: charset, title: bytes), path: "p.html")
        #expect(report.title == text)
        #expect(report.encoding == charset.lowercased())
    }

    @Test("a script's charset before the page's <meta> is the script's, not the page's")
    func scriptCharsetIsNotThePages() {
        let page = Data("<html><head><script src=\"a.js\" charset=\"utf-8\"></script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"/><title>".utf8)
            + Data([0xB1, 0xB1, 0xBE, 0xA9]) + Data("</title></head><body><p>".utf8) + Data([0xB1, 0xB1, 0xBE, 0xA9]) + Data(" 2025.</p></body></html>".utf8)
        let report = Ingestor().extract(data: page, path: "p.html")
        #expect(report.title == "北京")
        #expect(report.encoding == "gb2312")
    }

    @Test("bytes the encoding does not define become U+FFFD and the rest is read")
    func badBytes() {
        let text = LegacyEncoding.decode(Data([0x61, 0xB1, 0xB1, 0xFF, 0x62, 0xBE]), label: "gb2312")
        #expect(text == "a北\u{FFFD}b\u{FFFD}")
    }

    @Test("labels map to the encodings browsers read them as")
    func labels() {
        #expect(LegacyEncoding.iconvName("gb2312") == "GB18030")
        #expect(LegacyEncoding.iconvName("windows-1256") == "CP1256")
        #expect(LegacyEncoding.iconvName("iso-8859-15") == "ISO-8859-15")
        #expect(LegacyEncoding.iconvName("iso-8859-12") == nil)
        #expect(LegacyEncoding.iconvName("x-unknown") == nil)
    }
}
