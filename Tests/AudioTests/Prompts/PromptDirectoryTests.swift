import Foundation
import Testing
@testable import Audio

private typealias F = AudioFileFixtures

@Suite("PromptDirectory: Asterisk's lookup and language fallbacks")
struct PromptDirectoryTests {
    /// A tree with a clip per file whose length says which file it is.
    private final class Tree {
        let root = F.scratchDirectory("prompt-tree")
        var lengths: [String: Int] = [:]

        /// Writes `<root>/<relative>.wav` holding `count` samples.
        func add(_ relative: String, samples count: Int) throws {
            let path = root + "/" + relative + ".wav"
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try AudioFile.write(AudioClip(samples: [Int16](repeating: 1000, count: count)), to: path)
            lengths[relative] = count
        }

        deinit { F.remove(root) }
    }

    private func makeTree() throws -> Tree {
        let tree = Tree()
        try tree.add("en/hello", samples: 800)
        try tree.add("pt/hello", samples: 1600)
        try tree.add("pt_BR/ola", samples: 2400)
        try tree.add("pt_BR_x/special", samples: 3200)
        try tree.add("nolanguage", samples: 4000)
        try tree.add("both", samples: 4800)
        try tree.add("en/both", samples: 5600)
        try tree.add("en/digits/1", samples: 6400)
        try tree.add("fr/digits/1", samples: 7200)
        return tree
    }

    @Test func fallbackChains() {
        #expect(PromptDirectory.languageFallbacks("pt_BR_x") == ["pt_BR_x", "pt_BR", "pt", nil, "en"])
        #expect(PromptDirectory.languageFallbacks("pt") == ["pt", nil, "en"])
        #expect(PromptDirectory.languageFallbacks("en") == ["en", nil])
        #expect(PromptDirectory.languageFallbacks("en_US") == ["en_US", "en", nil])
        #expect(PromptDirectory.languageFallbacks("") == [nil, "en"])
        #expect(PromptDirectory.languageFallbacks("fr_CA") == ["fr_CA", "fr", nil, "en"])
    }

    @Test func lookupFollowsTheChain() throws {
        let tree = try makeTree()
        let prompts = PromptDirectory(root: tree.root + "/")
        let root = tree.root
        #expect(prompts.root == root)
        #expect(prompts.path(of: "special", language: "pt_BR_x") == root + "/pt_BR_x/special.wav")
        #expect(prompts.path(of: "ola", language: "pt_BR_x") == root + "/pt_BR/ola.wav")
        #expect(prompts.path(of: "hello", language: "pt_BR_x") == root + "/pt/hello.wav")
        #expect(prompts.path(of: "hello", language: "pt_BR") == root + "/pt/hello.wav")
        #expect(prompts.path(of: "hello", language: "fr") == root + "/en/hello.wav")
        #expect(prompts.path(of: "hello", language: "") == root + "/en/hello.wav")
        #expect(prompts.path(of: "nolanguage", language: "pt_BR") == root + "/nolanguage.wav")
        // No language comes before the default language.
        #expect(prompts.path(of: "both", language: "fr") == root + "/both.wav")
        #expect(prompts.path(of: "both", language: "en") == root + "/en/both.wav")
        #expect(prompts.path(of: "both", language: "en_GB") == root + "/en/both.wav")
        // Names with folders.
        #expect(prompts.path(of: "digits/1", language: "fr") == root + "/fr/digits/1.wav")
        #expect(prompts.path(of: "digits/1", language: "de") == root + "/en/digits/1.wav")
        // Missing.
        #expect(prompts.path(of: "special", language: "pt_BR") == nil)
        #expect(prompts.path(of: "nothing", language: "en") == nil)
        #expect(prompts.path(of: "digits", language: "en") == nil)  // a folder is not a prompt
        #expect(try prompts.clip(of: "nothing", language: "en") == nil)
        #expect(prompts.duration(of: "nothing", language: "en") == nil)
    }

    @Test func unsafeNamesAreRefused() throws {
        let tree = try makeTree()
        let prompts = PromptDirectory(root: tree.root + "/en")
        #expect(prompts.path(of: "hello", language: "xx") == tree.root + "/en/hello.wav")
        #expect(prompts.path(of: "../nolanguage", language: "en") == nil)
        #expect(prompts.path(of: "digits/../hello", language: "en") == nil)
        #expect(prompts.path(of: "", language: "en") == nil)
        #expect(PromptDirectory(root: tree.root).path(of: "hello", language: "../en") == tree.root + "/en/hello.wav")
    }

    @Test func absoluteNames() throws {
        let tree = try makeTree()
        let prompts = PromptDirectory(root: "/nonexistent")
        #expect(prompts.path(of: tree.root + "/hello", language: "pt") == tree.root + "/pt/hello.wav")
        #expect(prompts.path(of: tree.root + "/nolanguage", language: "pt") == tree.root + "/nolanguage.wav")
        // The language goes before the last component: <root>/digits/fr/1, which does not exist.
        #expect(prompts.path(of: tree.root + "/digits/1", language: "fr") == nil)
        #expect(prompts.path(of: tree.root + "/en", language: "digits") == nil)
    }

    @Test func clipsAndDurations() throws {
        let tree = try makeTree()
        let prompts = PromptDirectory(root: tree.root)
        for (name, language, file) in [("hello", "pt_BR", "pt/hello"), ("ola", "pt_BR_x", "pt_BR/ola"),
                                       ("digits/1", "en_US", "en/digits/1"), ("nolanguage", "de", "nolanguage")] {
            let count = try #require(tree.lengths[file])
            let clip = try #require(try prompts.clip(of: name, language: language))
            #expect(clip.samples.count == count, "\(name) in \(language)")
            #expect(prompts.duration(of: name, language: language) == Double(count) / 8000)
        }
    }

