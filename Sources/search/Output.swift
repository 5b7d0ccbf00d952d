import Foundation

/// Standard output as a `TextOutputStream`, so renderers can also write into a `String` in tests.
///
/// A closed pipe (`search … | head`) ends the program quietly with status 0, as ripgrep does.
struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { bytes in
            guard var pointer = bytes.baseAddress else { return }
            var left = bytes.count
            while left > 0 {
                let written = Glibc.write(STDOUT_FILENO, pointer, left)
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

/// Notes for the user (progress, "building the sample index") go to standard error.
enum Console {
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
