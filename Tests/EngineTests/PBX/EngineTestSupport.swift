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

extension CallResult {
    /// Prompts that started playing, in order.
    var prompts: [String] {
        events.compactMap { if case .promptStart(let name) = $0.kind { return name } else { return nil } }
    }

    /// `exten,priority:App` for every executed priority, in order.
    var path: [String] {
        events.compactMap { event in
            if case .exec(let location, let app, _, _, _) = event.kind { return "\(location.exten),\(location.priority):\(app)" }
            return nil
        }
    }

    /// Arguments of executed priorities, in order.
    var arguments: [String] {
        events.compactMap { if case .exec(_, _, let args, _, _) = $0.kind { return args } else { return nil } }
    }

    /// Time of the last event.
    var duration: Double { events.last?.time ?? 0 }

    /// Every verbose message.
    var verbose: [String] {
        events.compactMap { if case .verbose(_, let message) = $0.kind { return message } else { return nil } }
    }

    var warnings: [String] {
        events.compactMap { if case .warning(let message) = $0.kind { return message } else { return nil } }
    }
}
