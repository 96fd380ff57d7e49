import Foundation

/// Decides, once per hop, whether the windows ending at the newest sub-block hold one
/// valid DTMF digit. All level, twist, peak, frequency and energy rules live here.
struct DTMFClassifier: Sendable {
    /// A window that passed every test.
    struct Hit: Sendable, Equatable {
        /// 0...15, `DTMF.symbols` order.
        var symbolIndex: Int
        /// Sub-blocks in the pair's (longest) window.
        var windowSubBlocks: Int
        /// Mean energy per sub-block inside the window (interior sub-blocks when N ≥ 3).
        var referenceEnergy: Float
    }

    let subBlockSize: Int
    /// Window length of each filter in sub-blocks.
    let windowSubBlocks: [Int]
    let maximumWindow: Int
    /// Per age i, 1 in the lanes whose window includes sub-block i, 0 elsewhere.
    private let windowMasks: [SIMD8<Float>]
    /// 2/N_k²: turns |X|² into the tone's mean-square power.
    private let powerScale: SIMD8<Float>
    /// Probe rotations e^{±jδ_k·iH} (age i; bins share one phase reference), `[lane * maximumWindow + i]`.
    private let probePlus: [(Float, Float)]
    private let probeMinus: [(Float, Float)]
    /// Rotations for the in-band search bins, `[(offset * 8 + lane) * maximumWindow + i]`.
    /// For the energy fraction each tone's power is the best of these bins over the pair's
    /// (longest) window: a tone detuned within tolerance then loses < 0.2 dB, and the long
    /// window keeps the other tone's leakage small.
    private let search: [(Float, Float)]
    static let searchOffsets: [Double] = [0, 0.01, -0.01, 0.02, -0.02]

    private let threshold: Float
    private let reverseTwist: Float
    private let normalTwist: Float
    private let relativePeakRow: Float
    private let relativePeakColumn: Float
    private let probeRatio: Float
    private let energyFraction: Float
    private let stationarityRatio: Float

    init(configuration c: DTMFDetectorConfiguration, subBlockSize: Int) {
        self.subBlockSize = subBlockSize
        let limit = SubBlockHistory.capacity / 2
        func clampWindow(_ values: [Int], _ k: Int) -> Int {
            let v = k < values.count ? values[k] : 3
            return min(max(v, 1), limit)
        }
        var windows = [Int]()
        for k in 0..<4 { windows.append(clampWindow(c.rowWindowSubBlocks, k)) }
        for k in 0..<4 { windows.append(clampWindow(c.columnWindowSubBlocks, k)) }
        windowSubBlocks = windows
        let maxWindow = windows.max() ?? 1
        maximumWindow = maxWindow

        let h = Double(subBlockSize)
        let fs = Double(DTMF.sampleRate)
        let offset = min(max(c.frequencyProbeOffset, 0.001), 0.2)
        var masks = [SIMD8<Float>](repeating: .zero, count: maxWindow)
        var scale = SIMD8<Float>()
        var plus = [(Float, Float)](repeating: (0, 0), count: 8 * maxWindow)
        var minus = [(Float, Float)](repeating: (0, 0), count: 8 * maxWindow)
        var searchBins = [(Float, Float)](repeating: (0, 0), count: Self.searchOffsets.count * 8 * maxWindow)
        for k in 0..<8 {
            let f = GoertzelBank.frequencies[k]
            let w = 2 * Double.pi * f / fs
            let d = w * offset
            for i in 0..<windows[k] {
                masks[i][k] = 1
                plus[k * maxWindow + i] = (Float(cos(d * Double(i) * h)), Float(sin(d * Double(i) * h)))
                minus[k * maxWindow + i] = (Float(cos(-d * Double(i) * h)), Float(sin(-d * Double(i) * h)))
            }
            for (o, offset) in Self.searchOffsets.enumerated() {
                let ws = w * offset
                for i in 0..<maxWindow {
                    searchBins[(o * 8 + k) * maxWindow + i] = (Float(cos(ws * Double(i) * h)), Float(sin(ws * Double(i) * h)))
                }
            }
            let n = Double(windows[k]) * h
            scale[k] = Float(2 / (n * n))
        }
        windowMasks = masks
        powerScale = scale
        probePlus = plus
        probeMinus = minus
        search = searchBins

        func ratio(_ db: Double) -> Float { Float(pow(10, max(db, 0) / 10)) }
        threshold = Float(DBm0.power(min(c.thresholdDBm0, 10)))
        reverseTwist = ratio(c.reverseTwistDB)
        normalTwist = ratio(c.normalTwistDB)
        relativePeakRow = ratio(c.relativePeakRowDB)
        relativePeakColumn = ratio(c.relativePeakColumnDB)
        probeRatio = Float(max(c.probeRatio, 0))
        energyFraction = Float(min(max(c.energyFraction, 0), 1))
        stationarityRatio = Float(min(max(c.stationarityRatio, 0), 1))
    }

