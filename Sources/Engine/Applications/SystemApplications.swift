import Dialplan

/// `System(command)` and `TrySystem(command)` (`apps/app_system.c`): run a shell command, only when the engine
/// allows shell commands. SYSTEMSTATUS SUCCESS (exit 0), APPERROR (other exit), FAILURE (empty, disabled,
/// could not run, or exit 127 = not found). System returns -1 on FAILURE; TrySystem never fails.
enum SystemApplications {
    static let all: [Application] = [
        Application("System") { call, arguments in run(arguments, call: call, failure: .hangup) },
        Application("TrySystem") { call, arguments in run(arguments, call: call, failure: .proceed) },
    ]

    static func run(_ command: String, call: Call, failure: ApplicationResult) -> ApplicationResult {
        guard !command.isEmpty else {
            call.warn("System requires an argument(command)")
            call.setVariable("SYSTEMSTATUS", to: "FAILURE")
            return failure
        }
        guard call.configuration.allowShell else {
            call.warn("System: shell commands are disabled (enable them with --allow-shell); not running '\(command)'")
            call.setVariable("SYSTEMSTATUS", to: "FAILURE")
            return failure
        }
        guard let output = ShellRunner.run(command, timeout: call.configuration.curlTimeout), output.status != 127 else {
            call.warn("Unable to execute '\(command)'")
            call.setVariable("SYSTEMSTATUS", to: "FAILURE")
            return failure
        }
        call.setVariable("SYSTEMSTATUS", to: output.status == 0 ? "SUCCESS" : "APPERROR")
        return .proceed
    }
}
