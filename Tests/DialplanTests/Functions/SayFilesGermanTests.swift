import Foundation
import Testing
@testable import Dialplan

/// The German Say lists (`ast_say_number_full_de`, `ast_say_enumeration_full_de` in `main/say.c`; money is the
/// engine's own list, euros by default; other currencies in `SayFilesMoneyTests`), the language dispatch, and the
/// German prompt set in `Prompts/de`.
@Suite struct SayFilesGermanTests {
    private static func joined(_ files: [String]?) -> String? { files?.joined(separator: "&") }

    // MARK: Numbers

    @Test(arguments: [
        (0, "digits/0"),
        (1, "digits/1"),
        (7, "digits/7"),
        (11, "digits/11"),
        (16, "digits/16"),
        (17, "digits/17"),
        (20, "digits/20"),
        (21, "digits/1-and&digits/20"),
        (99, "digits/9-and&digits/90"),
        (100, "digits/hundred"),
        (101, "digits/1N&digits/hundred&digits/1"),
        (121, "digits/1N&digits/hundred&digits/1-and&digits/20"),
        (200, "digits/2&digits/hundred"),
        (999, "digits/9&digits/hundred&digits/9-and&digits/90"),
        (1000, "digits/thousand"),
        (1001, "digits/1N&digits/thousand&digits/1"),
        (1100, "digits/1N&digits/thousand&digits/1N&digits/hundred"),
        (2000, "digits/2&digits/thousand"),
        (2100, "digits/2&digits/thousand&digits/1N&digits/hundred"),
        (21_000, "digits/1-and&digits/20&digits/thousand"),
        (100_000, "digits/hundred&digits/thousand"),
        (101_000, "digits/1N&digits/hundred&digits/1&digits/thousand"),
        (1_000_000, "digits/1F&digits/million"),
        (1_000_100, "digits/1F&digits/million&digits/1N&digits/hundred"),
        (2_000_000, "digits/2&digits/millions"),
        (2_001_000, "digits/2&digits/millions&digits/1N&digits/thousand"),
        (1_000_000_000, "digits/1F&digits/milliard"),
        (2_147_483_647, "digits/2&digits/milliards&digits/1N&digits/hundred&digits/7-and&digits/40&digits/millions"
            + "&digits/4&digits/hundred&digits/3-and&digits/80&digits/thousand&digits/6&digits/hundred&digits/7-and&digits/40"),
        (-1, "digits/minus&digits/1"),
        (-21, "digits/minus&digits/1-and&digits/20"),
        (-1000, "digits/minus&digits/thousand"),
        (-2_147_483_648, "digits/minus"),
    ] as [(Int32, String)])
    func cardinals(value: Int32, expected: String) {
        #expect(Self.joined(SayFilesGerman.number(value)) == expected)
        #expect(Self.joined(SayPrompts.number(String(value), language: "de")) == expected)
    }

    @Test(arguments: [
        ("1", "f", "digits/1F"), ("1", "F", "digits/1F"), ("1", "m", "digits/1"), ("1", "n", "digits/1"),
        ("1", "c", "digits/1"), ("1", "", "digits/1"),
        ("21", "f", "digits/1-and&digits/20"),
        ("101", "f", "digits/1N&digits/hundred&digits/1F"),
        ("1001", "f", "digits/1N&digits/thousand&digits/1F"),
        ("101000", "f", "digits/1N&digits/hundred&digits/1F&digits/thousand"),
        ("1000000", "f", "digits/1F&digits/million"),
        ("-1", "f", "digits/minus&digits/1F"),
    ])
    func cardinalGender(text: String, gender: String, expected: String) {
        #expect(Self.joined(SayPrompts.number(text, language: "de", gender: gender)) == expected)
    }

    // MARK: Ordinals

    @Test(arguments: [
        (0, "digits/0"),
        (1, "digits/h-1"),
        (2, "digits/h-2"),
        (3, "digits/h-3"),
        (19, "digits/h-19"),
        (20, "digits/h-20"),
        (21, "digits/1-and&digits/h-20"),
        (99, "digits/9-and&digits/h-90"),
        (100, "digits/h-hundred"),
        (101, "digits/1N&digits/hundred&digits/and&digits/h-1"),
        (121, "digits/1N&digits/hundred&digits/and&digits/1-and&digits/h-20"),
        (200, "digits/2&digits/h-hundred"),
        (1000, "digits/h-thousand"),
        (1001, "digits/1N&digits/thousand&digits/and&digits/h-1"),
        (1100, "digits/1N&digits/thousand&digits/1N&digits/h-hundred"),
        (2000, "digits/2&digits/h-thousand"),
        (2019, "digits/2&digits/thousand&digits/and&digits/h-19"),
        (1_000_000, "digits/1N&digits/h-million"),
        (1_000_001, "digits/1F&digits/million&digits/and&digits/h-1"),
        (1_001_000, "digits/1F&digits/million&digits/1N&digits/h-thousand"),
        (2_000_000, "digits/2&digits/h-million"),
        (1_000_000_000, "digits/1N&digits/h-milliard"),
        (2_000_000_000, "digits/2&digits/h-milliard"),
        (2_147_483_647, "digits/h-last"),
        (-3, "digits/minus&digits/h-3"),
        (-2_147_483_648, "digits/minus"),
    ] as [(Int32, String)])
    func ordinals(value: Int32, expected: String) {
        #expect(Self.joined(SayFilesGerman.ordinal(value)) == expected)
        #expect(Self.joined(SayPrompts.ordinal(String(value), language: "de")) == expected)
    }

