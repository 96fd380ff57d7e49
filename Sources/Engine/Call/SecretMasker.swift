import Dialplan
import Foundation

/// Keeps secret values (PINs, card and account numbers) out of every output: trace, logs, records, AGI logs, errors.
///
/// A dialplan marks a variable secret with `Set(SECRET(PIN)=1)` (or Read's `S` option). From then on any value
/// that variable takes is replaced by `****` wherever text leaves the call, and digits typed into it are
/// recorded as `*`. `Set(SECRET(ACCOUNT)=last4)` shows the last four characters instead (`***4567`), as bank
/// statements print an account: enough to tell accounts apart, never the whole number.
public struct SecretMasker: Sendable {
    public static let mask = "****"

    /// How much of a secret value outputs show.
    public enum Exposure: Sendable, Equatable {
        /// Nothing: `****`.
        case nothing
        /// The last `count` characters after `***`; values no longer than `count` show nothing.
        case last(Int)

        /// `value` as outputs show it.
        public func masked(_ value: String) -> String {
            switch self {
            case .nothing: return SecretMasker.mask
            case .last(let count):
                guard count > 0, value.count > count else { return SecretMasker.mask }
                return "***" + value.suffix(count)
            }
        }

        /// `1`/`yes`/`true`/`on` (or any true value): nothing shown; `lastN` (N from 1 to 9): the last N
        /// characters; nil for a false value.
        public init?(setting value: String) {
            let text = value.trimmingBlanksForApplication().lowercased()
            if text.hasPrefix("last"), let count = Int(text.dropFirst(4)), (1...9).contains(count) {
                self = .last(count)
            } else if Condition.isTrue(value) {
                self = .nothing
            } else {
                return nil
            }
        }
    }

    /// A value to hide and what outputs show instead.
    struct Hidden: Sendable {
        var value: String
        var shown: String
    }

    /// Secret variable names and how much of their values outputs show.
    public private(set) var names: [String: Exposure] = [:]
    /// Values to hide, longest first so a value that contains another is hidden whole.
    private(set) var hidden: [Hidden] = []

    public init() {}

    /// Values currently hidden, longest first.
    public var values: [String] { hidden.map(\.value) }

    public mutating func markSecret(_ name: String, exposure: Exposure = .nothing) { names[name] = exposure }

    /// Stops treating new values of `name` as secret; values already hidden stay hidden.
    public mutating func unmarkSecret(_ name: String) { names[name] = nil }

    public func isSecret(_ name: String) -> Bool { names[name] != nil }

    /// `value` of the secret variable `name` as outputs show it (the value itself when `name` is not secret).
    public func shown(_ value: String, of name: String) -> String {
        names[name].map { $0.masked(value) } ?? apply(value)
    }

    /// Remembers a value to hide (values shorter than 2 characters would mask ordinary text and are skipped,
    /// but such a value is still masked where its variable is shown by name). A value hidden twice keeps the
    /// stricter mask.
    public mutating func hide(_ value: String, exposure: Exposure = .nothing) {
        guard value.count >= 2 else { return }
        let shown = exposure.masked(value)
        if let index = hidden.firstIndex(where: { $0.value == value }) {
            if shown == Self.mask { hidden[index].shown = shown }
            return
        }
        hidden.append(Hidden(value: value, shown: shown))
        hidden.sort { $0.value.count > $1.value.count }
    }

    /// `text` with every secret value replaced by its mask.
    public func apply(_ text: String) -> String {
        guard !hidden.isEmpty else { return text }
        var result = text
        for secret in hidden where ByteSearch.contains(result, secret.value) {
            result = ByteSearch.replacingAll(secret.value, with: secret.shown, in: result)
        }
        return result
    }

    /// `Set(NAME=value)` / `MSet(A=1,B=2)` arguments with the value of every secret variable masked, even before
    /// the value is known to be secret (it is being assigned right now).
    public func maskingAssignments(_ arguments: String, application: String) -> String {
        guard !names.isEmpty else { return arguments }
        guard application == "mset" else { return maskingAssignment(arguments) }
        return arguments.split(separator: ",", omittingEmptySubsequences: false)
            .map { maskingAssignment(String($0)) }.joined(separator: ",")
    }

    /// One `NAME=value`, split at the first `=` byte as Set splits it.
    private func maskingAssignment(_ piece: String) -> String {
        guard let equals = piece.utf8.firstIndex(of: UInt8(ascii: "=")) else { return piece }
        let name = String(piece[..<equals]).trimmingBlanksForApplication()
        guard let exposure = names[VariableName.stripInheritance(name)] else { return piece }
        return "\(name)=\(exposure.masked(String(piece[piece.utf8.index(after: equals)...])))"
    }
}
