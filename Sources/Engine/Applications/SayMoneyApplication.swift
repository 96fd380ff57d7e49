import Dialplan

/// `SayMoney(amount[,currency])`: the amount in the channel language, in the named currency.
///
/// Asterisk reads SayMoney's data with `sscanf("%lf")` and says US dollars, so a trailing `,EUR` is harmless there.
/// This engine's extension reads it as the currency (`USD`, `EUR`, `GBP`, any case; ``SayCurrency``); without one
/// the language decides (euros for German, US dollars otherwise). An unknown code warns, naming it, and the
/// language's currency is said.
extension SayApplications {
    static func sayMoney(_ arguments: String, call: Call) -> ApplicationResult {
        let (amount, code) = moneyArguments(arguments)
        var currency: SayCurrency?
        if let code, !code.isEmpty {
            currency = SayCurrency(code: code)
            if currency == nil {
                let fallback = SayCurrency.languageDefault(call.language)
                call.warn("SayMoney: unknown currency '\(code)', saying \(fallback.rawValue) for language '\(call.language)'")
            }
        }
        let files = SayPrompts.money(amount, language: call.language, currency: currency)
        return play(files, call: call, skipMissing: false).result
    }

    /// Splits `amount[,currency]` at the last comma. A last field holding a digit belongs to the amount, so the
    /// German decimal comma (`SayMoney(12,34)`, this engine's German list) still reads as 12.34.
    static func moneyArguments(_ arguments: String) -> (amount: String, currency: String?) {
        guard let comma = arguments.lastIndex(of: ",") else { return (arguments, nil) }
        let tail = arguments[arguments.index(after: comma)...]
        if tail.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return (arguments, nil) }
        return (String(arguments[..<comma]), String(tail).trimmingBlanksForApplication())
    }
}
