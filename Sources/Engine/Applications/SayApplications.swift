import Dialplan
import Foundation

/// Saying things: SayDigits, SayNumber, SayAlpha, SayAlphaCase, SayPhonetic, SayMoney, SayOrdinal
/// (`main/pbx_builtins.c`) and SayUnixTime / DateTime (`apps/app_sayunixtime.c`), with the prompt rules of
/// `main/say.c`: German for `de…` channel languages (numbers, ordinals, dates: ``SayDateGerman``), English otherwise.
/// SayMoney takes a currency (``sayMoney(_:call:)``).
///
/// DTMF interrupts only when `SAY_DTMF_INTERRUPT` is true (SayUnixTime also with its `j` option); the digit is
/// then returned to the PBX loop, which collects an extension as after BackGround.
enum SayApplications {
    static let all: [Application] = [
        Application("SayDigits") { call, arguments in
            play(SayPrompts.digits(arguments), call: call, skipMissing: true).result
        },
        Application("SayAlpha") { call, arguments in
            play(SayPrompts.alpha(arguments), call: call, skipMissing: true).result
        },
        Application("SayAlphaCase") { call, arguments in sayAlphaCase(arguments, call: call) },
        Application("SayPhonetic") { call, arguments in
            play(SayPrompts.phonetic(arguments), call: call, skipMissing: true).result
        },
        Application("SayNumber") { call, arguments in sayNumber(arguments, call: call, ordinal: false) },
        Application("SayOrdinal") { call, arguments in sayNumber(arguments, call: call, ordinal: true) },
        Application("SayMoney") { call, arguments in sayMoney(arguments, call: call) },
        Application("SayUnixTime") { call, arguments in sayUnixTime(arguments, call: call) },
        Application("DateTime") { call, arguments in sayUnixTime(arguments, call: call) },
    ]

    /// How playing a list of Say prompts ended.
    enum Outcome: Equatable {
        case finished
        case interrupted(Character)
        /// A prompt Asterisk would have failed on (`ast_streamfile` returned -1).
        case missing
        case hangup

        /// The application's return value (`res`): a digit, -1 for a failure or hangup, else 0.
        var result: ApplicationResult {
            switch self {
            case .finished: .proceed
            case .interrupted(let digit): .digit(digit)
            case .missing, .hangup: .hangup
            }
        }
    }

    /// `SAY_DTMF_INTERRUPT` (channel variable or global) is true in the `ast_true` sense.
    static func interruptAllowed(_ call: Call) -> Bool {
        ConfigBoolean.isTrue(call.variable(named: "SAY_DTMF_INTERRUPT") ?? "")
    }

    /// Plays the files in order. With `skipMissing` a missing file is passed over (Asterisk lists only existing
    /// digit and letter files); otherwise it stops the list as `say_filenames` does.
    static func play(_ files: [String], call: Call, skipMissing: Bool, interrupt: Bool? = nil) -> Outcome {
        let digits = (interrupt ?? interruptAllowed(call)) ? DigitSet.any : DigitSet.none
        for name in files {
            switch Prompts.play(name, call: call, interrupt: digits) {
            case .finished: continue
            case .interrupted(let digit):
                call.record(.digit(digit))
                return .interrupted(digit)
            case .notFound:
                if skipMissing { continue }
                call.warn("Unable to play \(name): no such prompt")
                return .missing
            case .hangup:
                return .hangup
            }
        }
        return call.channel.isHungUp ? .hangup : .finished
    }

