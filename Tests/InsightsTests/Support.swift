import Dialplan
import Engine
import Foundation
import Testing

@testable import Insights

/// Shared helpers: dialplans from text, calls run in-process, temporary files.
enum Support {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The repository root (this file is Tests/InsightsTests/Support.swift).
    static var repositoryRoot: URL {
        // Resolved: a build tree may reach the tests through a symbolic link.
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func dialplan(_ text: String) throws -> Dialplan {
        let loaded = DialplanLoader(linter: nil).load(text: text, path: "test.conf")
        guard !loaded.hasErrors else {
            throw Failure(description: loaded.renderer.render(loaded.diagnostics))
        }
        return loaded.dialplan
    }

    static func dialplan(file name: String) throws -> Dialplan {
        let path = repositoryRoot.appendingPathComponent("Dialplans/\(name)").path
        let loaded = DialplanLoader(linter: nil).load(path: path)
        guard !loaded.hasErrors, loaded.dialplan.hasContext("main-menu") || name != "demo-menu.conf" else {
            throw Failure(description: "cannot load \(path): " + loaded.renderer.render(loaded.diagnostics))
        }
        return loaded.dialplan
    }

    /// Text of a repository file.
    static func text(file name: String) throws -> String {
        let path = repositoryRoot.appendingPathComponent("Dialplans/\(name)").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One scripted call: digits `"1@0.5s 2@3s"`, an optional hangup time.
    static func run(_ engine: Engine, context: String, digits: String = "", hangupAt: Double? = nil,
                    outcomes: [String: DeliveryOutcome] = [:]) throws -> CallResult {
        let presses = try CallerScript.parseDigits(digits)
        let script = CallerScript(presses: presses, hangupAt: hangupAt, outcomes: outcomes)
        let channel = ScriptedChannel(script: script, start: 1_700_000_000)
        return engine.run(CallRequest(context: context, callerNumber: "5551234", startTime: 1_700_000_000),
                          on: channel)
    }

    /// The events as `ivr run --trace` writes them.
    static func traceText(_ results: [CallResult]) -> String {
        results.flatMap(\.events).map(TraceJSON.line).joined(separator: "\n") + "\n"
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("insights-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    static func executable(named name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a program with text on standard input; its exit status and standard output.
    static func runProgram(_ path: String, arguments: [String], input: String) throws -> (Int32, String) {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputFile = directory.appendingPathComponent("in")
        let outputFile = directory.appendingPathComponent("out")
        try write(input, to: inputFile)
        try write("", to: outputFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
        return (process.terminationStatus, output)
    }

    /// A small menu with known outcomes: 1 self-service, 2 an agent (Dial), `i` re-prompts, `t` says goodbye.
    static let menuPlan = """
    [general]
    autofallthrough=yes

    [menu]
    exten => s,1,Answer()
     same => n,Set(TIMEOUT(digit)=2)
     same => n,Set(TIMEOUT(response)=3)
     same => n(ask),Background(menu-prompt)
     same => n,WaitExten(3)
    exten => 1,1,Playback(info)
     same => n,Hangup()
    exten => 2,1,Dial(PJSIP/agent,20)
     same => n,Hangup()
    exten => i,1,Playback(invalid)
     same => n,Goto(s,ask)
    exten => t,1,Playback(goodbye)
     same => n,Hangup()

    """

    /// Five calls through `menuPlan`: valid choice, invalid then valid, timeout, hangup in the menu, transfer.
    static func menuCalls() throws -> [CallResult] {
        let engine = Engine(dialplan: try dialplan(menuPlan))
        return [
            try run(engine, context: "menu", digits: "1@0.5s"),
            try run(engine, context: "menu", digits: "9@0.5s 1@2s"),
            try run(engine, context: "menu"),
            try run(engine, context: "menu", hangupAt: 0.5),
            try run(engine, context: "menu", digits: "2@0.5s"),
        ]
    }
}
