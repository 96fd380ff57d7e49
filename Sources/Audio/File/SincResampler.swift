#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Band-limited sample-rate conversion by a Kaiser-windowed sinc low-pass, evaluated exactly at each output
/// instant (polyphase).
///
/// Output sample `n` lies at input position `n * down / up` (the rate ratio reduced to lowest terms), so the
/// filter for it depends only on the phase `(n * down) % up`. With up to `maxPhases` phases every phase's taps are
/// computed once; for odd rates with more phases the prototype is tabulated finely and interpolated.
///
/// The low-pass passes 0…0.85 × the lower Nyquist frequency and stops from 0.9625 × it with
/// `stopbandAttenuation` dB: for 8 kHz output, flat to 3.4 kHz, at least 80 dB down from 3.85 kHz, so nothing
/// above 4 kHz folds back into the telephone band. The filter is symmetric and centred on each output instant:
/// no delay. Streaming: feed chunks to `process`, then call `finish` once.
struct SincResampler {
    static let passbandFraction = 0.85
    static let stopbandFraction = 0.9625
    static let stopbandAttenuation = 80.0
    static let maxPhases = 1024
    /// Prototype samples per input sample when the filter is interpolated.
    static let tableDensity = 512

    let inputRate: Int
    let outputRate: Int
    /// The rate ratio in lowest terms: `outputRate / inputRate == up / down`.
    let up: Int
    let down: Int
    /// Taps each side of the output instant; `2 * halfTaps` taps an output sample.
    let halfTaps: Int

    private let cutoff: Double   // cycles per input sample
    private let beta: Double
    /// Phase-major taps (`up * 2 * halfTaps`), or empty when the prototype table is used.
    private let bank: [Float]
    /// The prototype at `|τ| = k / tableDensity` for k in 0...halfTaps * tableDensity (+1 guard), when `bank` is empty.
    private let table: [Float]

    /// Input not yet fully used, starting at absolute input index `base` (negative indices are the zero lead-in).
    private var pending: [Float]
    private var base: Int
    private var received = 0
    private var produced = 0

    init(from inputRate: Int, to outputRate: Int) {
        // Callers pass positive rates; anything else is treated as 1 Hz rather than trapping.
        let inputRate = max(inputRate, 1)
        let outputRate = max(outputRate, 1)
        self.inputRate = inputRate
        self.outputRate = outputRate
        let divisor = Self.gcd(inputRate, outputRate)
        up = outputRate / divisor
        down = inputRate / divisor

        let nyquist = Double(min(inputRate, outputRate)) / 2
        let pass = Self.passbandFraction * nyquist
        let stop = Self.stopbandFraction * nyquist
        cutoff = (pass + stop) / 2 / Double(inputRate)
        let attenuation = Self.stopbandAttenuation
        beta = 0.1102 * (attenuation - 8.7)
        // Kaiser's estimate of the length for this transition width, in input samples.
        let transition = 2 * Double.pi * (stop - pass) / Double(inputRate)
        let length = (attenuation - 7.95) / (2.285 * transition)
        halfTaps = max(2, Int((length / 2).rounded(.up)) + 1)

        let taps = 2 * halfTaps
        let (cutoff, beta, halfTaps, up) = (self.cutoff, self.beta, self.halfTaps, self.up)
        if up <= Self.maxPhases {
            var bank = [Float](repeating: 0, count: up * taps)
            var row = [Double](repeating: 0, count: taps)
            for phase in 0 ..< up {
                let fraction = Double(phase) / Double(up)
                var sum = 0.0
                for j in 0 ..< taps {
                    row[j] = Self.prototype(fraction + Double(halfTaps - 1 - j), cutoff: cutoff, halfWidth: Double(halfTaps), beta: beta)
                    sum += row[j]
                }
                // Unity gain at DC for every phase.
                for j in 0 ..< taps { bank[phase * taps + j] = Float(row[j] / sum) }
            }
            self.bank = bank
            self.table = []
        } else {
            let count = halfTaps * Self.tableDensity + 2
            self.table = (0 ..< count).map { k in
                Float(Self.prototype(Double(k) / Double(Self.tableDensity), cutoff: cutoff, halfWidth: Double(halfTaps), beta: beta))
            }
            self.bank = []
        }
        pending = [Float](repeating: 0, count: halfTaps)
        base = -halfTaps
    }

