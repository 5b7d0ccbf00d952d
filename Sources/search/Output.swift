import Foundation

/// Standard output as a `TextOutputStream`, so renderers can also write into a `String` in tests.
///
/// Everything written is human-readable text and goes through ``TerminalText/safe(_:)``; only
/// ``writeJSON(_:)`` bypasses it, for the encoder's output, which escapes control characters itself.
/// A closed pipe (`search … | head`) ends the program quietly with status 0, as ripgrep does.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) {
        Self.write(TerminalText.safe(string), to: STDOUT_FILENO)
    }

    mutating func writeJSON(_ json: String) {
        Self.write(json, to: STDOUT_FILENO)
    }

    static func write(_ string: String, to descriptor: Int32) {
        var text = string
        text.withUTF8 { bytes in
            guard var pointer = bytes.baseAddress else { return }
            var left = bytes.count
            while left > 0 {
                let written = Glibc.write(descriptor, pointer, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    exit(errno == EPIPE ? 0 : 1)
                }
                pointer += written
                left -= written
            }
        }
    }
}

/// Standard error: notes for the user (progress, "building the sample index") and error messages,
/// which name paths, ids and queries, so they are made safe like standard output.
enum Console {
    static func note(_ text: String) {
        StandardOutput.write(TerminalText.safe(text + "\n"), to: STDERR_FILENO)
    }
}
