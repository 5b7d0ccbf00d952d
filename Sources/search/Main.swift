import ArgumentParser
import Foundation
import NewsSearch

/// The entry point: ArgumentParser alone exits 64 on a usage error; DESIGN §1 wants 2.
@main
enum Main {
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            // Before the query: the subcommand list it needs costs ArgumentParser's set-up.
            if let extract = PlainExtract(arguments) { return try extract.run() }
            if let query = PlainQuery(arguments, subcommands: GlobalOptions.subcommands) {
                try query.run()
                return
            }
            var command = try Search.parseAsRoot(GlobalOptions.movedAfterSubcommand(NegativeValues.joined(arguments)))
            try command.run()
        } catch let error as CLIError {
            Console.note("search: \(error.message)")
            exit(error.exitCode)
        } catch let error as IndexError {
            Console.note("search: \(error.description)")
            exit(CLIError.exitCode(for: error))
        } catch {
            let code = Search.exitCode(for: error)
            if code == .success {
                Search.exit(withError: error)  // --help, --version: print and exit 0
            }
            Console.note("search: \(singleLineMessage(Search.message(for: error)))")
            if code == .validationFailure || error is ValidationError {
                Console.note("Run 'search --help' for usage.")
                exit(2)
            }
            exit(code.rawValue == 64 ? 2 : 1)
        }
    }
}

/// ArgumentParser's messages may list choices on lines of their own ("Please provide one of the
/// following:\n  - auto\n  - jsonl"): errors are one line here, so the list joins the sentence.
func singleLineMessage(_ message: String) -> String {
    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard let first = lines.first else { return message }
    let items = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
    return items.isEmpty ? first : first + " " + items.joined(separator: ", ")
}

/// `--index`, `--json` and `--color` are global (DESIGN §2): `search --index X stats` means
/// `search stats --index X`. ArgumentParser reads options per subcommand, so they are moved there.
enum GlobalOptions {
    static let withValue: Set<String> = ["--index", "--color"]
    static let flags: Set<String> = ["--json"]

    static let subcommands = Set(Search.configuration.subcommands.compactMap { $0.configuration.commandName })

    static func movedAfterSubcommand(_ arguments: [String]) -> [String] {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if subcommands.contains(argument) {
                guard index > 0 else { return arguments }
                return [argument] + arguments[..<index] + arguments[(index + 1)...]
            }
            if withValue.contains(argument) {
                index += 2
            } else if flags.contains(argument) || withValue.contains(where: { argument.hasPrefix($0 + "=") }) {
                index += 1
            } else {
                return arguments
            }
        }
        return arguments
    }
}

/// `--limit -1`: ArgumentParser reads `-1` as an option and said "Missing value for '--limit'". After
/// an option whose value is a number or a span, a negative number is that value: it is joined to it
/// (`--limit=-1`), and the option's own check says what is wrong ("--limit must be 0 or more").
enum NegativeValues {
    static let numericOptions: Set<String> = [
        "--limit", "--offset", "--facet-limit", "--recency-half-life", "--min-count", "--min-edge-count",
        "--max-nodes", "--jobs", "--port", "--cache",
    ]

    static func joined(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                return result + arguments[index...]
            }
            if numericOptions.contains(argument), index + 1 < arguments.count, isNegativeNumber(arguments[index + 1]) {
                result.append(argument + "=" + arguments[index + 1])
                index += 2
            } else {
                result.append(argument)
                index += 1
            }
        }
        return result
    }

    static func isNegativeNumber(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count >= 2 && scalars[0] == "-" && ("0"..."9").contains(scalars[1])
    }
}

/// Errors the executable raises itself, with the exit status each deserves.
struct CLIError: Error {
    var message: String
    var exitCode: Int32

    static func usage(_ message: String) -> CLIError { CLIError(message: message, exitCode: 2) }
    static func runtime(_ message: String) -> CLIError { CLIError(message: message, exitCode: 1) }

    /// Bad input (a missing index, an unknown id, a path that does not exist) is the user's to fix: 2.
    static func exitCode(for error: IndexError) -> Int32 {
        switch error {
        case .indexNotFound, .notAnIndex, .documentNotFound, .pathNotFound, .tokenizerVersionMismatch,
            .schemaVersionMismatch, .badConfiguration:
            2
        case .locked, .diskFull, .readOnly, .folderNotWritable, .database, .incompleteRebuild, .columnsNotSaved:
            1
        }
    }
}