    /// `SayNumber(number[,gender])` / `SayOrdinal(number[,gender])`: an unreadable number warns and continues; a
    /// gender other than f, m, c, n ends the call. Without interrupts the result is always 0 (`return interrupt ? res : 0`).
    static func sayNumber(_ arguments: String, call: Call, ordinal: Bool) -> ApplicationResult {
        let name = ordinal ? "SayOrdinal" : "SayNumber"
        guard !arguments.isEmpty else {
            call.warn("\(name) requires an argument (number)")
            return .hangup
        }
        // strsep at commas: the number, then the options.
        let fields = arguments.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let text = fields[0]
        let gender = fields.count > 1 ? fields[1].lowercased() : nil
        guard let files = ordinal ? SayPrompts.ordinal(text, language: call.language, gender: gender)
            : SayPrompts.number(text, language: call.language, gender: gender) else {
            call.warn("argument '\(text)' to \(name) could not be parsed as a number.")
            return .proceed
        }
        if fields.count > 1, !["f", "m", "c", "n"].contains(fields[1].lowercased()) {
            call.warn("\(name) gender option is either 'f', 'm', 'c' or 'n'")
            return .hangup
        }
        let interrupt = interruptAllowed(call)
        let outcome = play(files, call: call, skipMissing: false, interrupt: interrupt)
        if outcome == .missing { call.warn("We were unable to say the number \(text), is it too large?") }
        if !interrupt { return call.channel.isHungUp ? .hangup : .proceed }
        return outcome.result
    }

    /// `SayAlphaCase(a|l|n|u,characters)`: `uppercase` / `lowercase` prompts before letters of that case.
    static func sayAlphaCase(_ arguments: String, call: Call) -> ApplicationResult {
        guard !arguments.isEmpty else {
            call.warn("SayAlphaCase requires two arguments (options, characters)")
            return .proceed
        }
        let parts = ApplicationArguments.split(arguments, count: 2)
        guard parts[0].count == 1, let mode = parts[0].first else {
            call.warn("SayAlphaCase options are mutually exclusive and required")
            return .proceed
        }
        guard "alnu".contains(mode) else {
            call.warn("Invalid option: '\(parts[0])'")
            return .proceed
        }
        var files: [String] = []
        for character in parts[1] {
            let single = SayPrompts.alpha(String(character))
            if character.isASCII, character.isUppercase, mode == "u" || mode == "a" { files.append("uppercase") }
            if character.isASCII, character.isLowercase, mode == "l" || mode == "a" { files.append("lowercase") }
            files += single
        }
        return play(files, call: call, skipMissing: true).result
    }

    // MARK: - SayUnixTime

    /// The English default format (`ast_say_date_with_format_en`); German has its own (``SayDateGerman/defaultFormat``).
    static let defaultDateFormat = "ABdY 'digits/at' IMp"

