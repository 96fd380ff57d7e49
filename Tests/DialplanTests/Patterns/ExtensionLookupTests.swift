import Foundation
import Testing
@testable import Dialplan

@Suite("Dialplan lookup (pbx_find_extension)")
struct ExtensionLookupTests {
    static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current

    /// tests/test_pbx.c pattern_match_test, list matcher.
    @Test("test_pbx.c pattern_match_test vectors")
    func testPbxVectors() {
        var builder = PlanBuilder()
        builder.add("test_pattern", "_2.", priorities: [1])
        builder.add("test_pattern", "2000", priorities: [1])
        builder.add("test_pattern_include", "2000", priorities: [2])
        builder.include("test_pattern", "test_pattern_include")
        let plan = builder.plan

        let cases: [(context: String, exten: String, priority: Int, foundIn: String, name: String)] = [
            ("test_pattern", "200", 1, "test_pattern", "_2."),
            ("test_pattern", "2000", 1, "test_pattern", "2000"),
            ("test_pattern", "2000", 2, "test_pattern_include", "2000"),
            ("test_pattern_include", "2000", 2, "test_pattern_include", "2000"),
        ]
        for test in cases {
            let found = plan.findExtension(test.exten, in: test.context, priority: .number(test.priority))
            #expect(found?.extension.name == test.name, "\(test.exten)@\(test.context),\(test.priority)")
            #expect(found?.context == test.foundIn)
            #expect(found?.priority?.number == test.priority)
            #expect(plan.canMatch(test.exten, in: test.context, priority: .number(test.priority)))
        }
    }

    @Test("reference: 6421 picks _64NX among _640X, _64NX, _64XX, _6[34]NX, _6[45]NX, _6XX1, _6.")
    func referenceWinner() {
        var builder = PlanBuilder()
        for name in ["_6.", "_6XX1", "_6[45]NX", "_6[34]NX", "_64XX", "_64NX", "_640X"] {
            builder.add("c", name)
        }
        let plan = builder.plan
        let winners: [String: String] = [
            "6421": "_64NX", "6401": "_640X", "6411": "_64XX", "6331": "_6[34]NX", "6431": "_64NX",
            "6541": "_6[45]NX", "6001": "_6XX1", "6002": "_6.", "61": "_6.", "64211": "_6.",
        ]
        for (exten, winner) in winners {
            #expect(plan.findExtension(exten, in: "c")?.extension.name == winner, "\(exten)")
        }
        #expect(plan.findExtension("6", in: "c") == nil)
        #expect(plan.findExtension("7", in: "c") == nil)
    }

    @Test("_X. needs two characters, _X! matches one, _1X can match 1")
    func wildcards() {
        var builder = PlanBuilder()
        builder.add("dot", "_X.")
        builder.add("bang", "_X!")
        builder.add("one", "_1X")
        let plan = builder.plan
        #expect(!plan.extensionExists("1", in: "dot"))
        #expect(plan.canMatch("1", in: "dot"))
        #expect(plan.matchMore("1", in: "dot"))
        #expect(plan.extensionExists("12", in: "dot"))
        #expect(plan.matchMore("12", in: "dot"))          // '.' answers yes even in MATCHMORE
        #expect(plan.extensionExists("1", in: "bang"))
        #expect(plan.extensionExists("123", in: "bang"))
        #expect(plan.canMatch("1", in: "bang"))
        #expect(!plan.matchMore("1", in: "bang"))         // '!' tells the collector to stop waiting
        #expect(plan.matchMore("", in: "bang"))
        #expect(plan.canMatch("1", in: "one"))
        #expect(plan.matchMore("1", in: "one"))
        #expect(!plan.extensionExists("1", in: "one"))
        #expect(plan.extensionExists("15", in: "one"))
        #expect(!plan.matchMore("15", in: "one"))
    }

    @Test("a '!' match ends MATCHMORE in its context; the including context goes on")
    func bangInIncludes() {
        var builder = PlanBuilder()
        builder.add("a", "_X!")
        builder.add("b", "_XX")
        builder.include("a", "b")
        builder.context("top")
        builder.include("top", "a")
        builder.include("top", "b")
        let plan = builder.plan
        // In 'a' itself the '!' is found before the include is consulted.
        #expect(!plan.matchMore("1", in: "a"))
        // From 'top', 'a' answers no, then 'b' is tried (it was not marked searched).
        #expect(plan.matchMore("1", in: "top"))
        #expect(plan.findExtension("1", in: "top", mode: .matchMore)?.extension.name == "_XX")
        #expect(plan.findExtension("1", in: "top", mode: .canMatch)?.extension.name == "_X!")
    }

