import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Engine

/// A Python FastAGI server run by a test: it writes its port to a file, serves one session, writes what it saw
/// as JSON, and exits by itself (or after its own timeout). `stop()` kills it if it is still there.
final class PythonFastAGIServer {
    let process = Process()
    let dir: AGIScriptDirectory
    let resultFile: String

    init(python: [String], script: String, mode: String, dir: AGIScriptDirectory) throws {
        self.dir = dir
        let scriptPath = dir.write("server-\(mode).py", script)
        resultFile = dir.file("result-\(mode).json")
        process.executableURL = URL(fileURLWithPath: python[0])
        process.arguments = Array(python.dropFirst()) + [scriptPath, dir.file("port-\(mode)"), resultFile, mode]
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.mode = mode
    }

    private let mode: String

    /// The port the server listens on, once it says so (nil after 15 s, or when the server died).
    func port() -> UInt16? {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = dir.read("port-\(mode)"), let p = UInt16(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return p
            }
            if !process.isRunning { return nil }
            usleep(20_000)
        }
        return nil
    }

    /// Waits (bounded) for the server to finish, then returns its JSON report.
    func result(timeout: TimeInterval = 15) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard let data = FileManager.default.contents(atPath: resultFile) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }

    deinit { stop() }
}

/// A FastAGI server written with the standard library only: one session, scripted by `mode`.
let plainFastAGIServer = #"""
import socket, sys, json, os
port_file, result_file, mode = sys.argv[1], sys.argv[2], sys.argv[3]
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
srv.settimeout(20)
with open(port_file + ".tmp", "w") as f:
    f.write(str(srv.getsockname()[1]))
os.rename(port_file + ".tmp", port_file)
report = {"headers": [], "replies": [], "trailer": []}
try:
    conn, _ = srv.accept()
    conn.settimeout(10)
    f = conn.makefile("rwb")
    while True:
        line = f.readline()
        if not line or line == b"\n":
            break
        report["headers"].append(line.decode().rstrip("\n"))
    def cmd(c):
        f.write((c + "\n").encode())
        f.flush()
        return f.readline().decode().rstrip("\n")
    if mode == "basic":
        report["replies"] = [cmd("ANSWER"), cmd("GET VARIABLE CALLERID(num)"), cmd("SET VARIABLE FROM fastagi"),
                             cmd("SAY DIGITS 42 #"), cmd("FOO")]
    elif mode == "hangup":
        report["replies"] = [cmd("HANGUP"), cmd("NOOP"), cmd("NOOP")]
    elif mode == "silent":
        import time
        time.sleep(5)
    elif mode == "junk":
        f.write(b"X" * 200000)
        f.flush()
    f.flush()
    conn.shutdown(socket.SHUT_WR)
    while True:
        line = f.readline()
        if not line:
            break
        report["trailer"].append(line.decode(errors="replace").rstrip("\n"))
except Exception as e:
    report["error"] = repr(e)
with open(result_file, "w") as out:
    json.dump(report, out)
"""#

/// A panoramisk `fast_agi.Application` server: one route, one session, then it exits.
let panoramiskFastAGIServer = #"""
import asyncio, json, sys, os
from panoramisk import fast_agi
port_file, result_file = sys.argv[1], sys.argv[2]
report = {}

