#if canImport(Glibc)
import Glibc
#endif

/// `agi://host[:port][/script[?args]]`: where a FastAGI server listens and what to ask it for.
struct FastAGITarget: Equatable {
    static let defaultPort: UInt16 = 4573

    var host: String
    var port: UInt16
    /// Everything after the first `/` (Asterisk's `agi_network_script`), query included; empty when absent.
    var script: String
    /// Whether the URL named a port (`hagi://` needs one here: SRV look-ups are not supported).
    var explicitPort = false
}

extension FastAGITarget {
    /// Parses the text after the scheme, as `launch_netscript` does (`host` up to the first `/`).
    init?(url: String) {
        let lower = url.lowercased()
        let rest: Substring
        if lower.hasPrefix("agi://") {
            rest = url.dropFirst(6)
        } else if lower.hasPrefix("hagi://") {
            rest = url.dropFirst(7)
        } else {
            return nil
        }
        let hostPort: Substring
        if let slash = rest.firstIndex(of: "/") {
            hostPort = rest[..<slash]
            script = String(rest[rest.index(after: slash)...])
        } else {
            hostPort = rest
            script = ""
        }
        var portText: Substring?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return nil }
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { return nil }
        } else if hostPort.filter({ $0 == ":" }).count == 1, let colon = hostPort.firstIndex(of: ":") {
            host = String(hostPort[..<colon])
            portText = hostPort[hostPort.index(after: colon)...]
        } else {
            host = String(hostPort) // a bare IPv6 literal, or a name without a port
        }
        if let p = portText {
            guard let n = UInt16(p), n > 0 else { return nil }
            port = n
            explicitPort = true
        } else {
            port = Self.defaultPort
        }
        if host.isEmpty { return nil }
    }
}

enum FastAGIConnector {
    /// Connects to `target` within `timeout` per address, as `launch_netscript`/`handle_connection` do.
    /// Returns the connected socket, or nil when the host cannot be resolved or no address accepts.
    static func connect(_ target: FastAGITarget, timeout: Duration) -> Int32? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(target.host, String(target.port), &hints, &list) == 0, let first = list else {
            return nil
        }
        defer { freeaddrinfo(list) }

        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let ai = cursor {
            cursor = ai.pointee.ai_next
            let fd = socket(ai.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
                            Int32(IPPROTO_TCP))
            if fd < 0 { continue }
            AGILibc.setNonBlocking(fd)
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let rc = Glibc.connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen)
            if rc == 0 {
                return fd
            }
            if errno == EINPROGRESS && waitConnected(fd, timeout: timeout) {
                return fd
            }
            _ = close(fd)
        }
        return nil
    }

    private static func waitConnected(_ fd: Int32, timeout: Duration) -> Bool {
        let deadline = AGIClock.deadline(after: timeout)
        while true {
            let left = AGIClock.millisecondsLeft(until: deadline)
            if left <= 0 { return false }
            var pfd = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            let r = poll(&pfd, 1, left)
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { return false }
            var err: Int32 = 0
            var len = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 else { return false }
            return err == 0
        }
    }
}
