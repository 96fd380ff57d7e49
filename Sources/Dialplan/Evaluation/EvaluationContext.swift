import Foundation

/// What substitution, expressions and dialplan functions see of a call: variables, functions, the clock.
///
/// The interpreter implements it over a channel; `StandaloneContext` implements it for `ivr eval` and tests.
public protocol EvaluationContext: AnyObject {
    /// `${name}` as Asterisk resolves it: built-ins, then channel variables, then globals; nil when unset.
    func variable(named name: String) -> String?
    /// Sets a channel variable (`Set(name=value)`, functions such as `INC`).
    func setVariable(_ name: String, to value: String)
    /// Removes a channel variable (`DELETE(name)`).
    func deleteVariable(_ name: String)
    /// A global variable only (`GLOBAL(name)`), nil when unset.
    func globalVariable(named name: String) -> String?
    /// Sets a global (`Set(GLOBAL(name)=value)`); nil removes it.
    func setGlobalVariable(_ name: String, to value: String?)
    /// The functions `${NAME(...)}` and `$[NAME(...)]` can call.
    var functions: FunctionRegistry { get }
    /// Now, in seconds since the Unix epoch, from the clock the call runs on.
    var now: Double { get }
    /// The zone used when a time function or time spec names none.
    var timeZone: TimeZone { get }
    /// A uniformly distributed integer (`RAND`); a replayed call seeds it so it repeats.
    func randomInteger(in range: ClosedRange<Int>) -> Int
    /// A run-time warning (bad expression, unknown function); the call goes on.
    func warn(_ message: String)
}
