import Dialplan
import Engine
import Foundation

/// A finished call's outputs, each rendered once when first asked for — the trace (JSON Lines), the transcript and
/// the CDR line — so any number of `expect never` steps search them without rendering every event again.
final class RenderedOutputs {
    private let result: CallResult
    private let timeZone: TimeZone

    init(_ result: CallResult, timeZone: TimeZone) {
        self.result = result
        self.timeZone = timeZone
    }

    lazy var trace: String = result.events.map(TraceJSON.line).joined(separator: "\n")
    lazy var transcript: String = CallTranscript.render(result.events)
    lazy var csv: String = result.record.csvLine(timeZone: timeZone)
    /// Every value of every event, one per line: where a run of digits is looked for.
    lazy var values: [UInt8] = {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(result.events.count * 48)
        for event in result.events { TraceJSON.appendValues(of: event, to: &bytes) }
        return bytes
    }()

    /// Whether `text` occurs in the trace or the transcript (the CDR is searched on its own). A run of digits
    /// (a PIN, an account number) is looked for in the events' values, which is the same answer without
    /// rendering either (see ``TraceJSON/appendValues(of:to:)``).
    func mayContain(_ text: String) -> Bool {
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return ByteSearch.contains(values, text)
        }
        return ByteSearch.contains(trace, text) || ByteSearch.contains(transcript, text)
    }
}
