import Foundation

/// A moment broken down in a time zone the way the SayUnixTime walkers read it (`struct ast_tm`): weekday 0 is
/// Sunday.
struct SaidDate {
    let year: Int, month: Int, day: Int, weekday: Int, hour: Int, minute: Int, second: Int

    init(epoch: Int, zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second],
                                            from: Date(timeIntervalSince1970: Double(epoch)))
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
        weekday = (parts.weekday ?? 1) - 1
        hour = parts.hour ?? 0
        minute = parts.minute ?? 0
        second = parts.second ?? 0
    }
}
