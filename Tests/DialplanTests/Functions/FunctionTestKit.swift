import Foundation
import Testing
@testable import Dialplan

/// Shared set-up for the function tests: a standalone context at a fixed instant (2024-03-15 12:34:56.789 UTC).
enum FunctionTestKit {
    static let fixedNow = 1_710_506_096.789

    static func context(now: Double = fixedNow, zone: String = "UTC", seed: UInt64 = 1,
                        variables: [String: String] = [:], globals: [String: String] = [:]) -> StandaloneContext {
        let context = StandaloneContext(globals: globals, functions: FunctionRegistry(StandardFunctions.all), now: now,
                                        timeZone: TimeZone(identifier: zone)!, seed: seed)
        for (name, value) in variables { context.setVariable(name, to: value) }
        return context
    }

    static func read(_ name: String, _ argument: String, _ context: StandaloneContext) throws -> String {
        guard let function = context.functions[name] else { throw FunctionError.notReadable("no function \(name)") }
        guard let reader = function.read else { throw FunctionError.notReadable(name) }
        return try reader(argument, context)
    }

    static func write(_ name: String, _ argument: String, _ value: String, _ context: StandaloneContext) throws {
        guard let function = context.functions[name] else { throw FunctionError.notWritable("no function \(name)") }
        guard let writer = function.write else { throw FunctionError.notWritable(name) }
        try writer(argument, value, context)
    }

    /// The value, or "" when the function failed (what substitution shows).
    static func shown(_ name: String, _ argument: String, _ context: StandaloneContext) -> String {
        (try? read(name, argument, context)) ?? ""
    }
}

/// Reads a function through the test kit (shared by every function test file).
func read(_ name: String, _ argument: String, _ context: StandaloneContext) throws -> String {
    try FunctionTestKit.read(name, argument, context)
}
