import NewsSearch

/// Renders `search actors --with NAME` for people: the actor and its count in the selection, then the
/// actors seen with it, most associated first, with both counts and the scores.
///
/// ```
/// Mark Rutte (person): 7 of 44 articles
/// seen with (ranked by log-likelihood G²; together in 2 or more articles):
///   actor                          together  articles      G²    PMI
///   Shigeru Ishiba (person)               3         4    9.61   2.24
/// ```
struct AssociationsRenderer {
    let style: Style

    func render(_ answer: ActorAssociations, query: String, minimumCount: Int, to out: inout some TextOutputStream) {
        for warning in answer.warnings { out.write(style.dim("note: \(warning.oneLine)") + "\n") }
        let actor = answer.actor
        let noun = answer.selected == 1 ? "article" : "articles"
        let what = query.isEmpty ? "" : " for \(query.oneLine)"
        let scope = answer.counted == .all || answer.selected == 0 ? "" : " (none has every term; counting partial matches)"
        out.write(
            style.bold("\(actor.name.oneLine) (\(actor.type.rawValue))") + ": \(actor.count) of \(answer.selected) \(noun)\(what)"
                + scope + style.dim(" · \(format(answer.tookMilliseconds, places: 1)) ms") + "\n")
        guard !answer.associates.isEmpty else {
            let reason = actor.count == 0
                ? "it is named in none of these articles"
                : "no other actor is named with it in \(minimumCount) or more of them"
            out.write("seen with: nobody (\(reason))\n")
            return
        }
        out.write("seen with (ranked by log-likelihood G²; together in \(minimumCount) or more articles):\n")
        let labels = answer.associates.map { "\($0.name.oneLine) (\($0.type.rawValue))" }
        let width = max(labels.map(\.count).max() ?? 0, 5)
        out.write(style.dim("  " + "actor".rightPad(width) + "  together  articles        G²     PMI") + "\n")
        for (label, associate) in zip(labels, answer.associates) {
            let pair = associate.counts
            out.write(
                "  " + label.rightPad(width) + "  " + String(pair.together).leftPad(8) + "  " + String(pair.second).leftPad(8)
                    + "  " + format(pair.logLikelihood, places: 2).leftPad(8) + "  "
                    + (pair.pmi.map { format($0, places: 2) } ?? "–").leftPad(6) + "\n")
        }
    }

    func format(_ value: Double, places: Int) -> String {
        let scale = Double([1, 10, 100, 1000][min(places, 3)])
        let rounded = (value * scale).rounded() / scale + 0
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if decimals < places { text += String(repeating: "0", count: places - decimals) }
        }
        return text
    }
}
