/// `search QUERY --json` through ``JSONText``: the bytes `JSONOutput.encode(results)` gives (the CLI
/// tests compare the two), keys in sorted order, optional keys left out when nil as the encoder does.
extension JSONOutput.Results {
    var json: String {
        var out = JSONText()
        out.object { out in
            out.key("counted"); out.value(counted)
            out.key("facets")
            out.object { out in
                for name in facets.keys.sorted() {
                    out.key(name)
                    out.array(facets[name]!) { $0.write($1) }
                }
            }
            out.key("hits"); out.array(hits) { $0.write($1) }
            out.key("query"); out.value(query)
            out.key("suggestions"); out.strings(suggestions)
            out.key("took_ms"); out.value(took_ms)
            out.key("total"); out.value(total)
            out.key("total_clusters"); out.value(total_clusters)
            out.key("warnings"); out.strings(warnings)
        }
        return out.text + "\n"
    }
}

extension JSONText {
    fileprivate mutating func write(_ hit: JSONOutput.Hit) {
        object { out in
            out.key("actors"); out.strings(hit.actors)
            out.key("copies")
            out.array(hit.copies) { out, copy in
                out.object { out in
                    out.key("date"); out.value(copy.date.value)
                    out.key("id"); out.value(copy.id)
                    out.key("source"); out.value(copy.source)
                }
            }
            out.key("date"); out.value(hit.date.value)
            if let explain = hit.explain { out.key("explain"); out.write(explain) }
            out.key("highlights"); out.array(hit.highlights) { out, range in out.array(range) { $0.value($1) } }
            out.key("id"); out.value(hit.id)
            out.key("missing"); out.strings(hit.missing)
            out.key("path"); out.value(hit.path.value)
            out.key("rank"); out.value(hit.rank)
            out.key("score"); out.value(hit.score)
            out.key("snippet"); out.value(hit.snippet)
            out.key("source"); out.value(hit.source)
            out.key("title"); out.value(hit.title)
            out.key("url"); out.value(hit.url.value)
        }
    }

    fileprivate mutating func write(_ node: JSONOutput.ExplainNode) {
        object { out in
            out.key("description"); out.value(node.description)
            out.key("details"); out.array(node.details) { $0.write($1) }
            out.key("value"); out.value(node.value)
        }
    }

    fileprivate mutating func write(_ facet: JSONOutput.FacetValue) {
        object { out in
            out.key("count"); out.value(facet.count)
            if let type = facet.type { out.key("type"); out.value(type) }
            out.key("value"); out.value(facet.value)
        }
    }
}