    /// Converts a whole signal at once.
    static func resample(_ input: [Float], from inputRate: Int, to outputRate: Int) -> [Float] {
        guard inputRate != outputRate else { return input }
        var resampler = SincResampler(from: inputRate, to: outputRate)
        return resampler.process(input) + resampler.finish()
    }

    /// Number of output samples for `count` input samples: every output instant inside the input.
    func outputCount(forInput count: Int) -> Int {
        (count * up + down - 1) / down
    }

    /// Takes the next input samples; returns the output samples they complete.
    mutating func process(_ input: [Float]) -> [Float] {
        pending.append(contentsOf: input)
        received += input.count
        return drain(until: Int.max)
    }

    /// Ends the input (zeros follow it); returns the remaining output samples.
    mutating func finish() -> [Float] {
        pending.append(contentsOf: repeatElement(0, count: halfTaps + 1))
        let total = outputCount(forInput: received)
        let tail = drain(until: total)
        pending = []
        return tail
    }

    /// Produces outputs while their taps are in `pending` and fewer than `limit` have been produced.
    private mutating func drain(until limit: Int) -> [Float] {
        var output: [Float] = []
        let taps = 2 * halfTaps
        let available = base + pending.count  // one past the last absolute input index held
        var next = produced
        let start = base
        pending.withUnsafeBufferPointer { input in
            while next < limit {
                let position = next * down
                let center = position / up
                let phase = position % up
                let first = center - halfTaps + 1
                guard first + taps <= available else { break }
                let window = UnsafeBufferPointer(rebasing: input[(first - start) ..< (first - start + taps)])
                output.append(bank.isEmpty ? interpolated(window, phase: phase) : filtered(window, phase: phase, taps: taps))
                next += 1
            }
        }
        produced = next
        // Keep only what later outputs still need.
        let needed = (next * down) / up - halfTaps + 1
        let drop = min(max(needed - base, 0), pending.count)
        if drop > 0 {
            pending.removeFirst(drop)
            base += drop
        }
        return output
    }

    private func filtered(_ window: UnsafeBufferPointer<Float>, phase: Int, taps: Int) -> Float {
        bank.withUnsafeBufferPointer { bank in
            var sum: Float = 0
            let row = phase * taps
            for j in 0 ..< taps { sum += bank[row + j] * window[j] }
            return sum
        }
    }

    private func interpolated(_ window: UnsafeBufferPointer<Float>, phase: Int) -> Float {
        table.withUnsafeBufferPointer { table in
            let fraction = Double(phase) / Double(up)
            let density = Double(Self.tableDensity)
            var sum: Double = 0
            var weight: Double = 0
            for j in 0 ..< window.count {
                let tau = abs(fraction + Double(halfTaps - 1 - j)) * density
                let k = Int(tau)
                guard k + 1 < table.count else { continue }
                let t = tau - Double(k)
                let h = Double(table[k]) * (1 - t) + Double(table[k + 1]) * t
                sum += h * Double(window[j])
                weight += h
            }
            return weight == 0 ? 0 : Float(sum / weight)
        }
    }

    /// The windowed-sinc low-pass at `tau` input samples from the output instant.
    static func prototype(_ tau: Double, cutoff: Double, halfWidth: Double, beta: Double) -> Double {
        let ratio = tau / halfWidth
        guard abs(ratio) < 1 else { return 0 }
        let x = 2 * cutoff * tau
        let sinc = x == 0 ? 1 : sin(Double.pi * x) / (Double.pi * x)
        return 2 * cutoff * sinc * besselI0(beta * (1 - ratio * ratio).squareRoot()) / besselI0(beta)
    }

    /// Modified Bessel function of the first kind, order 0 (power series).
    static func besselI0(_ x: Double) -> Double {
        var sum = 1.0
        var term = 1.0
        let half = x / 2
        var k = 1.0
        while term > 1e-12 * sum {
            term *= (half / k) * (half / k)
            sum += term
            k += 1
        }
        return sum
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
