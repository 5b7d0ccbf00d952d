import Foundation
import PropertyBased
import Testing

@testable import NewsIngest

@Suite("UTF-16 read as UTF-8 in pieces")
struct UTF16StreamTests {
    static let text = Gen<String?>.element(of: ["a", "\t", "\r\n", "\"", "Ċ", "Ģ", "日本", "😀", "é", " "]).map { $0! }
        .array(of: 0...40).map { $0.joined() }

    @Test("any text, either byte order, cut into pieces anywhere (inside a character, between a surrogate pair) comes out whole")
    func pieces() async {
        await propertyCheck(count: 500, input: Self.text, Gen<Int>.int(in: 1...7), Gen<Bool>.bool) { text, size, bigEndian in
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in text.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            guard let stream = UTF16Stream(head: Data(bytes.prefix(2))) else {
                Issue.record("the mark was not recognised")
                return
            }
            var out = Data()
            let body = Array(bytes.dropFirst(2))
            for start in stride(from: 0, to: body.count, by: size) {
                out.append(stream.utf8(Data(body[start..<min(start + size, body.count)]), final: false))
            }
            out.append(stream.utf8(Data(), final: true))
            #expect(String(decoding: out, as: UTF8.self) == text, "\(text.debugDescription), pieces of \(size)")
        }
        #expect(UTF16Stream(head: Data("id".utf8)) == nil)
    }
}
