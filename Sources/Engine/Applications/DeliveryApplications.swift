import Dialplan

/// Putting the caller through to someone else: Dial (`apps/app_dial.c`), Transfer (`apps/app_transfer.c`) and
/// Queue (`apps/app_queue.c`, status and return value only). The channel decides how each delivery turns out.
enum DeliveryApplications {
    static let all: [Application] = [
        Application("Dial") { call, arguments in dial(arguments, call: call) },
        Application("Transfer") { call, arguments in transfer(arguments, call: call) },
        Application("Queue") { call, arguments in queue(arguments, call: call) },
    ]

    /// Dial statuses that mean nobody answered.
    static let unansweredDialStatuses: Set<String> = [
        "BUSY", "NOANSWER", "CANCEL", "CONGESTION", "CHANUNAVAIL", "DONTCALL", "TORTURE", "INVALIDARGS",
    ]

    /// `Dial(Tech/res[&Tech2/res2...][,timeout[^progress][,options[,URL]]])`.
    ///
    /// Sets DIALSTATUS, DIALEDTIME, ANSWEREDTIME, DIALEDPEERNAME, DIALEDPEERNUMBER. Unanswered: returns 0 (the
    /// dialplan checks DIALSTATUS). Answered: the call is bridged and ends with it (-1), unless `g` (go on when the
    /// callee hangs up) or `G(ctx^exten^prio)` (go there). No or malformed targets: INVALIDARGS and -1, as Asterisk.
    static func dial(_ arguments: String, call: Call) -> ApplicationResult {
        for name in ["DIALSTATUS", "DIALEDPEERNUMBER", "DIALEDPEERNAME", "ANSWEREDTIME", "DIALEDTIME"] {
            call.setVariable(name, to: "")
        }
        let parts = ApplicationArguments.split(arguments, count: 4)
        let targets = parts[0].split(separator: "&", omittingEmptySubsequences: false).map {
            String($0).trimmingBlanksForApplication()
        }
        guard !parts[0].trimmingBlanksForApplication().isEmpty else {
            call.warn("Dial requires an argument (technology/resource)")
            call.setVariable("DIALSTATUS", to: "INVALIDARGS")
            return .hangup
        }
        for target in targets {
            guard let slash = target.firstIndex(of: "/"), target[target.index(after: slash)...].isEmpty == false else {
                call.warn("Dial argument takes format (technology/resource): '\(target)'")
                call.setVariable("DIALSTATUS", to: "INVALIDARGS")
                return .hangup
            }
        }
        var timeout: Double?
        let timeoutText = String(parts[1].split(separator: "^", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if !timeoutText.trimmingBlanksForApplication().isEmpty {
            if let seconds = ApplicationArguments.leadingDouble(timeoutText), seconds > 0 {
                timeout = seconds
            } else {
                call.warn("Invalid timeout specified: '\(timeoutText)'. Setting timeout to infinite")
            }
        }
        let options = ApplicationArguments.options(parts[2])
        let outcome = call.channel.deliver(.dial(targets: targets, timeout: timeout, options: parts[2]))
        let status = outcome.status.isEmpty ? "NOANSWER" : outcome.status.uppercased()
        let destination = targets.joined(separator: "&")
        call.record(.delivery(kind: "dial", destination: destination, status: status))
        let answered = status == "ANSWER"
        if answered {
            // The first target stands for the one that answered (the channel does not say which).
            let peer = targets[0]
            let number = String(peer[peer.index(after: peer.firstIndex(of: "/")!)...])
            call.setVariable("DIALEDPEERNUMBER", to: number)
            call.setVariable("DIALEDPEERNAME", to: "\(peer)-00000001")
            BasicApplications.answer(call)
        }
        call.setVariable("DIALSTATUS", to: status)
        call.setVariable("DIALEDTIME", to: String(Int(outcome.waitedSeconds + outcome.answeredSeconds)))
        if answered { call.setVariable("ANSWEREDTIME", to: String(Int(outcome.answeredSeconds))) }
        if outcome.callerHungUp || call.channel.isHungUp { return .hangup }
        guard answered else { return .proceed }
        if let target = options["G"] {
            // G(context^exten^priority): the caller goes on there.
            let label = target.replacingOccurrences(of: "^", with: ",")
            return FlowApplications.goTo(label, call: call, reason: "Dial G")
        }
        return options["g"] != nil ? .proceed : .hangup
    }

    /// `Transfer([Tech/]dest)`: TRANSFERSTATUS SUCCESS / FAILURE / UNSUPPORTED and TRANSFERSTATUSPROTOCOL; always 0.
    /// A `Tech/` prefix must match the channel's technology (a scripted channel stands in for any technology).
    static func transfer(_ arguments: String, call: Call) -> ApplicationResult {
        let destination = ApplicationArguments.split(arguments, count: 1)[0].trimmingBlanksForApplication()
        guard !destination.isEmpty else {
            call.warn("Transfer requires an argument ([Tech/]destination)")
            call.setVariable("TRANSFERSTATUS", to: "FAILURE")
            return .proceed
        }
        if let slash = destination.firstIndex(of: "/"), slash != destination.startIndex {
            let tech = destination[..<slash].lowercased()
            let channelTech = call.channel.name.split(separator: "/", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            if channelTech != "scripted" && !channelTech.hasPrefix(tech) {
                call.record(.delivery(kind: "transfer", destination: destination, status: "FAILURE"))
                call.setVariable("TRANSFERSTATUS", to: "FAILURE")
                return .proceed
            }
        }
        let outcome = call.channel.deliver(.transfer(destination: destination))
        var status = outcome.status.uppercased()
        if !["SUCCESS", "FAILURE", "UNSUPPORTED"].contains(status) { status = "FAILURE" }
        call.record(.delivery(kind: "transfer", destination: destination, status: status))
        if status != "UNSUPPORTED" { call.setVariable("TRANSFERSTATUSPROTOCOL", to: "0") }
        call.setVariable("TRANSFERSTATUS", to: status)
        return call.channel.isHungUp ? .hangup : .proceed
    }

    /// `Queue(name[,options[,URL[,announceoverride[,timeout[,AGI[,gosub[,rule[,position]]]]]]]])`.
    /// Not answered: QUEUESTATUS (TIMEOUT, FULL, JOINEMPTY, LEAVEEMPTY, JOINUNAVAIL, LEAVEUNAVAIL, CONTINUE,
    /// WITHDRAW) and 0. Answered: the call ends with the bridge (-1) unless `c`.
    static func queue(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 5)
        let name = parts[0].trimmingBlanksForApplication()
        guard !name.isEmpty else {
            call.warn("Queue requires an argument: queuename[,options[,URL[,announceoverride[,timeout[,agi[,gosub[,rule[,position]]]]]]]]")
            return .hangup
        }
        var timeout: Double?
        if let seconds = Condition.leadingInteger(parts[4]), seconds > 0 { timeout = Double(seconds) }
        let options = ApplicationArguments.options(parts[1])
        let outcome = call.channel.deliver(.queue(name: name, timeout: timeout, options: parts[1]))
        let status = outcome.status.uppercased()
        let answered = status.isEmpty || status == "ANSWER"
        call.record(.delivery(kind: "queue", destination: name, status: answered ? "ANSWER" : status))
        if answered {
            BasicApplications.answer(call)
        } else {
            call.setVariable("QUEUESTATUS", to: status)
        }
        if outcome.callerHungUp || call.channel.isHungUp { return .hangup }
        if answered && options["c"] == nil { return .hangup }
        return .proceed
    }
}
