/// Seconds printed at millisecond resolution without `String(format:)`: the trace and transcript print a time
/// for every event, and C formatting through Foundation costs more than the rest of the line.
public enum Milliseconds {
    /// `value` rounded to milliseconds as `[-]S.mmm` (`%.3f`); with `trimmingZeros`, no trailing zeros and no
    /// point for whole seconds (`1.5`, `2`). Not-a-number and infinities print as 0.
    public static func text(_ value: Double, trimmingZeros: Bool = false) -> String {
        let scaled = (value * 1000).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return trimmingZeros ? "0" : "0.000" }
        let total = Int(scaled)
        let magnitude = total.magnitude
        var text = total < 0 ? "-" : ""
        text += String(magnitude / 1000)
        var fraction = Int(magnitude % 1000)
        if trimmingZeros {
            guard fraction != 0 else { return text }
            var digits = 3
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let body = String(fraction)
            return text + "." + String(repeating: "0", count: digits - body.count) + body
        }
        let body = String(fraction)
        return text + "." + String(repeating: "0", count: 3 - body.count) + body
    }

    /// `%8.3f`: `text(value)` right-aligned in `width` columns.
    public static func padded(_ value: Double, width: Int = 8) -> String {
        let body = text(value)
        return body.count >= width ? body : String(repeating: " ", count: width - body.count) + body
    }
}
