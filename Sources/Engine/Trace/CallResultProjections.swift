/// Views of a call's events that tests, reports and replays ask for again and again.
extension CallResult {
    /// Prompts that started playing, in order.
    public var prompts: [String] {
        events.compactMap { if case .promptStart(let name) = $0.kind { return name } else { return nil } }
    }

    /// `exten,priority:App` for every executed priority, in order.
    public var path: [String] {
        events.compactMap { event in
            if case .exec(let location, let app, _, _, _) = event.kind { return "\(location.exten),\(location.priority):\(app)" }
            return nil
        }
    }

    /// Arguments of executed priorities, in order (secrets masked).
    public var arguments: [String] {
        events.compactMap { if case .exec(_, _, let args, _, _) = $0.kind { return args } else { return nil } }
    }

    /// Seconds from the start of the call to its last event.
    public var duration: Double { events.last?.time ?? 0 }

    /// Every Verbose message, in order.
    public var verbose: [String] {
        events.compactMap { if case .verbose(_, let message) = $0.kind { return message } else { return nil } }
    }

    /// Every run-time warning, in order.
    public var warnings: [String] {
        events.compactMap { if case .warning(let message) = $0.kind { return message } else { return nil } }
    }
}
