import Foundation

/// Finding and running Graphviz's `dot`.
enum Graphviz {
    static func executable() -> String? {
        let environment = ProcessInfo.processInfo.environment
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = "\(directory)/dot"
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    static func run(_ executable: String, dot text: String) throws(CallFlowGraph.GraphError) -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ivr-graph-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .graphvizFailed(status: -1, message: "cannot create a temporary directory: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("graph.dot")
        let output = directory.appendingPathComponent("graph.svg")
        let errors = directory.appendingPathComponent("stderr.txt")
        do {
            try Data(text.utf8).write(to: input)
            try Data().write(to: errors)
        } catch {
            throw .graphvizFailed(status: -1, message: "cannot write a temporary file: \(error)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-Tsvg", input.path, "-o", output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle: FileHandle
        do {
            errorHandle = try FileHandle(forWritingTo: errors)
        } catch {
            throw .graphvizFailed(status: -1, message: "cannot open a temporary file: \(error)")
        }
        process.standardError = errorHandle
        do {
            try process.run()
        } catch {
            try? errorHandle.close()
            throw .graphvizFailed(status: -1, message: "cannot run \(executable): \(error)")
        }
        process.waitUntilExit()
        try? errorHandle.close()
        let message = (try? String(contentsOf: errors, encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard process.terminationStatus == 0 else {
            throw .graphvizFailed(status: process.terminationStatus, message: message)
        }
        guard let data = try? Data(contentsOf: output) else {
            throw .graphvizFailed(status: 0, message: "no SVG was written" + (message.isEmpty ? "" : ": \(message)"))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
