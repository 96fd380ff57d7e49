import Dialplan
import Engine
import Foundation

/// Which parts of the dialplans a suite's calls reached: per context, the priorities that ran, the menu options
/// taken, and whether each `i`, `t` and `h` handler was reached. Readable as a summary, or as lcov mapped to
/// dialplan file lines so standard coverage viewers (genhtml) show the dialplan itself.
public struct CoverageReport: Sendable {
    public struct PriorityCoverage: Sendable {
        public var exten: String
        public var number: Int
        public var label: String?
        public var application: String
        public var data: String
        public var file: String
        public var line: Int
        /// Times it ran across all calls.
        public var hits: Int
    }

    public struct ExtensionCoverage: Sendable {
        public var name: String
        public var line: Int
        public var file: String
        public var priorities: [PriorityCoverage]
        /// Times the call entered the extension (its first priority ran).
        public var entries: Int { priorities.first?.hits ?? 0 }
    }

    public struct ContextCoverage: Sendable {
        public var name: String
        public var file: String
        public var line: Int
        public var extensions: [ExtensionCoverage]

        public var priorityCount: Int { extensions.reduce(0) { $0 + $1.priorities.count } }
        public var prioritiesRun: Int { extensions.reduce(0) { $0 + $1.priorities.filter { $0.hits > 0 }.count } }
        /// Extensions a caller chooses by pressing keys: key names (`1`, `*`, `#`) and patterns (`_[4-8]XXX`).
        public var options: [ExtensionCoverage] {
            extensions.filter { ext in
                !Self.special.contains(ext.name)
                    && (ext.name.hasPrefix("_") || ext.name.allSatisfy { "0123456789*#ABCDabcd".contains($0) })
            }
        }
        /// The `i`, `t` and `h` handlers the context defines, with whether a call reached each.
        public var handlers: [(name: String, reached: Bool)] {
            ["i", "t", "h"].compactMap { name in
                extensions.first { $0.name == name }.map { (name, $0.entries > 0) }
            }
        }

        static let special: Set<String> = ["s", "i", "t", "h", "e", "o", "a", "T", "fax", "talk"]
    }

    public struct FileCoverage: Sendable {
        public var path: String
        public var contexts: [ContextCoverage]
    }

    public var files: [FileCoverage]
    /// Calls the figures come from.
    public var calls: Int

    /// Coverage of every dialplan the suite ran, from each scenario's final call.
    public init(report: SuiteReport) {
        self.init(dialplans: report.dialplans, events: report.verdicts.map(\.events))
    }

    public init(dialplans: [String: Dialplan], events calls: [[CallEvent]]) {
        var hits: [String: [Int: Int]] = [:]
        for events in calls {
            for event in events {
                if case .exec(_, _, _, let file, let line) = event.kind { hits[file, default: [:]][line, default: 0] += 1 }
            }
        }
        self.calls = calls.count
        var files: [FileCoverage] = []
        for path in dialplans.keys.sorted() {
            guard let dialplan = dialplans[path] else { continue }
            var byFile: [String: [ContextCoverage]] = [:]
            var fileOrder: [String] = []
            for context in dialplan.orderedContexts {
                var extensions: [ExtensionCoverage] = []
                for ext in context.extensions {
                    let priorities = ext.priorities.map { priority in
                        PriorityCoverage(exten: ext.displayName, number: priority.number, label: priority.label,
                                         application: priority.application, data: priority.data,
                                         file: priority.location.file, line: priority.location.line,
                                         hits: hits[priority.location.file]?[priority.location.line] ?? 0)
                    }
                    guard !priorities.isEmpty else { continue }
                    extensions.append(ExtensionCoverage(name: ext.displayName, line: ext.location.line,
                                                        file: ext.location.file, priorities: priorities))
                }
                guard !extensions.isEmpty else { continue }
                let file = context.location.file
                if byFile[file] == nil { fileOrder.append(file) }
                byFile[file, default: []].append(ContextCoverage(name: context.name, file: file, line: context.location.line,
                                                                 extensions: extensions))
            }
            for file in fileOrder where !files.contains(where: { $0.path == file }) {
                files.append(FileCoverage(path: file, contexts: byFile[file] ?? []))
            }
        }
        self.files = files
    }

