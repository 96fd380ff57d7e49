import Foundation
import Testing
@testable import Dialplan

/// `ivr check` over the public dialplan corpus in `../shared/corpus/dialplans/` (see its SOURCES.md).
///
/// Every error the checker reports there was looked at and is listed, with the reason it is true, in
/// `expected-errors.txt` beside this file; the test fails if an error appears or disappears.
@Suite struct CorpusTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().path + "/shared/corpus/dialplans"
    }()

    static var corpusIsPresent: Bool { FileManager.default.fileExists(atPath: root + "/SOURCES.md") }

    static func files() -> [String] {
        let all = (FileManager.default.enumerator(atPath: root)?.allObjects as? [String]) ?? []
        return all.filter { $0.contains("/") && !$0.hasSuffix(".md") }.sorted()
    }

    /// `relative/path:line:col: code` for every error in the corpus.
    static func errors() -> [String] {
        var lines: [String] = []
        for file in files() {
            let result = DialplanLoader().load(path: root + "/" + file)
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                let location = diagnostic.location
                let relative = location.file.hasPrefix(root + "/") ? String(location.file.dropFirst(root.count + 1)) : location.file
                lines.append("\(relative):\(location.line):\(location.column): \(diagnostic.code.rawValue)")
            }
        }
        return lines
    }

    static func expected() -> [String] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/expected-errors.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            // "path:line:col: code # the message, which says why it is true"
            String(line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
                .trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    @Test(.enabled(if: corpusIsPresent, "the corpus lives in ../shared beside the repository"))
    func everyFileLoadsWithoutCrashing() {
        let files = Self.files()
        #expect(files.count > 90)
        for file in files {
            let result = DialplanLoader().load(path: Self.root + "/" + file)
            // Every file was read, and every finding points into a file that was read.
            #expect(result.dialplan.sources.first?.path == Self.root + "/" + file)
            let read = Set(result.dialplan.sources.map(\.path))
            #expect(result.diagnostics.allSatisfy { read.contains($0.location.file) }, "\(file)")
        }
    }

    @Test(.enabled(if: corpusIsPresent, "the corpus lives in ../shared beside the repository"))
    func errorsAreExactlyTheReviewedOnes() {
        let actual = Self.errors()
        let expected = Self.expected()
        let unexpected = Set(actual).subtracting(expected).sorted()
        let vanished = Set(expected).subtracting(actual).sorted()
        #expect(unexpected.isEmpty, "errors nobody reviewed: \(unexpected)")
        #expect(vanished.isEmpty, "reviewed errors no longer reported: \(vanished)")
    }

    @Test(.enabled(if: corpusIsPresent, "the corpus lives in ../shared beside the repository"))
    func phreaknetLoadsFromItsTopFileWithSubdirectoryIncludes() {
        // The corpus flattens dialplan/x.conf to dialplan__x.conf, so the includes are reported missing
        // at the #include lines, and the file still yields its own contexts.
        let result = DialplanLoader().load(path: Self.root + "/InterLinked1__phreaknet-boilerplate/extensions.conf")
        #expect(result.diagnostics.filter { $0.code == .includeMissing }.map(\.location.line) == [13, 14, 15, 16])
    }
}