    @Test(arguments: [
        ("1", "f", "digits/h-1F"), ("1", "n", "digits/h-1N"), ("1", "m", "digits/h-1"), ("1", "N", "digits/h-1N"),
        ("20", "f", "digits/h-20F"), ("100", "n", "digits/h-hundredN"), ("1000", "f", "digits/h-thousandF"),
        ("101", "f", "digits/1N&digits/hundred&digits/and&digits/h-1F"),
        ("2000000", "n", "digits/2&digits/h-millionN"),
        ("101000", "f", "digits/1N&digits/hundred&digits/1F&digits/h-thousandF"),
        ("2147483647", "f", "digits/h-lastF"),
    ])
    func ordinalGender(text: String, gender: String, expected: String) {
        #expect(Self.joined(SayPrompts.ordinal(text, language: "de", gender: gender)) == expected)
    }

    // MARK: Money

    @Test(arguments: [
        ("1,00", "digits/1N&euro"),
        ("1.00", "digits/1N&euro"),
        ("1", "digits/1N&euro"),
        ("2", "digits/2&euro"),
        ("12,34", "digits/12&euro&and&digits/4-and&digits/30&cent"),
        ("12.34", "digits/12&euro&and&digits/4-and&digits/30&cent"),
        ("0,29", "digits/9-and&digits/20&cent"),
        ("0,01", "digits/1N&cent"),
        ("1,01", "digits/1N&euro&and&digits/1N&cent"),
        ("21,21", "digits/1-and&digits/20&euro&and&digits/1-and&digits/20&cent"),
        ("2,5", "digits/2&euro&and&digits/50&cent"),
        ("1000", "digits/thousand&euro"),
        ("1000000", "digits/1F&digits/million&euro"),
        ("101", "digits/1N&digits/hundred&digits/1&euro"),
        ("0", "digits/0&euro"),
        ("0,00", "digits/0&euro"),
        ("abc", "digits/0&euro"),
        ("-1,00", ""),
        ("-12,34", ""),
        ("30000000", ""),
    ])
    func money(text: String, expected: String) {
        #expect(SayFilesGerman.money(text).joined(separator: "&") == expected)
        #expect(SayPrompts.money(text, language: "de_DE").joined(separator: "&") == expected)
    }

    // MARK: Language choice

    @Test func germanForDeLanguages() {
        for language in ["de", "de_DE", "de_AT", "de_CH", "DE", "De_de"] {
            #expect(SayPrompts.number("21", language: language) == ["digits/1-and", "digits/20"], "\(language)")
            #expect(SayPrompts.ordinal("21", language: language) == ["digits/1-and", "digits/h-20"], "\(language)")
            #expect(SayPrompts.money("1", language: language) == ["digits/1N", "euro"], "\(language)")
        }
    }

    @Test func englishForOtherLanguages() {
        for language in ["en", "en_GB", "fr", "nl", "d", "", "xde", "es_DE"] {
            #expect(SayPrompts.number("21", language: language) == ["digits/20", "digits/1"], "\(language)")
            #expect(SayPrompts.number("1", language: language, gender: "f") == ["digits/1"], "\(language)")
            #expect(SayPrompts.ordinal("21", language: language) == ["digits/20", "digits/h-1"], "\(language)")
            #expect(SayPrompts.ordinal("0", language: language) == [], "\(language)")
            #expect(SayPrompts.money("1.00", language: language) == ["digits/1", "letters/dollar"], "\(language)")
        }
        // The defaults stay English.
        #expect(SayPrompts.number("21") == ["digits/20", "digits/1"])
        #expect(SayPrompts.ordinal("21") == ["digits/20", "digits/h-1"])
        #expect(SayPrompts.money("2.42") == ["digits/2", "dollars", "and", "digits/40", "digits/2", "cents"])
    }

    @Test func unreadableNumbers() {
        for bad in ["12x", "", "99999999999", "1.5", " "] {
            #expect(SayPrompts.number(bad, language: "de") == nil, "\(bad)")
            #expect(SayPrompts.ordinal(bad, language: "de") == nil, "\(bad)")
        }
        #expect(SayPrompts.number("0x15", language: "de") == ["digits/1-and", "digits/20"])
    }

    // MARK: SAYFILES(value,type,language)

