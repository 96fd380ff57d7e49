import Audio
import Foundation
import Testing
@testable import Replay

/// The example scenarios, in both modes, and the promise that both modes give one verdict.
@Suite struct ExampleSuiteTests {
    @Test func exampleScenariosPassAtEventLevel() {
        let result = Repo.command([Repo.scenarios, "--prompts", Repo.prompts])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        #expect(result.out.contains("129 scenarios (events): 129 passed"))
    }

    @Test func exampleScenariosPassAtAudioLevelAndWriteWhatTheCallerHeard() throws {
        let heard = Repo.temporaryFolder("heard")
        let result = Repo.command([Repo.scenarios, "--prompts", Repo.prompts, "--audio", "--heard", heard])
        #expect(result.status == 0, "\(result.out)\(result.err)")
        let clip = try AudioFile.read(heard + "/demo-menu--sales--press-1-and-wait-in-the-sales-queue.heard.wav")
        #expect(clip.duration > 19)
        let caller = try AudioFile.read(heard + "/demo-menu--sales--press-1-and-wait-in-the-sales-queue.caller.wav")
        #expect(caller.samples.contains { abs($0) > 1000 })
    }

    @Test func exampleCoverageReachesEveryHandler() {
        let result = Repo.command([Repo.scenarios, "--prompts", Repo.prompts, "--coverage", "--quiet"])
        #expect(result.out.contains("  [main-menu]         20/22 priorities; options taken: 0 1 2 3, not taken: *; i reached, t reached, h reached\n"))
        #expect(result.out.contains("  [after-hours]       4/4 priorities\n"))
    }

    /// Same scenarios, same verdicts, same prompts heard in the same order; times agree within a detector block.
    @Test func eventAndAudioModesAgree() throws {
        let files = SuiteRunner.collect(paths: [Repo.scenarios]).files
        let scenarios = try files.flatMap { try ScenarioParser.parse(path: $0).scenarios }
        #expect(!scenarios.isEmpty)
        let environment = ReplayEnvironment(promptRoot: Repo.prompts)
        let events = SuiteRunner.run(scenarios: scenarios, mode: .events, environment: environment)
        let audio = SuiteRunner.run(scenarios: scenarios, mode: .audio(promptRoot: Repo.prompts), environment: environment)
        var worst = 0.0
        for (a, b) in zip(events.verdicts, audio.verdicts) {
            #expect(a.status == b.status, "\(a.name)")
            let heardA = GoldenTranscript(events: a.events).plays
            let heardB = GoldenTranscript(events: b.events).plays
            #expect(heardA.map(\.name) == heardB.map(\.name), "\(a.name)")
            #expect(heardA.map(\.ending) == heardB.map(\.ending), "\(a.name)")
            for (x, y) in zip(heardA, heardB) { worst = max(worst, abs(x.start - y.start), abs(x.end - y.end)) }
            #expect(a.record?.disposition == b.record?.disposition)
        }
        #expect(worst < 0.03, "largest timing difference \(worst) s")
    }

    /// A failing scenario fails in both modes at the same step.
    @Test func aFailureIsTheSameFailureInBothModes() throws {
        let text = """
        dialplan \(Repo.dialplans)/demo-menu.conf
        context incoming
        time 2026-01-05 10:00 Europe/Berlin
        scenario "expects support, gets sales"
          expect prompts example-welcome main-menu
          press 1
          expect prompt transferring-to-support
        """
        let scenario = try ScenarioParser.parse(text: text, path: "inline.scenario").scenarios[0]
        let environment = ReplayEnvironment(promptRoot: Repo.prompts)
        let a = ScenarioRunner.run(scenario, mode: .events, environment: environment)
        let b = ScenarioRunner.run(scenario, mode: .audio(promptRoot: Repo.prompts), environment: environment)
        #expect(a.status == .failed && b.status == .failed)
        #expect(a.divergence?.stepLine == 7 && b.divergence?.stepLine == 7)
        #expect(a.divergence?.expected == b.divergence?.expected)
        #expect(a.divergence?.actual == "prompt transferring-to-support never played after 16.384 s; heard transferring-to-sales")
        #expect(b.divergence?.actual.hasPrefix("prompt transferring-to-support never played after 16.3") == true)
    }
}
