import Foundation

/// The eight DTMF filters, run together (lanes 0–3 rows, 4–7 columns).
///
/// For each sub-block of `size` samples the bank produces the complex single-bin DFT at
/// every DTMF frequency — the value a Goertzel filter ends a block with — plus the
/// block's energy. It evaluates the bins as a correlation with a precomputed twiddle
/// table instead of the Goertzel recursion: there is no loop-carried multiply (the
/// recursion's latency is what limits spandsp), the phase is kept so the classifier can
/// join sub-blocks coherently into per-filter windows, and the products run as 16-bit
/// integer multiply-adds: each `SIMD8<Int16>` step multiplies a sample pair by four
/// twiddle pairs (one `pmaddwd` on x86), so 16 products per sample cost 2 instructions.
///
/// Exactness: twiddles are scaled so that no sub-block sum can leave `Int32`, whatever
/// the samples (`Int16.min` included); the result is then rescaled to float.
struct GoertzelBank: Sendable {
    /// Samples per sub-block.
    let size: Int
    /// Twiddles per sample pair p: four vectors, each [c(2p), c(2p+1)] for four series.
    /// Series 0–7 are cos(ω_k n), 8–15 are −sin(ω_k n), k in lane order.
    private let table: [SIMD8<Int16>]
    /// 1 / twiddle scale.
    private let unscale: Float

    private var acc0 = SIMD4<Int32>()
    private var acc1 = SIMD4<Int32>()
    private var acc2 = SIMD4<Int32>()
    private var acc3 = SIMD4<Int32>()
    private var energy: Float = 0
    /// e^{−jω_k·s} for the current sub-block's start s: turns the bins to one phase
    /// reference, so that the classifier can join consecutive sub-blocks by plain addition.
    private var phaseReal = SIMD8<Float>(repeating: 1)
    private var phaseImaginary = SIMD8<Float>()
    /// e^{−jω_k·size}: one sub-block's phase advance.
    private let stepReal: SIMD8<Float>
    private let stepImaginary: SIMD8<Float>
    /// Samples accumulated in the current sub-block.
    private(set) var position = 0

    /// The eight filter frequencies in lane order.
    static let frequencies: [Double] = DTMF.rowFrequencies + DTMF.columnFrequencies

    init(size: Int) {
        self.size = size
        let pairs = (size + 1) / 2
        func value(_ series: Int, _ n: Int) -> Double {
            guard n < size else { return 0 }
            let w = 2 * Double.pi * Self.frequencies[series % 8] / Double(DTMF.sampleRate)
            return series < 8 ? cos(w * Double(n)) : -sin(w * Double(n))
        }
        // Largest scale for which |Σ x·c| ≤ 32768 · Σ|c| stays below 2^31 for every series.
        let limit = Double(Int32.max) / 32768
        var worst = 0.0
        for series in 0..<16 {
            worst = max(worst, (0..<size).reduce(0) { $0 + abs(value(series, $1)) })
        }
        var scale = min(32767, (limit / max(worst, 1)).rounded(.down))
        while scale > 1 {
            var fits = true
            for series in 0..<16 {
                let sum = (0..<size).reduce(0) { $0 + abs((value(series, $1) * scale).rounded()) }
                if sum > limit { fits = false }
            }
            if fits { break }
            scale -= 1
        }
        var t = [SIMD8<Int16>](repeating: .zero, count: pairs * 4)
        for p in 0..<pairs {
            for v in 0..<4 {
                for j in 0..<4 {
                    let series = v * 4 + j
                    t[p * 4 + v][2 * j] = Int16((value(series, 2 * p) * scale).rounded())
                    t[p * 4 + v][2 * j + 1] = Int16((value(series, 2 * p + 1) * scale).rounded())
                }
            }
        }
        table = t
        unscale = Float(1 / scale)
        var sr = SIMD8<Float>(), si = SIMD8<Float>()
        for k in 0..<8 {
            let w = 2 * Double.pi * Self.frequencies[k] / Double(DTMF.sampleRate)
            sr[k] = Float(cos(w * Double(size)))
            si[k] = Float(-sin(w * Double(size)))
        }
        stepReal = sr
        stepImaginary = si
    }

