import Foundation

/// A currency SayMoney can name: this engine's extension (`SayMoney(amount,currency)`,
/// `SAYFILES(value,money,language,currency)`); Asterisk's `ast_get_money_str` knows only US dollars.
public enum SayCurrency: String, CaseIterable, Sendable {
    case usd = "USD"
    case eur = "EUR"
    case gbp = "GBP"

    /// The currency of an ISO 4217 code in any case, blanks around it ignored; nil for a code this engine cannot say.
    public init?(code: String) {
        self.init(rawValue: code.trimmingCharacters(in: .whitespaces).uppercased())
    }

    /// What SayMoney says without a currency: euros for German (`de…`), US dollars for every other language.
    public static func languageDefault(_ language: String) -> SayCurrency {
        SayFilesGerman.isGerman(language) ? .eur : .usd
    }

    /// The English unit prompts; nil for US dollars, which keep Asterisk's own list (``SayFiles/money(_:)``:
    /// `letters/dollar`, `letters/dollar_`, `dollars`, `cent`, `cents`).
    var englishUnits: MoneyUnits? {
        switch self {
        case .usd: nil
        case .eur: MoneyUnits(one: "euro", many: "euros", centOne: "cent", centMany: "cents")
        case .gbp: MoneyUnits(one: "pound", many: "pounds", centOne: "penny", centMany: "pence")
        }
    }

    /// The German unit prompts: "Euro", "Dollar", "Pfund" and "Cent" do not change after a number; only the penny
    /// does ("ein Penny", "zwei Pence").
    var germanUnits: MoneyUnits {
        switch self {
        case .usd: MoneyUnits(one: "dollar", many: "dollar", centOne: "cent", centMany: "cent")
        case .eur: MoneyUnits(one: "euro", many: "euro", centOne: "cent", centMany: "cent")
        case .gbp: MoneyUnits(one: "pfund", many: "pfund", centOne: "penny", centMany: "pence")
        }
    }
}

/// The prompt names of a currency's unit and its hundredth, after one and after any other number.
struct MoneyUnits: Equatable {
    let one: String
    let many: String
    let centOne: String
    let centMany: String
}

extension SayFiles {
    /// SayMoney for a channel language and a currency (nil: the language's default, ``SayCurrency/languageDefault(_:)``).
    /// German channels get ``SayFilesGerman/money(_:currency:)``; all others the English lists: US dollars exactly as
    /// Asterisk (``money(_:)``), other currencies by ``englishMoney(_:units:)``.
    static func money(_ text: String, language: String, currency: SayCurrency? = nil) -> [String] {
        let currency = currency ?? SayCurrency.languageDefault(language)
        if SayFilesGerman.isGerman(language) { return SayFilesGerman.money(text, currency: currency) }
        guard let units = currency.englishUnits else { return money(text) }
        return englishMoney(text, units: units)
    }

    /// English money after Asterisk's dollar list, with plain unit names: "one euro", "two euros and one cent",
    /// "one pound and five pence". Nothing at all is `digits/0` and the plural hundredth ("zero cents", "zero pence"),
    /// as Asterisk says "zero cents"; negative amounts and amounts of 21474837 or more say nothing
    /// (``parseAmount(_:)``).
    static func englishMoney(_ text: String, units: MoneyUnits) -> [String] {
        let (whole, cents) = parseAmount(text)
        guard whole <= Int(Int32.max) / 100 else { return [] }
        let amount = whole * 100 + cents
        var files: [String] = []
        if amount >= 100 {
            files += number(Int32(whole))
            files.append(whole == 1 ? units.one : units.many)
            if cents > 0 { files.append("and") }
        }
        if cents > 0 {
            files += number(Int32(cents))
            files.append(cents == 1 ? units.centOne : units.centMany)
        } else if amount == 0 {
            files += ["digits/0", units.centMany]
        }
        return files
    }

    /// SAYFILES' fourth argument: the currency of a code, or the language default when the code is empty or unknown
    /// (then with a warning naming it).
    static func currency(_ code: String, language: String, context: any EvaluationContext) -> SayCurrency {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return SayCurrency.languageDefault(language) }
        if let currency = SayCurrency(code: trimmed) { return currency }
        let fallback = SayCurrency.languageDefault(language)
        context.warn("SAYFILES: unknown currency '\(trimmed)', using \(fallback.rawValue)")
        return fallback
    }
}
