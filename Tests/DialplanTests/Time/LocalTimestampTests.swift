import Foundation
import Testing
@testable import Dialplan

@Suite struct LocalTimestampTests {
    /// Calendar arithmetic gives what a `DateFormatter` gives, across zones, daylight saving and leap days.
    @Test(arguments: ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"])
    func agreesWithDateFormatter(zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<2_000 {
            let epoch = Double(Int.random(in: 0...4_102_444_800, using: &generator)) + 0.75
            #expect(LocalTimestamp.text(epoch, in: zone)
                    == formatter.string(from: Date(timeIntervalSince1970: epoch)), "\(epoch) \(zoneName)")
        }
    }

    @Test func fixedMoments() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(LocalTimestamp.text(0, in: utc) == "1970-01-01 00:00:00")
        #expect(LocalTimestamp.text(951_782_400, in: utc) == "2000-02-29 00:00:00")
        #expect(LocalTimestamp.text(1_795_435_199.9, in: utc) == "2026-11-23 11:59:59")
        #expect(LocalTimestamp.text(.nan, in: utc) == "1970-01-01 00:00:00")
    }
}
