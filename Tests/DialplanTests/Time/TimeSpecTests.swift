import Foundation
import Testing
@testable import Dialplan

@Suite struct TimeSpecTests {
    let utc = TimeZone(identifier: "UTC")!

    /// Epoch seconds for a UTC wall-clock time.
    func at(_ text: String) -> Double {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!.timeIntervalSince1970
    }

    @Test func businessHoursBothEndsInclusive() {
        let spec = TimeSpec("09:00-17:00,mon-fri,*,*")
        #expect(spec.problems.isEmpty)
        #expect(spec.matches(epoch: at("2026-11-23T09:00:00Z"), defaultZone: utc))  // Monday
        #expect(spec.matches(epoch: at("2026-11-23T17:00:59Z"), defaultZone: utc))
        #expect(!spec.matches(epoch: at("2026-11-23T17:01:00Z"), defaultZone: utc))
        #expect(!spec.matches(epoch: at("2026-11-22T12:00:00Z"), defaultZone: utc))  // Sunday
    }

    @Test func rangesWrapAround() {
        let night = TimeSpec("22:00-06:00")
        #expect(night.matches(epoch: at("2026-11-23T23:30:00Z"), defaultZone: utc))
        #expect(night.matches(epoch: at("2026-11-23T05:59:00Z"), defaultZone: utc))
        #expect(!night.matches(epoch: at("2026-11-23T12:00:00Z"), defaultZone: utc))
        let weekend = TimeSpec("*,fri-mon,*,*")
        #expect(weekend.matches(epoch: at("2026-11-22T12:00:00Z"), defaultZone: utc))  // Sunday
        #expect(!weekend.matches(epoch: at("2026-11-25T12:00:00Z"), defaultZone: utc))  // Wednesday
        let winter = TimeSpec("*,*,*,nov-feb")
        #expect(winter.matches(epoch: at("2026-01-10T12:00:00Z"), defaultZone: utc))
        #expect(!winter.matches(epoch: at("2026-07-10T12:00:00Z"), defaultZone: utc))
    }

    @Test func holidaysByDayAndMonthAndNumericWeekdays() {
        let christmas = TimeSpec("*,*,25,dec")
        #expect(christmas.matches(epoch: at("2026-12-25T08:00:00Z"), defaultZone: utc))
        #expect(!christmas.matches(epoch: at("2026-12-24T08:00:00Z"), defaultZone: utc))
        // 1 = Sunday ... 7 = Saturday.
        #expect(TimeSpec("*,1,*,*").matches(epoch: at("2026-11-22T08:00:00Z"), defaultZone: utc))
        #expect(TimeSpec("*,mon&wed,*,*").matches(epoch: at("2026-11-25T08:00:00Z"), defaultZone: utc))
    }

    @Test func timeZoneField() {
        let berlinMorning = TimeSpec("09:00-10:00,*,*,*,Europe/Berlin")
        #expect(berlinMorning.timeZoneIdentifier == "Europe/Berlin")
        #expect(berlinMorning.matches(epoch: at("2026-11-23T08:30:00Z"), defaultZone: utc))  // 09:30 in Berlin
        #expect(!berlinMorning.matches(epoch: at("2026-11-23T09:30:00Z"), defaultZone: utc))
        #expect(!TimeSpec("*,*,*,*,Mars/Olympus").problems.isEmpty)
    }

    @Test func invalidItemsAreSkippedAndAnAllInvalidFieldMatchesNothing() {
        let spec = TimeSpec("25:00-26:00,monday,*,*")
        #expect(spec.problems.count == 2)
        #expect(!spec.matches(epoch: at("2026-11-23T09:00:00Z"), defaultZone: utc))
        let partly = TimeSpec("*,mon&funday,*,*")
        #expect(partly.problems.count == 1)
        #expect(partly.matches(epoch: at("2026-11-23T09:00:00Z"), defaultZone: utc))
    }

    @Test func missingFieldsAndPipesAndEmptyMatchEverything() {
        #expect(TimeSpec("").matches(epoch: 0, defaultZone: utc))
        #expect(TimeSpec("*|*|*|*").matches(epoch: 0, defaultZone: utc))
        #expect(TimeSpec("00:00-01:00").matches(epoch: 0, defaultZone: utc))
    }
}

@Suite struct TimeSpecCalendarTests {
    /// The arithmetic calendar agrees with Foundation's on every day over four centuries and negative epochs.
    @Test func civilDatesMatchFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -80_000, through: 80_000, by: 37) {
            let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
            let civil = BrokenDownTime.civil(fromDays: days)
            #expect(civil.0 == parts.year && civil.1 == parts.month && civil.2 == parts.day, "day \(days)")
        }
    }

    @Test func weekdaysAcrossZonesAndDaylightSaving() {
        // 2026-03-29 01:30 UTC is 03:30 CEST in Berlin (after the switch), a Sunday.
        let instant = 1_774_747_800.0
        #expect(TimeSpec("03:30,sun,29,mar,Europe/Berlin").matches(epoch: instant, defaultZone: TimeZone(identifier: "UTC")!))
        #expect(!TimeSpec("02:30,sun,29,mar,Europe/Berlin").matches(epoch: instant, defaultZone: TimeZone(identifier: "UTC")!))
        // Before 1970: 1966-01-01 was a Saturday.
        #expect(TimeSpec("00:00,sat,1,jan").matches(epoch: -126_230_400, defaultZone: TimeZone(identifier: "UTC")!))
        #expect(!TimeSpec("*,fri,*,*").matches(epoch: -126_230_400, defaultZone: TimeZone(identifier: "UTC")!))
    }
}
