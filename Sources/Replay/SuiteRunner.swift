import Dialplan
import Foundation
import Synchronization

/// The outcome of a run over many scenario files.
public struct SuiteReport: Sendable {
    /// Verdicts in file order, scenarios in the order they appear in each file.
    public var verdicts: [ScenarioVerdict]
    /// Files that could not be read or parsed.
    public var fileErrors: [ScenarioError]
    /// Dialplans the scenarios ran, by path (for coverage).
    public var dialplans: [String: Dialplan]
    /// Wall-clock seconds for the whole run.
    public var seconds: Double
    public var mode: ReplayMode

    public var passed: Int { verdicts.filter { $0.status == .passed }.count }
    public var failed: Int { verdicts.filter { $0.status == .failed }.count }
    public var errors: Int { verdicts.filter { $0.status == .error }.count + fileErrors.count }

    /// 0 every scenario passed, 1 some failed, 2 bad input (a file or dialplan that does not load).
    public var exitCode: Int32 {
        if errors > 0 { return 2 }
        return failed > 0 ? 1 : 0
    }

    /// The closing line: counts and time.
    public var summary: String {
        var parts = ["\(passed) passed"]
        if failed > 0 { parts.append("\(failed) failed") }
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        let total = verdicts.count
        return "\(total) \(total == 1 ? "scenario" : "scenarios") (\(mode)): " + parts.joined(separator: ", ")
            + String(format: " in %.2f s", seconds)
    }
}

/// Finds scenario files, parses them, and runs every scenario on a fixed pool of worker threads.
public enum SuiteRunner {
    /// File extensions read as scenario files when a folder is given.
    public static let extensions: Set<String> = ["scenario", "scenarios"]

    /// Scenario files under `paths` (folders searched recursively, sorted), or errors for paths that do not exist.
    public static func collect(paths: [String]) -> (files: [String], errors: [ScenarioError]) {
        var files: [String] = []
        var errors: [ScenarioError] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(ScenarioError(file: path, line: 0, column: 0, message: "no such file or folder"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            if let walker = manager.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    if extensions.contains((relative as NSString).pathExtension.lowercased()) {
                        found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                    }
                }
            }
            files += found.sorted()
        }
        return (files, errors)
    }

    /// Parses every file under `paths` and runs their scenarios.
    public static func run(paths: [String], mode: ReplayMode, environment: ReplayEnvironment,
                           parallelism: Int? = nil) -> SuiteReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let (files, pathErrors) = collect(paths: paths)
        var errors = pathErrors
        var scenarios: [Scenario] = []
        for file in files {
            do {
                scenarios += try ScenarioParser.parse(path: file).scenarios
            } catch {
                errors.append(error)
            }
        }
        var report = run(scenarios: scenarios, mode: mode, environment: environment, parallelism: parallelism)
        report.fileErrors = errors
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return report
    }

    /// Runs scenarios on `parallelism` worker threads (default: the active cores) pulling from a shared index;
    /// the verdicts come back in the scenarios' order.
    public static func run(scenarios: [Scenario], mode: ReplayMode, environment: ReplayEnvironment,
                           parallelism: Int? = nil) -> SuiteReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let verdicts = map(scenarios, parallelism: parallelism) { ScenarioRunner.run($0, mode: mode, environment: environment) }
        return SuiteReport(verdicts: verdicts, fileErrors: [], dialplans: environment.loadedDialplans,
                           seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, mode: mode)
    }

    /// `transform` over `items` on a fixed number of threads; results in input order.
    static func map<T: Sendable, R: Sendable>(_ items: [T], parallelism: Int?,
                                               _ transform: @escaping @Sendable (T) -> R) -> [R] {
        let workers = max(1, min(parallelism ?? ProcessInfo.processInfo.activeProcessorCount, items.count))
        if workers == 1 { return items.map(transform) }
        let next = Atomic<Int>(0)
        let results = Mutex<[R?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var local: [(Int, R)] = []
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < items.count else { break }
                local.append((index, transform(items[index])))
            }
            results.withLock { table in for (index, value) in local { table[index] = value } }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
