import Foundation
import Testing
@testable import Dialplan

@Suite struct ConfigReaderTests {
    func entries(_ text: String) -> [(String, String)] {
        ConfigReader().read(text: text, path: "x.conf").items.compactMap { item in
            if case .entry(let entry) = item { return (entry.key, entry.value) }
            return nil
        }
    }

    @Test func arrowAndEqualsAreTheSameAndValuesAreTrimmed() {
        let found = entries("[c]\nexten => 1,1,NoOp()\nexten=2,1,NoOp()  \n  same  =>  n,Hangup\n")
        #expect(found.map(\.0) == ["exten", "exten", "same"])
        #expect(found.map(\.1) == ["1,1,NoOp()", "2,1,NoOp()", "n,Hangup"])
    }

    @Test func bomAndCRLFAreHandled() {
        let found = entries("\u{FEFF}[c]\r\nexten => 1,1,NoOp()\r\n")
        #expect(found.map(\.1) == ["1,1,NoOp()"])
    }

    @Test func sectionHeadersWithOptions() {
        let items = ConfigReader().read(text: "[tpl](!)\n[ctx](tpl,other)\n[ctx](+)\n", path: "x.conf").items
        let headers = items.compactMap { item -> SectionHeader? in
            if case .section(let header) = item { return header }
            return nil
        }
        #expect(headers.map(\.name) == ["tpl", "ctx", "ctx"])
        #expect(headers.map(\.isTemplate) == [true, false, false])
        #expect(headers[1].templates == ["tpl", "other"])
        #expect(headers[2].appends)
    }

    @Test func malformedLinesAreErrorsWithLocations() {
        let output = ConfigReader().read(text: "[c]\n  just text\n[broken\n", path: "x.conf")
        #expect(output.diagnostics.map(\.description) == [
            "x.conf:2:3: error: expected '[section]', 'name => value' or 'name = value'",
            "x.conf:3:1: error: section header has no closing ']'",
        ])
    }

    @Test func includesAreRelativeQuotedAndGlobbed() {
        let dir = temporaryDirectory()
        try? FileManager.default.createDirectory(atPath: dir + "/parts", withIntermediateDirectories: true)
        write("[main]\nexten => s,1,NoOp(main)\n#include \"parts/*.conf\"\n#include <tail.conf>\n", to: dir + "/extensions.conf")
        write("[a]\nexten => s,1,NoOp(a)\n", to: dir + "/parts/a.conf")
        write("[b]\nexten => s,1,NoOp(b)\n", to: dir + "/parts/b.conf")
        write("[tail]\nexten => s,1,NoOp(tail)\n", to: dir + "/tail.conf")
        let result = DialplanLoader().load(path: dir + "/extensions.conf")
        #expect(result.diagnostics.isEmpty)
        #expect(result.dialplan.contextOrder == ["main", "a", "b", "tail"])
        #expect(result.dialplan.sources.count == 4)
        #expect(result.dialplan[context: "b"]?.extensions.first?.location.file == dir + "/parts/b.conf")
    }

    @Test func includeCyclesAndMissingFilesAreErrors() {
        let dir = temporaryDirectory()
        write("[a]\nexten => s,1,NoOp()\n#include two.conf\n", to: dir + "/one.conf")
        write("[b]\nexten => s,1,NoOp()\n#include one.conf\n#include missing.conf\n#tryinclude optional.conf\n", to: dir + "/two.conf")
        let result = DialplanLoader(linter: nil).load(path: dir + "/one.conf")
        #expect(result.diagnostics.map(\.description) == [
            "\(dir)/two.conf:3:1: error: #include cycle: one.conf → two.conf → one.conf",
            "\(dir)/two.conf:4:1: error: included file 'missing.conf' does not exist",
        ])
        #expect(result.dialplan.contextOrder == ["a", "b"])
    }

    @Test func unreadableMainFile() {
        let result = DialplanLoader().load(path: "/nonexistent/extensions.conf")
        #expect(result.diagnostics.map(\.description) == ["/nonexistent/extensions.conf: error: cannot read file '/nonexistent/extensions.conf'"])
        #expect(result.hasErrors)
    }

    @Test func execIsReportedNotRun() {
        let output = ConfigReader().read(text: "[c]\n#exec /bin/echo hi\n", path: "x.conf")
        #expect(output.diagnostics.map(\.code) == [.execInclude])
    }
}
