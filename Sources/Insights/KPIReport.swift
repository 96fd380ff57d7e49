import Engine
import Foundation

/// Key figures of an IVR over many calls: per menu node and per call.
///
/// Definitions (the HTML page repeats them):
///
/// - A **menu node** is a (context, extension) pair in which a priority runs `Background`, `WaitExten`, `Read`
///   or `ReadExten` — where the caller is asked for input. The extension is the one the trace shows (`s` for
///   most menus).
/// - A **visit** starts when such a priority runs while the call is not already in a visit of that node. Running
///   further input priorities of the same extension in increasing order (`Background` then `WaitExten`) is the
///   same visit; running one again at the same or an earlier priority (the dialplan re-prompts) ends the
///   visit and starts a new one. **Entered** counts visits; **calls** counts distinct calls with a visit.
/// - Every visit ends with exactly one outcome:
///   - **completed**: the caller left with a valid choice — a jump `dialled` / `BackGround digit` to an
///     extension, or the call moved on to another extension (not `i`/`t`) after the caller entered digits;
///   - **timeout**: the call went to `t` (or `e` for RESPONSETIMEOUT), or moved on after waiting for input
///     timed out with no digit entered;
///   - **invalid**: the call went to `i` (or `e` for INVALID), or the same extension re-prompted after digits;
///   - **hung up**: the caller hung up during the visit;
///   - **other**: the dialplan moved on or hung up without any input from the caller.
///   Hence entered = completed + timeout + invalid + hung up + other.
/// - **Transferred** (per node) counts visits after which — before the next visit — the call was delivered to
///   a person or queue: a `delivery` event of kind `dial` or `queue` with status `ANSWER`, or `transfer` with
///   `SUCCESS`. It is an extra attribute (a transferred visit also has one of the outcomes above, usually
///   completed).
/// - A **call** is **transferred** when it had such an answered delivery; **abandoned** when it was not
///   transferred and the caller hung up during a menu visit, before any visit was completed, or right after
///   an unanswered delivery attempt (gave up waiting); **contained** otherwise (self-service: the IVR ended the
///   call or the caller left after being served). Containment rate = contained / calls, abandonment rate =
///   abandoned / calls.
/// - **Time in the IVR**: from the call's `start` to the priority that made the answered delivery, or else to
///   the `hangup` event (or the last event of a trace that stops early). Averaged over the calls.
/// - **CDR rows** (Master.csv) give call-level figures only: transferred = a destination channel is set, or the
///   last application is `Queue` or `Transfer`; abandoned = not transferred and the call was never answered
///   (`NO ANSWER`) or ended inside an input application (Background, WaitExten, Read, ReadExten); time in the
///   IVR = `duration`, averaged over the calls that were not transferred (a CDR does not say when a transfer
///   began).
public enum KPIReport {
    /// Where the caller is asked for input.
    public struct MenuNode: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var context: String
        public var exten: String

        public init(context: String, exten: String) {
            self.context = context
            self.exten = exten
        }

        public var description: String { "\(exten)@\(context)" }

