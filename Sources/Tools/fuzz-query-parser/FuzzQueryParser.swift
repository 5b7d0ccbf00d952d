// libFuzzer entry point for the query parser: every input must parse, and every MATCH text compiled
// from it must pass MatchExpressionValidator with phrase numbers that agree with phraseClauses.
//
// Built two ways (scripts/fuzz-query-parser):
// - with `-D FUZZING -sanitize=fuzzer,address`: libFuzzer supplies `main` and calls the entry point;
// - normally (`swift build`): a small `main` that replays the files named on the command line
//   (crash reproducers), so the target never breaks an ordinary build.
import NewsAnalysis
import NewsQuery

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let analyzer = Analyzer()

func check(_ input: String) {
    let query = QueryParser(analyzer: analyzer).parse(input)
    let clauses = query.positiveClauses
    for mode in MatchMode.allCases {
        guard let expression = MatchExpression(query, mode: mode, analyzer: analyzer) else { continue }
        verify(expression, clauseCount: clauses.count, input: input)
    }
    if let exclusion = MatchExpression.exclusion(of: query, analyzer: analyzer) {
        verify(exclusion, clauseCount: 0, input: input)
    }
    // Every positive clause appears in the MATCH text, and nothing else does.
    if let all = MatchExpression(query, mode: .all, analyzer: analyzer),
        Set(all.phraseClauses.filter { $0 >= 0 }) != Set(clauses.indices)
    {
        fatalError("phraseClauses \(all.phraseClauses) miss clauses of \(input.debugDescription)")
    }
    // What the user is shown reads back as the same query.
    if let root = query.root, QueryParser(analyzer: analyzer).parse(root.displayText).root != root {
        fatalError("\(input.debugDescription) displays as \(root.displayText.debugDescription), which parses differently")
    }
    for clause in clauses {
        guard let expression = MatchExpression(clause: clause, analyzer: analyzer) else {
            fatalError("clause \(clause) of \(input.debugDescription) compiles to nothing")
        }
        verify(expression, clauseCount: 1, input: input)
    }
    _ = query.root?.displayText
}

func verify(_ expression: MatchExpression, clauseCount: Int, input: String) {
    let tokenizes = { (text: String, prefix: Bool) in
        !analyzer.tokens(in: text, mode: prefix ? .prefixQuery : .query).isEmpty
    }
    let phrases: Int
    do {
        phrases = try MatchExpressionValidator.phraseCount(in: expression.text, tokenizes: tokenizes)
    } catch {
        fatalError("invalid MATCH \(expression.text.debugDescription) from \(input.debugDescription): \(error)")
    }
    guard phrases == expression.phraseClauses.count,
        expression.phraseClauses.allSatisfy({ $0 >= -1 && $0 < clauseCount })
    else {
        fatalError("phraseClauses \(expression.phraseClauses) disagree with \(expression.text.debugDescription)")
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQueryParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    check(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

/// libFuzzer's driver (compiler-rt, LLVM 11 and later).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links every executable with `main` aliased to `<module>_main` (so tests can link it),
/// which hides libFuzzer's own `main`; this one hands control to libFuzzer's driver instead.
@_cdecl("fuzz_query_parser_main")
public func fuzzMain(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, fuzzQueryParser)
}
#else
@main
enum ReplayInputs {
    /// `fuzz-query-parser FILE…` replays inputs (crash reproducers); `fuzz-query-parser --print-match`
    /// reads one query per stdin line and prints its MATCH texts (all, any, exclusion; empty when none),
    /// tab-separated, for checking them against a real FTS5 table.
    static func main() {
        if CommandLine.arguments.dropFirst().first == "--print-match" {
            while let line = readLine(strippingNewline: true) {
                check(line)
                let query = QueryParser(analyzer: analyzer).parse(line)
                let texts = [
                    MatchExpression(query, mode: .all, analyzer: analyzer)?.text,
                    MatchExpression(query, mode: .any, analyzer: analyzer)?.text,
                    MatchExpression.exclusion(of: query, analyzer: analyzer)?.text,
                ]
                print(texts.map { $0 ?? "" }.joined(separator: "\t"))
            }
            return
        }
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { continue }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while case let count = fread(&buffer, 1, buffer.count, file), count > 0 { bytes += buffer[..<count] }
            fclose(file)
            check(String(decoding: bytes, as: UTF8.self))
        }
    }
}
#endif
