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

    /// Input beyond this is not read, and tokens beyond ``maximumTokens`` not shown (a note says so on
    /// standard error): `analyze` is for looking at text, and 3 million tokens took 24 s and 2 GB as JSON.
    static let maximumBytes = 1_000_000
    static let maximumTokens = 100_000

    func run() throws {
        var data = text == ["-"] ? Self.readStandardInput(upTo: Self.maximumBytes + 1) : Data(text.joined(separator: " ").utf8)
        if data.count > Self.maximumBytes {
            var end = Self.maximumBytes
            while end > 0, data[end] & 0xC0 == 0x80 { end -= 1 }
            data = data.prefix(end)
            Console.note("search: the text is longer than \(Self.maximumBytes) bytes; only its first \(end) were analysed")
        }
        let input = String(decoding: data, as: UTF8.self)
        var tokens = Analyzer().tokens(in: input, mode: query ? .query : .document)
        if let cut = tokens.firstIndex(where: { $0.position >= Self.maximumTokens }) {
            Console.note("search: only the first \(Self.maximumTokens) positions of \(tokens.last!.position + 1) are shown")
            tokens.removeSubrange(cut...)
        }
        let bytes = Array(input.utf8)
        var grouped: [JSONOutput.Token] = []
        for token in tokens {
            if token.isColocated, !grouped.isEmpty {
                grouped[grouped.count - 1].variants.append(token.term)
                continue
            }
            let original = String(decoding: bytes[token.byteRange], as: UTF8.self)
            grouped.append(JSONOutput.Token(term: token.term, position: token.position, start: token.byteRange.lowerBound,
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

    /// At most `limit` bytes: the rest of a huge input is read and dropped, never held in memory (and
    /// never left unread, or a writer that waits for us to finish reading before it reads our output
    /// would wait for ever).
    static func readStandardInput(upTo limit: Int) -> Data {
        var data = Data()
        while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
            if data.count < limit { data.append(chunk.prefix(limit - data.count)) }
        }
        return data
    }
}