    @Test(arguments: [
        ("21,number,de", "digits/1-and&digits/20"),
        ("21,number,de_DE", "digits/1-and&digits/20"),
        ("21,number", "digits/20&digits/1"),
        ("21,number,", "digits/20&digits/1"),
        ("21,number,en", "digits/20&digits/1"),
        ("21,number,fr", "digits/20&digits/1"),
        ("1,ordinal,de", "digits/h-1"),
        ("0,ordinal,de", "digits/0"),
        ("0,ordinal,en", ""),
        ("101,ordinal,de", "digits/1N&digits/hundred&digits/and&digits/h-1"),
        ("12.34,money,de", "digits/12&euro&and&digits/4-and&digits/30&cent"),
        ("\"12,34\",money,de", "digits/12&euro&and&digits/4-and&digits/30&cent"),
        ("1.42,money,en", "digits/1&letters/dollar_&and&digits/40&digits/2&cents"),
        ("0,money,de", "digits/0&euro"),
        ("ab,alpha,de", "letters/a&letters/b"),
        ("12,digits,de", "digits/1&digits/2"),
        ("1,,de", "digits/1"),
    ])
    func sayFilesLanguageArgument(argument: String, expected: String) throws {
        #expect(try read("SAYFILES", argument, FunctionTestKit.context()) == expected)
    }

    @Test func sayFilesLanguageArgumentErrors() {
        let ctx = FunctionTestKit.context()
        for bad in ["12x,number,de", "1,Number,de", "1,ordinals,de", "99999999999,ordinal,de"] {
            #expect(throws: FunctionError.self, "SAYFILES(\(bad))") { try read("SAYFILES", bad, ctx) }
        }
    }

    // MARK: The German prompt set

    /// Every file the German rules produce for 0…1100, a spread of larger numbers and the limits, in every gender,
    /// plus the money words.
    static func producedFiles() -> Set<String> {
        var values: [Int32] = Array(-5...1100)
        var large: [Int32] = [1999, 2000, 2001, 2100, 9999, 10_000, 12_345, 21_021, 99_999, 100_000, 100_001, 101_000,
                              111_111, 999_999, 1_000_000, 1_000_001, 1_001_000, 1_100_000, 2_000_000, 2_000_001,
                              21_000_000, 100_000_000, 999_999_999, 1_000_000_000, 1_000_000_001, 2_000_000_000,
                              2_147_483_646, Int32.max, Int32.min]
        for step in stride(from: Int32(1000), to: 1_000_000, by: 997) { large.append(step) }
        values += large
        var files: Set<String> = []
        for gender in [nil, "f", "m", "n"] as [String?] {
            for value in values {
                files.formUnion(SayFilesGerman.number(value, gender: gender))
                files.formUnion(SayFilesGerman.ordinal(value, gender: gender))
            }
        }
        for amount in ["0", "0,01", "0,02", "1", "1,01", "12,34", "21,99", "1000", "1000000"] {
            for currency in SayCurrency.allCases { files.formUnion(SayFilesGerman.money(amount, currency: currency)) }
        }
        return files
    }

    @Test func producedFilesCoverTheRules() {
        let files = Self.producedFiles()
        // A sanity check on the walk itself: the special German names are all reached.
        for name in ["digits/1N", "digits/1F", "digits/1-and", "digits/9-and", "digits/and", "digits/hundred",
                     "digits/thousand", "digits/million", "digits/millions", "digits/milliard", "digits/milliards",
                     "digits/h-last", "digits/h-lastF", "digits/h-hundredN", "digits/h-milliard", "digits/minus",
                     "euro", "cent", "and", "dollar", "pfund", "penny", "pence"] {
            #expect(files.contains(name), "\(name)")
        }
    }

    @Test func everyProducedFileExistsInPromptsDe() throws {
        let root = try #require(RepositoryRoot.url, "no Prompts/README.md above \(#filePath)")
        let de = root.appendingPathComponent("Prompts/de")
        let missing = Self.producedFiles().sorted().filter {
            !FileManager.default.fileExists(atPath: de.appendingPathComponent($0 + ".wav").path)
        }
        #expect(missing.isEmpty, "missing in Prompts/de: \(missing.joined(separator: ", "))")
    }

    @Test func bankPromptsExistInGerman() throws {
        let root = try #require(RepositoryRoot.url)
        let text = try String(contentsOf: root.appendingPathComponent("Dialplans/bank.conf"), encoding: .utf8)
        // Literal prompt names the dialplan plays: Playback/Background arguments and Read's second argument.
        var names: Set<String> = []
        let patterns = [#"(?:Playback|Background)\(([A-Za-z0-9/&_-]+)\)"#, #"Read\([A-Z]+,([A-Za-z0-9/_-]+),"#]
        for pattern in patterns {
            let regex = try NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let list = String(text[Range(match.range(at: 1), in: text)!])
                names.formUnion(list.split(separator: "&").map(String.init))
            }
        }
        #expect(names.contains("bank-menu-options") && names.contains("goodbye") && names.contains("bank-enter-pin"))
        let de = root.appendingPathComponent("Prompts/de")
        for name in names.sorted() {
            #expect(FileManager.default.fileExists(atPath: de.appendingPathComponent(name + ".wav").path), "\(name)")
        }
    }
}
