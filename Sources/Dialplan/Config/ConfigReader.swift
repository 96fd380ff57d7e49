import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an Asterisk config file into sections and entries, following `#include` (`main/config.c`).
///
/// Handles a UTF-8 BOM, CRLF endings, comments, `#include`/`#tryinclude` with quotes, angle brackets and globs,
/// include cycles and unreadable files. `#exec` is never run: it is reported, since it executes a program.
public struct ConfigReader: Sendable {
    /// The result of reading: items in file order (includes expanded), the files read, and findings.
    public struct Output: Sendable {
        public var items: [ConfigItem] = []
        public var sources: [SourceFile] = []
        public var diagnostics: [Diagnostic] = []
    }

    /// Directory that relative `#include` paths are tried against first (Asterisk's config directory);
    /// defaults to the directory of the top-level file.
    public var configDirectory: String?
    /// Deepest include nesting accepted.
    public var maximumIncludeDepth = 32

    public init(configDirectory: String? = nil) {
        self.configDirectory = configDirectory
    }

    /// Reads the file at `path` and everything it includes.
    public func read(path: String) -> Output {
        var output = Output()
        var state = State(baseDirectory: configDirectory ?? Self.directory(of: path))
        guard let text = Self.load(path) else {
            output.diagnostics.append(.error(.unreadableFile, "cannot read file '\(path)'", at: .wholeFile(path)))
            return output
        }
        state.stack = [Self.canonical(path)]
        process(text: text, path: path, depth: 0, state: &state, into: &output)
        return output
    }

    /// Reads `text` as if it were the file `path` (includes resolve on disk relative to `path`).
    public func read(text: String, path: String) -> Output {
        var output = Output()
        var state = State(baseDirectory: configDirectory ?? Self.directory(of: path))
        state.stack = [Self.canonical(path)]
        process(text: text, path: path, depth: 0, state: &state, into: &output)
        return output
    }

    private struct State {
        var baseDirectory: String
        var stack: [String] = []
    }

