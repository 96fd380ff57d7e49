import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SAYFILES (`funcs/func_sayfiles.c`) and the English prompt lists of `main/say.c` it reports.
///
/// Asterisk only lists files that exist on disk; this builder assumes the standard English prompt set,
/// so every letter, digit and named symbol has its file and other characters fall back to `letters/ascii<code>`.
///
/// This engine's extensions: a third argument names a language, `SAYFILES(value,type,language)`, and `de…` lists
/// the German number, ordinal and money files (``SayFilesGerman``); without it, or for any other language, the
/// lists are English. (Asterisk takes the channel language but lists English only; there a third argument would
/// become part of the type and be rejected.) A fourth argument names the currency of `money`,
/// `SAYFILES(value,money,language,currency)`: `USD`, `EUR` or `GBP` in any case (``SayCurrency``); without it the
/// language decides (euros for German, US dollars otherwise), and an unknown code warns and does the same. Other
/// types ignore it.
enum SayFiles {
    static let function = DialplanFunction(
        "SAYFILES", synopsis: "SAYFILES(value[,alpha|digits|number|ordinal|money|phonetic[,language[,currency]]]) — prompt files a Say application plays, joined with &",
        read: { argument, context throws(FunctionError) in try sayFiles(argument, context) })

    static func sayFiles(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        guard !argument.isEmpty else {
            context.warn("SAYFILES requires an argument")
            return ""
        }
        let args = ArgumentSplitter.split(argument, limit: 4)
        let value = args.first ?? ""
        let type = args.count > 1 && !args[1].isEmpty ? args[1] : "alpha"
        let language = args.count > 2 ? args[2] : "en"
        let files: [String]
        switch type {
        case "alpha": files = characters(value)
        case "phonetic": files = phonetic(value)
        case "digits": files = digits(value)
        case "number", "ordinal":
            guard let number = integer(value) else {
                throw .badArguments(function: "SAYFILES", reason: "invalid numeric argument: \(value)")
            }
            files = type == "number"
                ? self.number(number, language: language, gender: nil) : ordinal(number, language: language, gender: nil)
        case "money":
            let code = args.count > 3 ? args[3] : ""
            files = money(value, language: language, currency: currency(code, language: language, context: context))
        default:
            throw .badArguments(function: "SAYFILES", reason: "invalid say type specified: \(type)")
        }
        return files.joined(separator: "&")
    }

    /// `ast_str_to_int`: the whole text must be an integer (`strtoimax`, base 0) that fits an `int`.
    static func integer(_ text: String) -> Int32? {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, !bytes.contains(0) else { return nil }
        return text.withCString { start -> Int32? in
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtoll(start, &end, 0)
            guard errno == 0, let end, end != UnsafeMutablePointer(mutating: start), end.pointee == 0,
                  value >= Int64(Int32.min), value <= Int64(Int32.max) else { return nil }
            return Int32(value)
        }
    }

    private static let symbolFiles: [UInt8: String] = [
        UInt8(ascii: "*"): "digits/star", UInt8(ascii: "#"): "digits/pound",
        UInt8(ascii: "!"): "letters/exclaimation-point", UInt8(ascii: "@"): "letters/at",
        UInt8(ascii: "$"): "letters/dollar", UInt8(ascii: "-"): "letters/dash", UInt8(ascii: "."): "letters/dot",
        UInt8(ascii: "="): "letters/equals", UInt8(ascii: "+"): "letters/plus", UInt8(ascii: "/"): "letters/slash",
        UInt8(ascii: " "): "letters/space",
    ]

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// SayAlpha (`ast_get_character_str`, no case prompts).
    static func characters(_ text: String) -> [String] {
        text.utf8.map { byte in
            if let file = symbolFiles[byte] { return file }
            if FunctionSupport.isDigit(byte) { return "digits/" + String(UnicodeScalar(byte)) }
            if isLetter(byte) { return "letters/" + String(UnicodeScalar(FunctionSupport.lowerASCII(byte))) }
            return "letters/ascii\(Int8(bitPattern: byte))"
        }
    }

    /// SayPhonetic (`ast_get_phonetic_str`): `9` is spoken phonetically ("niner"); unknown characters are skipped.
    static func phonetic(_ text: String) -> [String] {
        text.utf8.compactMap { byte in
            if let file = symbolFiles[byte] { return file }
            if byte >= 0x30 && byte <= 0x38 { return "digits/" + String(UnicodeScalar(byte)) }
            if byte == UInt8(ascii: "9") || isLetter(byte) {
                return "phonetic/" + String(UnicodeScalar(FunctionSupport.lowerASCII(byte))) + "_p"
            }
            return nil
        }
    }

    /// SayDigits (`ast_get_digit_str`): digits, `*`, `#` and `-`; anything else is skipped.
    static func digits(_ text: String) -> [String] {
        text.utf8.compactMap { byte in
            switch byte {
            case UInt8(ascii: "*"): "digits/star"
            case UInt8(ascii: "#"): "digits/pound"
            case UInt8(ascii: "-"): "digits/minus"
            case 0x30...0x39: "digits/" + String(UnicodeScalar(byte))
            default: nil
            }
        }
    }

    /// SayNumber in English (`get_number_str_en`).
    static func number(_ value: Int32) -> [String] {
        if value == 0 { return ["digits/0"] }
        var files: [String] = []
        var number = Int(value)
        if number < 0 {
            files.append("digits/minus")
            // INT_MIN cannot be negated in C: Asterisk says only "minus".
            if value == Int32.min { return files }
            number = -number
        }
        appendCardinal(number, to: &files)
        return files
    }

