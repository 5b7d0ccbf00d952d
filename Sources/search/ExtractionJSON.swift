/// `search extract --json` through ``JSONText``: the bytes `JSONOutput.encode(extraction)` gives
/// (a CLI test re-encodes the output with the encoder and compares), keys in the encoder's sorted
/// order. The encoder's generic containers and first-use type look-ups were ~4 M instructions of a
/// one-page `extract`, a twentieth of it.
extension JSONOutput.Extraction {
    func json() throws -> String {
        // The encoder orders keys by its own comparison (numbers by value, for one): two or more
        // metadata keys (records and front matter bring any) are left to it; a page brings one at most.
        let encodedMetadata = metadata.count < 2 ? nil : try JSONOutput.encode(metadata)
        var out = JSONText()
        out.object { out in
            out.key("actors")
            out.array(actors) { out, actor in
                out.object { out in
                    out.key("mentions")
                    out.array(actor.mentions) { out, mention in
                        out.object { out in
                            out.key("end"); out.value(mention.end)
                            out.key("start"); out.value(mention.start)
                            out.key("text"); out.value(mention.text)
                        }
                    }
                    out.key("name"); out.value(actor.name)
                    out.key("type"); out.value(actor.type)
                }
            }
            out.key("authors"); out.strings(authors)
            out.key("body"); out.value(body)
            out.key("date"); out.value(date.value)
            out.key("date_confidence"); out.value(date_confidence.value)
            out.key("date_origin"); out.value(date_origin.value)
            out.key("date_precision"); out.value(date_precision.value)
            out.key("encoding"); out.value(encoding.value)
            out.key("format"); out.value(format)
            out.key("given_actors"); out.strings(given_actors)
            out.key("id"); out.value(id.value)
            out.key("line")
            if let line = line.value { out.value(line) } else { out.null() }
            out.key("metadata")
            if let encodedMetadata {
                out.encoded(encodedMetadata)
            } else {
                out.object { out in
                    for (key, value) in metadata { out.key(key); out.value(value) }
                }
            }
            out.key("notes"); out.strings(notes)
            out.key("path"); out.value(path)
            out.key("removed")
            out.array(removed) { out, line in
                out.object { out in
                    out.key("detail"); out.value(line.detail)
                    out.key("kind"); out.value(line.kind)
                    out.key("reason"); out.value(line.reason)
                    out.key("text"); out.value(line.text)
                }
            }
            out.key("skipped"); out.value(skipped.value)
            out.key("source"); out.value(source.value)
            out.key("source_origin"); out.value(source_origin.value)
            out.key("structured_actors")
            out.array(structured_actors) { out, actor in
                out.object { out in
                    out.key("from"); out.value(actor.from)
                    out.key("name"); out.value(actor.name)
                    out.key("type"); out.value(actor.type)
                }
            }
            out.key("title"); out.value(title)
            out.key("url"); out.value(url.value)
        }
        return out.text + "\n"
    }
}
