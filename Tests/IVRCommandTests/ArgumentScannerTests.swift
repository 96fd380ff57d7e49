import Testing
@testable import IVRCommand

@Suite struct ArgumentScannerTests {
    @Test func optionsValuesFlagsAndPositionals() throws {
        let scanned = try ArgumentScanner(["--set", "A=1", "--set=B=2", "-q", "file", "--", "--literal"],
                                          spec: ["--set": .value, "-q": .flag])
        #expect(scanned.values("--set") == ["A=1", "B=2"])
        #expect(scanned.has("-q"))
        #expect(scanned.positionals == ["file", "--literal"])
    }

    @Test func problems() {
        #expect(throws: ArgumentScanner.UsageError.self) { try ArgumentScanner(["--nope"], spec: [:]) }
        #expect(throws: ArgumentScanner.UsageError.self) { try ArgumentScanner(["--set"], spec: ["--set": .value]) }
        #expect(throws: ArgumentScanner.UsageError.self) { try ArgumentScanner(["-q=1"], spec: ["-q": .flag]) }
    }
}
