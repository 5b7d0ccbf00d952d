import NewsSearch

/// The co-occurrence network as GraphML (http://graphml.graphdrawing.org/), the XML format Gephi,
/// Cytoscape, yEd and networkx (`networkx.read_graphml`) all read.
///
/// Node ids are `a` and the actor's id (GraphML ids are XML name tokens: a name with spaces cannot be
/// one); the name is the `label` attribute, which Gephi shows, with `type` and `count`. Edges carry
/// `weight` (articles naming both: what layouts and Gephi's statistics use), `expected`, `g2` and `pmi`.
///
/// Names come from articles, so every text is escaped for XML: the five markup characters as
/// entities, tabs and line breaks as character references (so they survive attribute normalisation),
/// and the characters XML 1.0 cannot hold at all (C0 controls, U+FFFE, U+FFFF) as visible escapes
/// such as `\x1b`, as the terminal output shows them; C1 controls become character references.
struct GraphMLWriter {
    func document(_ graph: ActorGraph) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="type" for="node" attr.name="type" attr.type="string"/>
              <key id="count" for="node" attr.name="count" attr.type="int"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
              <key id="expected" for="edge" attr.name="expected" attr.type="double"/>
              <key id="g2" for="edge" attr.name="g2" attr.type="double"/>
              <key id="pmi" for="edge" attr.name="pmi" attr.type="double"/>
              <graph id="actors" edgedefault="undirected">

            """
        for node in graph.nodes {
            xml += "    <node id=\"\(Self.escaped(JSONOutput.nodeID(node)))\">"
            xml += data("label", node.name) + data("type", node.type.rawValue) + data("count", String(node.count))
            xml += "</node>\n"
        }
        for edge in graph.edges {
            let source = JSONOutput.nodeID(graph.nodes[edge.source]), target = JSONOutput.nodeID(graph.nodes[edge.target])
            xml += "    <edge source=\"\(Self.escaped(source))\" target=\"\(Self.escaped(target))\">"
            xml += data("weight", String(edge.counts.together))
            xml += data("expected", String(JSONOutput.rounded(edge.counts.expected)))
            xml += data("g2", String(JSONOutput.rounded(edge.counts.logLikelihood)))
            if let pmi = edge.counts.pmi { xml += data("pmi", String(JSONOutput.rounded(pmi))) }
            xml += "</edge>\n"
        }
        xml += "  </graph>\n</graphml>\n"
        return xml
    }

    private func data(_ key: String, _ value: String) -> String {
        "<data key=\"\(key)\">\(Self.escaped(value))</data>"
    }

    /// `text` as XML character data or an attribute value (double-quoted).
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x26: result += "&amp;"
            case 0x3C: result += "&lt;"
            case 0x3E: result += "&gt;"
            case 0x22: result += "&quot;"
            case 0x27: result += "&apos;"
            case 0x09, 0x0A, 0x0D: result += "&#\(scalar.value);"
            case 0x00...0x1F, 0xFFFE, 0xFFFF: result += TerminalText.visible(scalar) ?? "\\u{\(String(scalar.value, radix: 16))}"
            case 0x7F...0x9F: result += "&#x\(String(scalar.value, radix: 16));"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
