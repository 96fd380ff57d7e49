/// Second stage: turns per-hop hits into digits. Hits of one symbol form a run; a run
/// survives short gaps (a ≤ 10 ms dropout), ends after a longer one (a ≥ 40 ms pause)
/// or when another symbol hits, and becomes a digit if it lasted long enough. The tone's
/// edges are placed to a fraction of a sub-block from the sub-block energies.
struct DTMFDigitTracker: Sendable {
    private struct Run: Sendable {
        var symbolIndex: Int
        var hits: Int
        var window: Int
        /// Estimated first sample of the tone, relative to the segment.
        var start: Double
        /// Index of the last sub-block of the latest hit window.
        var lastSubBlock: Int
        /// Sub-block energy of the tone near the end.
        var endReference: Float
    }

    private let subBlockSize: Int
    private let hitsToStart: Int
    private let gapToEnd: Int
    private let minimumDuration: Int
    private var run: Run?
    private var misses = 0

    /// Sub-blocks at least this full count as wholly inside the tone.
    private static let fullFraction: Float = 0.9
    /// How far an edge may be moved past the hit windows, in sub-blocks.
    private static let edgeSearch = 2

    init(configuration c: DTMFDetectorConfiguration, subBlockSize: Int) {
        self.subBlockSize = subBlockSize
        hitsToStart = max(1, c.hitsToStart)
        gapToEnd = min(max(c.missesToEnd, 1), 8)
        minimumDuration = max(0, c.minimumDurationSamples)
    }

    private func fraction(_ history: SubBlockHistory, _ index: Int, _ reference: Float) -> Float? {
        guard let e = history.energy(index), reference > 0 else { return nil }
        return min(1, e / reference)
    }

    /// Feeds the result for the newest sub-block (`history.count - 1`). Returns a finished
    /// digit, positions relative to the segment start.
    mutating func advance(hit: DTMFClassifier.Hit?, history: SubBlockHistory) -> DTMFEvent? {
        let newest = history.count - 1
        let h = Double(subBlockSize)
        guard let hit else {
            guard let current = run else { return nil }
            misses += 1
            if misses >= gapToEnd + current.window - 1 {
                run = nil
                return close(current, history: history, limit: newest)
            }
            return nil
        }
        if var current = run, current.symbolIndex == hit.symbolIndex {
            current.hits += 1
            current.window = max(current.window, hit.windowSubBlocks)
            current.lastSubBlock = newest
            current.endReference = hit.referenceEnergy
            run = current
            misses = 0
            return nil
        }
        // A new symbol: place its start, then close whatever was running.
        let first = newest - hit.windowSubBlocks + 1
        var start = Double(first) * h
        if let f0 = fraction(history, first, hit.referenceEnergy), f0 < Self.fullFraction {
            start += Double(1 - f0) * h
        } else {
            for k in 1...Self.edgeSearch {
                guard let f = fraction(history, first - k, hit.referenceEnergy) else { break }
                if f >= Self.fullFraction {
                    start -= h
                } else {
                    start -= Double(f) * h
                    break
                }
            }
        }
        var finished: DTMFEvent?
        if let current = run {
            finished = close(current, history: history, limit: first - 1)
        }
        run = Run(symbolIndex: hit.symbolIndex, hits: 1, window: hit.windowSubBlocks, start: start,
                  lastSubBlock: newest, endReference: hit.referenceEnergy)
        misses = 0
        return finished
    }

    /// Ends the stream: closes a running digit with the sub-blocks seen so far.
    mutating func finish(history: SubBlockHistory) -> DTMFEvent? {
        defer { run = nil; misses = 0 }
        guard let current = run else { return nil }
        return close(current, history: history, limit: history.count - 1)
    }

    /// Places the end of a run (never past sub-block `limit`) and applies the duration rules.
    private func close(_ r: Run, history: SubBlockHistory, limit: Int) -> DTMFEvent? {
        let h = Double(subBlockSize)
        let last = r.lastSubBlock
        var end = Double(last + 1) * h
        if let fl = fraction(history, last, r.endReference), fl < Self.fullFraction {
            end -= Double(1 - fl) * h
        } else {
            for k in 1...Self.edgeSearch {
                let index = last + k
                guard index <= limit, let f = fraction(history, index, r.endReference) else { break }
                if f >= Self.fullFraction {
                    end += h
                } else {
                    end += Double(f) * h
                    break
                }
            }
        }
        let startSample = Int(r.start.rounded())
        let duration = Int(end.rounded()) - startSample
        guard r.hits >= hitsToStart, duration >= minimumDuration else { return nil }
        return DTMFEvent(digit: DTMF.symbols[r.symbolIndex], startSample: startSample, durationSamples: duration)
    }
}
