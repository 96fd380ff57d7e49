import Foundation

/// `--at`/`--now` and `--tz` read into an instant and a zone.
struct ClockOptions {
    var epoch: Double
    var timeZone: TimeZone

    struct Problem: Error {
        var message: String
    }

    static func parse(at text: String?, zone: String?) -> Result<ClockOptions, Problem> {
        var timeZone = TimeZone.current
        if let zone {
            guard let parsed = TimeZone(identifier: zone) else {
                return .failure(Problem(message: "unknown time zone '\(zone)' (use an IANA name such as Europe/Berlin)"))
            }
            timeZone = parsed
        }
        guard let text else { return .success(ClockOptions(epoch: Date().timeIntervalSince1970, timeZone: timeZone)) }
        guard let epoch = instant(text, timeZone: timeZone) else {
            return .failure(Problem(message: "'\(text)' is not an ISO 8601 time such as 2026-11-23T09:30:00Z"))
        }
        return .success(ClockOptions(epoch: epoch, timeZone: timeZone))
    }

    /// ISO 8601 with or without zone and fractional seconds; a time without a zone is read in `timeZone`.
    static func instant(_ text: String, timeZone: TimeZone) -> Double? {
        if let seconds = Double(text), text.allSatisfy({ $0.isNumber || $0 == "." }) { return seconds }
        let withZone = ISO8601DateFormatter()
        withZone.formatOptions = [.withInternetDateTime]
        if let date = withZone.date(from: text) { return date.timeIntervalSince1970 }
        withZone.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withZone.date(from: text) { return date.timeIntervalSince1970 }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date.timeIntervalSince1970 }
        }
        return nil
    }
}
