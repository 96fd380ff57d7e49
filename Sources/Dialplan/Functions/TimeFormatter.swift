import Foundation

/// A moment broken down in a time zone, as `struct ast_tm` holds it (with microseconds).
struct BrokenDownTime: Sendable, Equatable {
    var year: Int          // e.g. 2024
    var month: Int         // 1...12
    var day: Int           // 1...31
    var hour: Int
    var minute: Int
    var second: Int
    var weekday: Int       // 0 = Sunday
    var yearDay: Int       // 0...365
    var microsecond: Int   // may be negative for negative fractional epochs, as in Asterisk
    var utcOffset: Int     // seconds east of UTC
    var isDaylightSaving: Bool
    var zoneAbbreviation: String
    var epochSeconds: Int

    /// Epochs are clamped to about ±3 million years so the calendar arithmetic cannot overflow.
    static let epochLimit = 1.0e14

    /// `zoneName` is the name the zone was asked for: Foundation reports "UTC" as "GMT", glibc does not.
    init(epoch: Double, zone: TimeZone, zoneName: String? = nil) {
        let clamped = epoch.isNaN ? 0 : Swift.min(Swift.max(epoch, -Self.epochLimit), Self.epochLimit)
        let whole = clamped.rounded(.towardZero)
        epochSeconds = Int(whole)
        microsecond = Int(((clamped - whole) * 1_000_000).rounded(.towardZero))
        let date = Date(timeIntervalSince1970: whole)
        utcOffset = zone.secondsFromGMT(for: date)
        isDaylightSaving = zone.isDaylightSavingTime(for: date)
        zoneAbbreviation = Self.abbreviation(zone, date, name: zoneName)
        let local = epochSeconds + utcOffset
        let days = Self.floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        (year, month, day) = Self.civil(fromDays: days)
        weekday = Self.floorMod(days + 4, 7)
        yearDay = days - Self.days(year: year, month: 1, day: 1)
    }

    /// The abbreviation glibc prints for `%Z`: tz database letters, `UTC`, or `+hh[mm]` when the zone has none.
    static func abbreviation(_ zone: TimeZone, _ date: Date, name: String? = nil) -> String {
        let identifier = name ?? (zone.identifier == "GMT" ? "UTC" : zone.identifier)
        switch identifier {
        case "UTC", "Etc/UTC", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu": return "UTC"
        case "GMT", "Etc/GMT", "Etc/Greenwich", "Greenwich", "GMT0", "Etc/GMT0": return "GMT"
        default: break
        }
        let offset = zone.secondsFromGMT(for: date)
        if let name = ZoneAbbreviations.abbreviation(identifier: identifier, date: date, offset: offset,
                                                     isDST: zone.isDaylightSavingTime(for: date)) { return name }
        if let name = zone.abbreviation(for: date), !name.hasPrefix("GMT"), !name.hasPrefix("UTC") { return name }
        let sign = offset < 0 ? "-" : "+"
        let magnitude = Swift.abs(offset)
        let hours = magnitude / 3600, minutes = magnitude / 60 % 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return minutes == 0 ? "\(sign)\(two(hours))" : "\(sign)\(two(hours))\(two(minutes))"
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int, _ b: Int) -> Int { a - floorDiv(a, b) * b }

    /// Days since 1970-01-01 of a proleptic Gregorian date; months outside 1...12 roll into other years.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let monthIndex = month - 1
        var y = year + floorDiv(monthIndex, 12)
        let m = floorMod(monthIndex, 12) + 1
        if m <= 2 { y -= 1 }
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    /// The epoch of a local wall-clock time in `zone` (`ast_mktime` with `tm_isdst = -1`); fields may be out of range.
    static func epoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, zone: TimeZone) -> Int {
        let local = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        let guess = local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local)))
        return local - zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(guess)))
    }
}

/// `ast_strftime`: glibc's `strftime` in the C locale plus Asterisk's `%q` / `%1q`…`%6q` fractions of a second.
enum TimeFormatter {
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// Output is capped so that a format such as `%999999999Y` cannot exhaust memory.
    static let maximumWidth = 1024

