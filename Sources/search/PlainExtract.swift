/// `search extract [--index PATH] [--json] FILE`, recognised without ArgumentParser: building its
/// command tree cost a `search extract` process about a tenth of its time, as for ``PlainQuery``.
/// Any other form (`--format`, `--source`, `--color`, `-` for standard input, help, a second file)
/// takes the full parse, so its errors and help read as before.
struct PlainExtract {
    var file: String
    var index: String?
    var json = false

    init?(_ arguments: [String]) {
        guard arguments.first == "extract" else { return nil }
        var file: String?
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            if argument == "--json" {
                json = true
            } else if argument == "--index", let path = rest.popFirst(), !path.isEmpty, !path.hasPrefix("-") {
                index = path
            } else if argument.hasPrefix("--index="), argument.count > "--index=".count {
                index = String(argument.dropFirst("--index=".count))
            } else if argument.hasPrefix("-") || file != nil {
                return nil
            } else {
                file = argument
            }
        }
        guard let file, file != "help" else { return nil }
        self.file = file
    }

    func run() throws {
        try ExtractCommand.show(file: file, index: IndexLocation(named: index), format: .auto, source: nil, json: json, color: .auto)
    }
}
