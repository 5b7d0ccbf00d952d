import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Python whose `sqlite3` module may load extensions (`enable_load_extension`), for tests that load
/// libNewsSearchSQLite the way an analyst would, and Datasette when it is installed for that Python.
///
/// Debian's `/usr/bin/python3` can; a Python built without `--enable-loadable-sqlite-extensions`
/// (pyenv's default) cannot, so the candidates are tried in order and the first that can is used.
public struct ExtensionHost: Sendable {
    public let python: String

    static let candidates = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]

    /// The first Python that can load extensions, or nil (the tests then say "skipped").
    public static let found: ExtensionHost? = {
        var paths = candidates
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            paths.append("\(folder)/python3")
        }
        for path in paths where FileManager.default.isExecutableFile(atPath: path) {
            let probe = try? run(path, ["-c", "import sqlite3; sqlite3.connect(':memory:').enable_load_extension(True)"])
            if probe?.status == 0 { return ExtensionHost(python: path) }
        }
        return nil
    }()

    /// Whether `python -m datasette` works (`.ci/run` installs it with pip when it can).
    public var hasDatasette: Bool {
        (try? Self.run(python, ["-c", "import datasette"]))?.status == 0
    }

    /// libNewsSearchSQLite as `swift build` leaves it beside the `search` executable.
    public static func extensionLibrary(beside binary: SearchBinary) -> URL {
        #if os(macOS)
        let name = "libNewsSearchSQLite.dylib"
        #else
        let name = "libNewsSearchSQLite.so"
        #endif
        return binary.url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Runs `python arguments…` and captures its output.
    public func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try Self.run(python, arguments)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = ProcessOutput.collect(from: process, out: out, err: err)
        return (output.status, String(decoding: output.stdout, as: UTF8.self), String(decoding: output.stderr, as: UTF8.self))
    }

    /// Starts `python -m datasette serve` on a free loopback port with the extension loaded; the
    /// process ends when the value is released.
    public func startDatasette(index: String, extension library: URL) throws -> DatasetteProcess {
        try DatasetteProcess(python: python, index: index, library: library)
    }
}

/// Datasette serving one index file for a test.
public final class DatasetteProcess: @unchecked Sendable {
    public let baseURL: URL
    let process: Process

    init(python: String, index: String, library: URL) throws {
        let port = try Self.freePort(python: python)
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [
            "-m", "datasette", "serve", index, "--host", "127.0.0.1", "--port", String(port),
            "--load-extension", library.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        baseURL = URL(string: "http://127.0.0.1:\(port)/")!
        // Datasette prints its address through its logger; asking is simpler than parsing that.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "datasette exited at start"]) }
            if let ready = try? HTTP.send(URLRequest(url: baseURL.appendingPathComponent("-/versions.json")), timeout: 2),
                ready.status == 200
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        stop()
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "datasette did not answer within 60 s"])
    }

    /// A port the kernel just handed out and took back: free unless another process takes it first.
    static func freePort(python: String) throws -> Int {
        let result = try ExtensionHost.run(
            python, ["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
        guard let port = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "no free port: \(result.stderr)"])
        }
        return port
    }

    /// SIGTERM, then SIGKILL after 5 s: uvicorn's graceful shutdown can wait on a client's
    /// keep-alive connection, and URLSession keeps its connections open.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }
}
