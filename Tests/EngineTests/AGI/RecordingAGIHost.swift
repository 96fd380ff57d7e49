import Foundation
@testable import Engine

/// A scripted `AGIHost`: answers from queues, keeps variables and a database, records every call and log line.
final class RecordingAGIHost: AGIHost {
    var environment: [(key: String, value: String)] = [
        (key: "agi_request", value: "test.agi"),
        (key: "agi_channel", value: "SIP/100-00000001"),
        (key: "agi_language", value: "en"),
        (key: "agi_type", value: "SIP"),
        (key: "agi_uniqueid", value: "1700000000.1"),
        (key: "agi_version", value: "20.0.0"),
        (key: "agi_callerid", value: "100"),
        (key: "agi_calleridname", value: "Alice"),
        (key: "agi_callingpres", value: "0"),
        (key: "agi_callingani2", value: "0"),
        (key: "agi_callington", value: "0"),
        (key: "agi_callingtns", value: "0"),
        (key: "agi_dnid", value: "unknown"),
        (key: "agi_rdnis", value: "unknown"),
        (key: "agi_context", value: "default"),
        (key: "agi_extension", value: "s"),
        (key: "agi_priority", value: "1"),
        (key: "agi_enhanced", value: "0.0"),
        (key: "agi_accountcode", value: ""),
        (key: "agi_threadid", value: "1"),
    ]

    var hungUp = false
    var isHungUp: Bool { hungUp }

    /// Hang up as soon as a call whose name starts with this is made (e.g. "streamFile").
    var hangUpOn: String?

    var state = 4
    var answerResult = 0
    var digits: [AGIDigit] = []
    var playbacks: [AGIPlayback] = []
    var dataResults: [AGIDigits] = []
    var recordings: [AGIRecording] = []
    var variables: [String: String] = ["CALLERID(num)": "100"]
    var database: [String: String] = [:]
    var databaseWritable = true
    var execResults: [String: Int] = ["Playback": 0, "Wait": 0]
    var labels: Set<String> = ["start"]

    var context = "default"
    var exten = "s"
    var priority = "1"

    private(set) var calls: [String] = []
    private(set) var log: [(line: String, sent: Bool)] = []

    var sentLines: [String] { log.filter { $0.sent }.map(\.line) }
    var receivedLines: [String] { log.filter { !$0.sent }.map(\.line) }

    private func record(_ call: String) {
        calls.append(call)
        if let trigger = hangUpOn, call.hasPrefix(trigger) { hungUp = true }
    }

    func answer() -> Int {
        record("answer")
        if answerResult >= 0 { state = 6 }
        return answerResult
    }

    func hangup() {
        record("hangup")
        hungUp = true
    }

    func streamFile(_ name: String, escapeDigits: String, offset: Int) -> AGIPlayback {
        record("streamFile \(name) [\(escapeDigits)] \(offset)")
        if hungUp { return AGIPlayback(endPosition: offset, hungUp: true) }
        return playbacks.isEmpty ? AGIPlayback(endPosition: 8000) : playbacks.removeFirst()
    }

    func waitForDigit(timeoutMilliseconds: Int) -> AGIDigit {
        record("waitForDigit \(timeoutMilliseconds)")
        if hungUp { return .hangup }
        return digits.isEmpty ? .timeout : digits.removeFirst()
    }

    func getData(file: String, timeoutMilliseconds: Int?, maxDigits: Int?) -> AGIDigits {
        record("getData \(file) \(timeoutMilliseconds.map(String.init) ?? "nil") \(maxDigits.map(String.init) ?? "nil")")
        return dataResults.isEmpty ? AGIDigits(digits: "", timedOut: true) : dataResults.removeFirst()
    }

    func say(_ kind: AGISayKind, _ text: String, escapeDigits: String) -> AGIDigit {
        record("say \(kind.rawValue) \(text) [\(escapeDigits)]")
        if hungUp { return .hangup }
        return digits.isEmpty ? .timeout : digits.removeFirst()
    }

    func setVariable(_ name: String, to value: String) {
        record("setVariable \(name)=\(value)")
        variables[name] = value
    }

    func variable(named name: String) -> String? {
        record("variable \(name)")
        return variables[name]
    }

    func substitute(_ expression: String) -> String {
        record("substitute \(expression)")
        var out = expression
        for (k, v) in variables {
            out = out.replacingOccurrences(of: "${\(k)}", with: v)
        }
        return out
    }

    func execute(application: String, arguments: String) -> Int {
        record("execute \(application)(\(arguments))")
        return execResults[application] ?? -2
    }

    func verbose(_ message: String, level: Int) {
        record("verbose \(level) \(message)")
    }

    func channelStatus() -> Int {
        record("channelStatus")
        return state
    }

    func databaseGet(family: String, key: String) -> String? {
        record("databaseGet \(family)/\(key)")
        return database["\(family)/\(key)"]
    }

    func databasePut(family: String, key: String, value: String) -> Bool {
        record("databasePut \(family)/\(key)=\(value)")
        guard databaseWritable else { return false }
        database["\(family)/\(key)"] = value
        return true
    }

    func databaseDelete(family: String, key: String) -> Bool {
        record("databaseDelete \(family)/\(key)")
        return database.removeValue(forKey: "\(family)/\(key)") != nil
    }

    func recordFile(_ file: String, format: String, escapeDigits: String, timeoutMilliseconds: Int,
                    beep: Bool, silenceSeconds: Int?) -> AGIRecording {
        record("recordFile \(file).\(format) [\(escapeDigits)] \(timeoutMilliseconds) beep=\(beep) silence=\(silenceSeconds.map(String.init) ?? "nil")")
        return recordings.isEmpty ? AGIRecording(endPosition: 16000) : recordings.removeFirst()
    }

    func setContext(_ context: String) {
        record("setContext \(context)")
        self.context = context
    }

    func setExtension(_ exten: String) {
        record("setExtension \(exten)")
        self.exten = exten
    }

    func setPriority(_ priority: String) -> Bool {
        record("setPriority \(priority)")
        if Int(priority) == nil && !labels.contains(priority) { return false }
        self.priority = priority
        return true
    }

    func logAGI(_ line: String, sent: Bool) {
        log.append((line, sent))
    }
}
