import Dialplan
import Foundation

/// SayUnixTime's German rules (`ast_say_date_with_format_de` in `main/say.c`), used for `de…` channel languages.
///
/// - `A`/`a` the weekday (`digits/day-N`, Sunday 0) and `B`/`b`/`h` the month (`digits/mon-N`, January 0), as in
///   English; `d`/`e` the day and `m` the month as German ordinals with the masculine ending (`digits/h-23`,
///   "dreiundzwanzigster"; `digits/1-and` + `digits/h-20` for the 21st); `Y` the year as a German number from 2000
///   on ("zweitausendsechsundzwanzig"), 1100–1999 as hundreds (`digits/19` `digits/hundred` + the rest:
///   "neunzehnhundertsiebenundsechzig"), nothing before 1100.
/// - `H`/`k` the hour as a German number and `digits/oclock` ("Uhr"); `I`/`l` the 12-hour clock and "Uhr"; `M` the
///   minutes when not zero, or — when `S` comes next — always, feminine, followed by `digits/minute` /
///   `digits/minutes`; `S` is `digits/and`, the seconds (feminine: `digits/1F`) and `digits/second` /
///   `digits/seconds`; `P`/`p` `digits/a-m` / `digits/p-m`.
/// - `Q` says `digits/today`, `digits/yesterday` or `AdBY`; `q` nothing for today, `digits/yesterday`, `A` within
///   the last six days, else `AdBY`; `R` is `HM` and `T` `HMS`; `'name'` plays the prompt `name`; blanks are
///   skipped and any other character warns.
///
/// Without a format SayUnixTime says ``defaultFormat``: "Montag dreiundzwanzigster November
/// zweitausendsechsundzwanzig zehn Uhr null Minuten und null Sekunden".
enum SayDateGerman {
    /// `ast_say_date_with_format_de`'s format when none is given.
    static let defaultFormat = "A dBY HMS"

    /// The prompts for `epoch` in `format`, in `zone`; `now` decides `Q` and `q`. Warnings go to `call`.
    static func files(epoch: Int, format: String, zone: TimeZone, now: Double, call: Call?) -> [String] {
        let moment = SaidDate(epoch: epoch, zone: zone)
        let (year, month, day, weekday) = (moment.year, moment.month, moment.day, moment.weekday)
        let (hour, minute, second) = (moment.hour, moment.minute, moment.second)
        func number(_ value: Int, gender: String? = nil) -> [String] {
            SayPrompts.number(String(value), language: "de", gender: gender) ?? []
        }
        func ordinal(_ value: Int) -> [String] { SayPrompts.ordinal(String(value), language: "de", gender: "m") ?? [] }
        func sub(_ subformat: String) -> [String] {
            SayDateGerman.files(epoch: epoch, format: subformat, zone: zone, now: now, call: call)
        }
        let characters = Array(format)
        /// `next_item`: the next format character after blanks and control characters (`ast_skip_blanks`).
        func nextItem(after position: Int) -> Character? {
            var next = position + 1
            while next < characters.count, let ascii = characters[next].asciiValue, ascii < 33 { next += 1 }
            return next < characters.count ? characters[next] : nil
        }
        var files: [String] = []
        var index = 0
        while index < characters.count {
            let letter = characters[index]
            switch letter {
            case "'":
                if let name = SayApplications.quotedFile(characters, at: &index) { files.append(name) }
            case "A", "a": files.append("digits/day-\(weekday)")
            case "B", "b", "h": files.append("digits/mon-\(month - 1)")
            case "m": files += ordinal(month)
            case "d", "e": files += ordinal(day)
            case "Y":
                if year > 1999 {
                    files += number(year)
                } else if year >= 1100 {
                    files += ["digits/\(year / 100)", "digits/hundred"]
                    if year % 100 != 0 { files += number(year % 100) }
                }
            case "I", "l":
                let twelve = hour == 0 ? 12 : (hour > 12 ? hour - 12 : hour)
                files += ["digits/\(twelve)", "digits/oclock"]
            case "H", "k": files += number(hour) + ["digits/oclock"]
            case "M":
                if nextItem(after: index) == "S" {
                    files += number(minute, gender: "f")
                    files.append(minute == 1 ? "digits/minute" : "digits/minutes")
                } else if minute > 0 {
                    files += number(minute)
                }
            case "S":
                files.append("digits/and")
                files += number(second, gender: "f")
                files.append(second == 1 ? "digits/second" : "digits/seconds")
            case "P", "p": files.append(hour > 11 ? "digits/p-m" : "digits/a-m")
            case "Q", "q":
                let startOfToday = SayApplications.startOfDay(now, zone: zone)
                if startOfToday < epoch {
                    if letter == "Q" { files.append("digits/today") }
                } else if startOfToday - 86400 < epoch {
                    files.append("digits/yesterday")
                } else if letter == "q" && startOfToday - 86400 * 6 < epoch {
                    files += sub("A")
                } else {
                    files += sub("AdBY")
                }
            case "R": files += sub("HM")
            case "T": files += sub("HMS")
            case " ", "\t": break
            default:
                call?.warn("Unknown character in datetime format \(format): \(letter) at pos \(index)")
            }
            index += 1
        }
        return files
    }
}
