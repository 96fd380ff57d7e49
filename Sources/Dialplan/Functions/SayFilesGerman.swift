/// The German (`de`) prompt lists of Asterisk's `main/say.c`, and the choice between German and English.
///
/// - Numbers follow `ast_say_number_full_de`: 21 is `digits/1-and` + `digits/20` ("einund zwanzig"); 1 is
///   `digits/1` ("eins"), or `digits/1F` ("eine") with the gender `f`; a leading one before `hundred` and
///   `thousand` is `digits/1N` ("ein"), but 100 and 1000 on their own are just `digits/hundred` / `digits/thousand`;
///   one million is `digits/1F` + `digits/million`, more are `…` + `digits/millions` (and `milliard(s)` above that).
/// - Ordinals follow `ast_say_enumeration_full_de`: `digits/h-N` with a gender suffix (`F` for `f`, `N` for `n`,
///   none otherwise), `digits/and` between a hundreds or thousands part and a remainder under 100, `digits/h-hundred`,
///   `h-thousand`, `h-million`, `h-milliard`, and `digits/h-last` for 2147483647. Zero is `digits/0`, as in Asterisk
///   (the English rules say nothing for zero).
/// - Money is this engine's own list: Asterisk's `ast_get_money_str` only knows US dollars and falls back to
///   English for every language. See ``money(_:currency:)``.
///
/// Asterisk chooses these rules when the channel language starts with `de` in any case (`strncasecmp(lang, "de", 2)`),
/// so `de`, `de_DE`, `de_AT` and `DE` are German; every language without rules of its own falls back to English.
enum SayFilesGerman {
    /// Whether Asterisk uses the German rules for this channel language.
    static func isGerman(_ language: String) -> Bool {
        let bytes = Array(language.utf8.prefix(2))
        return bytes.count == 2 && (bytes[0] | 0x20) == UInt8(ascii: "d") && (bytes[1] | 0x20) == UInt8(ascii: "e")
    }

    /// The first character of a Say gender option, lower-cased (`strncasecmp(options, "f", 1)` and friends).
    private static func genderLetter(_ gender: String?) -> UInt8? {
        guard let first = gender?.utf8.first else { return nil }
        return FunctionSupport.lowerASCII(first)
    }

    // MARK: SayNumber

    /// SayNumber in German (`ast_say_number_full_de`). Only the gender `f` changes anything: a final one becomes
    /// `digits/1F`; `m` and `n` say `digits/1` like no gender at all.
    static func number(_ value: Int32, gender: String? = nil) -> [String] {
        // ast_say_digits_full(0)
        if value == 0 { return ["digits/0"] }
        var files: [String] = []
        appendCardinal(Int(value), female: genderLetter(gender) == UInt8(ascii: "f"), to: &files)
        return files
    }

    /// One call of `ast_say_number_full_de` for a non-zero number. `t` remembers that a thousands or larger part
    /// was said, after which an exact 100 is "ein hundert" rather than "hundert".
    private static func appendCardinal(_ value: Int, female: Bool, to files: inout [String]) {
        var num = value
        var t = false
        while num != 0 {
            if num < 0 {
                files.append("digits/minus")
                // INT_MIN cannot be negated in C: Asterisk says only "minus".
                num = num == Int(Int32.min) ? 0 : -num
            } else if num == 1 && female {
                files.append("digits/1F")
                num = 0
            } else if num < 20 {
                files.append("digits/\(num)")
                num = 0
            } else if num < 100 {
                let ones = num % 10
                if ones != 0 {
                    files.append("digits/\(ones)-and")
                    num -= ones
                } else {
                    files.append("digits/\(num)")
                    num = 0
                }
            } else if num == 100 && !t {
                files.append("digits/hundred")
                num = 0
            } else if num < 1000 {
                let hundreds = num / 100
                num %= 100
                files.append(hundreds == 1 ? "digits/1N" : "digits/\(hundreds)")
                files.append("digits/hundred")
            } else if num == 1000 && !t {
                files.append("digits/thousand")
                num = 0
            } else if num < 1_000_000 {
                let thousands = num / 1000
                num %= 1000
                t = true
                if thousands == 1 {
                    files += ["digits/1N", "digits/thousand"]
                } else {
                    appendCardinal(thousands, female: female, to: &files)
                    files.append("digits/thousand")
                }
            } else if num < 1_000_000_000 {
                let millions = num / 1_000_000
                num %= 1_000_000
                t = true
                if millions == 1 {
                    files += ["digits/1F", "digits/million"]
                } else {
                    appendCardinal(millions, female: female, to: &files)
                    files.append("digits/millions")
                }
            } else {
                let billions = num / 1_000_000_000
                num %= 1_000_000_000
                t = true
                if billions == 1 {
                    files += ["digits/1F", "digits/milliard"]
                } else {
                    appendCardinal(billions, female: female, to: &files)
                    files.append("digits/milliards")
                }
            }
        }
    }

    // MARK: SayOrdinal

