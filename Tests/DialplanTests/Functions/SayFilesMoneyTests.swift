import Foundation
import Testing
@testable import Dialplan

/// SayMoney in a currency (the engine's extension): ISO codes, the English and German lists per currency, and
/// SAYFILES' fourth argument; every money file they name exists in `Prompts/en` and `Prompts/de`.
@Suite struct SayFilesMoneyTests {
    private static func joined(_ files: [String]) -> String { files.joined(separator: "&") }

    // MARK: Currency codes

    @Test func codesAreCaseInsensitiveAndTrimmed() {
        #expect(SayCurrency(code: "USD") == .usd)
        #expect(SayCurrency(code: "eur") == .eur)
        #expect(SayCurrency(code: "Gbp") == .gbp)
        #expect(SayCurrency(code: " EUR\t") == .eur)
        for bad in ["", "XAU", "EURO", "E", "€", "US D", "usd,"] {
            #expect(SayCurrency(code: bad) == nil, "\(bad)")
        }
    }

    @Test func theLanguageDecidesWithoutACurrency() {
        #expect(SayCurrency.languageDefault("de") == .eur)
        #expect(SayCurrency.languageDefault("de_AT") == .eur)
        #expect(SayCurrency.languageDefault("en") == .usd)
        #expect(SayCurrency.languageDefault("en_GB") == .usd)
        #expect(SayCurrency.languageDefault("") == .usd)
        #expect(SayPrompts.money("2", language: "de") == SayPrompts.money("2", language: "de", currency: .eur))
        #expect(SayPrompts.money("2", language: "fr") == SayPrompts.money("2", language: "fr", currency: .usd))
    }

    // MARK: English

    @Test(arguments: [
        // US dollars: Asterisk's own list, unchanged.
        ("1.00", SayCurrency.usd, "digits/1&letters/dollar"),
        ("1.42", .usd, "digits/1&letters/dollar_&and&digits/40&digits/2&cents"),
        ("0.05", .usd, "digits/5&cents"),
        ("0", .usd, "digits/0&cents"),
        // Euros: "one euro", "two euros", "one cent", "five cents".
        ("1.00", .eur, "digits/1&euro"),
        ("1", .eur, "digits/1&euro"),
        ("2", .eur, "digits/2&euros"),
        ("1.01", .eur, "digits/1&euro&and&digits/1&cent"),
        ("2.05", .eur, "digits/2&euros&and&digits/5&cents"),
        ("0.05", .eur, "digits/5&cents"),
        ("0.01", .eur, "digits/1&cent"),
        ("42.5", .eur, "digits/40&digits/2&euros&and&digits/50&cents"),
        ("0", .eur, "digits/0&cents"),
        ("0.00", .eur, "digits/0&cents"),
        ("abc", .eur, "digits/0&cents"),
        ("1000", .eur, "digits/1&digits/thousand&euros"),
        ("1234567.89", .eur, "digits/1&digits/million&digits/2&digits/hundred&digits/30&digits/4&digits/thousand"
            + "&digits/5&digits/hundred&digits/60&digits/7&euros&and&digits/80&digits/9&cents"),
        ("-1.00", .eur, ""),
        ("30000000", .eur, ""),
        // Pounds: "one pound", "two pounds", "one penny", "two pence".
        ("1", .gbp, "digits/1&pound"),
        ("2", .gbp, "digits/2&pounds"),
        ("0.01", .gbp, "digits/1&penny"),
        ("0.02", .gbp, "digits/2&pence"),
        ("1.01", .gbp, "digits/1&pound&and&digits/1&penny"),
        ("307.05", .gbp, "digits/3&digits/hundred&digits/7&pounds&and&digits/5&pence"),
        ("0", .gbp, "digits/0&pence"),
        ("2000000", .gbp, "digits/2&digits/million&pounds"),
    ])
    func english(text: String, currency: SayCurrency, expected: String) {
        #expect(Self.joined(SayPrompts.money(text, language: "en", currency: currency)) == expected)
        #expect(Self.joined(SayPrompts.money(text, language: "en_GB", currency: currency)) == expected)
    }

    @Test func englishDollarsAreTodaysList() {
        for text in ["0", "0.01", "0.99", "1", "1.5", "2.42", "12.5", "1250.34", "21474836.47", "-3", "x"] {
            #expect(SayPrompts.money(text, language: "en", currency: .usd) == SayFiles.money(text), "\(text)")
            #expect(SayPrompts.money(text) == SayFiles.money(text), "\(text)")
        }
    }

    // MARK: German

