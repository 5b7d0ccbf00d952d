/// `search extract [--index PATH] [--json] FILE`, recognised without ArgumentParser: building its
/// command tree cost a `search extract` process about a tenth of its time, as for ``PlainQuery``.
/// Any other form (`--format`, `--source`, `--color`, `-` for standard input, help, a second file)
/// takes the full parse, so its errors and help read as before.
struct PlainExtract {
    var file: String
    var index: String?
    var json = false

    init?(_ arguments: [String]) {
        guard arguments.first == "extract", let plain = PlainArguments(arguments.dropFirst()),
            plain.words.count == 1, let file = plain.words.first, file != "help"
        else { return nil }
        self.file = file
        index = plain.index
        json = plain.json
    }

    func run() throws {
        try ExtractCommand.show(file: file, index: IndexLocation(named: index), format: .auto, source: nil, json: json, color: .auto)
    }
}
