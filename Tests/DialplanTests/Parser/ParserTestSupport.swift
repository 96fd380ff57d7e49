import Foundation
@testable import Dialplan

/// Loads dialplan text as the file `test.conf` (no lint unless asked).
func load(_ text: String, lint: Bool = false) -> DialplanLoader.Result {
    DialplanLoader(linter: lint ? Linter() : nil).load(text: text, path: "test.conf")
}

/// `file:line:col: severity: message` lines of a load, without excerpts.
func findings(_ text: String, lint: Bool = false) -> [String] {
    load(text, lint: lint).diagnostics.map(\.description)
}

/// A fresh temporary directory for file-based tests.
func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "ivr-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
}
