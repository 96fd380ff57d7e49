/// A ring of the most recent sub-blocks (bins and energies), indexed by the sub-block's
/// running number within the current segment. Slots not yet written hold zeros, so a
/// window reaching back before the first sub-block simply sees silence.
struct SubBlockHistory: Sendable {
    static let capacity = 16
    private static let mask = capacity - 1

    /// Per slot: real bins at 2·slot, imaginary bins at 2·slot + 1.
    private var bins = [SIMD8<Float>](repeating: .zero, count: 2 * capacity)
    private var energies = [Float](repeating: 0, count: capacity)
    /// Number of sub-blocks appended so far; the newest has index `count - 1`.
    private(set) var count = 0

    mutating func append(_ block: GoertzelBank.SubBlock) {
        let slot = count & Self.mask
        bins.withUnsafeMutableBufferPointer { b in
            b[2 &* slot] = block.real
            b[2 &* slot &+ 1] = block.imaginary
        }
        energies.withUnsafeMutableBufferPointer { $0[slot] = block.energy }
        count += 1
    }

    /// True when sub-block `index` is still held.
    func contains(_ index: Int) -> Bool {
        index >= 0 && index < count && index >= count - Self.capacity
    }

    /// Energy of sub-block `index`, or nil when it is not held.
    func energy(_ index: Int) -> Float? {
        contains(index) ? energies[index & Self.mask] : nil
    }

    /// Calls `body` with a reader for the bins and energies by age (0 = newest, < capacity).
    @inline(__always)
    func withReader<R>(_ body: (Reader) -> R) -> R {
        bins.withUnsafeBufferPointer { b in
            energies.withUnsafeBufferPointer { e in
                body(Reader(bins: b, energies: e, newest: count &- 1))
            }
        }
    }

    struct Reader {
        let bins: UnsafeBufferPointer<SIMD8<Float>>
        let energies: UnsafeBufferPointer<Float>
        let newest: Int

        @inline(__always)
        func real(age: Int) -> SIMD8<Float> { bins[2 &* ((newest &- age) & SubBlockHistory.mask)] }

        @inline(__always)
        func imaginary(age: Int) -> SIMD8<Float> { bins[2 &* ((newest &- age) & SubBlockHistory.mask) &+ 1] }

        @inline(__always)
        func energy(age: Int) -> Float { energies[(newest &- age) & SubBlockHistory.mask] }
    }
}
