import Dialplan
import Testing
@testable import Engine

/// `SayMoney(amount[,currency])`: the currency argument in English and German, the language default without it,
/// the warning for an unknown code, and the German decimal comma.
@Suite struct SayMoneyApplicationTests {
    /// Runs `SayMoney(arguments)` on a channel of `language`, then `NoOp(after)`.
    func sayMoney(_ arguments: String, language: String = "en",
                  prompts: any PromptLibrary = UniformPrompts()) -> CallResult {
        runCall("""
        [default]
        exten => s,1,Set(CHANNEL(language)=\(language))
         same => n,SayMoney(\(arguments))
         same => n,NoOp(after)
        """, prompts: prompts)
    }

    @Test func englishInEachCurrency() {
        #expect(sayMoney("1.00,USD").prompts == ["digits/1", "letters/dollar"])
        #expect(sayMoney("2.05,USD").prompts == ["digits/2", "dollars", "and", "digits/5", "cents"])
        #expect(sayMoney("1.00,EUR").prompts == ["digits/1", "euro"])
        #expect(sayMoney("2.05,EUR").prompts == ["digits/2", "euros", "and", "digits/5", "cents"])
        #expect(sayMoney("1.01,GBP").prompts == ["digits/1", "pound", "and", "digits/1", "penny"])
        #expect(sayMoney("0.05,GBP").prompts == ["digits/5", "pence"])
        #expect(sayMoney("1234567.89,eur").prompts == [
            "digits/1", "digits/million", "digits/2", "digits/hundred", "digits/30", "digits/4", "digits/thousand",
            "digits/5", "digits/hundred", "digits/60", "digits/7", "euros", "and", "digits/80", "digits/9", "cents",
        ])
        #expect(sayMoney("0,EUR").prompts == ["digits/0", "cents"])
    }

    @Test func germanInEachCurrency() {
        #expect(sayMoney("1.00,EUR", language: "de").prompts == ["digits/1N", "euro"])
        #expect(sayMoney("2.02,EUR", language: "de").prompts == ["digits/2", "euro", "and", "digits/2", "cent"])
        #expect(sayMoney("1.00,USD", language: "de").prompts == ["digits/1N", "dollar"])
        #expect(sayMoney("2,usd", language: "de").prompts == ["digits/2", "dollar"])
        #expect(sayMoney("1.01,GBP", language: "de_DE").prompts == ["digits/1N", "pfund", "and", "digits/1N", "penny"])
        #expect(sayMoney("2.02,GBP", language: "de").prompts == ["digits/2", "pfund", "and", "digits/2", "pence"])
        #expect(sayMoney("0,GBP", language: "de").prompts == ["digits/0", "pfund"])
    }

    @Test func withoutACurrencyTheLanguageDecides() {
        #expect(sayMoney("2.50").prompts == ["digits/2", "dollars", "and", "digits/50", "cents"])
        #expect(sayMoney("2.50,").prompts == ["digits/2", "dollars", "and", "digits/50", "cents"])
        #expect(sayMoney("2.50", language: "de").prompts == ["digits/2", "euro", "and", "digits/50", "cent"])
        #expect(sayMoney("2.50, ", language: "de").prompts == ["digits/2", "euro", "and", "digits/50", "cent"])
        #expect(sayMoney("2.50").warnings.isEmpty)
    }

    @Test func theGermanDecimalCommaIsStillAnAmount() {
        #expect(sayMoney("12,34", language: "de").prompts
            == ["digits/12", "euro", "and", "digits/4-and", "digits/30", "cent"])
        #expect(sayMoney("12,34,GBP", language: "de").prompts
            == ["digits/12", "pfund", "and", "digits/4-and", "digits/30", "pence"])
        #expect(sayMoney("12,34", language: "de").warnings.isEmpty)
    }

    @Test func anUnknownCodeWarnsNamingItAndSaysTheLanguagesCurrency() {
        let english = sayMoney("2.50,XAU")
        #expect(english.prompts == ["digits/2", "dollars", "and", "digits/50", "cents"])
        #expect(english.warnings.count == 1)
        #expect(english.warnings.first?.contains("'XAU'") == true)
        #expect(english.warnings.first?.contains("USD") == true)
        #expect(english.path.last == "s,3:NoOp")
        let german = sayMoney("2.50,Euro", language: "de")
        #expect(german.prompts == ["digits/2", "euro", "and", "digits/50", "cent"])
        #expect(german.warnings.first?.contains("'Euro'") == true)
        #expect(german.warnings.first?.contains("EUR") == true)
    }

    @Test func aMissingUnitPromptEndsTheCall() {
        let result = sayMoney("2.50,GBP", prompts: UniformPrompts(missing: ["pounds"]))
        #expect(result.prompts == ["digits/2", "pounds"])
        #expect(result.path == ["s,1:Set", "s,2:SayMoney"])
    }

    @Test func argumentsSplitAtTheLastCommaUnlessItHoldsADigit() {
        #expect(SayApplications.moneyArguments("12.34") == ("12.34", nil))
        #expect(SayApplications.moneyArguments("12.34,EUR") == ("12.34", "EUR"))
        #expect(SayApplications.moneyArguments("12.34, gbp ") == ("12.34", "gbp"))
        #expect(SayApplications.moneyArguments("12.34,") == ("12.34", ""))
        #expect(SayApplications.moneyArguments("12,34") == ("12,34", nil))
        #expect(SayApplications.moneyArguments("12,34,EUR") == ("12,34", "EUR"))
        #expect(SayApplications.moneyArguments("1,000,50") == ("1,000,50", nil))
        #expect(SayApplications.moneyArguments("") == ("", nil))
    }
}
