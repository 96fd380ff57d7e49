import Foundation
import Testing
@testable import Audio

private typealias F = AudioFileFixtures

/// The repository's generated English prompts (`Prompts/en`, made by `scripts/generate-prompts.sh`).
@Suite("Prompts/en: the generated English set")
struct PromptSetTests {
    /// The repository root: the nearest folder above this file (symlinks resolved) holding `Prompts/`.
    static let repositoryRoot: String? = {
        for start in [URL(fileURLWithPath: #filePath).resolvingSymlinksInPath(), URL(fileURLWithPath: #filePath)] {
            var url = start.deletingLastPathComponent()
            while url.path != "/" {
                if FileManager.default.fileExists(atPath: url.path + "/Prompts/README.md") { return url.path }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }()

    static var prompts: PromptDirectory? { repositoryRoot.map { PromptDirectory(root: $0 + "/Prompts") } }

    /// Everything Asterisk's English Say functions (main/say.c, as the engine's SayPrompts builds them) can play.
    static let sayPrompts: [String] = {
        var names: [String] = []
        names += (0 ... 19).map { "digits/\($0)" } + stride(from: 20, through: 90, by: 10).map { "digits/\($0)" }
        names += (1 ... 19).map { "digits/h-\($0)" } + stride(from: 20, through: 90, by: 10).map { "digits/h-\($0)" }
        names += ["hundred", "thousand", "million", "billion"].flatMap { ["digits/\($0)", "digits/h-\($0)"] }
        names += ["digits/minus", "digits/star", "digits/pound", "digits/oh", "digits/at", "digits/a-m", "digits/p-m",
                  "digits/oclock", "digits/today", "digits/yesterday"]
        names += (0 ... 6).map { "digits/day-\($0)" } + (0 ... 11).map { "digits/mon-\($0)" }
        let alphabet = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        names += alphabet.map { "letters/\($0)" }
        names += ["at", "dash", "dot", "dollar", "dollar_", "equals", "exclaimation-point", "plus", "slash", "space"]
            .map { "letters/\($0)" }
        names += ["uppercase", "lowercase"]
        names += alphabet.map { "phonetic/\($0)_p" } + ["phonetic/9_p"]
        names += ["dollars", "cent", "cents", "and", "vm-and"]
        names += ["euro", "euros", "pound", "pounds", "penny", "pence"]
        return names
    }()

    /// The German set's money and SayUnixTime words (the engine's German money lists, `ast_say_date_with_format_de`).
    static let germanMoneyAndDatePrompts = [
        "euro", "dollar", "pfund", "cent", "penny", "pence", "and",
        "digits/oclock", "digits/minute", "digits/minutes", "digits/second", "digits/seconds", "digits/today",
        "digits/yesterday", "digits/a-m", "digits/p-m", "digits/and",
    ] + (0 ... 6).map { "digits/day-\($0)" } + (0 ... 11).map { "digits/mon-\($0)" }

    /// What the engine's applications play by themselves, and what the example dialplans play.
    static let applicationPrompts = [
        "attendant-welcome", "attendant-menu", "attendant-connecting", "attendant-department-busy",
        "attendant-directory-intro", "attendant-directory-connecting", "attendant-directory-no-match",
        "attendant-closed", "attendant-holiday",
        "bank-welcome", "bank-language", "bank-closed-self-service", "bank-enter-account", "bank-account-invalid",
        "bank-enter-pin", "bank-pin-invalid", "bank-account-locked", "bank-menu-options", "bank-agents-closed",
        "bank-transfer-agent", "bank-agents-busy", "bank-transfer-operator", "bank-your-balance-is", "bank-balance-unavailable",
        "bank-last-transactions", "bank-debit", "bank-credit", "bank-confirm-block-card", "bank-card-not-blocked",
        "bank-card-blocked", "bank-callback-which", "bank-enter-callback-number", "bank-number-invalid",
        "bank-callback-confirmed",
        "beep", "vm-intro", "vm-goodbye", "vm-theperson", "vm-isunavail", "vm-isonphone", "vm-mailboxfull",
        "agent-pass", "auth-thankyou", "auth-incorrect", "goodbye", "invalid",
        "example-welcome", "example-closed", "main-menu", "transferring-to-sales", "transferring-to-support",
        "option-is-invalid", "enter-account-number",
    ]

    @Test func repositoryIsFound() {
        #expect(Self.repositoryRoot != nil, "no Prompts/README.md above \(#filePath)")
    }

    @Test("Every prompt the Say functions and applications need exists and reads")
    func everyNeededPromptExists() throws {
        let prompts = try #require(Self.prompts)
        for name in Self.sayPrompts + Self.applicationPrompts {
            let path = prompts.path(of: name, language: "en")
            #expect(path == prompts.root + "/en/" + name + ".wav", "\(name) is missing")
            guard path != nil else { continue }
            let clip = try #require(try prompts.clip(of: name, language: "en"))
            #expect(clip.duration > 0.2 && clip.duration < 20, "\(name): \(clip.duration) s")
            let peak = clip.samples.map { abs(Int($0)) }.max() ?? 0
            #expect(peak > 8000 && peak < 32767, "\(name): peak \(peak)")
            #expect(prompts.duration(of: name, language: "en") == clip.duration)
        }
        #expect(Set(Self.sayPrompts + Self.applicationPrompts).count == Self.sayPrompts.count + Self.applicationPrompts.count)
        #expect(Self.sayPrompts.count == 28 + 27 + 8 + 10 + 7 + 12 + 26 + 10 + 2 + 27 + 5 + 6)
    }

    /// Plays the files the engine's SayPrompts would list, for a few values: all exist.
    @Test func sayCombinationsResolve() throws {
        let prompts = try #require(Self.prompts)
        // SayNumber(1234567), SayOrdinal(21), SayMoney(1.01), SayAlpha(a-b), time 10:05 am, Saturday in December.
        let played = ["digits/1", "digits/million", "digits/2", "digits/hundred", "digits/30", "digits/4",
                      "digits/thousand", "digits/5", "digits/hundred", "digits/60", "digits/7",
                      "digits/20", "digits/h-1", "digits/1", "letters/dollar_", "and", "digits/1", "cent",
                      "letters/a", "letters/dash", "letters/b", "digits/10", "digits/oh", "digits/5", "digits/a-m",
                      "digits/day-6", "digits/mon-11"]
        for name in played { #expect(prompts.path(of: name, language: "en_US") != nil, "\(name)") }
    }

    /// Literal prompt names in the example dialplans' Playback/Background/Read, with ${COMPANY} from [globals].
    @Test func dialplanPromptsExist() throws {
        let root = try #require(Self.repositoryRoot)
        let prompts = try #require(Self.prompts)
        let folder = root + "/Dialplans"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".conf") }
        var names: Set<String> = []
        for file in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            var company = "example"
            for line in text.split(separator: "\n") where line.hasPrefix("COMPANY=") {
                company = String(line.dropFirst("COMPANY=".count))
            }
            for line in text.split(separator: "\n") {
                let code = line.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                for application in ["Playback(", "Background(", "BackGround(", "Read("] {
                    guard let start = code.range(of: application) else { continue }
                    let rest = code[start.upperBound...]
                    guard let close = rest.firstIndex(of: ")") else { continue }
                    var arguments = rest[..<close].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    if application == "Read(" { arguments = Array(arguments.dropFirst()) }
                    guard let first = arguments.first else { continue }
                    for name in first.split(separator: "&").map(String.init) {
                        let resolved = name.replacingOccurrences(of: "${COMPANY}", with: company)
                        if !resolved.isEmpty && !resolved.contains("$") { names.insert(resolved) }
                    }
                }
            }
        }
        #expect(names.isSuperset(of: ["example-welcome", "main-menu", "transferring-to-sales", "option-is-invalid",
                                      "enter-account-number", "example-closed", "transferring-to-support"]))
        for name in names.sorted() {
            #expect(prompts.path(of: name, language: "en") != nil, "Dialplans play \(name), Prompts/en lacks it")
            #expect(Self.applicationPrompts.contains(name) || Self.sayPrompts.contains(name), "\(name) should be listed in applicationPrompts")
        }
    }

    @Test("Every German money and date word exists in Prompts/de and reads")
    func germanMoneyAndDateWordsExist() throws {
        let prompts = try #require(Self.prompts)
        for name in Self.germanMoneyAndDatePrompts {
            #expect(prompts.path(of: name, language: "de") == prompts.root + "/de/" + name + ".wav", "\(name) is missing")
            guard let clip = try prompts.clip(of: name, language: "de") else { continue }
            #expect(clip.duration > 0.2 && clip.duration < 5, "\(name): \(clip.duration) s")
        }
        // The same names in English are different recordings ("euro" / "Euro"), found per language.
        #expect(prompts.path(of: "euro", language: "en") == prompts.root + "/en/euro.wav")
        #expect(prompts.path(of: "pence", language: "de_DE") == prompts.root + "/de/pence.wav")
    }

    @Test func beepIsAThousandHertzQuarterSecond() throws {
        let prompts = try #require(Self.prompts)
        let beep = try #require(try prompts.clip(of: "beep", language: "en"))
        #expect(beep.samples.count == 2000)
        let level = F.amplitude(of: 1000, in: beep.samples, skip: 100)
        #expect(level > 0.4)
        #expect(F.amplitude(of: 900, in: beep.samples, skip: 100) < level / 20)
        #expect(abs(F.zeroCrossings(beep.samples, skip: 100) - 450) <= 2)
    }

    @Test func filesAreTelephoneFormatAndModest() throws {
        let root = try #require(Self.repositoryRoot) + "/Prompts/en"
        let files = try #require(FileManager.default.enumerator(atPath: root)?.allObjects as? [String])
            .filter { $0.hasSuffix(".wav") }
        #expect(files.count >= Self.sayPrompts.count + Self.applicationPrompts.count)
        var total = 0
        for file in files {
            let path = root + "/" + file
            total += F.bytes(path).count
            let info = try SoundFileReader.open(path).info
            #expect(info.sampleRate == 8000 && info.channels == 1 && info.encoding == 0x0002, "\(file): \(info)")
        }
        #expect(total < 8_000_000, "Prompts/en holds \(total) bytes")  // about 4.6 MB with bank and attendant
    }
}
