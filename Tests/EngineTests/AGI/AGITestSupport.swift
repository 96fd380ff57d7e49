import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Engine

/// Temporary AGI scripts for the runner tests.
final class AGIScriptDirectory {
    let path: String

    init() {
        var template = Array((NSTemporaryDirectory() + "/agi-test-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buf -> String? in
            guard let base = buf.baseAddress, mkdtemp(base) != nil else { return nil }
            return String(cString: base)
        }
        path = made ?? (NSTemporaryDirectory() + "/agi-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ name: String, _ contents: String, executable: Bool = true) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: Data(contents.utf8))
        chmod(file, executable ? 0o755 : 0o644)
        return file
    }

    func file(_ name: String) -> String { path + "/" + name }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: file(name), encoding: .utf8)
    }

    func lines(_ name: String) -> [String] {
        (read(name) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    /// Options that make hangs end fast in tests.
    func options(readTimeout: Duration = .seconds(5), sessionLimit: Duration = .seconds(60)) -> AGIOptions {
        AGIOptions(agiDirectory: path, readTimeout: readTimeout, sessionLimit: sessionLimit,
                   killGracePeriod: .milliseconds(300))
    }
}

/// A Python prelude for AGI scripts: reads the environment, `cmd()` sends a command and returns the reply line.
let pythonAGIPrelude = #"""
#!/usr/bin/env python3
import sys, os, signal
env = {}
env_order = []
while True:
    line = sys.stdin.readline()
    if not line or line == "\n":
        break
    k, _, v = line.rstrip("\n").partition(": ")
    env[k] = v
    env_order.append(k)
def cmd(c):
    sys.stdout.write(c + "\n")
    sys.stdout.flush()
    return sys.stdin.readline().rstrip("\n")
out_path = sys.argv[1] if len(sys.argv) > 1 else "/dev/null"
def out(lines):
    with open(out_path, "w") as f:
        f.write("\n".join(lines) + "\n")

"""#

enum AGITestTiming {
    static func measure(_ body: () -> AGIStatus) -> (AGIStatus, Double) {
        let start = Date()
        let status = body()
        return (status, Date().timeIntervalSince(start))
    }
}

func processIsAlive(_ pid: Int32) -> Bool {
    guard pid > 0 else { return false }
    return kill(pid, 0) == 0
}
