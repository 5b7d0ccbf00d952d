import Foundation
import Testing

@testable import NewsIngest

/// libxml2 is opened when the first page is parsed, not linked: a system without it must say so.
@Suite("libxml2 loading")
struct LibXML2LoadingTests {
    @Test("a library that is not there is named, with what to install, in one line")
    func missing() {
        let result = LibXML2.load(from: ["libnewssearch-absent.so.9"])
        guard case .failure(let error) = result else {
            Issue.record("a file that does not exist was loaded")
            return
        }
        #expect(error == .missingLibrary("libnewssearch-absent.so.9"))
        #expect(!error.description.contains("\n"))
        #expect(error.description.contains("libnewssearch-absent.so.9") && error.description.contains("apt-get install libxml2"))
    }

    @Test("a library without libxml2's functions is refused")
    func foreign() {
        // The C library is always there and has none of libxml2's functions.
        guard case .failure(let error) = LibXML2.load(from: ["libc.so.6"]) else {
            Issue.record("libc was taken for libxml2")
            return
        }
        #expect(error == .missingLibrary("libc.so.6"))
    }

    @Test("the system's libxml2 is found, and pages parse through it")
    func system() throws {
        _ = try LibXML2.loaded()
        let parsed = try HTMLDocument.parse(Data("<html><body><p>One <b>two</b></p></body></html>".utf8))
        #expect(parsed.root.name == "html")
    }

    @Test("attribute values are read as libxml2 joins them: entities decoded, empty and bare ones empty, a repeat dropped")
    func attributeValues() throws {
        let parsed = try HTMLDocument.parse(Data("""
            <html><body><a HREF="/x?a=1&amp;b=2&#x2F;" title="" data-q='say "hi"' hidden class="one" class="two">x</a></body></html>
            """.utf8))
        let link = try #require(parsed.root.first { $0.name == "a" })
        #expect(link["href"] == "/x?a=1&b=2/")
        #expect(link["title"] == "" && link["hidden"] == "")
        #expect(link["data-q"] == "say \"hi\"")
        // The parser keeps the first of a repeated attribute.
        #expect(link["class"] == "one")
        #expect(link.attributes.map(\.name) == ["href", "title", "data-q", "hidden", "class"])
    }
}
