#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A locally run AGI program: spawned with its stdin/stdout on pipes, in its own process group so that a
/// runaway script and whatever it started can be ended together.
final class AGIChildProcess {
    enum SpawnError: Error, Equatable {
        case pipes
        case spawn(Int32)
    }

    let pid: pid_t
    /// Our ends: we write the child's stdin, we read its stdout.
    let stdinWrite: Int32
    let stdoutRead: Int32
    private(set) var rawStatus: Int32?

    private init(pid: pid_t, stdinWrite: Int32, stdoutRead: Int32) {
        self.pid = pid
        self.stdinWrite = stdinWrite
        self.stdoutRead = stdoutRead
    }

    /// `execv(path, argv)` as `launch_script` does: argv[0] is the script name as given, then the arguments.
    static func spawn(path: String, argv: [String], environment: [String: String]) -> Result<AGIChildProcess, SpawnError> {
        guard let toChild = AGILibc.makePipe() else { return .failure(.pipes) }
        guard let fromChild = AGILibc.makePipe() else {
            _ = close(toChild.read); _ = close(toChild.write)
            return .failure(.pipes)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild.read, 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild.write, 1)
        // Close everything but stdin/stdout/stderr in the child (fd 3 is EAGI's audio, unused here).
        if let closeFrom = AGILibc.addCloseFrom {
            _ = closeFrom(&actions, 3)
        }

        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attr, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for s in [SIGPIPE, SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGCHLD, SIGUSR1, SIGUSR2, SIGALRM] {
            sigaddset(&defaults, s)
        }
        posix_spawnattr_setsigdefault(&attr, &defaults)
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in cArgv { free(p) }
            for p in cEnv { free(p) }
        }

        var pid: pid_t = 0
        var rc: Int32 = 0
        // ETXTBSY: the program is still open for writing somewhere (just deployed, or its writer's descriptor was
        // briefly inherited by another process being spawned). It clears within milliseconds; retry briefly.
        for attempt in 0..<10 {
            rc = cArgv.withUnsafeBufferPointer { argvBuf -> Int32 in
                cEnv.withUnsafeBufferPointer { envBuf -> Int32 in
                    guard let argvBase = argvBuf.baseAddress, let envBase = envBuf.baseAddress else { return EINVAL }
                    return posix_spawn(&pid, path, &actions, &attr, argvBase, envBase)
                }
            }
            if rc != ETXTBSY { break }
            usleep(useconds_t(10_000 * (attempt + 1)))
        }
        _ = close(toChild.read)
        _ = close(fromChild.write)
        guard rc == 0 else {
            _ = close(toChild.write)
            _ = close(fromChild.read)
            return .failure(.spawn(rc))
        }
        return .success(AGIChildProcess(pid: pid, stdinWrite: toChild.write, stdoutRead: fromChild.read))
    }

    var hasExited: Bool {
        rawStatus != nil || reap(blocking: false)
    }

    /// Sends `signal` to the child itself (Asterisk's SIGHUP on hangup goes to the pid only).
    func signal(_ sig: Int32) {
        guard rawStatus == nil else { return }
        _ = kill(pid, sig)
    }

    /// Sends `signal` to the child's whole process group.
    func signalGroup(_ sig: Int32) {
        if kill(-pid, sig) != 0 && rawStatus == nil {
            _ = kill(pid, sig)
        }
    }

    @discardableResult
    func reap(blocking: Bool) -> Bool {
        if rawStatus != nil { return true }
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if r == pid {
                rawStatus = status
                return true
            }
            if r < 0 && errno == EINTR { continue }
            if r < 0 {
                // Already reaped elsewhere (ECHILD): count it as gone, status unknown (failure).
                rawStatus = rawStatus ?? 255 << 8
                return true
            }
            return false
        }
    }

    /// Waits up to `timeout` for the child to exit.
    func waitForExit(_ timeout: Duration) -> Bool {
        let deadline = AGIClock.deadline(after: timeout)
        var pause: useconds_t = 1000
        while true {
            if reap(blocking: false) { return true }
            if AGIClock.now() >= deadline { return false }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// SIGTERM to the group, then SIGKILL after `grace`; always ends reaped (unless the kernel will not let go).
    func terminate(grace: Duration) {
        if rawStatus == nil {
            signalGroup(SIGTERM)
            if !waitForExit(grace) {
                signalGroup(SIGKILL)
                _ = waitForExit(.seconds(5))
            }
        }
        // Stragglers the script left in its group.
        _ = kill(-pid, SIGKILL)
    }

    /// Exit code when the child exited normally, nil when killed by a signal or still running.
    var exitCode: Int32? {
        guard let s = rawStatus, s & 0x7f == 0 else { return nil }
        return (s >> 8) & 0xff
    }

    static func scriptEnvironment(options: AGIOptions) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["AST_AGI_DIR"] = options.agiDirectory
        for (k, v) in options.scriptEnvironment { env[k] = v }
        return env
    }
}
