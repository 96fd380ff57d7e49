import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Engine

@Suite("AGI over stdin/stdout")
struct AGIRunnerTests {
    @Test("a Python script runs a command sequence and sees Asterisk's replies")
    func pythonSequence() throws {
        let dir = AGIScriptDirectory()
        dir.write("seq.py", pythonAGIPrelude + #"""
replies = [
    cmd("ANSWER"),
    cmd("GET VARIABLE CALLERID(num)"),
    cmd("SET VARIABLE RESULT ok"),
    cmd('STREAM FILE hello "12"'),
    cmd("WAIT FOR DIGIT 100"),
    cmd("EXEC Playback beep"),
    cmd("FOO BAR"),
    cmd("DATABASE PUT fam key value"),
    cmd("DATABASE GET fam key"),
    "ENV " + ",".join(env_order),
    "ARGS " + env.get("agi_arg_1", "") + "|" + env.get("agi_arg_2", ""),
]
out(replies)
"""#)
        let host = RecordingAGIHost()
        host.playbacks = [AGIPlayback(digit: "1", endPosition: 3200)]
        host.digits = [.digit("5")]
        let status = AGIRunner.run("seq.py", arguments: [dir.file("out.txt"), "two words"], host: host,
                                   options: dir.options())
        #expect(status == .success)
        let lines = dir.lines("out.txt")
        try #require(lines.count == 11)
        #expect(Array(lines[0..<9]) == [
            "200 result=0",
            "200 result=1 (100)",
            "200 result=1",
            "200 result=49 endpos=3200",
            "200 result=53",
            "200 result=0",
            "510 Invalid or unknown command",
            "200 result=1",
            "200 result=1 (value)",
        ])
        #expect(lines[9] == "ENV " + (host.environment.map(\.key) + ["agi_arg_1", "agi_arg_2"]).joined(separator: ","))
        #expect(lines[10] == "ARGS \(dir.file("out.txt"))|two words")
        #expect(host.variables["RESULT"] == "ok")
        #expect(host.calls.contains("streamFile hello [12] 0"))
        #expect(host.calls.contains("execute Playback(beep)"))
        // Every line sent and received went through the AGI log.
        #expect(host.sentLines.first == "agi_request: test.agi")
        #expect(host.sentLines.contains("agi_arg_2: two words"))
        #expect(host.sentLines.contains(""))
        #expect(host.sentLines.contains("200 result=49 endpos=3200"))
        #expect(host.receivedLines == ["ANSWER", "GET VARIABLE CALLERID(num)", "SET VARIABLE RESULT ok",
                                       #"STREAM FILE hello "12""#, "WAIT FOR DIGIT 100", "EXEC Playback beep",
                                       "FOO BAR", "DATABASE PUT fam key value", "DATABASE GET fam key"])
    }

    @Test("a shell script in the AGI directory, found by relative name; 520 usage reply reaches it")
    func shellScript() {
        let dir = AGIScriptDirectory()
        dir.write("noop.sh", #"""
#!/bin/sh
while read line; do [ -z "$line" ] && break; done
echo "NOOP"
read reply
echo "$reply" > "$1"
echo "WAIT FOR DIGIT"
read usage1
read usage2
echo "$usage1" >> "$1"
echo "$usage2" >> "$1"
exit 0
"""#)
        let host = RecordingAGIHost()
        let status = AGIRunner.run("noop.sh", arguments: [dir.file("reply.txt")], host: host, options: dir.options())
        #expect(status == .success)
        let lines = dir.lines("reply.txt")
        #expect(lines.first == "200 result=0")
        #expect(lines.count == 3)
        #expect(lines.dropFirst().first == "520-Invalid command syntax.  Proper usage follows:")
        #expect(lines.last?.hasSuffix("520 End of proper usage.") == true)
    }

    @Test("agi_request is sent first when the host's environment lacks it; AST_AGI_DIR is set")
    func requestAdded() {
        let dir = AGIScriptDirectory()
        dir.write("env.py", pythonAGIPrelude + #"""
out([env.get("agi_request", "-"), env_order[0], os.environ.get("AST_AGI_DIR", "-")])
"""#)
        let host = RecordingAGIHost()
        host.environment.removeAll { $0.key == "agi_request" }
        let status = AGIRunner.run(dir.file("env.py"), arguments: [dir.file("o.txt")], host: host, options: dir.options())
        #expect(status == .success)
        #expect(dir.lines("o.txt") == [dir.file("env.py"), "agi_request", dir.path])
    }

    @Test("a missing program is NOTFOUND and never touches the host")
    func notFound() {
        let dir = AGIScriptDirectory()
        let host = RecordingAGIHost()
        #expect(AGIRunner.run("nothere.agi", arguments: [], host: host, options: dir.options()) == .notFound)
        #expect(AGIRunner.run("/nonexistent/dir/x.agi", arguments: [], host: host, options: dir.options()) == .notFound)
        #expect(host.calls.isEmpty)
        #expect(host.log.isEmpty)
    }

    @Test("an existing but non-executable program is FAILURE (execv fails, as in launch_script)")
    func notExecutable() {
        let dir = AGIScriptDirectory()
        dir.write("plain.sh", "#!/bin/sh\nexit 0\n", executable: false)
        #expect(AGIRunner.run("plain.sh", arguments: [], host: RecordingAGIHost(), options: dir.options()) == .failure)
        #expect(AGIRunner.run("", arguments: [], host: RecordingAGIHost(), options: dir.options()) == .failure)
    }

    @Test("a non-zero exit code turns SUCCESS into FAILURE")
    func exitCode() {
        let dir = AGIScriptDirectory()
        dir.write("exit3.sh", "#!/bin/sh\nwhile read l; do [ -z \"$l\" ] && break; done\necho NOOP\nread r\nexit 3\n")
        dir.write("exit0.sh", "#!/bin/sh\nwhile read l; do [ -z \"$l\" ] && break; done\necho NOOP\nread r\nexit 0\n")
        #expect(AGIRunner.run("exit3.sh", arguments: [], host: RecordingAGIHost(), options: dir.options()) == .failure)
        #expect(AGIRunner.run("exit0.sh", arguments: [], host: RecordingAGIHost(), options: dir.options()) == .success)
    }

    @Test("a script that crashes mid-session ends with FAILURE")
    func crash() {
        let dir = AGIScriptDirectory()
        dir.write("crash.py", pythonAGIPrelude + "cmd(\"NOOP\")\nos.kill(os.getpid(), signal.SIGSEGV)\n")
        let host = RecordingAGIHost()
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("crash.py", arguments: [], host: host, options: dir.options())
        }
        #expect(status == .failure)
        #expect(elapsed < 4)
        #expect(host.receivedLines == ["NOOP"])
    }

    @Test("a script that exits without reading the environment ends cleanly")
    func exitsImmediately() {
        let dir = AGIScriptDirectory()
        dir.write("quick.sh", "#!/bin/sh\nexit 0\n")
        dir.write("quickfail.sh", "#!/bin/sh\nexit 1\n")
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("quick.sh", arguments: [], host: RecordingAGIHost(), options: dir.options())
        }
        #expect(status == .success)
        #expect(elapsed < 4)
        #expect(AGIRunner.run("quickfail.sh", arguments: [], host: RecordingAGIHost(), options: dir.options()) == .failure)
    }

    @Test("a script that never answers is ended at the read timeout and killed")
    func hangs() throws {
        let dir = AGIScriptDirectory()
        dir.write("hang.sh", "#!/bin/sh\necho $$ > \"$1\"\nexec sleep 30\n")
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("hang.sh", arguments: [dir.file("pid")], host: RecordingAGIHost(),
                          options: dir.options(readTimeout: .milliseconds(500)))
        }
        #expect(status == .failure)
        #expect(elapsed < 5)
        let pid = try #require(Int32(dir.read("pid")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""))
        #expect(!processIsAlive(pid))
    }

    @Test("a script that ignores SIGTERM is killed with SIGKILL")
    func ignoresTerm() throws {
        let dir = AGIScriptDirectory()
        dir.write("stubborn.py", pythonAGIPrelude + #"""
signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)
with open(out_path, "w") as f:
    f.write(str(os.getpid()))
cmd("NOOP")
import time
time.sleep(30)
"""#)
        // Python can take a while to start on a loaded machine: the read timeout leaves it time to write its pid.
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("stubborn.py", arguments: [dir.file("pid")], host: RecordingAGIHost(),
                          options: dir.options(readTimeout: .seconds(3)))
        }
        #expect(status == .failure)
        #expect(elapsed < 9)
        let pid = try #require(Int32(dir.read("pid") ?? ""))
        #expect(!processIsAlive(pid))
    }

    @Test("a script that closes stdout but keeps running is ended and reaped")
    func closesStdout() {
        let dir = AGIScriptDirectory()
        dir.write("closer.sh", "#!/bin/sh\nexec >&-\nexec sleep 30\n")
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("closer.sh", arguments: [], host: RecordingAGIHost(),
                          options: dir.options(readTimeout: .milliseconds(500)))
        }
        #expect(status == .failure)
        #expect(elapsed < 5)
    }

    @Test("garbage and non-UTF-8 lines get 510 replies; the session still ends normally")
    func garbage() {
        let dir = AGIScriptDirectory()
        dir.write("garbage.py", pythonAGIPrelude + #"""
replies = []
for chunk in [b"\xff\xfe\xfd\n", b"\x00\x01\x02 binary\n", b"   \n", b"NOOP\r\n"]:
    sys.stdout.buffer.write(chunk)
    sys.stdout.flush()
    replies.append(sys.stdin.readline().rstrip("\n"))
out(replies)
"""#)
        let host = RecordingAGIHost()
        let status = AGIRunner.run("garbage.py", arguments: [dir.file("o.txt")], host: host, options: dir.options())
        #expect(status == .success)
        #expect(dir.lines("o.txt") == ["510 Invalid or unknown command", "510 Invalid or unknown command",
                                       "510 Invalid or unknown command", "200 result=0"])
    }

    @Test("a script flooding output without reading replies is ended")
    func flood() {
        let dir = AGIScriptDirectory()
        dir.write("flood.sh", "#!/bin/sh\nexec yes 'GARBAGE GARBAGE GARBAGE'\n")
        let host = RecordingAGIHost()
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("flood.sh", arguments: [], host: host, options: dir.options(readTimeout: .milliseconds(500)))
        }
        #expect(status == .failure)
        #expect(elapsed < 10)
        #expect(host.receivedLines.count > 10)
    }

    @Test("a line beyond the length cap ends the session with FAILURE")
    func hugeLine() {
        let dir = AGIScriptDirectory()
        dir.write("huge.py", pythonAGIPrelude + #"""
sys.stdout.write("NOOP " + "A" * 300000)
sys.stdout.flush()
import time
time.sleep(30)
"""#)
        let host = RecordingAGIHost()
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("huge.py", arguments: [], host: host, options: dir.options(readTimeout: .seconds(3)))
        }
        #expect(status == .failure)
        #expect(elapsed < 6)
        #expect(host.receivedLines.count == 1)
        #expect(host.receivedLines.first?.hasPrefix("NOOP AAAA") == true)
    }

    @Test("a last line without a newline is still a command")
    func unterminatedLastLine() {
        let dir = AGIScriptDirectory()
        dir.write("partial.sh", "#!/bin/sh\nwhile read l; do [ -z \"$l\" ] && break; done\nprintf 'SET VARIABLE DONE yes'\n")
        let host = RecordingAGIHost()
        #expect(AGIRunner.run("partial.sh", arguments: [], host: host, options: dir.options()) == .success)
        #expect(host.variables["DONE"] == "yes")
    }

    @Test("a line starting with 'failure' ends the session with FAILURE")
    func failureLine() {
        let dir = AGIScriptDirectory()
        dir.write("fail.sh", "#!/bin/sh\necho failure\nexec sleep 30\n")
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("fail.sh", arguments: [], host: RecordingAGIHost(), options: dir.options())
        }
        #expect(status == .failure)
        #expect(elapsed < 5)
    }

    @Test("the whole-session limit ends a script that keeps talking")
    func sessionLimit() {
        let dir = AGIScriptDirectory()
        dir.write("chatty.py", pythonAGIPrelude + "while True:\n    cmd(\"NOOP\")\n")
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("chatty.py", arguments: [], host: RecordingAGIHost(),
                          options: dir.options(readTimeout: .seconds(5), sessionLimit: .milliseconds(800)))
        }
        #expect(status == .failure)
        #expect(elapsed < 5)
    }

    @Test("a hangup during the session: SIGHUP to the script, dead mode (511), AGISTATUS HANGUP")
    func hangupDuringSession() {
        let dir = AGIScriptDirectory()
        dir.write("hup.py", pythonAGIPrelude + #"""
got = []
signal.signal(signal.SIGHUP, lambda s, f: got.append("SIGHUP"))
replies = [cmd("STREAM FILE prompt \"\"")]
replies.append(cmd("NOOP"))
replies.append(cmd("STREAM FILE again \"\""))
replies.append(cmd("GET VARIABLE CALLERID(num)"))
import time
for _ in range(50):
    if got: break
    time.sleep(0.02)
replies.append(",".join(got) or "no signal")
out(replies)
"""#)
        let host = RecordingAGIHost()
        host.hangUpOn = "streamFile"
        let status = AGIRunner.run("hup.py", arguments: [dir.file("o.txt")], host: host, options: dir.options())
        #expect(status == .hangup)
        #expect(dir.lines("o.txt") == [
            "200 result=-1 endpos=0",
            "200 result=0",
            "511 Command Not Permitted on a dead channel or intercept routine",
            "200 result=1 (100)",
            "SIGHUP",
        ])
    }

    @Test("HANGUP from the script makes AGISTATUS HANGUP")
    func hangupCommand() {
        let dir = AGIScriptDirectory()
        dir.write("bye.py", pythonAGIPrelude + #"""
signal.signal(signal.SIGHUP, signal.SIG_IGN)
out([cmd("HANGUP"), cmd("ANSWER")])
"""#)
        let host = RecordingAGIHost()
        #expect(AGIRunner.run("bye.py", arguments: [dir.file("o.txt")], host: host, options: dir.options()) == .hangup)
        #expect(dir.lines("o.txt") == ["200 result=1", "511 Command Not Permitted on a dead channel or intercept routine"])
    }

    @Test("AGISIGHUP=no: no SIGHUP; AGIEXITONHANGUP=yes: the session ends at the hangup")
    func hangupVariables() {
        let dir = AGIScriptDirectory()
        dir.write("nohup.py", pythonAGIPrelude + #"""
got = []
signal.signal(signal.SIGHUP, lambda s, f: got.append("SIGHUP"))
r = [cmd("HANGUP"), cmd("NOOP")]
import time
time.sleep(0.2)
r.append(",".join(got) or "no signal")
out(r)
"""#)
        let host = RecordingAGIHost()
        host.variables["AGISIGHUP"] = "no"
        #expect(AGIRunner.run("nohup.py", arguments: [dir.file("o.txt")], host: host, options: dir.options()) == .hangup)
        #expect(dir.lines("o.txt") == ["200 result=1", "200 result=0", "no signal"])

        dir.write("stay.sh", "#!/bin/sh\nwhile read l; do [ -z \"$l\" ] && break; done\ntrap '' HUP\necho HANGUP\nread r\nexec sleep 30\n")
        let exiting = RecordingAGIHost()
        exiting.variables["AGIEXITONHANGUP"] = "yes"
        let (status, elapsed) = AGITestTiming.measure {
            AGIRunner.run("stay.sh", arguments: [], host: exiting, options: dir.options())
        }
        #expect(status == .hangup)
        #expect(elapsed < 5)
    }

    @Test("a channel already hung up runs the script in dead mode without HANGUP status")
    func startsDead() {
        let dir = AGIScriptDirectory()
        dir.write("dead.py", pythonAGIPrelude + "out([cmd(\"ANSWER\"), cmd(\"SET VARIABLE X 1\")])\n")
        let host = RecordingAGIHost()
        host.hungUp = true
        #expect(AGIRunner.run("dead.py", arguments: [dir.file("o.txt")], host: host, options: dir.options()) == .success)
        #expect(dir.lines("o.txt") == ["511 Command Not Permitted on a dead channel or intercept routine", "200 result=1"])
        #expect(host.variables["X"] == "1")
    }

    @Test("a failing command while the channel is up makes AGISTATUS FAILURE, and the session goes on")
    func commandFailure() {
        let dir = AGIScriptDirectory()
        dir.write("missing.py", pythonAGIPrelude + "out([cmd(\"STREAM FILE nothere \\\"\\\"\"), cmd(\"NOOP\")])\n")
        let host = RecordingAGIHost()
        host.playbacks = [AGIPlayback(failed: true)]
        #expect(AGIRunner.run("missing.py", arguments: [dir.file("o.txt")], host: host, options: dir.options()) == .failure)
        #expect(dir.lines("o.txt") == ["200 result=-1 endpos=0", "200 result=0"])
    }
}
