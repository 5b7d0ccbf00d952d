import Foundation

/// A small W3C WebDriver client (JSON over ``LoopbackHTTP``) for headless Chromium (`chromedriver`), enough to drive the
/// `search serve` page from Swift tests: open, find, click, type, run a script, read the URL.
///
/// ```swift
/// guard let browser = try WebDriver.start() else { return }   // no chromium here: the test is skipped
/// try browser.open(url)
/// try browser.find("#q").type("defense industrial\u{E007}")
/// ```
public final class WebDriver: @unchecked Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) { self.description = description }
    }

    public struct Element {
        let driver: WebDriver
        let id: String

        public func click() throws { _ = try driver.command("POST", "element/\(id)/click", [:]) }
        public func type(_ text: String) throws { _ = try driver.command("POST", "element/\(id)/value", ["text": text]) }
        public func clear() throws { _ = try driver.command("POST", "element/\(id)/clear", [:]) }
        public var text: String { get throws { try driver.command("GET", "element/\(id)/text") as? String ?? "" } }
        /// A DOM property (`value` of an input as typed or set by script), not the HTML attribute.
        public func property(_ name: String) throws -> String? {
            try driver.command("GET", "element/\(id)/property/\(name)") as? String
        }
        public func attribute(_ name: String) throws -> String? {
            try driver.command("GET", "element/\(id)/attribute/\(name)") as? String
        }
    }

    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"
    public static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    public static let chromedriver = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]

    /// Whether both are installed: the browser tests run only then, and say "skipped" otherwise.
    public static var isAvailable: Bool {
        chromium.contains(where: FileManager.default.isExecutableFile(atPath:))
            && chromedriver.contains(where: FileManager.default.isExecutableFile(atPath:))
    }

    let driverProcess: Process
    let port: Int
    var session = ""
    /// chromedriver and Chromium leave their profiles (`org.chromium.Chromium.*`, `scoped_dir*`) in `TMPDIR`
    /// when killed; each driver gets its own, removed by ``quit()``, so test runs do not fill `/tmp`.
    let scratch: URL

    /// Starts chromedriver and a headless Chromium, or returns nil when either is not installed.
    public static func start(width: Int = 1280, height: Int = 900) throws -> WebDriver? {
        let fileManager = FileManager.default
        guard let browser = chromium.first(where: fileManager.isExecutableFile(atPath:)),
            let driver = chromedriver.first(where: fileManager.isExecutableFile(atPath:))
        else { return nil }
        return try WebDriver(browser: browser, driver: driver, width: width, height: height)
    }

    init(browser: String, driver: String, width: Int, height: Int) throws {
        port = try Self.freePort()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("webdriver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        driverProcess = Process()
        driverProcess.executableURL = URL(fileURLWithPath: driver)
        driverProcess.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        driverProcess.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { $1 }
        let out = Pipe()
        driverProcess.standardOutput = out
        driverProcess.standardError = FileHandle.nullDevice
        try driverProcess.run()
        // Its own line says when it listens (polling with URLSession before then can stall on the refused
        // connection); end of output means it died.
        var printed = ""
        while !printed.contains("started successfully") {
            let chunk = out.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Failure(description: "chromedriver did not start: \(printed)") }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": browser,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--no-first-run", "--window-size=\(width),\(height)",
                        ],
                    ],
                ]
            ]
        ]
        let created = try command("POST", nil, capabilities) as? [String: Any]
        guard let id = created?["sessionId"] as? String else { throw Failure(description: "no WebDriver session") }
        session = id
    }

    public func open(_ url: URL) throws { _ = try command("POST", "url", ["url": url.absoluteString]) }
    public func back() throws { _ = try command("POST", "back", [:]) }
    public var currentURL: URL? { get throws { (try command("GET", "url") as? String).flatMap(URL.init(string:)) } }

    public func find(_ css: String) throws -> Element {
        let found = try command("POST", "element", ["using": "css selector", "value": css]) as? [String: Any]
        guard let id = found?[Self.elementKey] as? String else { throw Failure(description: "no element \(css)") }
        return Element(driver: self, id: id)
    }

    public func findAll(_ css: String) throws -> [Element] {
        let found = try command("POST", "elements", ["using": "css selector", "value": css]) as? [[String: Any]] ?? []
        return found.compactMap { ($0[Self.elementKey] as? String).map { Element(driver: self, id: $0) } }
    }

    /// Runs `script` in the page (its `arguments` are `args`) and returns what it returns.
    @discardableResult
    public func execute(_ script: String, _ args: [Any] = []) throws -> Any? {
        try command("POST", "execute/sync", ["script": script, "args": args])
    }

    /// Waits until `script` returns true (the page renders after its fetches), up to `timeout`.
    public func wait(until script: String, timeout: TimeInterval = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try execute(script) as? Bool != true {
            guard Date() < deadline else { throw Failure(description: "timed out waiting for: \(script)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    public func screenshot() throws -> Data {
        guard let text = try command("GET", "screenshot") as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "no screenshot")
        }
        return data
    }

    public func setWindow(width: Int, height: Int) throws {
        _ = try command("POST", "window/rect", ["width": width, "height": height])
    }

    func command(_ method: String, _ path: String?, _ body: [String: Any]? = nil) throws -> Any? {
        let route = switch path {
        case nil: "/session"
        case ""?: "/session/\(session)"
        case let path?: "/session/\(session)/\(path)"
        }
        let response = try LoopbackHTTP.send(
            method: method, port: port, path: route, body: try body.map { try JSONSerialization.data(withJSONObject: $0) })
        let decoded = try? JSONSerialization.jsonObject(with: response.body, options: [.fragmentsAllowed]) as? [String: Any]
        guard response.status == 200 else {
            throw Failure(description: "WebDriver \(method) \(path ?? "session"): \(response.status) \(response.text.prefix(300))")
        }
        let value = decoded?["value"]
        return value is NSNull ? nil : value
    }

    /// A loopback port nobody listens on now (bound and released; chromedriver takes it at once).
    static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, length) == 0 && getsockname(socketDescriptor, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    public func quit() {
        if !session.isEmpty { _ = try? command("DELETE", "") }
        session = ""
        // chromedriver may ignore SIGTERM while its browser shuts down; a test must never hang on it.
        if driverProcess.isRunning {
            kill(driverProcess.processIdentifier, SIGKILL)
            driverProcess.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    deinit { quit() }
}
