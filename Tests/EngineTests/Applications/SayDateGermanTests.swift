import Dialplan
import Foundation
import Testing
@testable import Engine

/// SayUnixTime's German rules (`ast_say_date_with_format_de`): word order, ordinals, years, "Uhr", minutes and
/// seconds, Q/q, the German default format, the language dispatch, and the German prompt set.
@Suite struct SayDateGermanTests {
    static let utc = TimeZone(identifier: "UTC")!
    /// Monday 2026-11-23 21:07:45 UTC.
    static let evening = Int(testStart) + 11 * 3600 + 7 * 60 + 45

    static func files(_ epoch: Int, _ format: String, now: Double = testStart) -> [String] {
        SayDateGerman.files(epoch: epoch, format: format, zone: utc, now: now, call: nil)
    }

    /// Runs `SayUnixTime(arguments)` on a channel of `language`.
    static func sayUnixTime(_ arguments: String, language: String) -> CallResult {
        runCall("""
        [default]
        exten => s,1,Set(CHANNEL(language)=\(language))
         same => n,SayUnixTime(\(arguments))
         same => n,NoOp(after)
        """)
    }

    static let year2026 = ["digits/2", "digits/thousand", "digits/6-and", "digits/20"]

    @Test func dayMonthYearInGermanOrder() {
        // "dreiundzwanzigster November zweitausendsechsundzwanzig"
        #expect(Self.files(Int(testStart), "dBY") == ["digits/3-and", "digits/h-20", "digits/mon-10"] + Self.year2026)
        // The format decides the order: BdY stays month first, with the German ordinal.
        #expect(Self.files(Int(testStart), "BdY") == ["digits/mon-10", "digits/3-and", "digits/h-20"] + Self.year2026)
        #expect(Self.files(1_793_523_600, "d") == ["digits/h-1"])                       // 1 November
        #expect(Self.files(1_795_255_200, "e") == ["digits/1-and", "digits/h-20"])      // 21 November
        #expect(Self.files(Int(testStart), "m") == ["digits/h-11"])
        #expect(Self.files(Int(testStart), "A b h") == ["digits/day-1", "digits/mon-10", "digits/mon-10"])
    }

    @Test func years() {
        #expect(Self.files(946_684_800, "Y") == ["digits/2", "digits/thousand"])
        // 1967: "neunzehn hundert siebenundsechzig"; 1900: "neunzehn hundert"; before 1100: nothing.
        #expect(Self.files(-81_648_000, "Y") == ["digits/19", "digits/hundred", "digits/7-and", "digits/60"])
        #expect(Self.files(-2_202_681_600, "Y") == ["digits/19", "digits/hundred"])
        #expect(Self.files(-27_486_086_400, "Y") == [])
    }

    @Test func hoursSayUhr() {
        #expect(Self.files(Int(testStart), "H") == ["digits/10", "digits/oclock"])
        #expect(Self.files(Self.evening, "k") == ["digits/1-and", "digits/20", "digits/oclock"])
        #expect(Self.files(1_795_392_000, "H") == ["digits/0", "digits/oclock"])
        // 12-hour clock: midnight is 12, 13:00 is 1, noon 12; with "Uhr" too.
        #expect(Self.files(1_795_392_000, "I") == ["digits/12", "digits/oclock"])
        #expect(Self.files(1_795_438_800, "l") == ["digits/1", "digits/oclock"])
        #expect(Self.files(1_795_437_000, "I") == ["digits/12", "digits/oclock"])
        #expect(Self.files(1_795_437_000, "p") == ["digits/p-m"])
        #expect(Self.files(Int(testStart), "P") == ["digits/a-m"])
    }

