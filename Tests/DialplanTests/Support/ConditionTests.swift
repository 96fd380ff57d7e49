import Testing
@testable import Dialplan

@Suite struct ConditionTests {
    // Reference §4.6 (pbx_checkcondition).
    @Test(arguments: [
        ("", false), ("0", false), ("00", false), ("0.9", false), ("1", true), ("1abc", true), ("-1", true),
        ("  2", true), ("false", true), ("   ", true), ("abc", true), ("+0", false), ("99999999999999999999", true),
    ])
    func truth(text: String, expected: Bool) {
        #expect(Condition.isTrue(text) == expected)
    }
}