    @Test(arguments: [
        // Euros (the language default): "ein Euro", "zwei Euro", "ein Cent", "zwei Cent".
        ("1", SayCurrency.eur, "digits/1N&euro"),
        ("2", .eur, "digits/2&euro"),
        ("0,01", .eur, "digits/1N&cent"),
        ("0.02", .eur, "digits/2&cent"),
        ("0", .eur, "digits/0&euro"),
        ("1234567,89", .eur, "digits/1F&digits/million&digits/2&digits/hundred&digits/4-and&digits/30&digits/thousand"
            + "&digits/5&digits/hundred&digits/7-and&digits/60&euro&and&digits/9-and&digits/80&cent"),
        // Dollars: "ein Dollar", "zwei Dollar", "und fünf Cent".
        ("1", .usd, "digits/1N&dollar"),
        ("2.05", .usd, "digits/2&dollar&and&digits/5&cent"),
        ("1,01", .usd, "digits/1N&dollar&and&digits/1N&cent"),
        ("0", .usd, "digits/0&dollar"),
        ("1250.34", .usd, "digits/1N&digits/thousand&digits/2&digits/hundred&digits/50&dollar&and&digits/4-and&digits/30&cent"),
        // Pounds: "ein Pfund", "zwei Pfund", "ein Penny", "zwei Pence".
        ("1", .gbp, "digits/1N&pfund"),
        ("2", .gbp, "digits/2&pfund"),
        ("0.01", .gbp, "digits/1N&penny"),
        ("0,02", .gbp, "digits/2&pence"),
        ("1.01", .gbp, "digits/1N&pfund&and&digits/1N&penny"),
        ("21,21", .gbp, "digits/1-and&digits/20&pfund&and&digits/1-and&digits/20&pence"),
        ("0", .gbp, "digits/0&pfund"),
        ("-1", .gbp, ""),
        ("30000000", .usd, ""),
    ])
    func german(text: String, currency: SayCurrency, expected: String) {
        #expect(Self.joined(SayPrompts.money(text, language: "de", currency: currency)) == expected)
        #expect(Self.joined(SayFilesGerman.money(text, currency: currency)) == expected)
    }

    // MARK: SAYFILES(value,money,language,currency)

    @Test(arguments: [
        ("1.00,money,en,EUR", "digits/1&euro"),
        ("1.00,money,en,eur", "digits/1&euro"),
        ("2.50,money,en,GBP", "digits/2&pounds&and&digits/50&pence"),
        ("2.50,money,,GBP", "digits/2&pounds&and&digits/50&pence"),
        ("2.50,money,en,USD", "digits/2&dollars&and&digits/50&cents"),
        ("2.50,money,en,", "digits/2&dollars&and&digits/50&cents"),
        ("2.50,money,de,USD", "digits/2&dollar&and&digits/50&cent"),
        ("2.50,money,de,gbp", "digits/2&pfund&and&digits/50&pence"),
        ("\"2,50\",money,de,EUR", "digits/2&euro&and&digits/50&cent"),
        ("2.50,money,de", "digits/2&euro&and&digits/50&cent"),
        ("0.05,money,en,EUR", "digits/5&cents"),
        ("12,number,en,EUR", "digits/12"),
    ])
    func sayFilesCurrencyArgument(argument: String, expected: String) throws {
        let context = FunctionTestKit.context()
        #expect(try read("SAYFILES", argument, context) == expected)
        #expect(context.warnings.isEmpty)
    }

    @Test func sayFilesWarnsAboutAnUnknownCurrencyAndUsesTheLanguages() throws {
        let english = FunctionTestKit.context()
        #expect(try read("SAYFILES", "2,money,en,XAU", english) == "digits/2&dollars")
        #expect(english.warnings.count == 1)
        #expect(english.warnings.first?.contains("'XAU'") == true)
        let german = FunctionTestKit.context()
        #expect(try read("SAYFILES", "2,money,de,EURO", german) == "digits/2&euro")
        #expect(german.warnings.first?.contains("'EURO'") == true)
        #expect(german.warnings.first?.contains("EUR") == true)
    }

    // MARK: The prompt sets

    /// Every file the money lists of `language` name for a spread of amounts, in every currency.
    static func producedFiles(language: String) -> Set<String> {
        var files: Set<String> = []
        let amounts = ["0", "0.01", "0.02", "0.05", "0.99", "1", "1.01", "1.42", "2", "12.34", "21.21", "99.99", "100",
                       "101.01", "1000", "1234.56", "1000000", "1234567.89", "21474836.47"]
        for currency in SayCurrency.allCases {
            for amount in amounts { files.formUnion(SayPrompts.money(amount, language: language, currency: currency)) }
        }
        return files
    }

    @Test func everyMoneyFileExists() throws {
        let root = try #require(RepositoryRoot.url, "no Prompts/README.md above \(#filePath)")
        for language in ["en", "de"] {
            let files = Self.producedFiles(language: language)
            #expect(files.count > 20)
            let folder = root.appendingPathComponent("Prompts/" + language)
            let missing = files.sorted().filter {
                !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0 + ".wav").path)
            }
            #expect(missing.isEmpty, "missing in Prompts/\(language): \(missing.joined(separator: ", "))")
        }
        #expect(Self.producedFiles(language: "en").isSuperset(of: ["euro", "euros", "pound", "pounds", "penny", "pence"]))
        #expect(Self.producedFiles(language: "de").isSuperset(of: ["euro", "dollar", "pfund", "cent", "penny", "pence"]))
    }
}
