import Audio
import Channels
import Dialplan
import Engine
import Foundation
import Synchronization

/// How scenarios are replayed.
public enum ReplayMode: Sendable, Equatable, CustomStringConvertible {
    /// Digits go straight into the engine on a virtual clock.
    case events
    /// Digits are rendered as DTMF into a caller WAV, decoded by the detector, and the call runs on
    /// `AudioFileChannel` with prompts from `promptRoot`.
    case audio(promptRoot: String)

    public var description: String {
        switch self {
        case .events: "events"
        case .audio: "audio"
        }
    }
}

/// What the scenarios of one run share: loaded dialplans, prompt lengths, golden-file policy, output folders.
public final class ReplayEnvironment: Sendable {
    /// Prompt files; nil means every prompt exists and plays for one second (event mode only).
    public let promptRoot: String?
    /// Rewrite golden transcripts and WAVs instead of comparing them.
    public let updateGolden: Bool
    /// Where audio mode writes each scenario's caller and heard WAVs (nil: nowhere).
    public let audioOutput: String?
    /// Seconds two times may differ by in a golden transcript.
    public let tolerance: Double
    /// The caller decides when to press while the call runs (one call per scenario, mostly); false works the
    /// press times out one run at a time, as a check of the former.
    public let decidesDuringCall: Bool
    let prompts: any PromptLibrary
    let directory: PromptDirectory?
    private let dialplans = Mutex<[String: LoadedDialplan]>([:])

    public init(promptRoot: String? = nil, updateGolden: Bool = false, audioOutput: String? = nil, tolerance: Double = 0.05,
                decidesDuringCall: Bool = true) {
        self.promptRoot = promptRoot
        self.decidesDuringCall = decidesDuringCall
        self.updateGolden = updateGolden
        self.audioOutput = audioOutput
        self.tolerance = tolerance
        if let promptRoot {
            let directory = PromptDirectory(root: promptRoot, cacheCapacity: 512)
            self.directory = directory
            prompts = PromptLengths(PromptTiming(directory: directory))
        } else {
            directory = nil
            prompts = UniformPrompts(seconds: 1)
        }
    }

    /// A dialplan file loaded once per run, however many scenarios use it.
    public struct LoadedDialplan: Sendable {
        public var path: String
        public var dialplan: Dialplan?
        /// Rendered load errors, when the file does not load.
        public var errors: String?
        /// An engine on the dialplan whose lookup caches every scenario's fresh engine shares.
        var engine: Engine?
    }

    /// The dialplan file at `path`, loaded on first use.
    public func dialplan(at path: String) -> LoadedDialplan {
        if let loaded = dialplans.withLock({ $0[path] }) { return loaded }
        let result = DialplanLoader(linter: nil).load(path: path)
        var loaded = LoadedDialplan(path: path, dialplan: result.dialplan, errors: nil,
                                    engine: Engine(dialplan: result.dialplan))
        if result.hasErrors {
            loaded.dialplan = nil
            loaded.engine = nil
            loaded.errors = result.renderer.render(result.diagnostics.filter { $0.severity == .error })
        }
        dialplans.withLock { $0[path] = loaded }
        return loaded
    }

    /// Every dialplan loaded so far, by path.
    public var loadedDialplans: [String: Dialplan] {
        dialplans.withLock { table in table.compactMapValues(\.dialplan) }
    }
}

/// Prompt lengths looked up once per (name, language): the file system is asked only the first time.
final class PromptLengths: PromptLibrary {
    private let base: any PromptLibrary
    private let table = Mutex<[String: Double?]>([:])

    init(_ base: any PromptLibrary) { self.base = base }

    func duration(of name: String, language: String) -> Double? {
        let key = language + "\u{0}" + name
        if let known = table.withLock({ $0[key] }) { return known }
        let found = base.duration(of: name, language: language)
        table.withLock { $0[key] = .some(found) }
        return found
    }
}