    static func format(_ format: String, _ time: BrokenDownTime) -> String {
        var out: [UInt8] = []
        append(Array(format.utf8), time, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ f: [UInt8], _ t: BrokenDownTime, to out: inout [UInt8]) {
        var i = 0
        while i < f.count {
            let byte = f[i]
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                i += 1
                continue
            }
            let start = i
            i += 1
            // Asterisk's fractions: %q (milliseconds) and %1q ... %6q.
            if i < f.count, f[i] == UInt8(ascii: "q") {
                out += fraction(t.microsecond, digits: 3)
                i += 1
                continue
            }
            if i + 1 < f.count, f[i] >= UInt8(ascii: "1"), f[i] <= UInt8(ascii: "6"), f[i + 1] == UInt8(ascii: "q") {
                out += fraction(t.microsecond, digits: Int(f[i] - 0x30))
                i += 2
                continue
            }
            var pad: UInt8? = nil
            var upper = false
            var swapCase = false
            while i < f.count, [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "0"), UInt8(ascii: "^"), UInt8(ascii: "#")].contains(f[i]) {
                switch f[i] {
                case UInt8(ascii: "^"): upper = true
                case UInt8(ascii: "#"): swapCase = true
                default: pad = f[i]
                }
                i += 1
            }
            var width: Int? = nil
            while i < f.count, FunctionSupport.isDigit(f[i]) {
                width = Swift.min((width ?? 0) * 10 + Int(f[i] - 0x30), maximumWidth)
                i += 1
            }
            while i < f.count, f[i] == UInt8(ascii: "E") || f[i] == UInt8(ascii: "O") { i += 1 }
            guard i < f.count else {
                out += f[start...]
                return
            }
            let conversion = f[i]
            i += 1
            guard let piece = convert(conversion, t) else {
                out += f[start..<i]
                continue
            }
            out += render(piece, pad: pad, width: width, upper: upper, swapCase: swapCase)
        }
    }

    /// A converted field before flags: its text and, for numbers, the default padding.
    private struct Piece {
        var text: [UInt8]
        var numeric: Bool = false
        var defaultWidth: Int = 0
        var defaultPad: UInt8 = UInt8(ascii: "0")
        var caseSwapsToLower = false
    }

    private static func number(_ value: Int, _ width: Int, pad: UInt8 = UInt8(ascii: "0")) -> Piece {
        Piece(text: Array(String(value).utf8), numeric: true, defaultWidth: width, defaultPad: pad)
    }

    private static func text(_ string: String, lowersOnSwap: Bool = false) -> Piece {
        Piece(text: Array(string.utf8), caseSwapsToLower: lowersOnSwap)
    }

    private static func sub(_ format: String, _ t: BrokenDownTime) -> Piece {
        var out: [UInt8] = []
        append(Array(format.utf8), t, to: &out)
        return Piece(text: out)
    }

    private static func convert(_ c: UInt8, _ t: BrokenDownTime) -> Piece? {
        let hour12 = t.hour % 12 == 0 ? 12 : t.hour % 12
        switch c {
        case UInt8(ascii: "a"): return text(String(weekdayNames[t.weekday].prefix(3)))
        case UInt8(ascii: "A"): return text(weekdayNames[t.weekday])
        case UInt8(ascii: "b"), UInt8(ascii: "h"): return text(String(monthNames[t.month - 1].prefix(3)))
        case UInt8(ascii: "B"): return text(monthNames[t.month - 1])
        case UInt8(ascii: "c"): return sub("%a %b %e %H:%M:%S %Y", t)
        case UInt8(ascii: "C"): return number(BrokenDownTime.floorDiv(t.year, 100), 2)
        case UInt8(ascii: "d"): return number(t.day, 2)
        case UInt8(ascii: "D"): return sub("%m/%d/%y", t)
        case UInt8(ascii: "e"): return number(t.day, 2, pad: UInt8(ascii: " "))
        case UInt8(ascii: "F"): return sub("%Y-%m-%d", t)
        case UInt8(ascii: "g"): return number(BrokenDownTime.floorMod(isoWeek(t).year, 100), 2)
        case UInt8(ascii: "G"): return number(isoWeek(t).year, 1)
        case UInt8(ascii: "H"): return number(t.hour, 2)
        case UInt8(ascii: "I"): return number(hour12, 2)
        case UInt8(ascii: "j"): return number(t.yearDay + 1, 3)
        case UInt8(ascii: "k"): return number(t.hour, 2, pad: UInt8(ascii: " "))
        case UInt8(ascii: "l"): return number(hour12, 2, pad: UInt8(ascii: " "))
        case UInt8(ascii: "m"): return number(t.month, 2)
        case UInt8(ascii: "M"): return number(t.minute, 2)
        case UInt8(ascii: "n"): return text("\n")
        case UInt8(ascii: "p"): return text(t.hour < 12 ? "AM" : "PM", lowersOnSwap: true)
        case UInt8(ascii: "P"): return text(t.hour < 12 ? "am" : "pm")
        case UInt8(ascii: "r"): return sub("%I:%M:%S %p", t)
        case UInt8(ascii: "R"): return sub("%H:%M", t)
        case UInt8(ascii: "s"): return number(t.epochSeconds, 1)
        case UInt8(ascii: "S"): return number(t.second, 2)
        case UInt8(ascii: "t"): return text("\t")
        case UInt8(ascii: "T"): return sub("%H:%M:%S", t)
        case UInt8(ascii: "u"): return number(t.weekday == 0 ? 7 : t.weekday, 1)
        case UInt8(ascii: "U"): return number((t.yearDay + 7 - t.weekday) / 7, 2)
        case UInt8(ascii: "V"): return number(isoWeek(t).week, 2)
        case UInt8(ascii: "w"): return number(t.weekday, 1)
        case UInt8(ascii: "W"): return number((t.yearDay + 7 - (t.weekday + 6) % 7) / 7, 2)
        case UInt8(ascii: "x"): return sub("%m/%d/%y", t)
        case UInt8(ascii: "X"): return sub("%H:%M:%S", t)
        case UInt8(ascii: "y"): return number(BrokenDownTime.floorMod(t.year, 100), 2)
        case UInt8(ascii: "Y"): return number(t.year, 1)
        case UInt8(ascii: "z"):
            let magnitude = Swift.abs(t.utcOffset) / 60
            let digits = String(magnitude / 60 * 100 + magnitude % 60)
            let padded = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
            return Piece(text: Array(((t.utcOffset < 0 ? "-" : "+") + padded).utf8))
        case UInt8(ascii: "Z"): return text(t.zoneAbbreviation, lowersOnSwap: true)
        case UInt8(ascii: "%"): return text("%")
        default: return nil
        }
    }

    private static func render(_ piece: Piece, pad: UInt8?, width: Int?, upper: Bool, swapCase: Bool) -> [UInt8] {
        var body = piece.text
        if upper {
            body = body.map(FunctionSupport.upperASCII)
        } else if swapCase {
            body = piece.caseSwapsToLower ? body.map(FunctionSupport.lowerASCII) : body.map(FunctionSupport.upperASCII)
        }
        var negative = false
        if piece.numeric, body.first == UInt8(ascii: "-") {
            negative = true
            body.removeFirst()
        }
        let target: Int
        let fill: UInt8
        if pad == UInt8(ascii: "-") {
            // glibc: no padding, unless a width is given, which then pads with spaces.
            target = width ?? 0
            fill = UInt8(ascii: " ")
        } else if piece.numeric {
            target = width ?? piece.defaultWidth
            fill = pad == UInt8(ascii: "_") ? UInt8(ascii: " ") : (pad ?? piece.defaultPad)
        } else {
            target = width ?? 0
            fill = pad == UInt8(ascii: "0") ? UInt8(ascii: "0") : UInt8(ascii: " ")
        }
        let signWidth = negative ? 1 : 0
        let padding = Swift.max(0, target - body.count - signWidth)
        if fill == UInt8(ascii: "0") {
            return (negative ? [UInt8(ascii: "-")] : []) + [UInt8](repeating: fill, count: padding) + body
        }
        return [UInt8](repeating: fill, count: padding) + (negative ? [UInt8(ascii: "-")] : []) + body
    }

    private static func fraction(_ microsecond: Int, digits: Int) -> [UInt8] {
        var value = microsecond
        for _ in digits..<6 { value /= 10 }
        let text = String(Swift.abs(value))
        let sign = value < 0 ? "-" : ""
        let width = Swift.max(0, digits - text.count - sign.count)
        return Array((sign + String(repeating: "0", count: width) + text).utf8)
    }

    /// ISO 8601 week-based year and week number (`%G`, `%V`), computed as glibc does.
    static func isoWeek(_ t: BrokenDownTime) -> (year: Int, week: Int) {
        func isoWeekDays(_ yearDay: Int, _ weekday: Int) -> Int {
            let bigEnoughMultipleOf7 = (366 / 7 + 2) * 7
            return yearDay - (yearDay - weekday + 4 + bigEnoughMultipleOf7) % 7 + 4 - 1
        }
        var year = t.year
        var days = isoWeekDays(t.yearDay, t.weekday)
        if days < 0 {
            year -= 1
            days = isoWeekDays(t.yearDay + (BrokenDownTime.isLeap(year) ? 366 : 365), t.weekday)
        } else {
            let next = isoWeekDays(t.yearDay - (BrokenDownTime.isLeap(year) ? 366 : 365), t.weekday)
            if next >= 0 {
                year += 1
                days = next
            }
        }
        return (year, days / 7 + 1)
    }
}