    /// The readable report.
    public var summary: String {
        var lines = ["Dialplan coverage (\(calls) \(calls == 1 ? "call" : "calls"))"]
        var total = 0
        var run = 0
        for file in files {
            lines.append(file.path)
            let width = (file.contexts.map(\.name.count).max() ?? 0) + 2
            for context in file.contexts {
                total += context.priorityCount
                run += context.prioritiesRun
                let name = "[\(context.name)]".padding(toLength: width, withPad: " ", startingAt: 0)
                var line = "  \(name)  \(context.prioritiesRun)/\(context.priorityCount) priorities"
                let options = context.options
                if !options.isEmpty {
                    let taken = options.filter { $0.entries > 0 }.map(\.name)
                    let missed = options.filter { $0.entries == 0 }.map(\.name)
                    line += "; options taken: " + (taken.isEmpty ? "none" : taken.joined(separator: " "))
                    if !missed.isEmpty { line += ", not taken: " + missed.joined(separator: " ") }
                }
                let handlers = context.handlers
                if !handlers.isEmpty {
                    line += "; " + handlers.map { "\($0.name) \($0.reached ? "reached" : "NOT reached")" }.joined(separator: ", ")
                }
                lines.append(line)
                for ext in context.extensions {
                    for priority in ext.priorities where priority.hits == 0 {
                        lines.append("      not run: line \(priority.line)  \(ext.name),\(priority.number)  \(priority.application)(\(priority.data))")
                    }
                }
            }
        }
        let percent = total == 0 ? 100 : Double(run) * 100 / Double(total)
        lines.append(String(format: "total: %d/%d priorities (%.1f%%)", run, total, percent))
        return lines.joined(separator: "\n") + "\n"
    }

    /// lcov tracefile text: a record per dialplan file with lines (DA), extensions as functions (FN/FNDA) and menu
    /// options as branches (BRDA) on each context's header line.
    public func lcov(testName: String = "ivr_replay") -> String {
        var out = ""
        for file in files {
            out += "TN:\(testName)\n"
            out += "SF:\(Self.absolute(file.path))\n"
            var functions = 0
            var functionsHit = 0
            for context in file.contexts {
                for ext in context.extensions {
                    let name = "\(ext.name)@\(context.name)"
                    out += "FN:\(ext.priorities.first?.line ?? ext.line),\(name)\n"
                    out += "FNDA:\(ext.entries),\(name)\n"
                    functions += 1
                    if ext.entries > 0 { functionsHit += 1 }
                }
            }
            out += "FNF:\(functions)\nFNH:\(functionsHit)\n"
            var branches = 0
            var branchesHit = 0
            for context in file.contexts {
                let options = context.options + context.extensions.filter { ["i", "t"].contains($0.name) }
                guard options.count > 1 else { continue }
                for (index, option) in options.enumerated() {
                    out += "BRDA:\(context.line),0,\(index),\(option.entries > 0 ? String(option.entries) : "-")\n"
                    branches += 1
                    if option.entries > 0 { branchesHit += 1 }
                }
            }
            out += "BRF:\(branches)\nBRH:\(branchesHit)\n"
            var lines: [Int: Int] = [:]
            for context in file.contexts {
                for ext in context.extensions {
                    for priority in ext.priorities where priority.file == file.path {
                        lines[priority.line, default: 0] += priority.hits
                    }
                }
            }
            for line in lines.keys.sorted() { out += "DA:\(line),\(lines[line] ?? 0)\n" }
            out += "LF:\(lines.count)\nLH:\(lines.values.filter { $0 > 0 }.count)\n"
            out += "end_of_record\n"
        }
        return out
    }

    static func absolute(_ path: String) -> String {
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}
