import Foundation
import Testing

@testable import NewsIngest

/// The page walks ask "is this one of those elements?" and "what leads down to that element?".
@Suite("Elements by identity")
struct ElementSetTests {
    static func page() throws -> HTMLElement {
        try HTMLDocument.parse(Data("""
            <html><body><div><p>one</p><p>two</p></div><section><h1>Title</h1><p>three</p></section></body></html>
            """.utf8)).root
    }

    @Test("an element set holds the very elements it was given, not others with the same name or text")
    func membership() throws {
        let root = try Self.page()
        var all: [HTMLElement] = []
        root.forEach { all.append($0) }
        let paragraphs = all.filter { $0.name == "p" }
        let set = ElementSet([paragraphs[0], paragraphs[2]])
        #expect(set.contains(paragraphs[0]) && set.contains(paragraphs[2]))
        #expect(!set.contains(paragraphs[1]))
        #expect(all.filter { set.contains($0) }.count == 2)
        let twin = try Self.page()
        #expect(!set.contains(twin.first { $0.name == "p" }!))
        #expect(!ElementSet([]).contains(root))
        // Random subsets of every size, against a plain search by identity.
        for size in 0...all.count {
            let members = Array(all.shuffled().prefix(size))
            let subset = ElementSet(members)
            for element in all {
                #expect(subset.contains(element) == members.contains { $0 === element })
            }
        }
    }

    @Test("the path to the first match runs from the root down, and is empty when nothing matches")
    func pathToFirst() throws {
        let root = try Self.page()
        #expect(root.path { $0.name == "h1" }.map(\.name) == ["html", "body", "section", "h1"])
        #expect(root.path { $0.name == "p" }.map(\.name) == ["html", "body", "div", "p"])
        #expect(root.path { $0 === root }.count == 1)
        #expect(root.path { $0.name == "table" }.isEmpty)
    }
}