        public static func < (a: MenuNode, b: MenuNode) -> Bool { (a.context, a.exten) < (b.context, b.exten) }
    }

    /// How a visit of a menu node ended.
    public enum VisitOutcome: String, Sendable, CaseIterable {
        case completed, timeout, invalid, hungUp = "hung up", other
    }

    /// The figures of one menu node.
    public struct NodeFigures: Sendable, Equatable {
        public var node: MenuNode
        /// Visits.
        public var entered = 0
        /// Distinct calls with at least one visit.
        public var calls = 0
        public var completed = 0
        public var timedOut = 0
        public var invalid = 0
        public var hungUp = 0
        public var other = 0
        /// Visits followed by an answered delivery before the next visit.
        public var transferred = 0

        public init(node: MenuNode) { self.node = node }

        /// Completed visits / entered (nil without visits).
        public var completionRate: Double? { entered > 0 ? Double(completed) / Double(entered) : nil }
    }

    /// Call-level figures.
    public struct CallFigures: Sendable, Equatable {
        public var calls = 0
        public var contained = 0
        public var transferred = 0
        public var abandoned = 0
        /// Calls with at least one menu visit (traces only).
        public var reachedMenu = 0
        /// Calls with at least one completed visit (traces only).
        public var madeChoice = 0
        /// Sum of the time in the IVR over `timedCalls`.
        public var secondsInIVR = 0.0
        /// The calls `averageSecondsInIVR` is taken over.
        public var timedCalls = 0

        public init() {}

        public var containmentRate: Double? { calls > 0 ? Double(contained) / Double(calls) : nil }
        public var abandonmentRate: Double? { calls > 0 ? Double(abandoned) / Double(calls) : nil }
        public var transferRate: Double? { calls > 0 ? Double(transferred) / Double(calls) : nil }
        public var averageSecondsInIVR: Double? { timedCalls > 0 ? secondsInIVR / Double(timedCalls) : nil }
    }

    /// Everything a report shows.
    public struct Report: Sendable, Equatable {
        /// Figures of calls read from traces (nil when no trace was given).
        public var traceCalls: CallFigures?
        /// Figures of CDR rows (nil when no CDR file was given).
        public var cdrCalls: CallFigures?
        /// Menu nodes, most entered first.
        public var nodes: [NodeFigures] = []
        /// Skipped or suspicious input lines.
        public var warnings: [InputWarning] = []
        /// The files read.
        public var sources: [String] = []

        public init() {}

        public func node(_ context: String, _ exten: String) -> NodeFigures? {
            nodes.first { $0.node.context == context && $0.node.exten == exten }
        }
    }

    /// Why files could not be read.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Applications that ask the caller for input (lower-cased).
    public static let inputApplications: Set<String> = ["background", "waitexten", "read", "readexten"]

    // MARK: - Building a report

    /// A report over calls given as events (each call's events in order, beginning with `start`).
    public static func analyze(calls: [[CallEvent]], cdrRows: [CDRRow]? = nil) -> Report {
        var report = Report()
        var figures: [MenuNode: NodeFigures] = [:]
        if !calls.isEmpty || cdrRows == nil {
            var callFigures = CallFigures()
            for events in calls {
                let analysis = CallAnalysis(events: events)
                callFigures.calls += 1
                switch analysis.outcome {
                case .transferred: callFigures.transferred += 1
                case .abandoned: callFigures.abandoned += 1
                case .contained: callFigures.contained += 1
                }
                if !analysis.visits.isEmpty { callFigures.reachedMenu += 1 }
                if analysis.visits.contains(where: { $0.outcome == .completed }) { callFigures.madeChoice += 1 }
                if let seconds = analysis.secondsInIVR {
                    callFigures.secondsInIVR += seconds
                    callFigures.timedCalls += 1
                }
                var seen: Set<MenuNode> = []
                for visit in analysis.visits {
                    var node = figures[visit.node] ?? NodeFigures(node: visit.node)
                    node.entered += 1
                    if seen.insert(visit.node).inserted { node.calls += 1 }
                    switch visit.outcome {
                    case .completed: node.completed += 1
                    case .timeout: node.timedOut += 1
                    case .invalid: node.invalid += 1
                    case .hungUp: node.hungUp += 1
                    case .other: node.other += 1
                    }
                    if visit.transferred { node.transferred += 1 }
                    figures[visit.node] = node
                }
            }
            report.traceCalls = callFigures
        }
        if let cdrRows { report.cdrCalls = analyze(cdrRows: cdrRows) }
        report.nodes = figures.values.sorted { a, b in
            a.entered != b.entered ? a.entered > b.entered : a.node < b.node
        }
        return report
    }

    /// Call-level figures of Master.csv rows.
    static func analyze(cdrRows: [CDRRow]) -> CallFigures {
        var figures = CallFigures()
        for row in cdrRows {
            figures.calls += 1
            let application = row.lastApplication.lowercased()
            let transferred = !row.destinationChannel.trimmingCharacters(in: .whitespaces).isEmpty
                || application == "queue" || application == "transfer"
            if transferred {
                figures.transferred += 1
                continue
            }
            figures.secondsInIVR += Double(row.duration)
            figures.timedCalls += 1
            if row.disposition.uppercased() == "NO ANSWER" || inputApplications.contains(application) {
                figures.abandoned += 1
            } else {
                figures.contained += 1
            }
        }
        return figures
    }

    /// Reads trace and CDR files. A file is a CDR file when its name ends in `.csv` or its first non-blank
    /// character is `"`; otherwise a trace. Throws when a file cannot be read; malformed lines become warnings.
    public static func load(paths: [String]) throws(LoadError) -> Report {
        var calls: [[CallEvent]] = []
        var rows: [CDRRow]?
        var warnings: [InputWarning] = []
        var traceFiles = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError(path: path, reason: "no such file")
            }
            guard !isDirectory.boolValue else { throw LoadError(path: path, reason: "is a directory") }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LoadError(path: path, reason: "cannot be read")
            }
            let text = String(decoding: data, as: UTF8.self)
            if isCDR(path: path, text: text) {
                let parsed = CDRReader.parse(text, source: path)
                rows = (rows ?? []) + parsed.rows
                warnings += parsed.warnings
            } else {
                traceFiles += 1
                let parsed = TraceReader.parse(text, source: path)
                calls += parsed.calls
                warnings += parsed.warnings
            }
        }
        var report = analyze(calls: calls, cdrRows: rows)
        if traceFiles > 0 && report.traceCalls == nil { report.traceCalls = CallFigures() }
        report.warnings = warnings
        report.sources = paths
        return report
    }

    static func isCDR(path: String, text: String) -> Bool {
        if path.lowercased().hasSuffix(".csv") { return true }
        let first = text.unicodeScalars.first { !CharacterSet.whitespacesAndNewlines.contains($0) }
        return first == "\""
    }
}

