#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Prompt files under a root folder, found the way Asterisk finds sound files (`main/file.c`, `fileexists_core`):
/// `<root>/<language>/<name>.wav`, trying the language, then the language without each `_` suffix
/// (`pt_BR_x` → `pt_BR` → `pt`), then no language (`<root>/<name>.wav`), then `en`.
///
/// Works for this repository's `Prompts/` (`Prompts/en/digits/1.wav`), for an Asterisk sounds tree
/// (`/usr/share/asterisk/sounds`, whose `en/` holds the English set) and for a single voice's folder such as
/// `/usr/share/asterisk/sounds/en_US_f_Allison`, whose files sit directly under the root and so are found by the
/// no-language step. Names may contain `/` (`digits/1`); a name starting with `/` is an absolute path without
/// extension, where Asterisk puts the language before the last component (`/x/en/name`). Names with `..`
/// components, and languages containing `/`, are refused.
///
/// Reads go through a small cache shared by all copies of the directory (safe to use from any task); a file
/// replaced on disk is read again.
public struct PromptDirectory: Sendable {
    /// The folder holding the language folders.
    public let root: String
    /// File extensions tried in order for each candidate, without the dot.
    public let extensions: [String]
    /// Asterisk's `DEFAULT_LANGUAGE`, tried last.
    public static let defaultLanguage = "en"

    private let cache: PromptCache

    /// - Parameters:
    ///   - root: the sounds folder; a trailing `/` is ignored.
    ///   - extensions: the file types to look for, in order of preference.
    ///   - cacheCapacity: how many decoded prompts to keep in memory.
    public init(root: String, extensions: [String] = ["wav"], cacheCapacity: Int = 128) {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.root = root
        self.extensions = extensions
        self.cache = PromptCache(capacity: cacheCapacity)
    }

    /// The languages tried for `language`, in order; `nil` stands for the no-language step.
    public static func languageFallbacks(_ language: String) -> [String?] {
        var chain: [String?] = []
        var current = Substring(language)
        while !current.isEmpty {
            chain.append(String(current))
            guard let underscore = current.lastIndex(of: "_") else { break }
            current = current[..<underscore]
        }
        chain.append(nil)
        if language != defaultLanguage && String(current) != defaultLanguage { chain.append(defaultLanguage) }
        return chain
    }

    /// Path of the file that plays for prompt `name` in `language`, or nil when there is none.
    public func path(of name: String, language: String) -> String? {
        guard Self.isSafe(name: name) else { return nil }
        for candidate in Self.languageFallbacks(language) {
            if let candidate, candidate.contains("/") || candidate == "." || candidate == ".." { continue }
            let base = location(of: name, language: candidate)
            for ext in extensions {
                let path = base + "." + ext
                if Self.isRegularFile(path) { return path }
            }
        }
        return nil
    }

    /// The prompt's audio at 8 kHz, or nil when no file exists for it; throws when the file exists but is not
    /// usable audio.
    public func clip(of name: String, language: String) throws(AudioFileError) -> AudioClip? {
        guard let path = path(of: name, language: language) else { return nil }
        return try cache.clip(at: path)
    }

    /// Length in seconds of prompt `name` in `language`; nil when it is missing or not usable audio.
    /// (The engine's `PromptLibrary` requirement.)
    public func duration(of name: String, language: String) -> Double? {
        guard let path = path(of: name, language: language) else { return nil }
        return try? cache.duration(at: path)
    }

    /// `<root>/<language>/<name>` (new layout), or for absolute names the language before the last component.
    private func location(of name: String, language: String?) -> String {
        if name.hasPrefix("/") {
            guard let language else { return name }
            guard let slash = name.lastIndex(of: "/") else { return name }
            let directory = name[...slash]
            return directory + language + "/" + name[name.index(after: slash)...]
        }
        guard let language else { return root + "/" + name }
        return root + "/" + language + "/" + name
    }

    private static func isSafe(name: String) -> Bool {
        guard !name.isEmpty, !name.utf8.contains(0) else { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return status.st_mode & S_IFMT == S_IFREG
    }
}
