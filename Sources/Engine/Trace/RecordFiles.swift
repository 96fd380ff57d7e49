import Foundation

/// Writes a call's trace (JSON Lines) and appends its CDR to Master.csv; failures are reported, never fatal.
public enum RecordFiles {
    /// Why a record file could not be written: the path and the system's reason.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write '\(path)': \(reason)" }
    }

    /// Writes every event as one JSON object per line, replacing the file (its folder is created if needed).
    public static func writeTrace(_ events: [CallEvent], to path: String) throws(WriteError) {
        let text = events.map(TraceJSON.line).joined(separator: "\n") + "\n"
        createFolder(of: path)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw WriteError(path: path, reason: "the file could not be created")
        }
    }

    /// Appends one Master.csv row (creating the file and its folder if needed).
    public static func appendCDR(_ record: CallDetailRecord, to path: String, timeZone: TimeZone) throws(WriteError) {
        let line = record.csvLine(timeZone: timeZone) + "\n"
        createFolder(of: path)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw WriteError(path: path, reason: "the file could not be created")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw WriteError(path: path, reason: "the file could not be opened for writing")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(line.utf8))
        } catch {
            throw WriteError(path: path, reason: "\(error)")
        }
    }

    private static func createFolder(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }
}
