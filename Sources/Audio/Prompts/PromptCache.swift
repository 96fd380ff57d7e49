import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoded prompts and durations by path, at most `capacity` clips, least recently used evicted first.
/// An entry is only used while the file's size and modification time are unchanged. Files are read outside
/// the lock, so two tasks asking for the same new prompt may both read it once.
final class PromptCache: Sendable {
    private struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    private struct Entry {
        var stamp: Stamp
        var clip: AudioClip?
        var duration: Double?
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = max(capacity, 0) }

    /// Number of decoded clips held.
    var clipCount: Int { state.withLock { state in state.entries.values.count(where: { $0.clip != nil }) } }

    func clip(at path: String) throws(AudioFileError) -> AudioClip {
        let stamp = Self.stamp(path)
        if let stamp, let hit = lookup(path, stamp: stamp, { $0.clip }) { return hit }
        let clip = try AudioFile.read(path)
        if let stamp { store(path, stamp: stamp) { $0.clip = clip; $0.duration = clip.duration } }
        return clip
    }

    func duration(at path: String) throws(AudioFileError) -> Double {
        let stamp = Self.stamp(path)
        if let stamp, let hit = lookup(path, stamp: stamp, { $0.duration }) { return hit }
        let duration = try AudioFile.duration(path)
        if let stamp { store(path, stamp: stamp) { $0.duration = duration } }
        return duration
    }

    private func lookup<Value>(_ path: String, stamp: Stamp, _ field: (Entry) -> Value?) -> Value? {
        state.withLock { state in
            guard var entry = state.entries[path], entry.stamp == stamp, let value = field(entry) else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[path] = entry
            return value
        }
    }

    private func store(_ path: String, stamp: Stamp, _ update: (inout Entry) -> Void) {
        state.withLock { state in
            state.clock += 1
            var entry = state.entries[path].flatMap { $0.stamp == stamp ? $0 : nil }
                ?? Entry(stamp: stamp, clip: nil, duration: nil, lastUse: 0)
            update(&entry)
            entry.lastUse = state.clock
            state.entries[path] = entry
            // Evict clips (and then bare durations, which are small) beyond the capacity.
            var clips = state.entries.filter { $0.value.clip != nil }
            while clips.count > capacity, let oldest = clips.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key]?.clip = nil
                clips.removeValue(forKey: oldest.key)
            }
            if state.entries.count > max(capacity, 1) * 16 {
                let keep = state.entries.sorted { $0.value.lastUse > $1.value.lastUse }.prefix(max(capacity, 1) * 8)
                state.entries = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
            }
        }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Stamp(size: Int(status.st_size), seconds: Int(status.st_mtim.tv_sec), nanoseconds: Int(status.st_mtim.tv_nsec))
    }
}
