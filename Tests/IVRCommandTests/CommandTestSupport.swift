import Foundation
import Synchronization
@testable import IVRCommand

/// The outcome of running `ivr` in-process: exit status and what it printed.
struct CommandRun {
    var status: Int32
    var out: String
    var err: String
}

/// Collects printed text from a command, safely across the closures' isolation.
final class Capture: Sendable {
    private let text = Mutex("")
    func append(_ s: String) { text.withLock { $0 += s } }
    var value: String { text.withLock { $0 } }
}

func ivr(_ arguments: String...) -> CommandRun { ivr(arguments) }

func ivr(_ arguments: [String]) -> CommandRun {
    let out = Capture()
    let err = Capture()
    let status = IVRCommand.run(arguments, io: CommandIO(out: { out.append($0) }, err: { err.append($0) }))
    return CommandRun(status: status, out: out.value, err: err.value)
}

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func temporaryFile(_ text: String, name: String = "extensions.conf") -> String {
    let dir = NSTemporaryDirectory() + "ivr-cli-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let path = dir + "/" + name
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
}
