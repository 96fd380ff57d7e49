// engine-bench: event-level calls per second through a 20-step menu on the virtual clock, and heap per call.
//
//     swift run -c release engine-bench [--calls N]
//
// Never used as a timed test.
#if canImport(Glibc)
import Glibc
#endif
import Audio
import Channels
import Dialplan
import Engine
import Foundation

let menu = """
[globals]
COMPANY=example
[incoming]
exten => s,1,Answer()
 same => n,Set(TIMEOUT(digit)=2)
 same => n,Set(TIMEOUT(response)=5)
 same => n,Set(TRIES=0)
 same => n(menu),Background(${COMPANY}-welcome&main-menu)
 same => n,WaitExten(5)
exten => 1,1,Set(TRIES=$[${TRIES} + 1])
 same => n,GotoIf($[${TRIES} > 3]?bye)
 same => n,Gosub(sub-check,s,1(${CALLERID(num)},${TRIES}))
 same => n,Background(account-menu)
 same => n,WaitExten(5)
 same => n(bye),Playback(goodbye)
 same => n,Hangup()
exten => 2,1,Read(ACCOUNT,enter-account,8,,2,4)
 same => n,GotoIf($[${LEN(${ACCOUNT})} < 4]?i,1)
 same => n,SayDigits(${ACCOUNT})
 same => n,Playback(thank-you)
 same => n,Hangup()
exten => i,1,Playback(invalid)
 same => n,Goto(s,menu)
exten => t,1,Goto(s,menu)
exten => h,1,NoOp(${CALLERID(num)} ${TRIES})
[sub-check]
exten => s,1,Set(LOCAL(N)=${ARG2})
 same => n,ExecIf($[${N} > 2]?Verbose(1,retry ${N}))
 same => n,Return(${IF($[${ARG1:0:3} = 555]?local:remote)})
"""

func argument(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
          let parsed = Int(arguments[index + 1]), parsed > 0 else { return value }
    return parsed
}

/// Resident memory of this process in bytes (`/proc/self/statm`), 0 where unavailable.
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

let calls = argument("--calls", default: 20_000)
let loaded = DialplanLoader(linter: nil).load(text: menu, path: "bench.conf")
guard !loaded.hasErrors else {
    print(loaded.renderer.render(loaded.diagnostics))
    exit(1)
}
let engine = Engine(dialplan: loaded.dialplan, configuration: EngineConfiguration(timeZone: TimeZone(identifier: "UTC") ?? .current))
/// Three callers: menu 1 then an invalid key then 2 and an account; straight to 2; invalid then silence.
let scripts = [
    CallerScript(presses: [.init(digit: "1", time: 2.5), .init(digit: "9", time: 4.5), .init(digit: "2", time: 6.5),
                           .init(digit: "1", time: 8), .init(digit: "2", time: 8.3), .init(digit: "3", time: 8.6),
                           .init(digit: "4", time: 8.9), .init(digit: "#", time: 9.2)]),
    CallerScript(presses: [.init(digit: "2", time: 1.5), .init(digit: "1", time: 3), .init(digit: "2", time: 3.3),
                           .init(digit: "3", time: 3.6), .init(digit: "4", time: 3.9), .init(digit: "#", time: 4.2)]),
    CallerScript(presses: [.init(digit: "9", time: 2.5), .init(digit: "1", time: 4.5), .init(digit: "1", time: 7)],
                 hangupAt: 40),
]

func oneCall(_ index: Int) -> CallResult {
    let channel = ScriptedChannel(script: scripts[index % scripts.count], start: 1_795_428_000)
    return engine.run(CallRequest(context: "incoming", callerNumber: "5551234", startTime: 1_795_428_000), on: channel)
}

var steps = 0
for index in 0..<300 { steps += oneCall(index).events.count }  // warm up

var best = Double.infinity
var executed = 0
for _ in 0..<3 {
    executed = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for index in 0..<calls {
        let result = oneCall(index)
        executed += result.events.reduce(0) { count, event in
            if case .exec = event.kind { return count + 1 }
            return count
        }
    }
    best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
print(String(format: "event-level calls: %d in %.3f s = %.0f calls/s on one core, %.1f priorities per call",
             calls, best, Double(calls) / best, Double(executed) / Double(calls)))

// Memory per call: keep 10,000 finished calls (events and record) alive and measure the resident growth.
let keep = 10_000
let before = residentBytes()
var kept: [CallResult] = []
kept.reserveCapacity(keep)
for index in 0..<keep { kept.append(oneCall(index)) }
let after = residentBytes()
print(String(format: "memory per call (events + record kept, resident growth over %d calls): %.1f KB, %d events per call",
             keep, Double(after - before) / Double(keep) / 1024, kept.reduce(0) { $0 + $1.events.count } / kept.count))

// Audio level: a 60-second caller WAV (menu choice 2, then an account number) through the detector, the
// interpreter and the heard-audio writer, with the generated prompts. Realtime factor = call time / wall time.
let promptRoot = FileManager.default.fileExists(atPath: "Prompts/en") ? "Prompts" : nil
if let promptRoot {
    let generator = DTMFGenerator(onMilliseconds: 80, offMilliseconds: 0, levelDBm0: -10)
    var callerSamples = [Int16](repeating: 0, count: 60 * 8000)
    for (digit, end) in [("2", 1.5), ("1", 4.0), ("2", 4.3), ("3", 4.6), ("4", 4.9), ("#", 5.2)] as [(Character, Double)] {
        guard let tone = generator.tone(for: digit) else { continue }
        let stop = Int(end * 8000)
        for (index, value) in tone.enumerated() { callerSamples[stop - tone.count + index] = value }
    }
    let caller = CallerAudio(AudioClip(samples: callerSamples))
    let prompts = PromptDirectory(root: promptRoot)
    var bestAudio = Double.infinity
    var callSeconds = 0.0
    for _ in 0..<5 {
        let started = DispatchTime.now().uptimeNanoseconds
        // Detection included: decode the caller audio afresh each time, as a live call would.
        let decoded = CallerAudio(caller.clip)
        let channel = AudioFileChannel(caller: decoded, prompts: prompts, start: 1_795_428_000)
        let result = engine.run(CallRequest(context: "incoming", callerNumber: "5551234", startTime: 1_795_428_000), on: channel)
        _ = channel.heardAudio
        bestAudio = min(bestAudio, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        callSeconds = result.duration
    }
    print(String(format: "audio-level call: %.1f s of call in %.4f s = %.0fx realtime (detector, interpreter, heard audio)",
                 callSeconds, bestAudio, callSeconds / bestAudio))
} else {
    print("audio-level call: skipped (run from the repository root so Prompts/en is found)")
}