    private func process(text: String, path: String, depth: Int, state: inout State, into output: inout Output) {
        output.sources.append(SourceFile(path: path, text: text))
        var stripper = CommentStripper()
        let bytes = Array(text.utf8)
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lineNumber = 0
        while start <= bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let location = SourceLocation(file: path, line: lineNumber, column: 1)
            let stripped = stripper.strip(bytes[start..<lineEnd], location: location)
            if let line = Self.trimmed(stripped, location: location) {
                handle(line, path: path, depth: depth, state: &state, into: &output)
            }
            if end >= bytes.count { break }
            start = end + 1
        }
        if stripper.depth > 0, let opened = stripper.openedAt {
            output.diagnostics.append(.error(.unterminatedBlockComment,
                                             "block comment ';--' is never closed with '--;'", at: opened))
        }
    }

    /// Trims blanks from a stripped line; nil when nothing is left.
    private static func trimmed(_ stripped: CommentStripper.Stripped, location: SourceLocation) -> ConfigLine? {
        let bytes = stripped.bytes
        var first = bytes.startIndex
        var last = bytes.endIndex
        while first < last, isBlank(bytes[first]) { first += 1 }
        while last > first, isBlank(bytes[last - 1]) { last -= 1 }
        guard first < last else { return nil }
        let text = String(decoding: bytes[first..<last], as: UTF8.self)
        if let columns = stripped.columns {
            let kept = Array(columns[(first - bytes.startIndex)..<(last - bytes.startIndex)])
            let contiguous = kept.count < 2 || kept[kept.count - 1] - kept[0] == kept.count - 1
            return ConfigLine(text: text, location: location.at(column: kept.first ?? 1),
                              columnMap: contiguous ? nil : kept)
        }
        return ConfigLine(text: text, location: location.at(column: first - bytes.startIndex + 1))
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }

    private func handle(_ line: ConfigLine, path: String, depth: Int, state: inout State, into output: inout Output) {
        let text = line.text
        let firstByte = text.utf8.first
        if firstByte == UInt8(ascii: "[") {
            if let header = Self.sectionHeader(line, diagnostics: &output.diagnostics) {
                output.items.append(.section(header))
            }
        } else if firstByte == UInt8(ascii: "#") {
            directive(line, path: path, depth: depth, state: &state, into: &output)
        } else if let entry = Self.entry(line) {
            output.items.append(.entry(entry))
        } else {
            output.diagnostics.append(.error(.malformedLine,
                                             "expected '[section]', 'name => value' or 'name = value'",
                                             at: line.location))
        }
    }

    /// `[name](options)`.
    static func sectionHeader(_ line: ConfigLine, diagnostics: inout [Diagnostic]) -> SectionHeader? {
        let bytes = Array(line.text.utf8)
        guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else {
            diagnostics.append(.error(.badSectionHeader, "section header has no closing ']'", at: line.location))
            return nil
        }
        let name = String(decoding: bytes[1..<close], as: UTF8.self)
        if name.isEmpty {
            diagnostics.append(.error(.badSectionHeader, "section name is empty", at: line.location))
            return nil
        }
        var header = SectionHeader(name: name, isTemplate: false, appends: false, templates: [],
                                   location: line.location(atOffset: 1), templateLocations: [])
        var rest = close + 1
        while rest < bytes.count, isBlank(bytes[rest]) { rest += 1 }
        guard rest < bytes.count else { return header }
        guard bytes[rest] == UInt8(ascii: "(") else {
            diagnostics.append(.error(.badSectionHeader, "unexpected text after ']'",
                                      at: line.location(atOffset: rest)))
            return header
        }
        guard let closeParen = bytes[rest...].firstIndex(of: UInt8(ascii: ")")) else {
            diagnostics.append(.error(.badSectionHeader, "section options have no closing ')'",
                                      at: line.location(atOffset: rest)))
            return nil
        }
        var offset = rest + 1
        for option in bytes[(rest + 1)..<closeParen].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let optionStart = offset
            offset += option.count + 1
            let word = String(decoding: option, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            switch word {
            case "!": header.isTemplate = true
            case "+": header.appends = true
            case "": continue
            default:
                header.templates.append(word)
                header.templateLocations.append(line.location(atOffset: optionStart))
            }
        }
        return header
    }

    /// `name = value`, `name => value` or `name += value`; nil when the line has no `=`.
    static func entry(_ line: ConfigLine) -> ConfigEntry? {
        let bytes = Array(line.text.utf8)
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        var keyEnd = equals
        var appends = false
        if keyEnd > 0, bytes[keyEnd - 1] == UInt8(ascii: "+") {
            appends = true
            keyEnd -= 1
        }
        var valueStart = equals + 1
        if valueStart < bytes.count, bytes[valueStart] == UInt8(ascii: ">") { valueStart += 1 }
        var keyStart = 0
        if bytes.first == UInt8(ascii: "\\") { keyStart = 1 }
        while keyEnd > keyStart, isBlank(bytes[keyEnd - 1]) { keyEnd -= 1 }
        while valueStart < bytes.count, isBlank(bytes[valueStart]) { valueStart += 1 }
        var valueEnd = bytes.count
        while valueEnd > valueStart, isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
        return ConfigEntry(key: String(decoding: bytes[keyStart..<max(keyStart, keyEnd)], as: UTF8.self),
                           value: String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self),
                           appends: appends, line: line, valueOffset: valueStart)
    }

    // MARK: - Directives

    private func directive(_ line: ConfigLine, path: String, depth: Int, state: inout State, into output: inout Output) {
        let text = line.text
        let nameEnd = text.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "<" }) ?? text.endIndex
        let name = text[text.index(after: text.startIndex)..<nameEnd].lowercased()
        var argument = text[nameEnd...].trimmingCharacters(in: .whitespaces)
        if argument.count >= 2,
           (argument.hasPrefix("\"") && argument.hasSuffix("\"")) || (argument.hasPrefix("<") && argument.hasSuffix(">")) {
            argument = String(argument.dropFirst().dropLast())
        }
        switch name {
        case "include", "tryinclude":
            guard !argument.isEmpty else {
                output.diagnostics.append(.error(.malformedLine, "#\(name) needs a file name", at: line.location))
                return
            }
            include(argument, optional: name == "tryinclude", from: line, path: path, depth: depth,
                    state: &state, into: &output)
        case "exec":
            output.diagnostics.append(.warning(.execInclude,
                                               "#exec runs a program at load time; it is not run here",
                                               at: line.location))
        default:
            output.diagnostics.append(.warning(.unknownDirective, "unknown directive '#\(name)' is ignored",
                                               at: line.location))
        }
    }

    private func include(_ target: String, optional: Bool, from line: ConfigLine, path: String, depth: Int,
                         state: inout State, into output: inout Output) {
        guard depth < maximumIncludeDepth else {
            output.diagnostics.append(.error(.includeCycle, "#include nested deeper than \(maximumIncludeDepth) files",
                                             at: line.location))
            return
        }
        let files = resolve(target, includingFile: path, baseDirectory: state.baseDirectory)
        if files.isEmpty {
            if !optional {
                output.diagnostics.append(.error(.includeMissing, "included file '\(target)' does not exist",
                                                 at: line.location))
            }
            return
        }
        for file in files {
            let canonical = Self.canonical(file)
            if let index = state.stack.firstIndex(of: canonical) {
                let chain = (state.stack[index...] + [canonical]).map { Self.lastComponent($0) }.joined(separator: " → ")
                output.diagnostics.append(.error(.includeCycle, "#include cycle: \(chain)", at: line.location))
                continue
            }
            guard let text = Self.load(file) else {
                output.diagnostics.append(.error(.unreadableFile, "cannot read included file '\(file)'",
                                                 at: line.location))
                continue
            }
            state.stack.append(canonical)
            process(text: text, path: file, depth: depth + 1, state: &state, into: &output)
            state.stack.removeLast()
        }
    }

    /// Files an include names: absolute, or relative to the config directory, then to the including file's folder.
    private func resolve(_ target: String, includingFile: String, baseDirectory: String) -> [String] {
        let candidates: [String]
        if target.hasPrefix("/") {
            candidates = [target]
        } else {
            let own = Self.directory(of: includingFile)
            candidates = own == baseDirectory ? [Self.join(baseDirectory, target)]
                : [Self.join(baseDirectory, target), Self.join(own, target)]
        }
        for candidate in candidates {
            let matches = Self.glob(candidate)
            if !matches.isEmpty { return matches }
        }
        return []
    }

    static func glob(_ pattern: String) -> [String] {
        let isPattern = pattern.contains { $0 == "*" || $0 == "?" || $0 == "[" || $0 == "{" }
        if !isPattern {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: pattern, isDirectory: &isDirectory) && !isDirectory.boolValue
                ? [pattern] : []
        }
        var result = glob_t()
        defer { globfree(&result) }
        guard globFiles(pattern, &result) == 0 else { return [] }
        var paths: [String] = []
        for index in 0..<Int(result.gl_pathc) {
            if let cString = result.gl_pathv[index] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }

    /// The C library's `glob(3)`.
    private static func globFiles(_ pattern: String, _ result: inout glob_t) -> Int32 {
        #if canImport(Glibc)
        return Glibc.glob(pattern, 0, nil, &result)
        #elseif canImport(Musl)
        return Musl.glob(pattern, 0, nil, &result)
        #else
        return Darwin.glob(pattern, 0, nil, &result)
        #endif
    }

    static func load(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func join(_ directory: String, _ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
