import Dialplan
import Foundation
import Testing
@testable import Engine

/// Monday 2026-11-23 10:00:00 UTC, a business-hours instant.
let testStart = 1_795_428_000.0

/// Loads dialplan text (failing the test on errors) and runs one scripted call.
func runCall(_ text: String, digits: String = "", context: String = "default", exten: String = "s",
             callerNumber: String = "5551234", hangupAt: Double? = nil,
             prompts: any PromptLibrary = UniformPrompts(), configuration: EngineConfiguration? = nil,
             outcomes: [String: DeliveryOutcome] = [:], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CallResult {
    let loaded = DialplanLoader(linter: nil).load(text: text, path: "test.conf")
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)", sourceLocation: sourceLocation)
    let presses = (try? CallerScript.parseDigits(digits)) ?? []
    let script = CallerScript(presses: presses, hangupAt: hangupAt, outcomes: outcomes)
    let channel = ScriptedChannel(script: script, prompts: prompts, start: testStart)
    var config = configuration ?? EngineConfiguration(timeZone: TimeZone(identifier: "UTC")!)
    if configuration == nil { config.stepLimit = 10_000 }
    let engine = Engine(dialplan: loaded.dialplan, configuration: config)
    return engine.run(CallRequest(context: context, exten: exten, callerNumber: callerNumber, startTime: testStart),
                      on: channel)
}
