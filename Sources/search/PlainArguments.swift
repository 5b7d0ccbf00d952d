/// The options the plain forms (``PlainQuery``, ``PlainExtract``) accept, `--index PATH` and `--json`,
/// and their other words. Nil when an argument is any other option, so that the full parse reads it
/// and its help and errors read as before.
struct PlainArguments {
    var words: [String] = []
    var index: String?
    var json = false

    init?(_ arguments: ArraySlice<String>) {
        var rest = arguments
        while let argument = rest.popFirst() {
            if argument == "--json" {
                json = true
            } else if argument == "--index", let path = rest.popFirst(), !path.isEmpty, !path.hasPrefix("-") {
                index = path
            } else if argument.hasPrefix("--index="), argument.count > "--index=".count {
                index = String(argument.dropFirst("--index=".count))
            } else if argument.hasPrefix("-") {
                return nil
            } else {
                words.append(argument)
            }
        }
    }
}
