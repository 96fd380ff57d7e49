import Foundation
import Testing
@testable import Replay

/// Paths into the real repository (the test sources may be reached through a symlinked staging tree).
enum Repo {
    static let root: String = {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()
    static let scenarios = root + "/Scenarios"
    static let prompts = root + "/Prompts"
    static let dialplans = root + "/Dialplans"

    /// A fresh temporary folder.
    static func temporaryFolder(_ tag: String) -> String {
        let path = NSTemporaryDirectory() + "ivr-replay-\(tag)-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `ivr test` with the arguments; returns status, standard output and standard error.
    static func command(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
        var out = ""
        var err = ""
        let status = ReplayCommand.run(arguments: arguments, out: { out += $0 }, err: { err += $0 })
        return (status, out, err)
    }
}
