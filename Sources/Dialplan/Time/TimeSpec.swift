import Foundation

/// A GotoIfTime / IFTIME / timed-include condition: `times,weekdays,mdays,months[,timezone]` (`main/pbx_timing.c`).
///
/// Fields are `&`-separated items, each a value or a range (`09:00-17:00`, `mon-fri`, `nov-feb`); ranges wrap around.
/// Missing, empty and `*` fields match anything. Items that cannot be read are skipped and listed in `problems`,
/// so a field whose every item was bad matches nothing, as in Asterisk.
public struct TimeSpec: Sendable, Hashable, CustomStringConvertible {
    /// The text as written.
    public let text: String
    /// IANA zone named by the fifth field, if any.
    public let timeZoneIdentifier: String?
    /// One message per unreadable item or unknown zone.
    public private(set) var problems: [String] = []

    private var minutes = MinuteSet()
    private var weekdays: UInt8 = 0       // bit 0 = Sunday
    private var monthDays: UInt32 = 0     // bit 0 = the 1st
    private var months: UInt16 = 0        // bit 0 = January
    private var zone: TimeZone?

    static let weekdayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public init(_ text: String) {
        self.text = text
        var fields = text.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "|" }.map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if fields.count == 5 {
            let identifier = fields.removeLast()
            timeZoneIdentifier = identifier.isEmpty ? nil : identifier
        } else {
            timeZoneIdentifier = nil
        }
        func field(_ index: Int) -> String { index < fields.count ? fields[index] : "*" }
        parseTimes(field(0))
        weekdays = UInt8(truncatingIfNeeded: parseRange(field(1), count: 7, names: Self.weekdayNames, what: "day of week"))
        monthDays = UInt32(truncatingIfNeeded: parseRange(field(2), count: 31, names: nil, what: "day of month"))
        months = UInt16(truncatingIfNeeded: parseRange(field(3), count: 12, names: Self.monthNames, what: "month"))
        if let identifier = timeZoneIdentifier {
            if let zone = TimeZone(identifier: identifier) {
                self.zone = zone
            } else {
                problems.append("unknown time zone '\(identifier)'")
            }
        }
    }

    /// True when the instant `epoch` (seconds) falls inside the spec, read in the spec's zone or else `defaultZone`.
    public func matches(epoch: Double, defaultZone: TimeZone) -> Bool {
        let zone = self.zone ?? defaultZone
        guard epoch.isFinite, abs(epoch) < 1e14 else { return false }
        let seconds = Int(epoch.rounded(.down))
        // Local wall-clock time by the zone's offset at that instant; no Calendar needed (this runs per call).
        let local = seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: epoch))
        let days = BrokenDownTime.floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let weekday = ((days % 7) + 11) % 7          // 1970-01-01 was a Thursday; 0 = Sunday
        let (_, month, day) = BrokenDownTime.civil(fromDays: days)
        return months & (1 << (month - 1)) != 0
            && monthDays & (1 << (day - 1)) != 0
            && weekdays & (1 << weekday) != 0
            && minutes.contains(secondOfDay / 60)
    }

    public var description: String { text }

    public static func == (lhs: TimeSpec, rhs: TimeSpec) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    // MARK: - Fields

    private mutating func parseTimes(_ field: String) {
        if field.isEmpty || field == "*" {
            minutes.insert(0..<1440)
            return
        }
        for item in field.split(separator: "&") {
            let ends = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let start = Self.minuteOfDay(ends[0]) else {
                problems.append("invalid time '\(ends[0])' in '\(item)'")
                continue
            }
            var end = start
            if ends.count == 2 {
                guard let parsed = Self.minuteOfDay(ends[1]) else {
                    problems.append("invalid time '\(ends[1])' in '\(item)'")
                    continue
                }
                end = parsed
            }
            if start <= end {
                minutes.insert(start..<(end + 1))
            } else {
                minutes.insert(start..<1440)
                minutes.insert(0..<(end + 1))
            }
        }
    }

    /// `HH:MM` as `sscanf("%2d:%2d")` reads it, checked to be a real minute of the day.
    static func minuteOfDay(_ text: Substring) -> Int? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
              let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    /// A bit mask over `count` positions from items such as `3`, `mon-fri`, `30-2`; 1-based numbers.
    private mutating func parseRange(_ field: String, count: Int, names: [String]?, what: String) -> UInt64 {
        let all: UInt64 = (1 << UInt64(count)) - 1
        if field.isEmpty || field == "*" { return all }
        var mask: UInt64 = 0
        for item in field.split(separator: "&") {
            let ends = item.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard let start = Self.position(ends[0], count: count, names: names) else {
                problems.append("invalid \(what) '\(ends[0])'")
                continue
            }
            var end = start
            if ends.count == 2 {
                guard let parsed = Self.position(ends[1], count: count, names: names) else {
                    problems.append("invalid \(what) '\(ends[1])'")
                    continue
                }
                end = parsed
            }
            var index = start
            while true {
                mask |= 1 << UInt64(index)
                if index == end { break }
                index = (index + 1) % count
            }
        }
        return mask
    }

    private static func position(_ text: Substring, count: Int, names: [String]?) -> Int? {
        let word = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let names, let index = names.firstIndex(of: word) { return index }
        guard let number = Int(word), number >= 1, number <= count else { return nil }
        return number - 1
    }
}

/// The minutes of a day (0..<1440) as a bit set.
private struct MinuteSet: Sendable, Hashable {
    private var words = [UInt64](repeating: 0, count: 23)

    mutating func insert(_ range: Range<Int>) {
        for minute in range { words[minute >> 6] |= 1 << UInt64(minute & 63) }
    }

    func contains(_ minute: Int) -> Bool {
        guard minute >= 0, minute < 1440 else { return false }
        return words[minute >> 6] & (1 << UInt64(minute & 63)) != 0
    }
}
