import Dialplan
import Foundation

/// Keeps secret values (PINs, card numbers) out of every output: trace, logs, records, AGI logs, errors.
///
/// A dialplan marks a variable secret with `Set(SECRET(PIN)=1)` (or Read's `S` option). From then on any value
/// that variable takes is replaced by `****` wherever text leaves the call, and digits typed into it are
/// recorded as `*`.
public struct SecretMasker: Sendable {
    public static let mask = "****"
    /// Variable names whose values are secret.
    public private(set) var names: Set<String> = []
    /// Values to hide, longest first so a value that contains another is hidden whole.
    public private(set) var values: [String] = []

    public init() {}

    public mutating func markSecret(_ name: String) { names.insert(name) }

    /// Stops treating new values of `name` as secret; values already hidden stay hidden.
    public mutating func unmarkSecret(_ name: String) { names.remove(name) }

    public func isSecret(_ name: String) -> Bool { names.contains(name) }

    /// Remembers a value to hide (values shorter than 2 characters would mask ordinary text and are skipped,
    /// but such a value is still masked where its variable is shown by name).
    public mutating func hide(_ value: String) {
        guard value.count >= 2, !values.contains(value) else { return }
        values.append(value)
        values.sort { $0.count > $1.count }
    }

    /// `text` with every secret value replaced by the mask.
    public func apply(_ text: String) -> String {
        guard !values.isEmpty else { return text }
        var result = text
        for value in values where ByteSearch.contains(result, value) {
            result = ByteSearch.replacingAll(value, with: Self.mask, in: result)
        }
        return result
    }

    /// `Set(NAME=value)` / `MSet(A=1,B=2)` arguments with the value of every secret variable masked, even before
    /// the value is known to be secret (it is being assigned right now).
    public func maskingAssignments(_ arguments: String, application: String) -> String {
        guard !names.isEmpty else { return arguments }
        let pieces = application == "mset" ? arguments.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            : [arguments]
        let masked = pieces.map { piece -> String in
            guard let equals = piece.firstIndex(of: "=") else { return piece }
            let name = String(piece[..<equals]).trimmingBlanksForApplication()
            return isSecret(VariableName.stripInheritance(name)) ? "\(name)=\(Self.mask)" : piece
        }
        return masked.joined(separator: ",")
    }
}