    /// `SayUnixTime([unixtime[,timezone[,format[,options]]]])`: answers first; `j` or SAY_DTMF_INTERRUPT lets a
    /// digit interrupt (returned to the PBX). A missing prompt ends the call as in Asterisk. The channel language
    /// picks the rules and the default format (`ast_say_date_with_format`): German for `de…`, English otherwise.
    static func sayUnixTime(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 4)
        var epoch = Int(call.now.rounded(.down))
        if let given = Condition.leadingInteger(parts[0]) { epoch = given }
        var zone = call.timeZone
        let zoneName = parts[1].trimmingBlanksForApplication()
        if !zoneName.isEmpty {
            if let named = TimeZone(identifier: zoneName) { zone = named } else { call.warn("SayUnixTime: unknown time zone '\(zoneName)'") }
        }
        let german = SayPrompts.usesGermanRules(call.language)
        let format = parts[2].isEmpty ? (german ? SayDateGerman.defaultFormat : defaultDateFormat) : parts[2]
        let interrupt = ApplicationArguments.options(parts[3])["j"] != nil || interruptAllowed(call)
        BasicApplications.answer(call)
        let files = german
            ? SayDateGerman.files(epoch: epoch, format: format, zone: zone, now: call.now, call: call)
            : dateFiles(epoch: epoch, format: format, zone: zone, now: call.now, call: call)
        return play(files, call: call, skipMissing: false, interrupt: interrupt).result
    }

    /// A `'file'` in a date format: the name between the quotes (nil when empty); `index` moves from the opening
    /// quote to the closing one (or the end).
    static func quotedFile(_ characters: [Character], at index: inout Int) -> String? {
        var name = ""
        index += 1
        while index < characters.count, characters[index] != "'" {
            name.append(characters[index])
            index += 1
        }
        return name.isEmpty ? nil : name
    }

    /// The prompts `ast_say_date_with_format_en` plays for `epoch` in `format`.
    static func dateFiles(epoch: Int, format: String, zone: TimeZone, now: Double, call: Call?) -> [String] {
        let moment = SaidDate(epoch: epoch, zone: zone)
        let (year, month, day, weekday) = (moment.year, moment.month, moment.day, moment.weekday)
        let (hour, minute, second) = (moment.hour, moment.minute, moment.second)
        var files: [String] = []
        let characters = Array(format)
        var index = 0
        func number(_ value: Int) -> [String] { SayPrompts.number(String(value), language: call?.language ?? "en") ?? [] }
        func twoDigits(_ value: Int, zero: String) -> [String] {
            if value == 0 { return [zero] }
            if value < 10 { return ["digits/oh", "digits/\(value)"] }
            return number(value)
        }
        while index < characters.count {
            let letter = characters[index]
            switch letter {
            case "'":
                if let name = SayApplications.quotedFile(characters, at: &index) { files.append(name) }
            case "A", "a": files.append("digits/day-\(weekday)")
            case "B", "b", "h": files.append("digits/mon-\(month - 1)")
            case "m": files += SayPrompts.ordinal(String(month), language: call?.language ?? "en") ?? []
            case "d", "e": files += SayPrompts.ordinal(String(day), language: call?.language ?? "en") ?? []
            case "Y":
                if year > 1999 { files += number(year) }
                else if year > 1900 {
                    files.append("digits/19")
                    if year - 1900 <= 9 { files.append("digits/oh") }
                    files += number(year - 1900)
                }
            case "I", "l":
                let twelve = hour == 0 ? 12 : (hour > 12 ? hour - 12 : hour)
                files.append("digits/\(twelve)")
            case "H", "k":
                if letter == "H" ? hour < 10 : hour == 0 { files.append("digits/oh") }
                if hour != 0 {
                    var remaining = hour
                    if hour > 20 { files.append("digits/20"); remaining -= 20 }
                    files.append("digits/\(remaining)")
                }
            case "M", "N":
                files += twoDigits(minute, zero: letter == "M" ? "digits/oclock" : "digits/hundred")
            case "S":
                files += second == 0 ? ["digits/0"] : twoDigits(second, zero: "digits/0")
            case "P", "p": files.append(hour > 11 ? "digits/p-m" : "digits/a-m")
            case "R": files += dateFiles(epoch: epoch, format: "HM", zone: zone, now: now, call: call)
            case "T": files += dateFiles(epoch: epoch, format: "HMS", zone: zone, now: now, call: call)
            case "Q", "q":
                let startOfToday = startOfDay(now, zone: zone)
                var sub: String?
                if startOfToday < epoch {
                    if letter == "Q" { files.append("digits/today") }
                } else if startOfToday - 86400 < epoch {
                    files.append("digits/yesterday")
                } else if startOfToday - 86400 * 6 < epoch {
                    sub = "A"
                } else if startOfToday - 2_628_000 < epoch {
                    sub = "ABd"
                } else if startOfToday - 15_768_000 < epoch {
                    sub = "Bd"
                } else {
                    sub = "BdY"
                }
                if let sub { files += dateFiles(epoch: epoch, format: sub, zone: zone, now: now, call: call) }
            case " ", "\t": break
            default:
                call?.warn("Unknown character in datetime format \(format): \(letter) at pos \(index)")
            }
            index += 1
        }
        return files
    }

    /// `beg_today` of the `Q`/`q` formats: `now` less the hours, minutes and seconds of its local time.
    static func startOfDay(_ now: Double, zone: TimeZone) -> Int {
        let whole = Int(now.rounded(.down))
        let local = SaidDate(epoch: whole, zone: zone)
        return whole - local.hour * 3600 - local.minute * 60 - local.second
    }
}
