import Foundation

/// HTTP/1.1 over a plain loopback socket, one request per connection, for chromedriver: it writes
/// headers without a space after the colon (`Content-Length:251`), which FoundationNetworking's
/// libcurl callback rejects ("Failed writing header").
enum LoopbackHTTP {
    static func send(method: String, port: Int, path: String, body: Data?) throws -> HTTPResponse {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw WebDriver.Failure(description: "socket: \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw WebDriver.Failure(description: "connect to port \(port): \(errno)") }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
        var bytes = Data((request + "\r\n").utf8)
        if let body { bytes.append(body) }
        try bytes.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let n = Glibc.send(descriptor, buffer.baseAddress! + sent, buffer.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw WebDriver.Failure(description: "send: \(errno)") }
                sent += n
            }
        }
        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // chromedriver keeps the connection open whatever `Connection: close` says: the answer ends at
        // its Content-Length, not at the end of the stream.
        while !isComplete(received) {
            let n = recv(descriptor, &chunk, chunk.count, 0)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            received.append(contentsOf: chunk[0..<n])
        }
        guard let split = received.range(of: Data("\r\n\r\n".utf8)) else {
            throw WebDriver.Failure(description: "no HTTP answer from port \(port)")
        }
        let head = String(decoding: received[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var payload = Data(received[split.upperBound...])
        if let length = headers.first(where: { $0.key.lowercased() == "content-length" }).flatMap({ Int($0.value) }), length < payload.count {
            payload = payload.prefix(length)
        }
        return HTTPResponse(status: status, headers: headers, body: payload)
    }

    static func isComplete(_ received: Data) -> Bool {
        guard let split = received.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: received[..<split.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return received.count - split.upperBound >= length
    }
}
