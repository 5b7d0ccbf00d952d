import Foundation
import NewsSearchTestSupport
import Testing

/// `--help` of every command reads cleanly at 80 columns and wider: no line over the width, and no
/// line broken early (a break the help text made by hand, re-wrapped by the argument parser).
@Suite struct HelpLayoutTests {
    static let commands: [[String]] = [
        [], ["query"], ["index"], ["reindex"], ["analyze"], ["extract"], ["show"], ["actors"], ["stats"],
    ]

    @Test(arguments: [80, 120])
    func helpFitsAndFlows(_ width: Int) throws {
        let binary = try SearchBinary()
        for command in Self.commands {
            let result = try binary.run(command + ["--help"], environment: ["COLUMNS": String(width)])
            #expect(result.status == 0, "\(command): \(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.count > 5, "\(command)")
            for line in lines {
                #expect(line.count <= width, "\(command) at \(width): \(line.count) columns: \(line)")
            }
            for (a, b) in zip(lines, lines.dropFirst()) where Self.isStrayBreak(a, b, width: width) {
                Issue.record("\(command) at \(width): broken early:\n\(a)\n\(b)")
            }
        }
    }

    static func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// `b` continues `a`'s text at the same indentation, yet its first word would have fit on `a`.
    /// A table's description column (indented 8 or more) is laid out for 80 columns on purpose.
    static func isStrayBreak(_ a: String, _ b: String, width: Int) -> Bool {
        guard !a.trimmingCharacters(in: .whitespaces).isEmpty, !b.trimmingCharacters(in: .whitespaces).isEmpty,
            indent(a) == indent(b), indent(a) < 8, !a.hasSuffix(":"), a.uppercased() != a
        else { return false }
        let next = b.dropFirst(indent(b))
        // Lists and table rows start their own lines on purpose.
        if next.hasPrefix("-") || next.first?.isUppercase == true && (a.hasSuffix(".") || a.hasSuffix(")")) { return false }
        if next.contains("  ") { return false }
        let firstWord = next.prefix { $0 != " " }
        return a.count + 1 + firstWord.count < width
    }
}
