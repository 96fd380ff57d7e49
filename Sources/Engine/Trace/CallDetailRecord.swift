import Dialplan
import Foundation

/// A call's record as Asterisk's `cdr_csv` writes it to Master.csv (secrets already masked in `lastData`).
public struct CallDetailRecord: Sendable, Equatable {
    public var accountCode: String
    public var source: String
    public var destination: String
    public var destinationContext: String
    public var callerID: String
    public var channel: String
    public var destinationChannel: String
    public var lastApplication: String
    public var lastData: String
    public var start: Double
    public var answer: Double?
    public var end: Double
    public var disposition: String
    public var amaFlags: String
    public var uniqueID: String
    public var userField: String

    /// Whole seconds from start to end.
    public var duration: Int { Int((end - start).rounded(.down)) }
    /// Whole seconds from answer to end (0 if never answered).
    public var billableSeconds: Int { answer.map { Int((end - $0).rounded(.down)) } ?? 0 }

    init(call: Call) {
        accountCode = call.accountCode
        source = call.callerID["num"] ?? ""
        destination = call.firstLocation.exten
        destinationContext = call.firstLocation.context
        let name = call.callerID["name"] ?? ""
        callerID = name.isEmpty ? "<\(source)>" : "\"\(name)\" <\(source)>"
        channel = call.channel.name
        destinationChannel = call.variables["DIALEDPEERNAME"] ?? ""
        lastApplication = call.lastApplication
        lastData = call.lastData
        start = call.startTime
        answer = call.answerTime
        end = call.channel.clock.now
        disposition = Self.disposition(of: call)
        amaFlags = "DOCUMENTATION"
        uniqueID = call.uniqueID
        userField = call.secrets.apply(call.variables["CDR_USERFIELD"] ?? "")
    }

    /// ANSWERED, NO ANSWER, BUSY or FAILED, as Asterisk reports it for the caller's leg.
    static func disposition(of call: Call) -> String {
        if call.failure != nil && call.answerTime == nil { return "FAILED" }
        if call.answerTime != nil { return "ANSWERED" }
        switch (call.variables["DIALSTATUS"] ?? "").uppercased() {
        case "BUSY": return "BUSY"
        case "CONGESTION", "CHANUNAVAIL": return "FAILED"
        default: return "NO ANSWER"
        }
    }

    /// The Master.csv column order: accountcode, src, dst, dcontext, clid, channel, dstchannel, lastapp, lastdata,
    /// start, answer, end, duration, billsec, disposition, amaflags, uniqueid, userfield.
    public static let columns = ["accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp",
                                 "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
                                 "amaflags", "uniqueid", "userfield"]

    /// One Master.csv line (no newline): strings quoted with `"` doubled, durations bare, times `%Y-%m-%d %H:%M:%S`.
    public func csvLine(timeZone: TimeZone) -> String {
        func quoted(_ text: String) -> String {
            "\"" + (text.utf8.contains(UInt8(ascii: "\"")) ? ByteSearch.replacingAll("\"", with: "\"\"", in: text) : text) + "\""
        }
        func time(_ value: Double?) -> String { value.map { LocalTimestamp.text($0, in: timeZone) } ?? "" }
        let fields = [quoted(accountCode), quoted(source), quoted(destination), quoted(destinationContext),
                      quoted(callerID), quoted(channel), quoted(destinationChannel), quoted(lastApplication),
                      quoted(lastData), quoted(time(start)), quoted(time(answer)), quoted(time(end)),
                      String(duration), String(billableSeconds), quoted(disposition), quoted(amaFlags),
                      quoted(uniqueID), quoted(userField)]
        return fields.joined(separator: ",")
    }
}
