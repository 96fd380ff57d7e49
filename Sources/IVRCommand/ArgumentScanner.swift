/// Splits a command's arguments into options and positionals: `--name value`, `--name=value`, flags, `--`.
struct ArgumentScanner {
    /// What an option takes.
    enum Kind { case flag, value }

    /// Options seen, in order, with their values (flags have none).
    private(set) var options: [(name: String, value: String?)] = []
    private(set) var positionals: [String] = []

    /// A usage problem, shown with the command's usage line and exit status 2.
    struct UsageError: Error, Equatable {
        var message: String
    }

    /// `spec` maps each accepted option (with its dashes, e.g. `--set`, `-q`) to what it takes.
    init(_ arguments: [String], spec: [String: Kind]) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let kind = spec[name] else {
                throw UsageError(message: "unknown option '\(name)'")
            }
            switch kind {
            case .flag:
                if inlineValue != nil { throw UsageError(message: "option '\(name)' takes no value") }
                options.append((name, nil))
            case .value:
                if let inlineValue {
                    options.append((name, inlineValue))
                } else if index < arguments.count {
                    options.append((name, arguments[index]))
                    index += 1
                } else {
                    throw UsageError(message: "option '\(name)' needs a value")
                }
            }
        }
    }

    func has(_ name: String) -> Bool { options.contains { $0.name == name } }

    /// The last value given for an option.
    func value(_ name: String) -> String? { options.last { $0.name == name }?.value ?? nil }

    /// Every value given for a repeatable option, in order.
    func values(_ name: String) -> [String] { options.filter { $0.name == name }.compactMap(\.value) }
}
