import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Dialplan

@Suite struct TimeFunctionsTests {
    @Test func strptimeDocumentedExample() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("STRPTIME", "2006-03-01 07:30:35,America/Chicago,%Y-%m-%d %H:%M:%S", ctx) == "1141219835")
    }

    @Test func strptimeZonesAndDefaults() throws {
        let ctx = FunctionTestKit.context(zone: "Europe/Paris")
        #expect(try read("STRPTIME", "2024-07-01 12:00:00,UTC,%Y-%m-%d %H:%M:%S", ctx) == "1719835200")
        #expect(try read("STRPTIME", "2024-07-01 12:00:00,Europe/Paris,%Y-%m-%d %H:%M:%S", ctx) == "1719828000")
        #expect(try read("STRPTIME", "2024-07-01 12:00:00,,%Y-%m-%d %H:%M:%S", ctx) == "1719828000") // context zone
        #expect(try read("STRPTIME", "2024-01-15 12:00:00,America/New_York,%Y-%m-%d %H:%M:%S", ctx) == "1705338000")
        #expect(try read("STRPTIME", "15/Mar/2024,UTC,%d/%b/%Y", ctx) == "1710460800")
        #expect(try read("STRPTIME", "1710506096,UTC,%s", ctx) != "")
        #expect(try read("STRPTIME", "garbage,UTC,%Y-%m-%d", ctx) == "")
        #expect(!ctx.warnings.isEmpty)
        #expect(throws: FunctionError.self) { try read("STRPTIME", "2024-01-01,UTC", ctx) }
        #expect(throws: FunctionError.self) { try read("STRPTIME", "2024-01-01,UTC,", ctx) }
    }

    @Test func strftimeDefaultsToNowLocalZoneAndC() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("STRFTIME", "", ctx) == "Fri Mar 15 12:34:56 2024")
        #expect(try read("STRFTIME", ",,%Y-%m-%d %H:%M:%S", ctx) == "2024-03-15 12:34:56")
        let chicago = FunctionTestKit.context(zone: "America/Chicago")
        #expect(try read("STRFTIME", ",,%H:%M %Z %z", chicago) == "07:34 CDT -0500")
        #expect(try read("STRFTIME", "1141219835,,%Y-%m-%d %H:%M:%S %Z", chicago) == "2006-03-01 07:30:35 CST")
    }

    @Test(arguments: [
        ("%Y-%m-%d %H:%M:%S", "2024-03-15 12:34:56"), ("%a %A %b %B %h", "Fri Friday Mar March Mar"),
        ("%C %y %G %g %V", "20 24 2024 24 11"), ("%d %e %j %u %w %U %W", "15 15 075 5 5 10 11"),
        ("%I %l %k %p %P", "12 12 12 PM pm"), ("%D|%F|%R|%T|%r", "03/15/24|2024-03-15|12:34|12:34:56|12:34:56 PM"),
        ("%x %X", "03/15/24 12:34:56"), ("%s", "1710506096"), ("%z %Z", "+0000 UTC"), ("100%%", "100%"),
        ("%S.%q", "56.789"), ("%1q|%2q|%3q|%4q|%5q|%6q", "7|78|789|7890|78900|789000"), ("%n%t", "\n\t"),
        ("%-d|%_m|%05Y|%^a|%#Z|%10B|%#p|%^B|%_5d|%-5d|%3Y", "15| 3|02024|FRI|utc|     March|pm|MARCH|   15|   15|2024"), ("%Q%", "%Q%"), ("%7q", "%7q"),
    ])
    func strftimeConversions(format: String, expected: String) throws {
        let ctx = FunctionTestKit.context()
        let actual = try read("STRFTIME", "\(FunctionTestKit.fixedNow),UTC,\(format)", ctx)
        #expect(actual == expected)
    }

    @Test func strftimeZonesAndEpochs() throws {
        let ctx = FunctionTestKit.context()
        #expect(try read("STRFTIME", "0,UTC,%c", ctx) == "Thu Jan  1 00:00:00 1970")
        #expect(try read("STRFTIME", "-1,UTC,%Y-%m-%d %H:%M:%S", ctx) == "1969-12-31 23:59:59")
        #expect(try read("STRFTIME", "1720000000,Asia/Kolkata,%H:%M %z %Z", ctx) == "15:16 +0530 IST")
        #expect(try read("STRFTIME", "1720000000,Europe/Paris,%H:%M %Z", ctx) == "11:46 CEST")
        #expect(try read("STRFTIME", "1720000000,Australia/Sydney,%d %H:%M %Z", ctx) == "03 19:46 AEST")
        #expect(try read("STRFTIME", "951782400,UTC,%Y-%m-%d %j", ctx) == "2000-02-29 060")
        #expect(try read("STRFTIME", "1720000000.5,UTC,%S.%1q", ctx) == "40.5")
        #expect(try read("STRFTIME", "junk,UTC,%Y", ctx) == "2024") // unreadable epoch means now
        #expect(try read("STRFTIME", "0,Not/AZone,%H:%M %Z", ctx) == "00:00 UTC")
        #expect(!ctx.warnings.isEmpty)
        #expect(try read("STRFTIME", "1e300,UTC,%Y", ctx) != "")
    }

    /// The formatter against glibc's own strftime (UTC via gmtime_r, so no process time zone is involved).
    @Test func formatterAgreesWithGlibcInUTC() {
        var generator = SeededGenerator(seed: 7)
        let format = "%a %A %b %B %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %%"
        for _ in 0..<3000 {
            let epoch = Int.random(in: -4_000_000_000...8_000_000_000, using: &generator)
            var seconds = time_t(epoch)
            var parts = tm()
            _ = gmtime_r(&seconds, &parts)
            var buffer = [CChar](repeating: 0, count: 512)
            let count = strftime(&buffer, buffer.count, format, &parts)
            let expected = String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let mine = TimeFormatter.format(format, BrokenDownTime(epoch: Double(epoch), zone: TimeZone(identifier: "UTC")!))
            #expect(mine == expected, "epoch \(epoch)")
            if mine != expected { break }
        }
    }

    @Test func brokenDownRoundTrip() {
        var generator = SeededGenerator(seed: 9)
        for identifier in ["UTC", "America/Chicago", "Europe/Paris", "Asia/Kolkata", "Australia/Lord_Howe"] {
            let zone = TimeZone(identifier: identifier)!
            for _ in 0..<300 {
                let epoch = Int.random(in: 0...4_000_000_000, using: &generator)
                let t = BrokenDownTime(epoch: Double(epoch), zone: zone)
                let back = BrokenDownTime.epoch(year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute,
                                                second: t.second, zone: zone)
                // Only times in the repeated hour after a DST change may come back one offset away.
                #expect(back == epoch || Swift.abs(back - epoch) <= 3600, "\(identifier) \(epoch)")
            }
        }
    }
}