    /// Ordinals in German (`ast_say_enumeration_full_de`). The gender `f` appends `F` to every `h-` file, `n`
    /// appends `N`, anything else (`m`, none) nothing; it is also passed on to the cardinal parts, where `f`
    /// turns a final one into `digits/1F`.
    static func ordinal(_ value: Int32, gender: String? = nil) -> [String] {
        if value == 0 { return ["digits/0"] }
        let letter = genderLetter(gender)
        let suffix = letter == UInt8(ascii: "f") ? "F" : letter == UInt8(ascii: "n") ? "N" : ""
        let female = letter == UInt8(ascii: "f")
        var files: [String] = []
        var num = Int(value)
        var t = false
        while num != 0 {
            if num < 0 {
                files.append("digits/minus")
                num = num == Int(Int32.min) ? 0 : -num
            } else if num < 100 && t {
                files.append("digits/and")
                t = false
            } else if num < 20 {
                files.append("digits/h-\(num)\(suffix)")
                num = 0
            } else if num < 100 {
                let ones = num % 10
                if ones != 0 {
                    files.append("digits/\(ones)-and")
                    num -= ones
                } else {
                    files.append("digits/h-\(num)\(suffix)")
                    num = 0
                }
            } else if num == 100 && !t {
                files.append("digits/h-hundred\(suffix)")
                num = 0
            } else if num < 1000 {
                let hundreds = num / 100
                num %= 100
                files.append(hundreds == 1 ? "digits/1N" : "digits/\(hundreds)")
                files.append(num != 0 ? "digits/hundred" : "digits/h-hundred\(suffix)")
                t = true
            } else if num < 1_000_000 {
                let thousands = num / 1000
                num %= 1000
                if thousands == 1 {
                    if num != 0 {
                        files += ["digits/1N", "digits/thousand"]
                    } else {
                        if t { files.append("digits/1N") }
                        files.append("digits/h-thousand\(suffix)")
                    }
                } else {
                    appendCardinal(thousands, female: female, to: &files)
                    files.append(num != 0 ? "digits/thousand" : "digits/h-thousand\(suffix)")
                }
                t = true
            } else if num < 1_000_000_000 {
                let millions = num / 1_000_000
                num %= 1_000_000
                if millions == 1 {
                    files += num != 0 ? ["digits/1F", "digits/million"] : ["digits/1N", "digits/h-million\(suffix)"]
                } else {
                    appendCardinal(millions, female: female, to: &files)
                    files.append(num != 0 ? "digits/millions" : "digits/h-million\(suffix)")
                }
                t = true
            } else if num < Int(Int32.max) {
                let billions = num / 1_000_000_000
                num %= 1_000_000_000
                if billions == 1 {
                    files += num != 0 ? ["digits/1F", "digits/milliard"] : ["digits/1N", "digits/h-milliard\(suffix)"]
                } else {
                    appendCardinal(billions, female: female, to: &files)
                    files.append(num != 0 ? "digits/milliards" : "digits/h-milliard\(suffix)")
                }
                t = true
            } else {
                // num == INT_MAX
                files.append("digits/h-last\(suffix)")
                num = 0
            }
        }
        return files
    }

    // MARK: SayMoney

    /// SayMoney in German: this engine's German counterpart of Asterisk's US-dollar list
    /// (`ast_get_money_en_dollars_str`), which Asterisk plays for every language. Euros unless told otherwise.
    ///
    /// The whole units as a German number, then the unit (`euro`, `dollar`, `pfund`); when there are cents too,
    /// `and` ("und"), the cents as a number and the hundredth (`cent`, or `penny` / `pence`). "Euro", "Dollar",
    /// "Pfund" and "Cent" do not change in the plural ("zwei Euro", "zwei Cent"); the penny does ("ein Penny",
    /// "zwei Pence"). A single one is `digits/1N` ("ein Euro", "ein Pfund", "ein Cent") rather than "eins", as
    /// all these units are masculine or neuter. Nothing at all is `digits/0` + the unit ("null Euro"). The amount
    /// may use a decimal point or a decimal comma (`12,34` as `12.34`); thousands separators are not understood. As
    /// in the English list, negative amounts, amounts of 21474837 or more, and text that is no number (zero) follow
    /// ``SayFiles/parseAmount(_:)``: the first two say nothing, the last says "null Euro".
    static func money(_ text: String, currency: SayCurrency = .eur) -> [String] {
        let units = currency.germanUnits
        let (whole, cents) = SayFiles.parseAmount(String(text.map { $0 == "," ? "." : $0 }))
        guard cents >= 0, whole <= Int(Int32.max) / 100 else { return [] }
        var files: [String] = []
        if whole > 0 {
            files += whole == 1 ? ["digits/1N"] : number(Int32(whole))
            files.append(whole == 1 ? units.one : units.many)
            if cents > 0 { files.append("and") }
        }
        if cents > 0 {
            files += cents == 1 ? ["digits/1N"] : number(Int32(cents))
            files.append(cents == 1 ? units.centOne : units.centMany)
        } else if whole == 0 {
            files += ["digits/0", units.many]
        }
        return files
    }
}

extension SayFiles {
    /// SayNumber for a channel language: German for `de…`, English (Asterisk's default) otherwise, where the
    /// gender is ignored.
    static func number(_ value: Int32, language: String, gender: String?) -> [String] {
        SayFilesGerman.isGerman(language) ? SayFilesGerman.number(value, gender: gender) : number(value)
    }

    /// SayOrdinal for a channel language: German for `de…`, English otherwise.
    static func ordinal(_ value: Int32, language: String, gender: String?) -> [String] {
        SayFilesGerman.isGerman(language) ? SayFilesGerman.ordinal(value, gender: gender) : ordinal(value)
    }
}
