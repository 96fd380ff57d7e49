import Foundation
import Testing
@testable import Dialplan

@Suite struct MillisecondsTests {
    @Test func fixedThreeDecimalsLikePrintf() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<5_000 {
            let value = Double(Int.random(in: -5_000_000...5_000_000, using: &generator)) / 1000
            #expect(Milliseconds.text(value) == String(format: "%.3f", value), "\(value)")
            #expect(Milliseconds.padded(value) == String(format: "%8.3f", value), "\(value)")
        }
        #expect(Milliseconds.text(1.0005) == "1.001")
        #expect(Milliseconds.text(12345.6789) == "12345.679")
    }

    @Test func trimmedForTraces() {
        #expect(Milliseconds.text(2, trimmingZeros: true) == "2")
        #expect(Milliseconds.text(1.5, trimmingZeros: true) == "1.5")
        #expect(Milliseconds.text(0.05, trimmingZeros: true) == "0.05")
        #expect(Milliseconds.text(0.001, trimmingZeros: true) == "0.001")
        #expect(Milliseconds.text(-0.25, trimmingZeros: true) == "-0.25")
        #expect(Milliseconds.text(-0.0001, trimmingZeros: true) == "0")
        #expect(Milliseconds.text(.nan, trimmingZeros: true) == "0")
        #expect(Milliseconds.text(.infinity) == "0.000")
    }
}
