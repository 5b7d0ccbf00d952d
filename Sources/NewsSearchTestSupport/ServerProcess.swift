import Foundation

/// `search serve` running in the background for a test, on a free loopback port (`--port 0`).
///
/// The address is read from the line the server prints when it is listening, so a test never
/// guesses a port or sleeps; the process is ended when the value is released.
public final class ServerProcess: @unchecked Sendable {
    public let baseURL: URL
    let process: Process

    public init(binary: SearchBinary, arguments: [String], in directory: URL? = nil) throws {
        process = Process()
        process.executableURL = binary.url
        process.arguments = ["serve", "--port", "0"] + arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SEARCH_INDEX")
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        let reader = out.fileHandleForReading
        // One byte at a time up to the first newline: the rest of the pipe is left to the server.
        while true {
            let byte = reader.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://"), let url = URL(string: String(text[range.lowerBound...])) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "search serve did not start: '\(text)'"])
        }
        baseURL = url
    }

    public var isRunning: Bool { process.isRunning }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
