import ArgumentParser
import Foundation

/// Whether output carries ANSI colour; `auto` means only on a terminal that is not `dumb`.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    var enabled: Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto:
            isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
                && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}

/// ANSI styles, applied only when colour is on; ESC is written as ``TerminalText/escape``, which only
/// the output layer turns into ESC (article text cannot).
struct Style {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func highlight(_ text: String) -> String { wrap(text, "1;33") }
    func title(_ text: String) -> String { wrap(text, "1;36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\(TerminalText.escape)[\(code)m\(text)\(TerminalText.escape)[0m" : text
    }
}