    @Test("a matching extension without the priority falls through to the next match")
    func fallThrough() {
        var builder = PlanBuilder()
        builder.add("c", "6410", priorities: [1])
        builder.add("c", "_641X", priorities: [2])
        let plan = builder.plan
        #expect(plan.findExtension("6410", in: "c", priority: .number(1))?.extension.name == "6410")
        #expect(plan.findExtension("6410", in: "c", priority: .number(2))?.extension.name == "_641X")
        #expect(plan.findExtension("6410", in: "c", priority: .number(3)) == nil)
        #expect(plan.findExtension("6411", in: "c", priority: .number(1)) == nil)
        // CANMATCH also needs the priority.
        #expect(!plan.canMatch("6411", in: "c", priority: .number(1)))
        #expect(plan.canMatch("6411", in: "c", priority: .number(2)))
    }

    @Test("labels: case-sensitive, and fall through like priorities")
    func labels() {
        var builder = PlanBuilder()
        builder.add("c", "100", priorities: [1, 2], label: (2, "menu"))
        builder.add("c", "_1XX", priorities: [1, 5], label: (5, "other"))
        let plan = builder.plan
        let menu = plan.findExtension("100", in: "c", priority: .label("menu"))
        #expect(menu?.extension.name == "100")
        #expect(menu?.priority?.number == 2)
        #expect(plan.findExtension("100", in: "c", priority: .label("Menu")) == nil)
        let other = plan.findExtension("100", in: "c", priority: .label("other"))
        #expect(other?.extension.name == "_1XX")
        #expect(other?.priority?.number == 5)
    }

    @Test("caller-ID variants")
    func callerID() {
        var builder = PlanBuilder()
        builder.add("c", "306", data: "plain")
        builder.add("c", "306", cid: "_101", data: "cid")
        builder.add("c", "agi7", data: "plain")
        builder.add("c", "agi7", cid: "12", data: "cid12")
        builder.add("c", "x", cid: "", data: "empty")
        builder.add("c", "x", data: "plain")
        builder.add("c", "y", cid: "", data: "empty")
        builder.add("c", "555", cid: "(555) 12-12", data: "dashed")
        let plan = builder.plan
        func data(_ exten: String, _ cid: String?) -> String? {
            plan.findExtension(exten, in: "c", callerID: cid)?.priority?.data
        }
        #expect(data("306", "101") == "cid")
        #expect(data("306", "102") == "plain")
        #expect(data("306", nil) == "plain")
        #expect(data("306", "") == "plain")
        #expect(data("agi7", "12") == "cid12")
        #expect(data("agi7", "13") == "plain")
        // An empty CID match takes only callers without a number.
        #expect(data("x", nil) == "empty")
        #expect(data("x", "") == "empty")
        #expect(data("x", "5") == "plain")
        #expect(data("y", "5") == nil)
        #expect(data("y", nil) == "empty")
        // The CID pattern was shrunk; dashes in the caller's number are ignored.
        #expect(data("555", "5551212") == "dashed")
        #expect(data("555", "555-1212") == "dashed")
        #expect(data("555", "5551213") == nil)
        #expect(plan.findExtension("306", in: "c", callerID: "101")?.extension.callerID == "_101")
    }

    @Test("own extensions first, then includes in file order; the found context is reported")
    func includesInOrder() {
        var builder = PlanBuilder()
        builder.add("main", "_X.", data: "main")
        builder.include("main", "first")
        builder.include("main", "second")
        builder.add("first", "100", data: "first")
        builder.add("second", "100", data: "second")
        builder.add("second", "200", data: "second")
        builder.add("first", "s", data: "first-s")
        let plan = builder.plan
        #expect(plan.findExtension("100", in: "main")?.priority?.data == "main")   // own pattern beats included literal
        #expect(plan.findExtension("s", in: "main")?.context == "first")
        #expect(plan.findExtension("s", in: "main")?.extension.name == "s")
        var builder2 = PlanBuilder()
        builder2.context("main")
        builder2.include("main", "first")
        builder2.include("main", "second")
        builder2.add("first", "100", data: "first")
        builder2.add("second", "100", data: "second")
        builder2.add("second", "200", data: "second")
        let plan2 = builder2.plan
        #expect(plan2.findExtension("100", in: "main")?.context == "first")
        #expect(plan2.findExtension("200", in: "main")?.context == "second")
        #expect(plan2.findExtension("300", in: "main") == nil)
        #expect(plan2.findExtension("100", in: "nowhere") == nil)
    }

