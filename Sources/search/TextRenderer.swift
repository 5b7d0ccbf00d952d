import NewsQuery
import NewsSearch

/// Renders results for people: ranked articles with highlighted snippets, then compact facets.
struct TextRenderer {
    let style: Style
    /// Width of the date histogram's bars.
    static let barWidth = 24
    /// More buckets than this become one sparkline line: a histogram should fit on a screen.
    static let maximumBars = 16
    static let levels = Array("▁▂▃▄▅▆▇█")

    /// `2023-07 ▄▁▁▁▁▄▁▁▁▁▂▁▂▂▁▂▂▁▂▁▂▂▁▆ 2026-05  (peak 3 in 2025-06)`: one cell per bucket.
    func sparkline(_ values: [FacetCounts.Value]) -> String {
        let most = max(values.map(\.count).max() ?? 1, 1)
        let cells = values.map { value -> Character in
            value.count == 0 ? " " : Self.levels[min(Self.levels.count - 1, (value.count * Self.levels.count - 1) / most)]
        }
        let peak = values.max { $0.count < $1.count }!
        return "  \(values.first!.value) " + style.highlight(String(cells)) + " \(values.last!.value)"
            + style.dim("  (\(values.reduce(0) { $0 + $1.count }) dated; peak \(peak.count) in \(peak.value))") + "\n"
    }

    func render(_ results: SearchResults, request: SearchRequest, to out: inout some TextOutputStream) {
        for warning in results.warnings { out.write(style.dim("note: \(warning.oneLine)") + "\n") }
        // With nothing found there are no partial matches to speak of.
        let scope = results.counted == .all || results.total == 0 ? "" : " (none has every term; showing partial matches)"
        let noun = results.total == 1 ? "article" : "articles"
        let what = request.text.isEmpty ? "" : " for \(request.text.oneLine)"
        let stories = results.totalClusters < results.total
            ? " (\(results.totalClusters) \(results.totalClusters == 1 ? "story" : "stories")\(request.fold ? "; copies folded" : ""))" : ""
        out.write(style.bold("\(results.total) \(noun)\(what)") + stories + scope + style.dim(" · \(format(results.tookMilliseconds)) ms") + "\n")
        if !results.suggestions.isEmpty {
            out.write("did you mean: " + results.suggestions.map { style.bold($0.oneLine) }.joined(separator: ", ") + "\n")
        }
        for hit in results.hits {
            out.write("\n")
            let rank = String(hit.rank).leftPad(3)
            out.write("\(rank). " + style.title((hit.title.isEmpty ? hit.id : hit.title).oneLine) + "\n")
            var meta = [hit.date ?? "undated", hit.source]
            if !hit.actors.isEmpty { meta.append(hit.actors.joined(separator: ", ")) }
            out.write("     " + style.dim(meta.joined(separator: " · ").oneLine) + "\n")
            out.write("     " + highlighted(hit.snippet) + "\n")
            if !hit.copies.isEmpty { out.write("     " + style.dim(Self.alsoIn(hit.copies, source: hit.source).oneLine) + "\n") }
            if !hit.missing.isEmpty { out.write("     " + style.dim(("missing: " + hit.missing.joined(separator: ", ")).oneLine) + "\n") }
            out.write("     " + style.dim("id: \(hit.id.oneLine)") + "\n")
            if let explanation = hit.explanation { renderExplanation(explanation, depth: 0, to: &out) }
        }
        renderFacets(results, to: &out)
    }

    /// How many outlets ran the story: `also in 4 outlets: Kyodo, The Japan Times, NHK, …`, and how
    /// many copies the hit's own outlet ran (a page saved twice, a story updated under a new address):
    /// "also in 1 outlet: DRK" under a hit from DRK read as if another outlet had run it.
    static func alsoIn(_ copies: [ArticleCopy], source: String) -> String {
        var outlets: [String] = []
        for copy in copies where copy.source != source && !outlets.contains(copy.source) { outlets.append(copy.source) }
        let elsewhere = copies.count(where: { $0.source != source })
        let same = copies.count - elsewhere
        let sameText = "\(same) \(same == 1 ? "copy" : "copies") in the same outlet"
        guard !outlets.isEmpty else { return "also " + sameText }
        let shown = outlets.prefix(3).joined(separator: ", ") + (outlets.count > 3 ? ", …" : "")
        let count = elsewhere == outlets.count ? "" : " (\(elsewhere) copies)"
        let other = same > 0 ? " other" : ""
        return "also in \(outlets.count)\(other) \(outlets.count == 1 ? "outlet" : "outlets")\(count): \(shown)"
            + (same > 0 ? "; \(sameText)" : "")
    }

    /// `1.7178  score, sum of:` with each detail indented two more spaces under its node.
    func renderExplanation(_ node: Explanation, depth: Int, to out: inout some TextOutputStream) {
        let indent = String(repeating: " ", count: 5 + 2 * depth)
        out.write(indent + style.dim(String((node.value * 10000).rounded() / 10000)) + "  " + node.description.oneLine + "\n")
        for detail in node.details { renderExplanation(detail, depth: depth + 1, to: &out) }
    }

    func renderFacets(_ results: SearchResults, to out: inout some TextOutputStream) {
        let facets = results.facets
        if !facets.date.isEmpty {
            out.write("\n" + style.bold("Dates") + style.dim(" (by \(facets.dateBucket.rawValue))") + "\n")
            let known = facets.date.filter { $0.value != "unknown" }
            let unknown = facets.date.first { $0.value == "unknown" }?.count ?? 0
            if known.count > Self.maximumBars {
                out.write(sparkline(known))
            } else {
                let most = known.map(\.count).max() ?? 1
                let width = known.map(\.value.count).max() ?? 7
                for value in known {
                    let bar = String(repeating: "█", count: value.count == 0 ? 0 : max(1, value.count * Self.barWidth / max(most, 1)))
                    out.write("  " + value.value.rightPad(width) + "  " + bar + " " + String(value.count) + "\n")
                }
            }
            if unknown > 0 { out.write("  " + style.dim("undated: \(unknown)") + "\n") }
        }
        for (name, values) in [("Sources", facets.source), ("Actors", facets.actor)] where !values.isEmpty {
            out.write("\n" + style.bold(name) + "\n")
            let width = values.map { label($0).count }.max() ?? 0
            for value in values {
                out.write("  " + label(value).rightPad(width) + "  " + String(value.count).leftPad(4) + "\n")
            }
        }
    }

    func label(_ value: FacetCounts.Value) -> String {
        value.type.map { "\(value.value.oneLine) (\($0.rawValue))" } ?? value.value.oneLine
    }

    /// The snippet with its highlight ranges (Unicode-scalar offsets) styled.
    func highlighted(_ snippet: Snippet) -> String {
        guard style.enabled else { return snippet.text }
        let scalars = Array(snippet.text.unicodeScalars)
        var result = ""
        var cursor = 0
        for range in snippet.highlights where range.lowerBound >= cursor && range.upperBound <= scalars.count {
            result += String(String.UnicodeScalarView(scalars[cursor..<range.lowerBound]))
            result += style.highlight(String(String.UnicodeScalarView(scalars[range])))
            cursor = range.upperBound
        }
        result += String(String.UnicodeScalarView(scalars[cursor...]))
        return result
    }

    func format(_ milliseconds: Double) -> String {
        let rounded = (milliseconds * 10).rounded() / 10
        return String(rounded)
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    func rightPad(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
