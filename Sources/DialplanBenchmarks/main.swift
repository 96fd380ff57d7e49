// dialplan-bench: parse + lint throughput and expression evaluation speed.
//
//     swift run -c release dialplan-bench [--lines N] [--evaluations N]
//
// Prints the best of several runs; never used as a timed test.
import Dialplan
import Foundation

func argument(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count,
          let parsed = Int(arguments[index + 1]), parsed > 0 else { return value }
    return parsed
}

/// Wall-clock seconds of `body`, best of `runs`.
func best(of runs: Int, _ body: () -> Void) -> Double {
    var fastest = Double.infinity
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return fastest
}

/// A realistic dialplan of about `lines` lines: menus with labels, patterns, includes, jumps and expressions.
func generateDialplan(lines target: Int) -> String {
    var text = "[globals]\nTRIES=3\nCOMPANY=example\n"
    var lines = 3
    var context = 0
    while lines < target {
        let name = "menu-\(context)"
        let next = "menu-\(context + 1)"
        let block = """
        [\(name)]
        include => shared
        exten => s,1,Answer()
         same => n(menu),Background(${COMPANY}-\(context)&main-menu)
         same => n,WaitExten(5)
        exten => 1,1,Set(CHOICE=$[${CHOICE} + 1])
         same => n,GotoIf($[${CHOICE} > ${TRIES}]?i,1)
         same => n,Goto(\(next),s,1)
        exten => 2,1,Gosub(shared,sub,1(\(context),${EXTEN}))
         same => n,Goto(s,menu)
        exten => _9NXXXXXX,1,Dial(PJSIP/trunk/${EXTEN:1},30)
         same => n,Hangup()
        exten => i,1,Playback(option-is-invalid)
         same => n,Goto(s,menu)
        exten => t,1,Goto(s,menu)

        """
        text += block
        lines += block.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        context += 1
    }
    text += "[menu-\(context)]\nexten => s,1,Hangup()\n"
    text += "[shared]\nexten => sub,1,NoOp(${ARG1} ${ARG2})\n same => n,Return()\nexten => 0,1,Dial(PJSIP/operator)\n"
    return text
}

let lineCount = argument("--lines", default: 100_000)
let evaluations = argument("--evaluations", default: 2_000_000)

let text = generateDialplan(lines: lineCount)
let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false).count
let path = NSTemporaryDirectory() + "dialplan-bench.conf"
_ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
var findings = 0
let parseSeconds = best(of: 5) {
    let result = DialplanLoader().load(path: path)
    findings = result.diagnostics.count
}
print(String(format: "parse + lint: %d lines in %.3f s (%.0f lines/s), %d findings",
             actualLines, parseSeconds, Double(actualLines) / parseSeconds, findings))
var config = ConfigReader().read(text: "", path: "empty.conf")
let readSeconds = best(of: 5) { config = ConfigReader().read(path: path) }
var parsed = Dialplan()
let modelSeconds = best(of: 5) { parsed = DialplanParser.parse(config).dialplan }
let lintSeconds = best(of: 5) { findings = Linter().lint(parsed).count }
print(String(format: "  of which: read %.3f s, build model %.3f s, lint %.3f s", readSeconds, modelSeconds, lintSeconds))

let context = StandaloneContext(now: 0, timeZone: TimeZone(identifier: "UTC") ?? .current)
context.setVariable("A", to: "3")
var last = ""
let evalSeconds = best(of: 3) {
    for _ in 0..<evaluations { last = Substituter.substitute("$[${A} + 1 > 5]", in: context) }
}
print(String(format: "$[${A} + 1 > 5]: %d evaluations in %.3f s (%.0f evaluations/s, %.0f ns each)",
             evaluations, evalSeconds, Double(evaluations) / evalSeconds, evalSeconds / Double(evaluations) * 1e9)
      + ", result \(last)")

let plan = DialplanLoader(linter: nil).load(path: path).dialplan
var found = 0
let lookups = argument("--lookups", default: 1_000_000)
let lookupSeconds = best(of: 3) {
    found = 0
    for index in 0..<lookups where plan.findExtension(index % 2 == 0 ? "95551234" : "1", in: "menu-0") != nil {
        found += 1
    }
}
print(String(format: "extension lookups: %d in %.3f s (%.0f lookups/s), %d found",
             lookups, lookupSeconds, Double(lookups) / lookupSeconds, found))