// MARK: - One call

/// Follows one call's events: its menu visits with their outcomes, and how the call ended.
struct CallAnalysis {
    enum Outcome { case contained, transferred, abandoned }

    struct Visit {
        var node: KPIReport.MenuNode
        var lastInputPriority: Int
        var sawDigit = false
        var sawTimeout = false
        var outcome: KPIReport.VisitOutcome = .other
        var transferred = false
    }

    private(set) var visits: [Visit] = []
    private(set) var outcome: Outcome = .contained
    private(set) var secondsInIVR: Double?

    private var open: Visit?
    private var transferred = false
    private var transferTime: Double?
    private var hangupTime: Double?
    private var callerHungUp = false
    private var hungUpInMenu = false
    private var gaveUpWaiting = false
    private var unansweredDeliveryPending = false
    private var afterHangup = false
    private var lastExecTime: Double?

    init(events: [CallEvent]) {
        let startTime = events.first { if case .callStart = $0.kind { true } else { false } }?.time
            ?? events.first?.time ?? 0
        for event in events { take(event) }
        if let open { close(open, as: open.sawTimeout && !open.sawDigit ? .timeout : .other) }
        if transferred {
            outcome = .transferred
        } else if callerHungUp && (hungUpInMenu || gaveUpWaiting || !visits.contains { $0.outcome == .completed }) {
            outcome = .abandoned
        } else {
            outcome = .contained
        }
        if let end = transferTime ?? hangupTime ?? events.last?.time { secondsInIVR = max(0, end - startTime) }
    }

    private mutating func take(_ event: CallEvent) {
        switch event.kind {
        case .exec(let location, let application, _, _, _):
            guard !afterHangup else { return }
            lastExecTime = event.time
            unansweredDeliveryPending = false
            let node = KPIReport.MenuNode(context: location.context, exten: location.exten)
            if let current = open, current.node != node { leave(current, to: location.exten, reason: "") }
            guard KPIReport.inputApplications.contains(application.lowercased()) else { return }
            if var current = open {
                if location.priority > current.lastInputPriority {
                    current.lastInputPriority = location.priority
                    open = current
                    return
                }
                // The same extension asks again: a retry after a timeout or a wrong entry.
                close(current, as: current.sawDigit ? .invalid : (current.sawTimeout ? .timeout : .other))
            }
            open = Visit(node: node, lastInputPriority: location.priority)
        case .digit, .promptInterrupted:
            open?.sawDigit = true
        case .timeout:
            open?.sawTimeout = true
        case .jump(let location, let reason):
            guard !afterHangup, let current = open else { return }
            if location.context != current.node.context || location.exten != current.node.exten {
                leave(current, to: location.exten, reason: reason)
            }
        case .delivery(let kind, _, let status):
            guard !afterHangup else { return }
            let answered: Bool
            switch kind.lowercased() {
            case "dial", "queue": answered = status.uppercased() == "ANSWER"
            case "transfer": answered = status.uppercased() == "SUCCESS"
            default: answered = false
            }
            guard answered else {
                unansweredDeliveryPending = true
                return
            }
            guard !transferred else { return }
            transferred = true
            transferTime = lastExecTime ?? event.time
            if let current = open {
                var visit = current
                visit.transferred = true
                open = visit
                close(visit, as: generic(visit))
            } else if !visits.isEmpty {
                visits[visits.count - 1].transferred = true
            }
        case .hangup(_, let byCaller):
            guard !afterHangup else { return }
            afterHangup = true
            hangupTime = event.time
            if byCaller {
                callerHungUp = true
                if let current = open {
                    hungUpInMenu = true
                    close(current, as: .hungUp)
                } else if unansweredDeliveryPending {
                    gaveUpWaiting = true
                }
            } else if let current = open {
                close(current, as: current.sawTimeout && !current.sawDigit ? .timeout : .other)
            }
        default:
            break
        }
    }

    /// The call moved from the open visit's extension to `exten`.
    private mutating func leave(_ visit: Visit, to exten: String, reason: String) {
        if reason == "hangup handler" { return }
        let outcome: KPIReport.VisitOutcome
        if exten == "i" || reason == "invalid extension" || reason == "exception INVALID" {
            outcome = .invalid
        } else if exten == "t" || reason == "timeout" || reason == "exception RESPONSETIMEOUT" {
            outcome = .timeout
        } else if reason == "dialled" || reason == "BackGround digit" {
            outcome = .completed
        } else {
            outcome = generic(visit)
        }
        close(visit, as: outcome)
    }

    /// The outcome when the call moves on without a digit-driven jump.
    private func generic(_ visit: Visit) -> KPIReport.VisitOutcome {
        if visit.sawDigit { return .completed }
        return visit.sawTimeout ? .timeout : .other
    }

    private mutating func close(_ visit: Visit, as outcome: KPIReport.VisitOutcome) {
        var finished = visit
        finished.outcome = outcome
        visits.append(finished)
        open = nil
    }
}
