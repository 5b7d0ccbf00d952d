import ArgumentParser
import Foundation
import NewsAnalysis

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print the tokens the tokenizer makes of a text: term, position, byte range, colocated variants.",
        usage: "search analyze [<options>] <text> ...")

    @OptionGroup var output: OutputOptions
    @Flag(help: "Analyse as a query (synonym and prefix handling differ from documents).") var query = false
    @Argument(help: "The text to analyse; - reads standard input.") var text: [String] = []

    func validate() throws {
        if text.isEmpty { throw ValidationError("give a text to analyse (or - for standard input)") }
    }

    struct TokenJSON: Encodable {
        var term: String, position: Int, start: Int, end: Int, text: String
        var variants: [String]
    }

    func run() throws {
        let input = text == ["-"]
            ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text.joined(separator: " ")
        let tokens = Analyzer().tokens(in: input, mode: query ? .query : .document)
        let bytes = Array(input.utf8)
        var grouped: [TokenJSON] = []
        for token in tokens {
            if token.isColocated, !grouped.isEmpty {
                grouped[grouped.count - 1].variants.append(token.term)
                continue
            }
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            grouped.append(TokenJSON(term: token.term, position: token.position, start: token.byteRange.lowerBound,
                end: token.byteRange.upperBound, text: original, variants: []))
        }
        var out = StandardOutput()
        if output.json {
            try JSONOutput.write(grouped, to: &out)
            return
        }
        let width = grouped.map(\.term.count).max() ?? 4
        for token in grouped {
            var line = String(token.position).leftPad(4) + "  " + token.term.rightPad(width)
            line += "  [\(token.start), \(token.end))  \"\(token.text)\""
            if !token.variants.isEmpty { line += "  + " + token.variants.joined(separator: ", ") }
            out.write(line + "\n")
        }
    }
}