    /// Coherent sum of filter `lane`'s window with the given rotations.
    private func probe(_ history: SubBlockHistory.Reader, lane: Int, rotations: [(Float, Float)]) -> Float {
        var re: Float = 0
        var im: Float = 0
        for i in 0..<windowSubBlocks[lane] {
            let (cr, ci) = rotations[lane * maximumWindow + i]
            let sr = history.real(age: i)[lane]
            let si = history.imaginary(age: i)[lane]
            re += cr * sr - ci * si
            im += cr * si + ci * sr
        }
        return re * re + im * im
    }

    /// The tone power of `lane` at the best of its search bins over `window` sub-blocks.
    private func bestPower(_ history: SubBlockHistory.Reader, lane: Int, window: Int) -> Float {
        var best: Float = 0
        for o in 0..<Self.searchOffsets.count {
            let base = (o * 8 + lane) * maximumWindow
            var re: Float = 0
            var im: Float = 0
            for i in 0..<window {
                let (cr, ci) = search[base + i]
                let sr = history.real(age: i)[lane]
                let si = history.imaginary(age: i)[lane]
                re += cr * sr - ci * si
                im += cr * si + ci * sr
            }
            best = Swift.max(best, re * re + im * im)
        }
        let n = Float(window * subBlockSize)
        return best * 2 / (n * n)
    }

    /// True when the nominal bin of `lane` beats both of its frequency probes.
    private func onFrequency(_ history: SubBlockHistory.Reader, lane: Int, centre: Float) -> Bool {
        let up = probe(history, lane: lane, rotations: probePlus)
        let down = probe(history, lane: lane, rotations: probeMinus)
        return centre >= probeRatio * up && centre >= probeRatio * down
    }

    /// Classifies the windows that end at the newest sub-block of `history`.
    func classify(_ history: SubBlockHistory) -> Hit? {
        guard history.count >= maximumWindow else { return nil }
        return history.withReader { reader in
            windowMasks.withUnsafeBufferPointer { masks in
                classify(reader, masks)
            }
        }
    }

    private func classify(_ h: SubBlockHistory.Reader, _ masks: UnsafeBufferPointer<SIMD8<Float>>) -> Hit? {
        // Coherent window sums for all eight filters at once: the bins share one phase
        // reference, so each filter's window is the plain sum of its last N_k sub-blocks.
        var xr = SIMD8<Float>()
        var xi = SIMD8<Float>()
        for i in 0..<maximumWindow {
            let m = masks[i]
            xr += m * h.real(age: i)
            xi += m * h.imaginary(age: i)
        }
        let magnitude = xr * xr + xi * xi
        let power = magnitude * powerScale
        let rows = power.lowHalf
        let columns = power.highHalf
        let pr = Swift.max(Swift.max(rows[0], rows[1]), Swift.max(rows[2], rows[3]))
        let pc = Swift.max(Swift.max(columns[0], columns[1]), Swift.max(columns[2], columns[3]))

        // Level, then twist.
        guard pr >= threshold, pc >= threshold else { return nil }
        guard pc <= pr * reverseTwist, pr <= pc * normalTwist else { return nil }
        // Relative peaks: only the peak itself may come within the ratio of the peak.
        let rowsNear = SIMD4<Int32>().replacing(with: 1, where: rows * relativePeakRow .> SIMD4(repeating: pr))
        let columnsNear = SIMD4<Int32>().replacing(with: 1, where: columns * relativePeakColumn .> SIMD4(repeating: pc))
        guard rowsNear[0] &+ rowsNear[1] &+ rowsNear[2] &+ rowsNear[3] <= 1,
              columnsNear[0] &+ columnsNear[1] &+ columnsNear[2] &+ columnsNear[3] <= 1 else { return nil }
        var row = 0
        while row < 3 && rows[row] != pr { row += 1 }
        var column = 0
        while column < 3 && columns[column] != pc { column += 1 }
        let columnLane = column + 4

        // Energy fraction and stationarity over the pair's longest window.
        let window = max(windowSubBlocks[row], windowSubBlocks[columnLane])
        var total: Float = 0
        var smallest = Float.greatestFiniteMagnitude
        for i in 0..<window {
            let e = h.energy(age: i)
            total += e
            smallest = min(smallest, e)
        }
        let mean = total / Float(window)
        guard mean > 0 else { return nil }
        guard smallest >= stationarityRatio * mean else { return nil }
        // Frequency: the nominal bin must beat both probes for each tone.
        guard onFrequency(h, lane: row, centre: magnitude[row]),
              onFrequency(h, lane: columnLane, centre: magnitude[columnLane]) else { return nil }
        // Energy fraction, with each tone's power taken at its best in-band bin.
        let totalPower = total / Float(window * subBlockSize)
        let bestRow = bestPower(h, lane: row, window: window)
        let bestColumn = bestPower(h, lane: columnLane, window: window)
        guard bestRow + bestColumn >= energyFraction * totalPower else { return nil }
        var reference = mean
        if window >= 3 {
            var interior: Float = 0
            for i in 1..<(window - 1) { interior += h.energy(age: i) }
            reference = interior / Float(window - 2)
        }
        return Hit(symbolIndex: row * 4 + column, windowSubBlocks: window, referenceEnergy: reference)
    }
}
