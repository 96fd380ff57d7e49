import Foundation

/// `YYYY-MM-DD HH:MM:SS` of a moment in a time zone, by calendar arithmetic: what a CDR prints for every call,
/// without building a `DateFormatter` each time.
public enum LocalTimestamp {
    /// The moment `epoch` (seconds since 1970, fraction dropped) as local time in `zone`.
    public static func text(_ epoch: Double, in zone: TimeZone) -> String {
        let clamped = epoch.isFinite ? min(max(epoch, -BrokenDownTime.epochLimit), BrokenDownTime.epochLimit) : 0
        let whole = Int(clamped.rounded(.down))
        let local = whole + zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(whole)))
        let days = BrokenDownTime.floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (year, month, day) = BrokenDownTime.civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0" + String(value) : String(value) }
        var yearText = String(abs(year))
        if yearText.count < 4 { yearText = String(repeating: "0", count: 4 - yearText.count) + yearText }
        return (year < 0 ? "-" : "") + yearText + "-" + two(month) + "-" + two(day) + " "
            + two(secondOfDay / 3600) + ":" + two(secondOfDay / 60 % 60) + ":" + two(secondOfDay % 60)
    }
}
