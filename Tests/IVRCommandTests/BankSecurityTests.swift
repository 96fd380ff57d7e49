import Engine
import Foundation
import Replay
import Testing

/// The bank's secrets never leave a call: every PIN and account number a bank scenario types, and the seeded ones,
/// are searched for in everything the product writes about bank calls — `ivr test` output with failures, JUnit,
/// coverage and lcov; traces, transcripts and CDRs of every bank scenario; `ivr report` text and HTML over them;
/// and a real `ivr run` of a bank call through audio with its trace, CDR and printed transcript.
@Suite struct BankSecurityTests {
    static let scenarioFile = repositoryRoot + "/Scenarios/bank.scenario"
    /// Accounts and PINs of Dialplans/bank-seed.conf.
    static let seeded: Set<String> = ["1234567", "4711", "7654321", "2468", "3141592", "1618"]

    /// What the scenarios type at the account and PIN prompts (4 digits or more, without `*` and `#`).
    static func typedSecrets(_ scenarios: [Scenario]) -> Set<String> {
        var secrets: Set<String> = []
        for scenario in scenarios {
            var asked = false
            for step in scenario.steps {
                switch step.kind {
                case .expect(.prompt(let name, _)): asked = name == "bank-enter-account" || name == "bank-enter-pin"
                case .expect(.prompts(let names)):
                    asked = names.last == "bank-enter-account" || names.last == "bank-enter-pin"
                case .press(let digits, _, _, _):
                    let bare = digits.filter(\.isNumber)
                    if asked && bare.count >= 4 { secrets.insert(bare) }
                    asked = false
                default: break
                }
            }
        }
        return secrets
    }

    @Test func noPINOrAccountNumberInAnyOutput() throws {
        let folder = NSTemporaryDirectory() + "ivr-security-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenarios = try ScenarioParser.parse(path: Self.scenarioFile).scenarios
        let secrets = Self.seeded.union(Self.typedSecrets(scenarios))
        #expect(secrets.count > Self.seeded.count, "the scenarios type wrong PINs and accounts too")
        var outputs: [(what: String, text: String)] = []
        func file(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

        // ivr test: the report, JUnit, coverage and lcov.
        let prompts = repositoryRoot + "/Prompts"
        let tested = ivr("test", Self.scenarioFile, "--prompts", prompts, "--junit", folder + "/junit.xml",
                         "--coverage", "--lcov", folder + "/bank.lcov")
        #expect(tested.status == 0, "\(tested.out)\(tested.err)")
        outputs += [("ivr test", tested.out + tested.err), ("JUnit", file(folder + "/junit.xml")),
                    ("lcov", file(folder + "/bank.lcov"))]

        // Failure reports show the trace around the divergence: make every scenario fail after logging in.
        let broken = file(Self.scenarioFile)
            .replacingOccurrences(of: "expect prompt bank-menu-options", with: "expect prompt no-such-menu")
            .replacingOccurrences(of: "dialplan ../Dialplans/", with: "dialplan \(repositoryRoot)/Dialplans/")
        let brokenPath = folder + "/broken.scenario"
        try broken.write(toFile: brokenPath, atomically: true, encoding: .utf8)
        let failing = ivr("test", brokenPath, "--prompts", prompts, "--junit", folder + "/failing.xml")
        #expect(failing.status == 1)
        #expect(failing.out.contains("no-such-menu"))
        outputs += [("failing ivr test", failing.out + failing.err), ("failing JUnit", file(folder + "/failing.xml"))]

        // Every scenario's trace, transcript and CDR, then the KPI report over them.
        let report = SuiteRunner.run(scenarios: scenarios, mode: .events, environment: ReplayEnvironment(promptRoot: prompts))
        #expect(report.failed == 0 && report.errors == 0)
        var traces: [String] = []
        var cdr = ""
        let utc = try #require(TimeZone(identifier: "UTC"))
        for (index, verdict) in report.verdicts.enumerated() {
            let trace = verdict.events.map(TraceJSON.line).joined(separator: "\n") + "\n"
            let path = folder + "/call-\(index).jsonl"
            try trace.write(toFile: path, atomically: true, encoding: .utf8)
            traces.append(path)
            outputs += [("trace of \(verdict.name)", trace), ("transcript of \(verdict.name)", CallTranscript.render(verdict.events))]
            if let record = verdict.record { cdr += record.csvLine(timeZone: utc) + "\n" }
        }
        try cdr.write(toFile: folder + "/Master.csv", atomically: true, encoding: .utf8)
        outputs.append(("CDRs", cdr))
        let kpi = ivr(["report"] + traces + ["--html", folder + "/kpi.html"])
        #expect(kpi.status == 0, "\(kpi.err)")
        let kpiFromCDR = ivr("report", folder + "/Master.csv")
        outputs += [("ivr report", kpi.out + kpi.err), ("KPI page", file(folder + "/kpi.html")),
                    ("ivr report on CDRs", kpiFromCDR.out + kpiFromCDR.err)]

        // A real bank call through audio, as the README's demo places it.
        let db = folder + "/bank.sqlite"
        let seeded = ivr("run", repositoryRoot + "/Dialplans/bank-seed.conf", "--context", "seed", "--astdb", db, "--quiet")
        #expect(seeded.status == 0, "\(seeded.err)")
        let generated = ivr("dtmf", "generate", "1@4s 1234567#@9s 4711#@15s 1@21s 2@41s", folder + "/caller.wav",
                            "--length", "75s")
        #expect(generated.status == 0, "\(generated.err)")
        let call = ivr("run", repositoryRoot + "/Dialplans/bank.conf", "--context", "bank-incoming", "--callerid", "5551234",
                       "--astdb", db, "--caller-audio", folder + "/caller.wav", "--heard", folder + "/heard.wav",
                       "--trace", folder + "/call.jsonl", "--cdr", folder + "/call.csv", "--prompts", prompts,
                       "--now", "2026-11-23T10:00:00Z", "--tz", "UTC")
        #expect(call.status == 0, "\(call.err)")
        #expect(call.out.contains("bank-your-balance-is"), "the call got past the PIN")
        outputs += [("ivr run", call.out + call.err), ("ivr run trace", file(folder + "/call.jsonl")),
                    ("ivr run CDR", file(folder + "/call.csv"))]

        #expect(outputs.count > 2 * scenarios.count)
        // Wall-clock durations (JUnit's time="0.002468", the summary's "in 0.16 s") vary from run to run and come
        // from nothing the caller typed: they are left out of the search.
        func withoutDurations(_ text: String) -> String {
            text.replacingOccurrences(of: #"time="[0-9.]+""#, with: "time=\"\"", options: .regularExpression)
                .replacingOccurrences(of: #" in [0-9.]+ s"#, with: " in s", options: .regularExpression)
        }
        for (what, original) in outputs {
            let text = withoutDurations(original)
            #expect(!text.isEmpty || what.hasPrefix("ivr report on"), "\(what) is empty")
            for secret in secrets.sorted() {
                if let range = text.range(of: secret) {
                    let from = text.index(range.lowerBound, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
                    let to = text.index(range.upperBound, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
                    Issue.record("\(secret) appears in \(what): …\(text[from..<to])…")
                }
            }
        }
    }
}