    @Test func minutesAndSeconds() {
        // Minutes alone only when not zero; before S always, feminine, with "Minute(n)".
        #expect(Self.files(Self.evening, "HM") == ["digits/1-and", "digits/20", "digits/oclock", "digits/7"])
        #expect(Self.files(Int(testStart), "HM") == ["digits/10", "digits/oclock"])
        #expect(Self.files(Self.evening, "HMS") == ["digits/1-and", "digits/20", "digits/oclock", "digits/7",
                                                    "digits/minutes", "digits/and", "digits/5-and", "digits/40",
                                                    "digits/seconds"])
        #expect(Self.files(Int(testStart), "M S") == ["digits/0", "digits/minutes", "digits/and", "digits/0",
                                                      "digits/seconds"])
        // 01:01:01: "eins Uhr eine Minute und eine Sekunde".
        #expect(Self.files(1_795_395_661, "HMS") == ["digits/1", "digits/oclock", "digits/1F", "digits/minute",
                                                     "digits/and", "digits/1F", "digits/second"])
        #expect(Self.files(Self.evening, "R") == Self.files(Self.evening, "HM"))
        #expect(Self.files(Self.evening, "T") == Self.files(Self.evening, "HMS"))
    }

    @Test func todayYesterdayAndOlder() {
        let now = testStart
        let day = 86400
        #expect(Self.files(Int(now) - 3600, "Q", now: now) == ["digits/today"])
        #expect(Self.files(Int(now) - 3600, "q", now: now) == [])
        #expect(Self.files(Int(now) - day, "Q", now: now) == ["digits/yesterday"])
        #expect(Self.files(Int(now) - day, "q", now: now) == ["digits/yesterday"])
        // Three days ago: q says the weekday (Friday), Q the whole date.
        #expect(Self.files(Int(now) - 3 * day, "q", now: now) == ["digits/day-5"])
        #expect(Self.files(Int(now) - 3 * day, "Q", now: now)
            == ["digits/day-5", "digits/h-20", "digits/mon-10"] + Self.year2026)
        #expect(Self.files(Int(now) - 10 * day, "q", now: now)
            == ["digits/day-5", "digits/h-13", "digits/mon-10"] + Self.year2026)
    }

    @Test func literalsAndBlanks() {
        #expect(Self.files(Int(testStart), "'vm-received' d\tB") == ["vm-received", "digits/3-and", "digits/h-20",
                                                                     "digits/mon-10"])
    }

    @Test func theApplicationUsesGermanRulesForGermanChannels() {
        for language in ["de", "de_DE", "DE"] {
            let result = Self.sayUnixTime("\(Int(testStart)),UTC,dB", language: language)
            #expect(result.prompts == ["digits/3-and", "digits/h-20", "digits/mon-10"], "\(language)")
        }
        for language in ["en", "fr", "es_DE"] {
            let result = Self.sayUnixTime("\(Int(testStart)),UTC,dB", language: language)
            #expect(result.prompts == ["digits/20", "digits/h-3", "digits/mon-10"], "\(language)")
        }
    }

    @Test func theGermanDefaultFormat() {
        // "Montag dreiundzwanzigster November zweitausendsechsundzwanzig zehn Uhr null Minuten und null Sekunden"
        let result = Self.sayUnixTime("\(Int(testStart)),UTC", language: "de")
        #expect(result.prompts == ["digits/day-1", "digits/3-and", "digits/h-20", "digits/mon-10"] + Self.year2026
            + ["digits/10", "digits/oclock", "digits/0", "digits/minutes", "digits/and", "digits/0", "digits/seconds"])
        #expect(SayDateGerman.defaultFormat == "A dBY HMS")
        // English keeps its own.
        #expect(Self.sayUnixTime("\(Int(testStart)),UTC", language: "en").prompts.last == "digits/a-m")
    }

    @Test func anUnknownFormatCharacterWarnsAndGoesOn() {
        let result = Self.sayUnixTime("\(Int(testStart)),UTC,dXB", language: "de")
        #expect(result.prompts == ["digits/3-and", "digits/h-20", "digits/mon-10"])
        #expect(result.warnings.contains { $0.contains("Unknown character in datetime format dXB: X at pos 1") })
        #expect(result.path.last == "s,3:NoOp")
    }

    // MARK: The German prompt set

    /// The repository root (the folder with `Prompts/`), found from this file through the staging symlinks.
    private static let repositoryRoot: URL? = {
        for start in [URL(fileURLWithPath: #filePath).resolvingSymlinksInPath(), URL(fileURLWithPath: #filePath)] {
            var url = start.deletingLastPathComponent()
            while url.path != "/" {
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("Prompts/README.md").path) {
                    return url
                }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }()

    /// Every file the German rules name over a year of days at every hour, with a spread of minutes and seconds,
    /// for every format letter.
    static func producedFiles() -> Set<String> {
        var files: Set<String> = []
        let start = 1_767_225_600  // 2026-01-01 00:00 UTC
        for day in 0 ..< 366 {
            let epoch = start + day * 86400 + (day % 24) * 3600 + (day % 60) * 60 + (day * 7) % 60
            files.formUnion(Self.files(epoch, "A dBY HMS Ip m Qq", now: Double(start + 200 * 86400)))
        }
        for minute in 0 ..< 60 { files.formUnion(Self.files(start + minute * 61, "IMS")) }
        files.formUnion(Self.files(-81_648_000, "Y"))
        return files
    }

    @Test func everyProducedFileExistsInPromptsDe() throws {
        let root = try #require(Self.repositoryRoot, "no Prompts/README.md above \(#filePath)")
        let files = Self.producedFiles()
        for name in ["digits/oclock", "digits/minute", "digits/minutes", "digits/second", "digits/seconds",
                     "digits/today", "digits/yesterday", "digits/a-m", "digits/p-m", "digits/day-0", "digits/mon-11",
                     "digits/h-1", "digits/1-and", "digits/h-20", "digits/1F"] {
            #expect(files.contains(name), "\(name)")
        }
        let de = root.appendingPathComponent("Prompts/de")
        let missing = files.sorted().filter {
            !FileManager.default.fileExists(atPath: de.appendingPathComponent($0 + ".wav").path)
        }
        #expect(missing.isEmpty, "missing in Prompts/de: \(missing.joined(separator: ", "))")
    }
}