    private static func appendCardinal(_ value: Int, to files: inout [String]) {
        var number = value
        while number > 0 {
            if number < 20 {
                files.append("digits/\(number)")
                number = 0
            } else if number < 100 {
                files.append("digits/\(number / 10 * 10)")
                number %= 10
            } else if number < 1000 {
                files.append("digits/\(number / 100)")
                files.append("digits/hundred")
                number %= 100
            } else {
                let (scale, word) = scaleOf(number)
                appendCardinal(number / scale, to: &files)
                files.append("digits/\(word)")
                number %= scale
            }
        }
    }

    private static func scaleOf(_ number: Int) -> (Int, String) {
        if number < 1_000_000 { return (1000, "thousand") }
        if number < 1_000_000_000 { return (1_000_000, "million") }
        return (1_000_000_000, "billion")
    }

    /// SayOrdinal in English (`get_ordinal_str_en`): the last word becomes `digits/h-…`. Zero says nothing.
    static func ordinal(_ value: Int32) -> [String] {
        var files: [String] = []
        var number = Int(value)
        if number < 0 {
            files.append("digits/minus")
            if value == Int32.min { return files }
            number = -number
        }
        while number > 0 {
            if number < 20 {
                files.append("digits/h-\(number)")
                number = 0
            } else if number < 100 {
                let tens = number / 10 * 10
                files.append(tens == number ? "digits/h-\(tens)" : "digits/\(tens)")
                number %= 10
            } else if number < 1000 {
                files.append("digits/\(number / 100)")
                number %= 100
                files.append(number == 0 ? "digits/h-hundred" : "digits/hundred")
            } else {
                let (scale, word) = scaleOf(number)
                appendCardinal(number / scale, to: &files)
                number %= scale
                files.append(number == 0 ? "digits/h-\(word)" : "digits/\(word)")
            }
        }
        return files
    }

    /// SayMoney in US dollars (`ast_get_money_en_dollars_str`). The amount is read as dollars and the first two
    /// decimals as cents, without floating-point rounding; text that is not a number counts as zero.
    static func money(_ text: String) -> [String] {
        let (dollars, cents) = parseAmount(text)
        guard dollars <= Int(Int32.max) / 100 else { return [] }
        let amount = dollars * 100 + cents
        var files: [String] = []
        if amount >= 100 {
            files += number(Int32(dollars))
            if amount < 200 {
                files.append(cents > 0 ? "letters/dollar_" : "letters/dollar")
            } else {
                files.append("dollars")
            }
            if cents > 0 { files.append("and") }
        }
        if cents > 0 {
            files += number(Int32(cents))
            files.append(cents == 1 ? "cent" : "cents")
        } else if amount == 0 {
            files += ["digits/0", "cents"]
        }
        return files
    }

    /// Dollars and cents of `[blanks][sign]digits[.digits]`; negative amounts come back as (0, -1), which says nothing.
    static func parseAmount(_ text: String) -> (dollars: Int, cents: Int) {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count && FunctionSupport.isSpace(b[i]) { i += 1 }
        var negative = false
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var dollars = 0
        var sawDigit = false
        while i < b.count && FunctionSupport.isDigit(b[i]) {
            dollars = min(dollars * 10 + Int(b[i] - 0x30), Int(Int32.max))
            sawDigit = true
            i += 1
        }
        var cents = 0
        if i < b.count && b[i] == UInt8(ascii: ".") {
            i += 1
            var place = 10
            while i < b.count && FunctionSupport.isDigit(b[i]) {
                if place > 0 { cents += Int(b[i] - 0x30) * place }
                sawDigit = true
                place /= 10
                i += 1
            }
        }
        guard sawDigit else { return (0, 0) }
        if negative && (dollars > 0 || cents > 0) { return (0, -1) }
        return (dollars, cents)
    }
}

/// The prompt files Asterisk's Say applications play (`main/say.c`), for the interpreter. Numbers, ordinals and
/// money follow the channel language: German rules for `de…` (``SayFilesGerman``), English for everything else.
public enum SayPrompts {
    /// SayDigits: `digits/N`, `digits/star`, `digits/pound`, `digits/minus`.
    public static func digits(_ text: String) -> [String] { SayFiles.digits(text) }
    /// SayAlpha: `letters/x`, digits and punctuation names.
    public static func alpha(_ text: String) -> [String] { SayFiles.characters(text) }
    /// SayPhonetic: `phonetic/x_p`.
    public static func phonetic(_ text: String) -> [String] { SayFiles.phonetic(text) }
    /// SayNumber: the cardinal, nil when the text is not a number Asterisk would read. `gender` is SayNumber's
    /// second argument (`f`, `m`, `c`, `n`); only the German rules use it (`f`).
    public static func number(_ text: String, language: String = "en", gender: String? = nil) -> [String]? {
        SayFiles.integer(text).map { SayFiles.number($0, language: language, gender: gender) }
    }
    /// SayOrdinal: the ordinal, nil when the text is not a number. `gender` (`f`, `n`) is used by the German rules.
    public static func ordinal(_ text: String, language: String = "en", gender: String? = nil) -> [String]? {
        SayFiles.integer(text).map { SayFiles.ordinal($0, language: language, gender: gender) }
    }
    /// SayMoney: the amount in `currency`, or without one in the language's (``SayCurrency/languageDefault(_:)``):
    /// English lists (US dollars exactly as Asterisk) or, for `de…`, German ones.
    public static func money(_ text: String, language: String = "en", currency: SayCurrency? = nil) -> [String] {
        SayFiles.money(text, language: language, currency: currency)
    }
    /// Whether a channel language gets the German rules (`de`, `de_DE`, `DE`, ...: `strncasecmp(lang, "de", 2)`).
    public static func usesGermanRules(_ language: String) -> Bool { SayFilesGerman.isGerman(language) }
}
