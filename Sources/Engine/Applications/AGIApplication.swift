import Dialplan

/// `AGI(command[,arg1[,...]])`: runs an AGI program or a FastAGI session (`agi://host[:port]/script`) and sets
/// AGISTATUS; a hangup during AGI ends the call, anything else goes on (also where the script said).
enum AGIApplication {
    static let all: [Application] = [
        Application("AGI") { call, arguments in
            let parts = ArgumentSplitter.split(arguments)
            guard let command = parts.first, !command.isEmpty else {
                call.warn("AGI requires an argument (script)")
                call.setVariable("AGISTATUS", to: "FAILURE")
                return .proceed
            }
            let host = CallAGIHost(call: call, script: command)
            let status = AGIRunner.run(command, arguments: Array(parts.dropFirst()), host: host,
                                       options: call.configuration.agiOptions)
            call.setVariable("AGISTATUS", to: status.rawValue)
            if host.locationChanged { call.pendingAGILocation = host.resumeAt }
            return status == .hangup || call.channel.isHungUp ? .hangup : .proceed
        },
    ]
}