    /// One finished sub-block: the eight complex bins (phase referred to the segment
    /// start) and the block energy Σx².
    struct SubBlock: Sendable {
        var real: SIMD8<Float>
        var imaginary: SIMD8<Float>
        var energy: Float
    }

    @inline(__always)
    private static func multiplyAdd(_ a: SIMD8<Int16>, _ b: SIMD8<Int16>) -> SIMD4<Int32> {
        let p = SIMD8<Int32>(truncatingIfNeeded: a) &* SIMD8<Int32>(truncatingIfNeeded: b)
        return p.evenHalf &+ p.oddHalf
    }

    /// Accumulates samples from `samples[offset...]` until the sub-block is full or the
    /// input ends; returns how many samples were consumed.
    mutating func accumulate(_ samples: UnsafeBufferPointer<Int16>, from offset: Int) -> Int {
        let count = min(size - position, samples.count - offset)
        guard count > 0, let base = samples.baseAddress else { return 0 }
        let input = base + offset
        var a0 = acc0, a1 = acc1, a2 = acc2, a3 = acc3
        var e0 = energy, e1: Float = 0
        var n = position
        var i = 0
        table.withUnsafeBufferPointer { buffer in
            guard let twiddles = buffer.baseAddress else { return }
            // A lone sample (odd position, or the last one): the other slot of its pair is 0.
            func single(_ x: Int16, at n: Int) {
                let v: SIMD8<Int16> = n & 1 == 0 ? SIMD8(x, 0, x, 0, x, 0, x, 0) : SIMD8(0, x, 0, x, 0, x, 0, x)
                let t = twiddles + (n >> 1) * 4
                a0 &+= Self.multiplyAdd(v, t[0])
                a1 &+= Self.multiplyAdd(v, t[1])
                a2 &+= Self.multiplyAdd(v, t[2])
                a3 &+= Self.multiplyAdd(v, t[3])
                let f = Float(x)
                e0 += f * f
            }
            if n & 1 == 1 {
                single(input[0], at: n)
                i = 1
                n += 1
            }
            let raw = UnsafeRawPointer(input)
            var t = twiddles + (n >> 1) &* 4
            while i &+ 1 < count {
                let pair = raw.loadUnaligned(fromByteOffset: i &* 2, as: UInt32.self)
                let v = unsafeBitCast(SIMD4<UInt32>(repeating: pair), to: SIMD8<Int16>.self)
                a0 &+= Self.multiplyAdd(v, t[0])
                a1 &+= Self.multiplyAdd(v, t[1])
                a2 &+= Self.multiplyAdd(v, t[2])
                a3 &+= Self.multiplyAdd(v, t[3])
                let x0 = Float(input[i])
                let x1 = Float(input[i &+ 1])
                e0 += x0 * x0
                e1 += x1 * x1
                i &+= 2
                n &+= 2
                t += 4
            }
            if i < count {
                single(input[i], at: n)
                i += 1
                n += 1
            }
        }
        acc0 = a0
        acc1 = a1
        acc2 = a2
        acc3 = a3
        energy = e0 + e1
        position += count
        return count
    }

    var isComplete: Bool { position == size }

    /// Returns the finished sub-block and starts the next one.
    mutating func take() -> SubBlock {
        let re = SIMD8<Float>(lowHalf: SIMD4<Float>(acc0), highHalf: SIMD4<Float>(acc1)) * unscale
        let im = SIMD8<Float>(lowHalf: SIMD4<Float>(acc2), highHalf: SIMD4<Float>(acc3)) * unscale
        let pr = phaseReal, pi = phaseImaginary
        let block = SubBlock(real: pr * re - pi * im, imaginary: pr * im + pi * re, energy: energy)
        // Advance the phasor one sub-block and pull its magnitude back to 1 (one Newton step).
        var nr = pr * stepReal - pi * stepImaginary
        var ni = pr * stepImaginary + pi * stepReal
        let correction = (3 - (nr * nr + ni * ni)) * 0.5
        nr *= correction
        ni *= correction
        phaseReal = nr
        phaseImaginary = ni
        acc0 = .zero
        acc1 = .zero
        acc2 = .zero
        acc3 = .zero
        energy = 0
        position = 0
        return block
    }

    /// Drops a partly filled sub-block and restarts the phase reference.
    mutating func reset() {
        _ = take()
        phaseReal = SIMD8(repeating: 1)
        phaseImaginary = .zero
    }
}
