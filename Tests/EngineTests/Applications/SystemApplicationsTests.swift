import Dialplan
import Foundation
import Testing
@testable import Engine

/// System and TrySystem (`apps/app_system.c`): off unless allowed; SYSTEMSTATUS; return values.
@Suite struct SystemApplicationsTests {
    static func dialplan(_ line: String) -> String {
        """
        [default]
        exten => s,1,\(line)
         same => n,NoOp(${SYSTEMSTATUS})
        """
    }

    @Test func disabledByDefault() throws {
        let marker = NSTemporaryDirectory() + "ivr-system-\(UUID().uuidString)"
        let system = runCall(Self.dialplan("System(touch \(marker))"))
        #expect(system.variables["SYSTEMSTATUS"] == "FAILURE")
        #expect(system.path == ["s,1:System"])
        #expect(system.warnings.contains { $0.contains("disabled") })
        let trySystem = runCall(Self.dialplan("TrySystem(touch \(marker))"))
        #expect(trySystem.variables["SYSTEMSTATUS"] == "FAILURE")
        #expect(trySystem.path == ["s,1:TrySystem", "s,2:NoOp"])
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func runsWhenAllowed() throws {
        let (configuration, spool) = spoolConfiguration(allowShell: true)
        let marker = spool + "-marker"
        defer { try? FileManager.default.removeItem(atPath: marker) }
        let result = runCall(Self.dialplan("System(touch \(marker))"), configuration: configuration)
        #expect(result.variables["SYSTEMSTATUS"] == "SUCCESS")
        #expect(result.path.count == 2)
        #expect(FileManager.default.fileExists(atPath: marker))
    }

    @Test func exitCodes() {
        let (configuration, _) = spoolConfiguration(allowShell: true)
        let failing = runCall(Self.dialplan("System(exit 3)"), configuration: configuration)
        #expect(failing.variables["SYSTEMSTATUS"] == "APPERROR")
        #expect(failing.path.count == 2)
        let missing = runCall(Self.dialplan("System(ivr-no-such-command-xyz)"), configuration: configuration)
        #expect(missing.variables["SYSTEMSTATUS"] == "FAILURE")
        #expect(missing.path == ["s,1:System"])
        let tried = runCall(Self.dialplan("TrySystem(ivr-no-such-command-xyz)"), configuration: configuration)
        #expect(tried.variables["SYSTEMSTATUS"] == "FAILURE")
        #expect(tried.path.count == 2)
    }

    @Test func emptyCommand() {
        let (configuration, _) = spoolConfiguration(allowShell: true)
        let result = runCall(Self.dialplan("TrySystem()"), configuration: configuration)
        #expect(result.variables["SYSTEMSTATUS"] == "FAILURE")
        #expect(result.warnings.contains { $0.contains("requires an argument") })
    }
}
