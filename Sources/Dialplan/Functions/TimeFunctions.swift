import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// STRFTIME and STRPTIME (`funcs/func_strings.c`), thread-safe: zones come from Foundation, never from `TZ`.
enum TimeFunctions {
    typealias S = FunctionSupport

    static let all: [DialplanFunction] = [
        DialplanFunction("STRFTIME", synopsis: "STRFTIME([epoch][,timezone][,format]) — formats a time; defaults now, local zone, %c",
                         read: { argument, context throws(FunctionError) in strftime(argument, context) }),
        DialplanFunction("STRPTIME", synopsis: "STRPTIME(datetime,timezone,format) — the epoch of a formatted time",
                         read: { argument, context throws(FunctionError) in try strptime(argument, context) }),
    ]

    /// The zone named by a function argument; empty means the context's zone, an unknown name means UTC (as Asterisk).
    static func zone(_ name: String, _ context: any EvaluationContext) -> TimeZone {
        if name.isEmpty { return context.timeZone }
        if let zone = TimeZone(identifier: name) { return zone }
        context.warn("unknown time zone '\(name)', using UTC")
        return TimeZone(identifier: "UTC") ?? context.timeZone
    }

    static func strftime(_ argument: String, _ context: any EvaluationContext) -> String {
        let args = ArgumentSplitter.split(argument, limit: 3)
        var epoch = context.now
        if let text = args.first, !text.isEmpty, let parsed = S.scanDouble(text) {
            epoch = parsed
        }
        let zoneName = args.count > 1 ? args[1] : ""
        let zone = zone(zoneName, context)
        let format = args.count > 2 ? args[2] : "%c"
        let known = !zoneName.isEmpty && TimeZone(identifier: zoneName) != nil
        let time = BrokenDownTime(epoch: epoch, zone: zone, zoneName: zoneName.isEmpty ? nil : (known ? zoneName : "UTC"))
        let result = TimeFormatter.format(format, time)
        if result.isEmpty { context.warn("C function strftime() output nothing?!!") }
        return result
    }

    static func strptime(_ argument: String, _ context: any EvaluationContext) throws(FunctionError) -> String {
        let args = ArgumentSplitter.split(argument, limit: 3)
        guard args.count > 2, !args[2].isEmpty else {
            throw .badArguments(function: "STRPTIME", reason: "no format supplied to STRPTIME(<timestring>,<timezone>,<format>)")
        }
        guard let parts = parse(args[0], format: args[2]) else {
            context.warn("STRPTIME() found no time specified within the string")
            return ""
        }
        let seconds = BrokenDownTime.epoch(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                                           hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec),
                                           zone: zone(args[1], context))
        // Asterisk prints "%d" of (int) tv_sec.
        return String(Int32(truncatingIfNeeded: seconds))
    }

    /// glibc `strptime` into a zeroed `tm`; nil when the text does not match the format.
    static func parse(_ text: String, format: String) -> tm? {
        guard !text.utf8.contains(0), !format.utf8.contains(0), let strptime = cStrptime else { return nil }
        var parts = tm()
        let matched = text.withCString { textPointer in
            format.withCString { formatPointer in
                strptime(textPointer, formatPointer, &parts) != nil
            }
        }
        return matched ? parts : nil
    }

    private typealias StrptimeFunction = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafeMutablePointer<tm>?) -> UnsafeMutablePointer<CChar>?

    /// The C library's `strptime`, looked up at run time because the Glibc module does not export it.
    private static let cStrptime: StrptimeFunction? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "strptime") else { return nil }
        return unsafeBitCast(symbol, to: StrptimeFunction.self)
    }()
}
