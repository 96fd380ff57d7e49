import Dialplan
import Foundation

/// Recording the caller: Record (`apps/app_record.c`) and the leave-a-message path of VoiceMail
/// (`apps/app_voicemail.c`). The channel does the recording; these applications pick the file, create its
/// directory and file (as `ast_writefile` does before recording) and write VoiceMail's `msgNNNN.txt`.
enum RecordApplications {
    static let all: [Application] = [
        Application("Record") { call, arguments in record(arguments, call: call) },
        Application("VoiceMail") { call, arguments in voiceMail(arguments, call: call) },
    ]

    // MARK: - Record

    /// `Record(file.fmt[,silence[,maxduration[,options]]])`; options a n o q s t u x y k.
    static func record(_ arguments: String, call: Call) -> ApplicationResult {
        guard !arguments.isEmpty else {
            call.warn("Record requires an argument (filename)")
            call.setVariable("RECORD_STATUS", to: "ERROR")
            return .hangup
        }
        let parts = ApplicationArguments.split(arguments, count: 4)
        let options = ApplicationArguments.options(parts[3])
        var name = parts[0]
        var format: String?
        if let dot = name.lastIndex(of: ".") ?? name.firstIndex(of: ":") {
            format = String(name[name.index(after: dot)...])
            name = String(name[..<dot])
        }
        guard let format else {
            call.warn("No extension specified to filename!")
            call.setVariable("RECORD_STATUS", to: "ERROR")
            return .hangup
        }
        var silence: Double?
        if !parts[1].isEmpty {
            if let seconds = Condition.leadingInteger(parts[1]), seconds > -1 {
                if seconds > 0 { silence = Double(seconds) }
            } else {
                call.warn("'\(parts[1])' is not a valid silence duration")
            }
        }
        var maxDuration: Double?
        if !parts[2].isEmpty {
            if let seconds = Condition.leadingInteger(parts[2]), seconds > -1 {
                if seconds > 0 { maxDuration = Double(seconds) }
            } else {
                call.warn("'\(parts[2])' is not a valid maximum duration")
            }
        }
        var base = resolve(name, call: call)
        if name.contains("%d") {
            var count = 0
            repeat {
                base = resolve(substituteCount(name, count), call: call)
                count += 1
            } while FileManager.default.fileExists(atPath: "\(base).\(format)")
        }
        call.setVariable("RECORDED_FILE", to: base)
        if !call.channel.isAnswered {
            if options["s"] != nil {
                call.setVariable("RECORD_STATUS", to: "SKIP")
                return .proceed
            }
            if options["n"] == nil { BasicApplications.answer(call) }
        }
        if options["q"] == nil {
            if case .notFound = Prompts.play("beep", call: call, interrupt: .none) {
                call.warn("ast_streamfile failed on \(call.channel.name)")
            }
            if call.channel.isHungUp {
                call.setVariable("RECORD_STATUS", to: "HANGUP")
                return .hangup
            }
        }
        let path = "\(base).\(format)"
        guard createFile(path, append: options["a"] != nil) else {
            call.warn("Could not create file \(path)")
            call.setVariable("RECORD_STATUS", to: "ERROR")
            return .proceed
        }
        var terminators = DigitSet(options["t"] != nil ? "*" : "#")
        if options["x"] != nil { terminators = .none }
        if options["y"] != nil { terminators = .any }
        if options["o"] != nil { terminators = DigitSet(terminators.description + "0") }
        let outcome = call.channel.record(to: path, maxDuration: maxDuration, silence: silence, terminators: terminators)
        var status: String
        var result = ApplicationResult.proceed
        switch outcome {
        case .terminated(let digit):
            call.record(.digit(digit))
            status = digit == "0" && options["o"] != nil ? "OPERATOR" : "DTMF"
        case .silence: status = "SILENCE"
        case .maxDuration: status = "TIMEOUT"
        case .hangup:
            status = "HANGUP"
            result = .hangup
            if options["k"] == nil { try? FileManager.default.removeItem(atPath: path) }
        case .failed(let reason):
            call.warn("Record failed: \(reason)")
            status = "ERROR"
        }
        call.record(.recording(path: path, outcome: status))
        call.setVariable("RECORD_STATUS", to: status)
        return result
    }

    /// `%d` replaced by the count (other `%x` kept as they are).
    static func substituteCount(_ name: String, _ count: Int) -> String {
        name.replacingOccurrences(of: "%d", with: String(count))
    }