    @Test func cacheNoticesReplacedFiles() async throws {
        let tree = try makeTree()
        let prompts = PromptDirectory(root: tree.root, cacheCapacity: 2)
        let first = try #require(try prompts.clip(of: "hello", language: "en"))
        #expect(first.samples.count == 800)
        // Same size, different content and a later modification time.
        try await Task.sleep(for: .milliseconds(20))
        try AudioFile.write(AudioClip(samples: [Int16](repeating: -7, count: 800)), to: tree.root + "/en/hello.wav")
        let second = try #require(try prompts.clip(of: "hello", language: "en"))
        #expect(second.samples.allSatisfy { $0 == -7 })
        // More prompts than the capacity still read correctly.
        for _ in 0 ..< 3 {
            for (name, language) in [("hello", "pt"), ("ola", "pt_BR"), ("both", "en"), ("nolanguage", "en")] {
                #expect(try prompts.clip(of: name, language: language) != nil)
            }
        }
    }

    @Test func concurrentReaders() async throws {
        let tree = try makeTree()
        let prompts = PromptDirectory(root: tree.root)
        let names = ["hello", "ola", "both", "nolanguage", "digits/1", "missing"]
        let counts = await withTaskGroup(of: (String, Int?).self) { group in
            for index in 0 ..< 120 {
                let name = names[index % names.count]
                group.addTask {
                    let clip = try? prompts.clip(of: name, language: "pt_BR")
                    return (name, clip?.samples.count)
                }
            }
            var counts: [String: Set<Int?>] = [:]
            for await (name, count) in group { counts[name, default: []].insert(count) }
            return counts
        }
        #expect(counts["hello"] == [1600])
        #expect(counts["ola"] == [2400])
        #expect(counts["both"] == [4800])
        #expect(counts["digits/1"] == [6400])
        #expect(counts["missing"] == [nil])
    }

    @Test func brokenPromptFileIsAnError() throws {
        let tree = try makeTree()
        let path = tree.root + "/en/broken.wav"
        F.write(Array("not audio".utf8), to: path)
        let prompts = PromptDirectory(root: tree.root)
        #expect(prompts.path(of: "broken", language: "en") == path)
        #expect(prompts.duration(of: "broken", language: "en") == nil)
        do throws(AudioFileError) {
            _ = try prompts.clip(of: "broken", language: "en")
            Issue.record("a text file played as a prompt")
        } catch {
            #expect(error.path == path)
        }
    }

    @Test func otherExtensions() throws {
        let tree = try makeTree()
        let prompts = PromptDirectory(root: tree.root, extensions: ["au", "wav"])
        #expect(prompts.extensions == ["au", "wav"])
        #expect(prompts.path(of: "hello", language: "en") == tree.root + "/en/hello.wav")
    }
}

@Suite("PromptDirectory over Asterisk's sound packages")
struct AsteriskSoundsTests {
    static let sounds = "/usr/share/asterisk/sounds"
    static let installed = FileManager.default.fileExists(atPath: sounds + "/en/digits/1.wav")

    @Test(.enabled(if: installed, "asterisk-core-sounds-en-wav is not installed (/usr/share/asterisk/sounds/en)"))
    func soundsRoot() throws {
        let prompts = PromptDirectory(root: Self.sounds)
        #expect(prompts.path(of: "digits/1", language: "en") == Self.sounds + "/en/digits/1.wav")
        #expect(prompts.path(of: "letters/a", language: "fr") == Self.sounds + "/en/letters/a.wav")
        #expect(prompts.path(of: "vm-intro", language: "en_US") != nil)
        let clip = try #require(try prompts.clip(of: "digits/1", language: "en"))
        #expect(clip.samples.count > 1000)
        let duration = try #require(prompts.duration(of: "digits/1", language: "en"))
        #expect(abs(duration - clip.duration) < 0.001)
        #expect(prompts.path(of: "no-such-prompt", language: "en") == nil)
    }

    @Test(.enabled(if: installed, "asterisk-core-sounds-en-wav is not installed (/usr/share/asterisk/sounds/en)"))
    func voiceFolderAsRoot() throws {
        // `--sounds /usr/share/asterisk/sounds/en_US_f_Allison`: the files sit directly under the root.
        let voice = try FileManager.default.contentsOfDirectory(atPath: Self.sounds)
            .filter { FileManager.default.fileExists(atPath: Self.sounds + "/\($0)/digits/1.wav") }
            .sorted().last ?? "en"
        let root = Self.sounds + "/" + voice
        let prompts = PromptDirectory(root: root)
        #expect(prompts.path(of: "digits/1", language: "en") == root + "/digits/1.wav")
        #expect(prompts.path(of: "beep", language: "de") == root + "/beep.wav")
        let beep = try #require(try prompts.clip(of: "beep", language: "en"))
        #expect(beep.duration > 0.1)
    }

    @Test(.enabled(if: installed, "asterisk-core-sounds-en-wav is not installed (/usr/share/asterisk/sounds/en)"))
    func everyInstalledPromptReads() throws {
        let english = Self.sounds + "/en"
        let real = URL(fileURLWithPath: english).resolvingSymlinksInPath().path
        let files = try #require(FileManager.default.enumerator(atPath: real)?.allObjects as? [String])
            .filter { $0.hasSuffix(".wav") }
        #expect(files.count > 300)
        let prompts = PromptDirectory(root: Self.sounds)
        for file in files {
            let name = String(file.dropLast(4))
            let path = prompts.path(of: name, language: "en")
            #expect(path == english + "/" + file)
            let duration = try #require(prompts.duration(of: name, language: "en"), "\(name)")
            #expect(duration > 0)
        }
    }
}
