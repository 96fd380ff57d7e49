import Dialplan
import Foundation

/// One call's state while the dialplan runs: location, variables, Gosub stack, timeouts, caller data, trace.
///
/// It is the `EvaluationContext` that substitution and functions see, and what applications act on.
public final class Call: EvaluationContext {
    public let dialplan: Dialplan
    public let channel: any Channel
    public let configuration: EngineConfiguration
    public internal(set) var location: CallLocation
    /// Channel variables (inheritance marks already stripped from the names).
    public internal(set) var variables: [String: String] = [:]
    public let globals: GlobalVariables
    public var functions: FunctionRegistry
    /// `TIMEOUT(digit)` and `TIMEOUT(response)` in seconds (Asterisk's defaults 5 and 10).
    public var digitTimeout = 5.0
    public var responseTimeout = 10.0
    /// `TIMEOUT(absolute)`: when the call is cut off (`T` extension), as a Unix time.
    public var absoluteDeadline: Double?
    public var language: String
    /// Caller-ID items by `CALLERID()` name: `num`, `name`, `ani`, `dnid`, `rdnis`.
    public var callerID: [String: String]
    public let uniqueID: String
    public let startTime: Double
    public internal(set) var answerTime: Double?
    public let accountCode: String
    /// Secrets to keep out of every output.
    public internal(set) var secrets = SecretMasker()
    /// What happened, in order.
    public private(set) var events: [CallEvent] = []
    /// The last application run and its (masked) arguments, for the CDR.
    public internal(set) var lastApplication = ""
    public internal(set) var lastData = ""
    /// The hangup cause to report (16 normal clearing).
    public var hangupCause = 16
    /// Set when the dialplan ended the call with an error (unknown application, step limit).
    public internal(set) var failure: String?
    var gosubStack: [GosubFrame] = []
    var exception: ExceptionInfo?
    /// The extension and context the caller dialled first, for the CDR.
    let firstLocation: CallLocation
    private var generator: SeededGenerator
    /// Where `AGI` asked the dialplan to go on (SET CONTEXT/EXTENSION/PRIORITY).
    var pendingAGILocation: CallLocation?
    /// The engine's shared lookup cache.
    let lookups: LookupCache
    /// The lookup run of the extension last looked up.
    private var currentRun: (key: LookupCache.Key, run: PriorityRun)?
    /// The engine's parsed time specs.
    let timeSpecs: TimeSpecCache

    init(dialplan: Dialplan, channel: any Channel, configuration: EngineConfiguration, request: CallRequest,
         globals: GlobalVariables, uniqueID: String, lookups: LookupCache, timeSpecs: TimeSpecCache) {
        self.lookups = lookups
        self.timeSpecs = timeSpecs
        self.dialplan = dialplan
        self.channel = channel
        self.configuration = configuration
        self.globals = globals
        self.functions = configuration.functions
        self.language = request.language
        self.callerID = ["num": request.callerNumber, "name": request.callerName, "ani": request.callerNumber]
        self.uniqueID = uniqueID
        self.startTime = request.startTime
        self.accountCode = request.accountCode
        self.location = CallLocation(context: request.context, exten: request.exten.isEmpty ? "s" : request.exten,
                                     priority: request.priority)
        self.firstLocation = location
        self.generator = SeededGenerator(seed: configuration.randomSeed)
        for (name, value) in request.variables.sorted(by: { $0.key < $1.key }) {
            variables[VariableName.stripInheritance(name)] = value
        }
    }

    // MARK: - EvaluationContext

    public func variable(named name: String) -> String? {
        switch name {
        case "CONTEXT": return location.context
        case "EXTEN": return location.exten
        case "PRIORITY": return String(location.priority)
        case "CHANNEL": return channel.name
        case "UNIQUEID": return uniqueID
        case "HANGUPCAUSE": return String(hangupCause)
        case "EPOCH": return String(Int(now.rounded(.down)))
        case "CALLINGPRES": return "0"
        case "CALLINGANI2", "CALLINGTON", "CALLINGTNS": return "0"
        default: break
        }
        return variables[name] ?? globals[name]
    }

    public func setVariable(_ name: String, to value: String) {
        let key = VariableName.stripInheritance(name)
        variables[key] = value
        if let exposure = secrets.names[key] { secrets.hide(value, exposure: exposure) }
        record(.variableSet(name: key, value: secrets.shown(value, of: key)))
    }