    /// A relative name lives under the spool directory.
    static func resolve(_ name: String, call: Call) -> String {
        if name.hasPrefix("/") { return name }
        var spool = call.configuration.spoolDirectory
        while spool.hasSuffix("/") && spool.count > 1 { spool.removeLast() }
        return "\(spool)/\(name)"
    }

    /// Creates the directories and the file (truncated unless appending), as `ast_writefile` does.
    static func createFile(_ path: String, append: Bool) -> Bool {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return false
        }
        if append && manager.fileExists(atPath: path) { return true }
        return manager.createFile(atPath: path, contents: Data())
    }

    // MARK: - VoiceMail

    /// Settings Asterisk takes from voicemail.conf; these are the sample file's values.
    enum MailboxDefaults {
        static let format = "wav"
        static let maxMessages = 100
        static let maxSeconds = 180.0
        static let maxSilence = 10.0
        static let minSeconds = 0
    }

    /// `VoiceMail(box[@ctx][&box2[@ctx2]...][,options])`, leaving a message.
    ///
    /// Plays the greeting (`u`/`b`: the mailbox's `unavail`/`busy` recording or `vm-theperson` + digits +
    /// `vm-isunavail`/`vm-isonphone`; a `temp` greeting wins), `vm-intro` (unless `s` or `#`), `beep`, then
    /// records into `INBOX/msgNNNN.wav` with `msgNNNN.txt`. `0` goes to `o`, `*` to `a` (when they exist).
    /// VMSTATUS SUCCESS / USEREXIT / FAILED.
    static func voiceMail(_ arguments: String, call: Call) -> ApplicationResult {
        let parts = ApplicationArguments.split(arguments, count: 2)
        let boxes = parts[0].split(separator: "&").map { String($0).trimmingBlanksForApplication() }.filter { !$0.isEmpty }
        guard let first = boxes.first else {
            call.warn("VoiceMail requires an argument: mailbox[@context][&mailbox[@context]][...][,options]")
            call.setVariable("VMSTATUS", to: "FAILED")
            return .hangup
        }
        let options = ApplicationArguments.options(parts[1])
        let (box, context) = mailbox(first)
        guard !box.isEmpty, !box.contains("/"), !context.contains("/"), box != "..", context != ".." else {
            call.warn("No entry in voicemail config file for '\(first)'")
            call.setVariable("VMSTATUS", to: "FAILED")
            return .proceed
        }
        let mailboxDirectory = resolve("voicemail/\(context)/\(box)", call: call)
        let inbox = "\(mailboxDirectory)/INBOX"
        do {
            try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        } catch {
            call.warn("Failed to make directory (\(inbox))")
            call.setVariable("VMSTATUS", to: "FAILED")
            return .hangup
        }
        if !call.channel.isAnswered {
            if options["e"] != nil { call.channel.indicate(.progress) } else { BasicApplications.answer(call) }
        }
        let here = call.location
        let operatorExit = call.exists("o", in: here.context)
        let attendantExit = call.exists("a", in: here.context)
        var escapes = "#"
        if operatorExit { escapes += "0" }
        if attendantExit { escapes += "*" }
        if options["d"] != nil {
            // d([c]): a digit that can start an extension of this context leaves VoiceMail.
            for digit in "0123456789ABCD*#" where !escapes.contains(digit) {
                let exten = String(digit)
                if call.exists(exten, in: here.context) || call.matchMore(exten, in: here.context) { escapes.append(digit) }
            }
        }
        let escapeSet = DigitSet(escapes)

        // Greetings.
        var silent = options["s"] != nil
        var pressed: Character?
        var greeting: String?
        if options["b"] != nil { greeting = "\(mailboxDirectory)/busy" }
        else if options["u"] != nil { greeting = "\(mailboxDirectory)/unavail" }
        if hasRecording("\(mailboxDirectory)/temp") { greeting = "\(mailboxDirectory)/temp" }
        var hungUp = false
        if let greeting {
            var list: [String]
            if hasRecording(greeting) {
                list = [greeting]
            } else {
                // invent_message: the recorded name, or "the person at extension <digits>", then unavailable/busy.
                list = hasRecording("\(mailboxDirectory)/greet") ? ["\(mailboxDirectory)/greet"]
                    : ["vm-theperson"] + SayPrompts.digits(box)
                list.append(options["b"] != nil ? "vm-isonphone" : "vm-isunavail")
            }
            (pressed, hungUp) = playGreeting(list, interrupt: escapeSet, call: call)
            if hungUp {
                call.setVariable("VMSTATUS", to: "FAILED")
                return .hangup
            }
        }
        if pressed == "#" { silent = true; pressed = nil }
        if pressed == nil && !silent {
            (pressed, hungUp) = playGreeting(["vm-intro"], interrupt: escapeSet, call: call)
            if pressed == "#" { pressed = nil }
        }
        if pressed == "*" && attendantExit {
            call.setVariable("VMSTATUS", to: "USEREXIT")
            call.jump(to: CallLocation(context: here.context, exten: "a", priority: 1), reason: "VoiceMail *")
            return .proceed
        }
        if pressed == "0" && operatorExit { return operatorTransfer(call: call, context: here.context) }
        if let digit = pressed, options["d"] != nil {
            if let exit = options["d"], !exit.isEmpty {
                call.location = CallLocation(context: exit, exten: here.exten, priority: here.priority)
            }
            call.setVariable("VMSTATUS", to: "USEREXIT")
            return .digit(digit)
        }
        if hungUp || call.channel.isHungUp {
            call.setVariable("VMSTATUS", to: "FAILED")
            return .hangup
        }
        BasicApplications.answer(call)

        // The message.
        let existing = messageCount(in: inbox)
        guard existing < MailboxDefaults.maxMessages else {
            _ = Prompts.play("vm-mailboxfull", call: call, interrupt: .none)
            call.warn("No more messages possible")
            call.setVariable("VMSTATUS", to: "FAILED")
            return call.channel.isHungUp ? .hangup : .proceed
        }
        _ = Prompts.play("beep", call: call, interrupt: .none)
        let origin = call.now
        var text = messageHeader(box: box, call: call, origin: origin, sequence: existing)
        let number = firstFreeMessage(in: inbox)
        let base = "\(inbox)/msg\(fourDigits(number))"
        let audio = "\(base).\(MailboxDefaults.format)"
        guard createFile(audio, append: false) else {
            call.warn("Unable to create message file: \(audio)")
            call.setVariable("VMSTATUS", to: "FAILED")
            return .proceed
        }
        var outcome = RecordOutcome.hangup
        if !call.channel.isHungUp {
            outcome = call.channel.record(to: audio, maxDuration: MailboxDefaults.maxSeconds,
                                          silence: MailboxDefaults.maxSilence,
                                          terminators: DigitSet(operatorExit ? "#0" : "#"))
        }
        var seconds = call.now - origin
        if outcome == .silence { seconds -= MailboxDefaults.maxSilence }
        let duration = max(0, Int(seconds.rounded(.down)))
        let outcomeName: String
        switch outcome {
        case .terminated(let digit):
            call.record(.digit(digit))
            outcomeName = "DTMF"
        case .silence: outcomeName = "SILENCE"
        case .maxDuration: outcomeName = "TIMEOUT"
        case .hangup: outcomeName = "HANGUP"
        case .failed(let reason):
            call.warn("VoiceMail recording failed: \(reason)")
            outcomeName = "ERROR"
        }
        call.record(.recording(path: audio, outcome: outcomeName))
        let flag = options["U"] != nil ? "Urgent" : (options["P"] != nil ? "PRIORITY" : "")
        text += "flag=\(flag)\n"
        if case .failed = outcome {
            try? FileManager.default.removeItem(atPath: audio)
            call.setVariable("VMSTATUS", to: "FAILED")
            return call.channel.isHungUp ? .hangup : .proceed
        }
        if duration < MailboxDefaults.minSeconds {
            try? FileManager.default.removeItem(atPath: audio)
        } else {
            text += "duration=\(duration)\n"
            _ = FileManager.default.createFile(atPath: "\(base).txt", contents: Data(text.utf8))
            call.setVariable("VM_MESSAGEFILE", to: base)
            for other in boxes.dropFirst() {
                copyMessage(from: base, to: mailbox(other), call: call)
            }
        }
        if outcome == .terminated("0") { return operatorTransfer(call: call, context: here.context) }
        call.setVariable("VMSTATUS", to: duration < MailboxDefaults.minSeconds ? "FAILED" : "SUCCESS")
        return call.channel.isHungUp ? .hangup : .proceed
    }

    /// `box@context` (context `default`).
    static func mailbox(_ text: String) -> (box: String, context: String) {
        guard let at = text.firstIndex(of: "@") else { return (text, "default") }
        let context = String(text[text.index(after: at)...])
        return (String(text[..<at]), context.isEmpty ? "default" : context)
    }

    /// `0` during the greeting or the recording: `transfer`, then the `o` extension; VMSTATUS USEREXIT.
    private static func operatorTransfer(call: Call, context: String) -> ApplicationResult {
        _ = Prompts.play("transfer", call: call, interrupt: .none)
        call.setVariable("VMSTATUS", to: "USEREXIT")
        call.jump(to: CallLocation(context: context, exten: "o", priority: 1), reason: "VoiceMail 0")
        return call.channel.isHungUp ? .hangup : .proceed
    }

    /// Plays prompts interruptible by `interrupt`; a missing greeting prompt is passed over.
    private static func playGreeting(_ prompts: [String], interrupt: DigitSet, call: Call) -> (Character?, Bool) {
        for name in prompts {
            switch Prompts.play(name, call: call, interrupt: interrupt) {
            case .interrupted(let digit):
                call.record(.digit(digit))
                return (digit, false)
            case .hangup: return (nil, true)
            case .finished, .notFound: continue
            }
        }
        return (nil, call.channel.isHungUp)
    }

    /// A recording exists at `base` in some format.
    static func hasRecording(_ base: String) -> Bool {
        let directory = (base as NSString).deletingLastPathComponent
        let name = (base as NSString).lastPathComponent
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return false }
        return files.contains { $0.hasPrefix(name + ".") && !$0.hasSuffix(".txt") }
    }

    static func fourDigits(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    /// Messages in a folder (their `.txt` files).
    static func messageCount(in folder: String) -> Int {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasPrefix("msg") && $0.hasSuffix(".txt") }.count
    }

    /// `last_message_index + 1`: the first number with no message.
    static func firstFreeMessage(in folder: String) -> Int {
        var number = 0
        while FileManager.default.fileExists(atPath: "\(folder)/msg\(fourDigits(number)).txt") { number += 1 }
        return number
    }

    /// The `[message]` section up to `msg_id` (flag and duration follow after the recording).
    static func messageHeader(box: String, call: Call, origin: Double, sequence: Int) -> String {
        let name = call.callerID["name"] ?? ""
        let number = call.callerID["num"] ?? ""
        let callerID: String
        if !name.isEmpty && !number.isEmpty { callerID = "\"\(name)\" <\(number)>" }
        else if !name.isEmpty { callerID = name }
        else if !number.isEmpty { callerID = number }
        else { callerID = "Unknown" }
        let rdnis = call.callerID["rdnis"].flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        let epoch = Int(origin.rounded(.down))
        let hex = String(sequence, radix: 16)
        let messageID = "\(epoch)-" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        return """
        ;
        ; Message Information file
        ;
        [message]
        origmailbox=\(box)
        context=\(call.location.context)
        macrocontext=
        exten=\(call.location.exten)
        rdnis=\(call.secrets.apply(rdnis))
        priority=\(call.location.priority)
        callerchan=\(call.channel.name)
        callerid=\(call.secrets.apply(callerID))
        origdate=\(originDate(epoch))
        origtime=\(epoch)
        category=\(call.variable(named: "VM_CATEGORY") ?? "")
        msg_id=\(messageID)

        """
    }

    /// `get_date`: `%a %b %e %r UTC %Y` in UTC, e.g. `Mon Nov 23 10:00:05 AM UTC 2026`.
    static func originDate(_ epoch: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: Double(epoch)))
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let hour = parts.hour ?? 0
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let day = parts.day ?? 1
        let paddedDay = day < 10 ? " \(day)" : String(day)
        return "\(days[(parts.weekday ?? 1) - 1]) \(months[(parts.month ?? 1) - 1]) \(paddedDay) "
            + "\(two(twelve)):\(two(parts.minute ?? 0)):\(two(parts.second ?? 0)) \(hour < 12 ? "AM" : "PM") UTC \(parts.year ?? 1970)"
    }

    /// `copy_message`: the audio and its `.txt` into another mailbox's INBOX.
    private static func copyMessage(from base: String, to target: (box: String, context: String), call: Call) {
        guard !target.box.isEmpty, !target.box.contains("/"), !target.context.contains("/") else { return }
        let inbox = resolve("voicemail/\(target.context)/\(target.box)/INBOX", call: call)
        try? FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        guard messageCount(in: inbox) < MailboxDefaults.maxMessages else {
            call.warn("Mailbox \(target.box)@\(target.context) is full")
            return
        }
        let destination = "\(inbox)/msg\(fourDigits(firstFreeMessage(in: inbox)))"
        for suffix in [".\(MailboxDefaults.format)", ".txt"] {
            try? FileManager.default.copyItem(atPath: base + suffix, toPath: destination + suffix)
        }
    }
}
