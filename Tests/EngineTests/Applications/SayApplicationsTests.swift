import Dialplan
import Testing
@testable import Engine

/// SayDigits, SayNumber, SayAlpha, SayAlphaCase, SayPhonetic, SayMoney, SayOrdinal, SayUnixTime (reference §7.2, §9).
@Suite struct SayApplicationsTests {
    /// Runs `application(arguments)` then `NoOp(after)` and returns the result.
    func say(_ line: String, digits: String = "", prompts: any PromptLibrary = UniformPrompts()) -> CallResult {
        runCall("""
        [default]
        exten => s,1,\(line)
         same => n,NoOp(after)
        """, digits: digits, prompts: prompts)
    }

    @Test func sayDigitsPlaysEachDigitAndSymbol() {
        let result = say("SayDigits(12*#-)")
        #expect(result.prompts == ["digits/1", "digits/2", "digits/star", "digits/pound", "digits/minus"])
        #expect(result.path.last == "s,2:NoOp")
    }

    @Test func sayNumberUsesEnglishRules() {
        #expect(say("SayNumber(747)").prompts == ["digits/7", "digits/hundred", "digits/40", "digits/7"])
        #expect(say("SayNumber(1042)").prompts == ["digits/1", "digits/thousand", "digits/40", "digits/2"])
        #expect(say("SayNumber(-5)").prompts == ["digits/minus", "digits/5"])
        #expect(say("SayNumber(0,f)").prompts == ["digits/0"])
    }

    @Test func sayNumberWithTextWarnsAndContinues() {
        let result = say("SayNumber(abc)")
        #expect(result.prompts.isEmpty)
        #expect(result.warnings.contains { $0.contains("could not be parsed as a number") })
        #expect(result.path.last == "s,2:NoOp")
    }

    @Test func sayNumberWithABadGenderEndsTheCall() {
        let result = say("SayNumber(5,x)")
        #expect(result.prompts.isEmpty)
        #expect(result.path == ["s,1:SayNumber"])
    }

    @Test func sayNumberWithoutArgumentEndsTheCall() {
        #expect(say("SayNumber()").path == ["s,1:SayNumber"])
    }

    @Test func sayOrdinal() {
        #expect(say("SayOrdinal(23)").prompts == ["digits/20", "digits/h-3"])
        #expect(say("SayOrdinal(100)").prompts == ["digits/1", "digits/h-hundred"])
    }

    @Test func sayAlphaAndPhonetic() {
        #expect(say("SayAlpha(aB1 )").prompts == ["letters/a", "letters/b", "digits/1", "letters/space"])
        #expect(say("SayPhonetic(ab9)").prompts == ["phonetic/a_p", "phonetic/b_p", "phonetic/9_p"])
    }

    @Test func sayAlphaCaseAnnouncesTheCase() {
        #expect(say("SayAlphaCase(u,aB)").prompts == ["letters/a", "uppercase", "letters/b"])
        #expect(say("SayAlphaCase(l,aB)").prompts == ["lowercase", "letters/a", "letters/b"])
        #expect(say("SayAlphaCase(a,aB)").prompts == ["lowercase", "letters/a", "uppercase", "letters/b"])
        #expect(say("SayAlphaCase(n,aB)").prompts == ["letters/a", "letters/b"])
        let bad = say("SayAlphaCase(x,aB)")
        #expect(bad.prompts.isEmpty)
        #expect(bad.path.last == "s,2:NoOp")
    }

    @Test func sayMoney() {
        #expect(say("SayMoney(1.50)").prompts == ["digits/1", "letters/dollar_", "and", "digits/50", "cents"])
        #expect(say("SayMoney(12)").prompts == ["digits/12", "dollars"])
        #expect(say("SayMoney(0)").prompts == ["digits/0", "cents"])
    }

    @Test func missingDigitFilesAreSkipped() {
        let result = say("SayDigits(123)", prompts: UniformPrompts(missing: ["digits/2"]))
        #expect(result.events.contains { $0.kind == .promptMissing("digits/2") })
        #expect(result.events.contains { $0.kind == .promptEnd("digits/3") })
        #expect(result.path.last == "s,2:NoOp")
    }

    @Test func aMissingMoneyFileEndsTheCall() {
        let result = say("SayMoney(2.50)", prompts: UniformPrompts(missing: ["and"]))
        #expect(result.prompts == ["digits/2", "dollars", "and"])
        #expect(result.path == ["s,1:SayMoney"])
    }

    @Test func sayUnixTimeDefaultFormat() {
        // Monday 2026-11-23 10:00:00 UTC.
        let result = say("SayUnixTime(\(Int(testStart)),UTC)")
        #expect(result.prompts == ["digits/day-1", "digits/mon-10", "digits/20", "digits/h-3", "digits/2",
                                   "digits/thousand", "digits/20", "digits/6", "digits/at", "digits/10",
                                   "digits/oclock", "digits/a-m"])
    }

    @Test func sayUnixTimeFormatsAndZones() {
        // 10:00 UTC is 05:00 in New York.
        #expect(say("SayUnixTime(\(Int(testStart)),America/New_York,HM)").prompts == ["digits/oh", "digits/5", "digits/oclock"])
        // 2026-11-23 21:07:45 UTC.
        let evening = Int(testStart) + 11 * 3600 + 7 * 60 + 45
        #expect(say("SayUnixTime(\(evening),UTC,IMp)").prompts == ["digits/9", "digits/oh", "digits/7", "digits/p-m"])
        #expect(say("SayUnixTime(\(evening),UTC,kS)").prompts == ["digits/20", "digits/1", "digits/40", "digits/5"])
        #expect(say("SayUnixTime(\(evening),UTC,'vm-received' q)").prompts == ["vm-received"])
        #expect(say("SayUnixTime(\(Int(testStart) - 86400),UTC,Q)").prompts == ["digits/yesterday"])
    }

    @Test func sayUnixTimeDefaultsToNowAndAnswers() {
        let result = say("SayUnixTime(,,A)")
        #expect(result.prompts == ["digits/day-1"])
        #expect(result.record.answer != nil)
    }
}