    public func deleteVariable(_ name: String) {
        variables[VariableName.stripInheritance(name)] = nil
    }

    public func globalVariable(named name: String) -> String? { globals[name] }

    public func setGlobalVariable(_ name: String, to value: String?) { globals[name] = value }

    /// Now, on the channel's clock.
    public var now: Double { channel.clock.now }

    /// The time GotoIfTime and ExecIfTime test: `TESTTIME` (epoch seconds) when a dialplan pinned it, else now.
    var timeForConditions: Double {
        if let pinned = variables["TESTTIME"], let value = Double(pinned) { return value }
        return now
    }

    public var timeZone: TimeZone { configuration.timeZone }

    public func randomInteger(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

    public func warn(_ message: String) { record(.warning(secrets.apply(message))) }

    // MARK: - Trace

    /// Seconds since the call started, on the channel's clock, to the microsecond (absolute epoch seconds carry
    /// float noise of about 1e-7 s that would otherwise show in event times).
    public var elapsed: Double { ((channel.clock.now - startTime) * 1_000_000).rounded() / 1_000_000 }

    /// Appends an event at the current time. Callers pass text that is already masked.
    func record(_ kind: CallEvent.Kind) {
        events.append(CallEvent(time: elapsed, kind: kind))
    }

    /// Substitutes a priority's data, as the PBX does before running the application.
    func substituteArguments(_ data: String) -> String {
        Substituter.substitute(data, in: self)
    }

    // MARK: - Moving around

    /// Goes to `target` the way Asterisk's autoloop does: the priority counter is set one lower, so the loop's
    /// increment lands on it.
    func jump(to target: CallLocation, reason: String) {
        location = CallLocation(context: target.context, exten: target.exten, priority: target.priority - 1)
        record(.jump(to: target, reason: reason))
    }

    /// The number behind a label of an extension (looked up like the PBX does, with includes), through the
    /// engine's cache.
    func priority(labeled label: String, context: String, exten: String) -> Int? {
        let caller = callerID["num"] ?? ""
        let find = {
            self.dialplan.findExtension(exten, in: context, priority: .label(label), callerID: caller,
                                        now: self.now, timeZone: self.timeZone)?.priority?.number
        }
        guard let run = lookupRun(context: context, exten: exten, callerID: caller) else { return find() }
        return run.number(labeled: label, lookup: find)
    }

    /// `ast_exists_extension` against the call's caller ID and time.
    func exists(_ exten: String, in context: String, priority: Int = 1) -> Bool {
        self.priority(priority, of: exten, in: context) != nil
    }

    /// The priority a lookup finds (`pbx_find_extension` in E_MATCH mode), through the engine's cache.
    func priority(_ number: Int, of exten: String, in context: String) -> Priority? {
        let caller = callerID["num"] ?? ""
        let find = {
            self.dialplan.findExtension(exten, in: context, priority: .number(number), callerID: caller, mode: .match,
                                        now: self.now, timeZone: self.timeZone)?.priority
        }
        guard let run = lookupRun(context: context, exten: exten, callerID: caller) else { return find() }
        return run.priority(number, lookup: find)
    }

    /// The engine's cached lookups of (context, exten, caller ID), kept at hand while the call stays there.
    private func lookupRun(context: String, exten: String, callerID: String) -> PriorityRun? {
        if let current = currentRun, current.key.exten == exten, current.key.context == context,
           current.key.callerID == callerID {
            return current.run
        }
        let key = LookupCache.Key(context: context, exten: exten, callerID: callerID)
        guard let run = lookups.run(key) else { return nil }
        currentRun = (key, run)
        return run
    }

    func matchMore(_ exten: String, in context: String) -> Bool {
        dialplan.matchMore(exten, in: context, callerID: callerID["num"], now: now, timeZone: timeZone)
    }

    /// Marks a variable's values secret from now on (and hides its current value); `exposure` says how much of
    /// them outputs may show.
    public func markSecret(_ name: String, exposure: SecretMasker.Exposure = .nothing) {
        let key = VariableName.stripInheritance(name)
        secrets.markSecret(key, exposure: exposure)
        if let value = variables[key] { secrets.hide(value, exposure: exposure) }
    }
}
