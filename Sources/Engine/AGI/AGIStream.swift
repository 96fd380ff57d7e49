#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic wall-clock time in nanoseconds.
enum AGIClock {
    static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }

    static func deadline(after d: Duration) -> UInt64 {
        let (sum, overflow) = now().addingReportingOverflow(d.agiNanoseconds)
        return overflow ? UInt64.max : sum
    }

    /// Milliseconds left until `deadline` (0 when past), capped to fit poll(2).
    static func millisecondsLeft(until deadline: UInt64) -> Int32 {
        let n = now()
        guard deadline > n else { return 0 }
        let ms = (deadline - n + 999_999) / 1_000_000
        return Int32(min(ms, UInt64(Int32.max)))
    }
}

/// Optional libc entry points that Swift's Glibc module does not surface (they need `_GNU_SOURCE`).
enum AGILibc {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        guard let handle = dlopen(nil, RTLD_NOW) else { return nil }
        return dlsym(handle, name)
    }

    static let pipe2: Pipe2? = symbol("pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
    static let addCloseFrom: AddCloseFrom? =
        symbol("posix_spawn_file_actions_addclosefrom_np").map { unsafeBitCast($0, to: AddCloseFrom.self) }

    /// A close-on-exec pipe: [read end, write end].
    static func makePipe() -> (read: Int32, write: Int32)? {
        var fds: [Int32] = [-1, -1]
        if let p2 = pipe2 {
            let rc = fds.withUnsafeMutableBufferPointer { p2($0.baseAddress, O_CLOEXEC) }
            guard rc == 0 else { return nil }
        } else {
            let rc = fds.withUnsafeMutableBufferPointer { Glibc.pipe($0.baseAddress) }
            guard rc == 0 else { return nil }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        return (fds[0], fds[1])
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK) }
    }
}

/// A line-oriented, timeout-bounded conversation over a pair of file descriptors (pipes to a child, or one TCP
/// socket for FastAGI). Never blocks longer than the deadline it is given.
final class AGIStream {
    enum ReadResult: Equatable {
        case line([UInt8])
        case endOfFile
        case timeout
        case tooLong([UInt8])
        /// The `interrupt` check asked to stop waiting (e.g. the channel hung up).
        case interrupted
    }

    enum WriteResult: Equatable {
        case written
        /// The peer is gone (EPIPE, reset): like Asterisk, the session goes on and reads end-of-file next.
        case peerClosed
        case timeout
    }

    let readFD: Int32
    let writeFD: Int32
    let isSocket: Bool
    let maxLineLength: Int
    private var buffer: [UInt8] = []
    private var scanned = 0
    private var atEOF = false
    private var closed = false
    private(set) var peerGone = false

    /// How often a wait wakes up to run the interrupt check.
    static let slice: Int32 = 50

    init(readFD: Int32, writeFD: Int32, isSocket: Bool, maxLineLength: Int) {
        self.readFD = readFD
        self.writeFD = writeFD
        self.isSocket = isSocket
        self.maxLineLength = max(16, maxLineLength)
        AGILibc.setNonBlocking(readFD)
        if writeFD != readFD { AGILibc.setNonBlocking(writeFD) }
    }

    deinit {
        close()
    }

    func close() {
        guard !closed else { return }
        closed = true
        _ = Glibc.close(readFD)
        if writeFD != readFD { _ = Glibc.close(writeFD) }
    }

    /// The next line (without `\n`, and without a trailing `\r`), cut at a NUL as C string handling would.
    /// A final unterminated line before end-of-file is returned as a line.
    func readLine(deadline: UInt64, interrupt: () -> Bool) -> ReadResult {
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            if let nl = buffer[scanned...].firstIndex(of: 10) {
                if nl > maxLineLength { return tooLong() }
                var line = Array(buffer[0..<nl])
                buffer.removeSubrange(0...nl)
                scanned = 0
                if line.last == 13 { line.removeLast() }
                return .line(Self.cutAtNUL(line))
            }
            scanned = buffer.count
            if buffer.count > maxLineLength { return tooLong() }
            if atEOF || closed {
                if buffer.isEmpty { return .endOfFile }
                var line = buffer
                buffer.removeAll()
                scanned = 0
                if line.last == 13 { line.removeLast() }
                return .line(Self.cutAtNUL(line))
            }
            if interrupt() { return .interrupted }
            let left = AGIClock.millisecondsLeft(until: deadline)
            if left <= 0 { return .timeout }
            var pfd = pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)
            let rc = poll(&pfd, 1, min(left, Self.slice))
            if rc < 0 {
                if errno == EINTR { continue }
                atEOF = true
                continue
            }
            if rc == 0 { continue }
            let n = chunk.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return isSocket ? recv(readFD, base, raw.count, 0) : read(readFD, base, raw.count)
            }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                atEOF = true
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                atEOF = true
            }
        }
    }

    private func tooLong() -> ReadResult {
        let prefix = Array(buffer.prefix(min(buffer.count, 256)))
        buffer.removeAll()
        scanned = 0
        return .tooLong(prefix)
    }

    private static func cutAtNUL(_ line: [UInt8]) -> [UInt8] {
        if let z = line.firstIndex(of: 0) { return Array(line[0..<z]) }
        return line
    }

    /// Writes all of `bytes` before `deadline`. SIGPIPE is never raised (MSG_NOSIGNAL, or blocked and swallowed
    /// around the pipe write).
    func write(_ bytes: [UInt8], deadline: UInt64) -> WriteResult {
        if peerGone || closed { return .peerClosed }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                let p = base + offset
                let count = raw.count - offset
                return isSocket ? send(writeFD, p, count, Int32(MSG_NOSIGNAL)) : Self.pipeWrite(writeFD, p, count)
            }
            if n > 0 {
                offset += n
                continue
            }
            let err = errno
            if n < 0 && (err == EAGAIN || err == EWOULDBLOCK || err == EINTR) {
                let left = AGIClock.millisecondsLeft(until: deadline)
                if left <= 0 { return .timeout }
                var pfd = pollfd(fd: writeFD, events: Int16(POLLOUT), revents: 0)
                _ = poll(&pfd, 1, min(left, Self.slice))
                continue
            }
            peerGone = true
            return .peerClosed
        }
        return .written
    }

    /// write(2) with SIGPIPE blocked for this thread; a SIGPIPE raised by this write is consumed.
    private static func pipeWrite(_ fd: Int32, _ p: UnsafeRawPointer, _ count: Int) -> Int {
        var pipeSet = sigset_t()
        sigemptyset(&pipeSet)
        sigaddset(&pipeSet, SIGPIPE)
        var oldSet = sigset_t()
        pthread_sigmask(SIG_BLOCK, &pipeSet, &oldSet)
        var pendingBefore = sigset_t()
        sigpending(&pendingBefore)
        let wasPending = sigismember(&pendingBefore, SIGPIPE) == 1
        let n = Glibc.write(fd, p, count)
        let err = errno
        if n < 0 && err == EPIPE && !wasPending {
            var zero = timespec(tv_sec: 0, tv_nsec: 0)
            _ = sigtimedwait(&pipeSet, nil, &zero)
        }
        pthread_sigmask(SIG_SETMASK, &oldSet, nil)
        errno = err
        return n
    }
}
