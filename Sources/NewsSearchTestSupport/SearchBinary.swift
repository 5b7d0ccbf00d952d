import Foundation

/// Runs the built `search` executable, as a user would, and captures what it prints.
public struct SearchBinary {
    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutData: Data
    }

    public let url: URL

    /// The `search` built beside the test bundle (`.build/<config>/search`).
    public init() throws {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("search")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                url = candidate
                return
            }
            folder = folder.deletingLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "search executable beside the tests"])
    }

    /// Runs `search arguments…` in `directory` with the given standard input (text, or a file's bytes)
    /// and extra environment.
    public func run(
        _ arguments: [String], in directory: URL? = nil, input: String? = nil, inputFile: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SEARCH_INDEX")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = try inputFile.map { try FileHandle(forReadingFrom: $0) } ?? inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let output = ProcessOutput.collect(from: process, out: out, err: err)
        return Result(
            status: output.status, stdout: String(decoding: output.stdout, as: UTF8.self),
            stderr: String(decoding: output.stderr, as: UTF8.self), stdoutData: output.stdout)
    }
}