async def main():
    done = asyncio.Event()

    async def route(request):
        report["headers"] = dict(request.headers)
        r = []
        r.append(await request.send_command("GET VARIABLE CALLERID(num)"))
        r.append(await request.send_command("SET VARIABLE RESULT ok"))
        r.append(await request.send_command('STREAM FILE hello "12"'))
        r.append(await request.send_command("FOO BAR"))
        r.append(await request.send_command("GET DATA enter-digits 3000 4"))
        r.append(await request.send_command("WAIT FOR DIGIT 1000"))
        r.append(await request.send_command("STREAM FILE"))
        r.append(await request.send_command("NOOP"))
        report["responses"] = r
        done.set()

    app = fast_agi.Application(loop=asyncio.get_running_loop())
    app.add_route("route", route)
    server = await asyncio.start_server(app.handler, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(port_file + ".tmp", "w") as f:
        f.write(str(port))
    os.rename(port_file + ".tmp", port_file)
    try:
        await asyncio.wait_for(done.wait(), 20)
    except asyncio.TimeoutError:
        report["error"] = "timeout"
    await asyncio.sleep(0.3)
    server.close()
    with open(result_file, "w") as f:
        json.dump(report, f, default=str)

asyncio.run(main())
"""#

enum AGIVenv {
    /// The venv interpreter with panoramisk: `IVR_AGI_PYTHON`, else `.build/agi-venv/bin/python` under the package
    /// root (or the current directory, which `swift test` sets to the package root).
    static let python: String? = {
        if let p = ProcessInfo.processInfo.environment["IVR_AGI_PYTHON"], !p.isEmpty { return p }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let candidates = [
            packageRoot.appendingPathComponent(".build/agi-venv/bin/python").path,
            FileManager.default.currentDirectoryPath + "/.build/agi-venv/bin/python",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
}

@Suite("FastAGI over TCP")
struct FastAGITests {
    @Test("agi:// URLs: host, port (default 4573), script with its query")
    func urls() {
        #expect(FastAGITarget(url: "agi://127.0.0.1/route") == FastAGITarget(host: "127.0.0.1", port: 4573, script: "route"))
        let t = FastAGITarget(url: "AGI://localhost:4600/a/b?x=1&y=2")
        #expect(t?.host == "localhost")
        #expect(t?.port == 4600)
        #expect(t?.script == "a/b?x=1&y=2")
        #expect(t?.explicitPort == true)
        #expect(FastAGITarget(url: "agi://[::1]:4000/s")?.host == "::1")
        #expect(FastAGITarget(url: "agi://[::1]:4000/s")?.port == 4000)
        #expect(FastAGITarget(url: "agi://host")?.script == "")
        #expect(FastAGITarget(url: "agi://host:notaport/x") == nil)
        #expect(FastAGITarget(url: "agi://host:0/x") == nil)
        #expect(FastAGITarget(url: "agi:///x") == nil)
        #expect(FastAGITarget(url: "http://host/x") == nil)
    }

    @Test("a refused connection, an unknown host or an unsupported scheme is FAILURE, quickly")
    func cannotConnect() {
        let host = RecordingAGIHost()
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("agi://127.0.0.1:1/x", arguments: [], host: host, options: AGIOptions(connectTimeout: .seconds(2)))
        }
        #expect(status == .failure)
        #expect(elapsed < 3)
        #expect(host.log.isEmpty)
        #expect(AGIRunner.run("agi://no-such-host.invalid/x", arguments: [], host: host) == .failure)
        #expect(AGIRunner.run("hagi://example.invalid/x", arguments: [], host: host) == .failure)
        #expect(AGIRunner.run("agi:async", arguments: [], host: host) == .failure)
    }

    @Test("a plain FastAGI server: network headers, commands, replies, and HANGUP at the end")
    func plainServer() throws {
        let dir = AGIScriptDirectory()
        let server = try PythonFastAGIServer(python: ["/usr/bin/env", "python3"], script: plainFastAGIServer,
                                             mode: "basic", dir: dir)
        defer { server.stop() }
        let port = try #require(server.port())
        let host = RecordingAGIHost()
        host.digits = [.timeout]
        let url = "agi://127.0.0.1:\(port)/script?x=1"
        let status = AGIRunner.run(url, arguments: ["a1", "a 2"], host: host, options: AGIOptions(readTimeout: .seconds(5)))
        #expect(status == .success)
        let report = try #require(server.result())
        let headers = try #require(report["headers"] as? [String])
        #expect(Array(headers.prefix(3)) == ["agi_network: yes", "agi_network_script: script?x=1", "agi_request: test.agi"])
        #expect(Array(headers.suffix(2)) == ["agi_arg_1: a1", "agi_arg_2: a 2"])
        #expect(report["replies"] as? [String] == ["200 result=0", "200 result=1 (100)", "200 result=1", "200 result=0",
                                                   "510 Invalid or unknown command"])
        #expect(report["trailer"] as? [String] == ["HANGUP"])
        #expect(host.variables["FROM"] == "fastagi")
        #expect(host.calls.contains("say digits 42 [#]"))
        #expect(host.sentLines.first == "agi_network: yes")
        #expect(host.sentLines.last == "HANGUP")
    }

    @Test("a hangup is announced to the FastAGI peer with HANGUP; AGISTATUS HANGUP")
    func hangupNotice() throws {
        let dir = AGIScriptDirectory()
        let server = try PythonFastAGIServer(python: ["/usr/bin/env", "python3"], script: plainFastAGIServer,
                                             mode: "hangup", dir: dir)
        defer { server.stop() }
        let port = try #require(server.port())
        let host = RecordingAGIHost()
        let status = AGIRunner.run("agi://127.0.0.1:\(port)/h", arguments: [], host: host,
                                   options: AGIOptions(readTimeout: .seconds(5)))
        #expect(status == .hangup)
        let report = try #require(server.result())
        // The HANGUP notice arrives where the peer expected the reply to its first NOOP, as with Asterisk.
        #expect(report["replies"] as? [String] == ["200 result=1", "HANGUP", "200 result=0"])
        #expect(report["trailer"] as? [String] == ["200 result=0", "HANGUP"])
    }

    @Test("a FastAGI server that never sends a command is ended at the read timeout")
    func silentServer() throws {
        let dir = AGIScriptDirectory()
        let server = try PythonFastAGIServer(python: ["/usr/bin/env", "python3"], script: plainFastAGIServer,
                                             mode: "silent", dir: dir)
        defer { server.stop() }
        let port = try #require(server.port())
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("agi://127.0.0.1:\(port)/s", arguments: [], host: RecordingAGIHost(),
                          options: AGIOptions(readTimeout: .milliseconds(500)))
        }
        #expect(status == .failure)
        #expect(elapsed < 3)
    }

    @Test("a FastAGI server sending an endless line is cut off with FAILURE")
    func junkServer() throws {
        let dir = AGIScriptDirectory()
        let server = try PythonFastAGIServer(python: ["/usr/bin/env", "python3"], script: plainFastAGIServer,
                                             mode: "junk", dir: dir)
        defer { server.stop() }
        let port = try #require(server.port())
        let host = RecordingAGIHost()
        let status = AGIRunner.run("agi://127.0.0.1:\(port)/j", arguments: [], host: host,
                                   options: AGIOptions(readTimeout: .seconds(5)))
        #expect(status == .failure)
        #expect(host.receivedLines.count == 1)
    }

    @Test("panoramisk fast_agi.Application talks to the runner",
          .disabled(if: AGIVenv.python == nil,
                    "no panoramisk venv: set IVR_AGI_PYTHON, or run `python3 -m venv .build/agi-venv && .build/agi-venv/bin/pip install panoramisk`"))
    func panoramisk() throws {
        let python = try #require(AGIVenv.python)
        let dir = AGIScriptDirectory()
        let server = try PythonFastAGIServer(python: [python], script: panoramiskFastAGIServer, mode: "panoramisk", dir: dir)
        defer { server.stop() }
        let port = try #require(server.port(), "the panoramisk server did not start (is panoramisk installed in \(python)?)")

        let host = RecordingAGIHost()
        host.environment.removeAll { $0.key == "agi_request" }
        host.playbacks = [AGIPlayback(digit: "2", endPosition: 1600)]
        host.dataResults = [AGIDigits(digits: "1234")]
        host.digits = [.digit("7")]
        let url = "agi://127.0.0.1:\(port)/route"
        let status = AGIRunner.run(url, arguments: ["first"], host: host, options: AGIOptions(readTimeout: .seconds(5)))
        #expect(status == .success)

        let report = try #require(server.result())
        #expect(report["error"] == nil)
        let headers = try #require(report["headers"] as? [String: String])
        #expect(headers["agi_network"] == "yes")
        #expect(headers["agi_network_script"] == "route")
        #expect(headers["agi_request"] == url)
        #expect(headers["agi_channel"] == "SIP/100-00000001")
        #expect(headers["agi_callerid"] == "100")
        #expect(headers["agi_arg_1"] == "first")

        let responses = try #require(report["responses"] as? [[String: Any]])
        try #require(responses.count == 8)
        func result(_ i: Int) -> [String]? { responses[i]["result"] as? [String] }
        #expect(responses[0]["status_code"] as? Int == 200)
        #expect(result(0) == ["1", "100"])
        #expect(result(1) == ["1", ""])
        #expect(result(2) == ["50", ""])
        #expect(responses[2]["endpos"] as? [String] == ["1600", ""])
        #expect(responses[3]["status_code"] as? Int == 510)
        #expect(responses[3]["error"] as? String == "AGIInvalidCommand")
        #expect(result(4) == ["1234", ""])
        #expect(result(5) == ["55", ""])
        #expect(responses[6]["status_code"] as? Int == 520)
        #expect(responses[6]["error"] as? String == "AGIUsageError")
        // After the two-line usage error the conversation is still in step.
        #expect(responses[7]["status_code"] as? Int == 200)
        #expect(result(7) == ["0", ""])

        #expect(host.variables["RESULT"] == "ok")
        #expect(host.calls.contains("streamFile hello [12] 0"))
        #expect(host.calls.contains("getData enter-digits 3000 4"))
        #expect(host.calls.contains("waitForDigit 1000"))
        #expect(host.receivedLines == ["GET VARIABLE CALLERID(num)", "SET VARIABLE RESULT ok", #"STREAM FILE hello "12""#,
                                       "FOO BAR", "GET DATA enter-digits 3000 4", "WAIT FOR DIGIT 1000", "STREAM FILE", "NOOP"])
        #expect(Array(host.sentLines.prefix(3)) == ["agi_network: yes", "agi_network_script: route", "agi_request: \(url)"])
    }
}