    @Test("missing included contexts and switches are skipped")
    func missingAndSwitches() {
        var builder = PlanBuilder()
        builder.context("main")
        builder.addSwitch("main", "IAX2/box/default")
        builder.include("main", "ghost")
        builder.include("main", "real")
        builder.add("real", "100")
        let plan = builder.plan
        #expect(plan.findExtension("100", in: "main")?.context == "real")
    }

    @Test("timed includes count only while their time spec holds")
    func timedIncludes() {
        var builder = PlanBuilder()
        builder.context("main")
        builder.include("main", "office", timeSpec: "09:00-17:00,mon-fri,*,*")
        builder.include("main", "afterhours")
        builder.add("office", "s", data: "office")
        builder.add("afterhours", "s", data: "closed")
        let plan = builder.plan
        let mondayTen = 1_704_103_200.0       // 2024-01-01 10:00 UTC, a Monday
        let mondayEight = 1_704_139_200.0     // 2024-01-01 20:00 UTC
        let saturdayTen = 1_704_535_200.0     // 2024-01-06 10:00 UTC
        func who(_ now: Double) -> String? {
            plan.findExtension("s", in: "main", now: now, timeZone: Self.utc)?.priority?.data
        }
        #expect(who(mondayTen) == "office")
        #expect(who(mondayEight) == "closed")
        #expect(who(saturdayTen) == "closed")
        // The time zone moves the window: 10:00 UTC is 19:00 in Tokyo.
        let tokyo = TimeZone(identifier: "Asia/Tokyo") ?? Self.utc
        #expect(plan.findExtension("s", in: "main", now: mondayTen, timeZone: tokyo)?.priority?.data == "closed")
    }

    @Test("include loops terminate; each context is searched once")
    func includeLoops() {
        var builder = PlanBuilder()
        builder.context("a")
        builder.context("b")
        builder.include("a", "b")
        builder.include("b", "a")
        builder.include("a", "a")
        builder.include("b", "c")
        builder.add("c", "100")
        let plan = builder.plan
        #expect(plan.findExtension("999", in: "a") == nil)
        #expect(plan.findExtension("100", in: "a")?.context == "c")
        #expect(plan.findExtension("100", in: "b")?.context == "c")
        #expect(!plan.canMatch("9", in: "a"))
    }

    @Test("searched contexts are compared case-insensitively (strcasecmp), lookups are case-sensitive")
    func caseOfContextNames() {
        var builder = PlanBuilder()
        builder.context("Sales")
        builder.include("Sales", "sales")
        builder.add("sales", "100")
        let plan = builder.plan
        #expect(plan.findExtension("100", in: "sales") != nil)
        #expect(plan.findExtension("100", in: "SALES") == nil)
        #expect(plan.findExtension("100", in: "Sales") == nil)  // "sales" counts as already searched
    }

    @Test("at most 512 contexts per lookup")
    func stackLimit() {
        var builder = PlanBuilder()
        for index in 0..<600 {
            builder.context("c\(index)")
            builder.include("c\(index)", "c\(index + 1)")
        }
        builder.add("c511", "511")
        builder.add("c512", "512")
        let plan = builder.plan
        #expect(plan.findExtension("511", in: "c0")?.context == "c511")
        #expect(plan.findExtension("512", in: "c0") == nil)
        #expect(plan.findExtension("512", in: "c1")?.context == "c512")
    }

    @Test("dashes are ignored in dialed data and in extension names")
    func dashes() {
        var builder = PlanBuilder()
        builder.add("c", "555-1212")
        builder.add("c", "5551313")
        builder.add("c", "_NXX-XXXX", priorities: [2])
        let plan = builder.plan
        #expect(plan.extensionExists("5551212", in: "c"))
        #expect(plan.extensionExists("555-1313", in: "c"))
        #expect(plan.extensionExists("5-5-5-1-3-1-3", in: "c"))
        #expect(plan.canMatch("555-", in: "c"))
        #expect(plan.findExtension("555-1414", in: "c", priority: .number(2))?.extension.name == "_NXX-XXXX")
    }

    @Test("Goto to a pattern name finds the pattern extension")
    func gotoPatternName() {
        var builder = PlanBuilder()
        builder.add("c", "_X.", priorities: [1, 2])
        builder.add("c", "_NXX", priorities: [1])
        let plan = builder.plan
        #expect(plan.findExtension("_X.", in: "c", priority: .number(2))?.extension.name == "_X.")
        #expect(plan.findExtension("_NXX", in: "c")?.extension.name == "_NXX")
        #expect(plan.findExtension("_[2-9]XX", in: "c")?.extension.name == "_NXX")
        #expect(plan.findExtension("_ZXX", in: "c") == nil)
    }
}
