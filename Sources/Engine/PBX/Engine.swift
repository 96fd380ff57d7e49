import Dialplan
import Foundation
import Synchronization

/// Runs calls through a dialplan: Asterisk's PBX loop (`__ast_pbx_run`) on a channel and its clock.
public final class Engine: Sendable {
    public let dialplan: Dialplan
    public let configuration: EngineConfiguration
    /// Globals shared by all calls of this engine, seeded from `[globals]`.
    public let globals: GlobalVariables
    private let callCounter = Atomic<Int>(0)
    let lookups: LookupCache
    let timeSpecs: TimeSpecCache

    public convenience init(dialplan: Dialplan, configuration: EngineConfiguration = EngineConfiguration()) {
        self.init(dialplan: dialplan, configuration: configuration, lookups: LookupCache(dialplan: dialplan),
                  timeSpecs: TimeSpecCache())
    }

    private init(dialplan: Dialplan, configuration: EngineConfiguration, lookups: LookupCache, timeSpecs: TimeSpecCache) {
        self.dialplan = dialplan
        self.configuration = configuration
        self.globals = GlobalVariables(dialplan: dialplan)
        self.lookups = lookups
        self.timeSpecs = timeSpecs
    }

    /// A new engine on the same dialplan with `configuration` and globals fresh from `[globals]`, sharing this
    /// engine's extension-lookup and time-spec caches (they depend on the dialplan only): what a test runner that
    /// wants every call to start from a clean state uses instead of building the caches again for each call.
    public func sibling(configuration: EngineConfiguration) -> Engine {
        Engine(dialplan: dialplan, configuration: configuration, lookups: lookups, timeSpecs: timeSpecs)
    }

    /// Runs one call to its end (including `h`) and returns what happened. Never traps on dialplan input:
    /// failures end the call with an error event and a record.
    public func run(_ request: CallRequest, on channel: any Channel) -> CallResult {
        let sequence = callCounter.add(1, ordering: .relaxed).newValue
        let uniqueID = "\(Int(request.startTime)).\(sequence)"
        let call = Call(dialplan: dialplan, channel: channel, configuration: configuration, request: request,
                        globals: globals, uniqueID: uniqueID, lookups: lookups,
                        timeSpecs: timeSpecs)
        channel.attach { [weak call] in call?.events ?? [] }
        call.record(.callStart(location: call.location, callerID: request.callerNumber, channel: channel.name,
                               language: request.language, startTime: request.startTime,
                               timeZone: configuration.timeZone.identifier))
        PBXLoop(call: call).run()
        return CallResult(call: call)
    }
}

/// The outcome of a call: its events, its record, and the state it ended in.
public struct CallResult: Sendable {
    public var events: [CallEvent]
    public var record: CallDetailRecord
    public var finalLocation: CallLocation
    /// Channel variables at the end, secret ones masked.
    public var variables: [String: String]
    /// Why the dialplan ended the call with an error, if it did.
    public var failure: String?

    init(call: Call) {
        events = call.events
        record = CallDetailRecord(call: call)
        finalLocation = call.location
        if call.secrets.names.isEmpty && call.secrets.hidden.isEmpty {
            // Nothing to mask: the variables as they are, shared rather than copied.
            variables = call.variables
        } else {
            var shown: [String: String] = [:]
            for (name, value) in call.variables {
                shown[name] = call.secrets.shown(value, of: name)
            }
            variables = shown
        }
        failure = call.failure
    }
}
