import Foundation

/// Whether the server could listen at an address, asked of the system before the server starts, so
/// that a port another program holds is said in words: the server's own error for it is NIO's
/// "bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)".
enum ListeningAddress {
    /// Nil when a socket can be bound at `host:port` (as the server binds it, reusing the address), else
    /// the problem in one line.
    static func problem(host: String, port: Int) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else {
            return "cannot listen on \(host): no such address on this machine (try --host 127.0.0.1)"
        }
        defer { freeaddrinfo(first) }
        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var one: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE:
            return "port \(port) on \(host) is already in use (another search serve?): choose another with --port, or --port 0 for any free one"
        case EACCES:
            return "port \(port) is below 1024, which only the administrator may use: choose another with --port"
        case EADDRNOTAVAIL:
            return "cannot listen on \(host): no such address on this machine (try --host 127.0.0.1)"
        default:
            return nil
        }
    }
}
