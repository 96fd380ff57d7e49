import Foundation

/// Time-zone abbreviations (`%Z`) as the tz database spells them ("CST", "CEST", "IST"), read from the
/// system's TZif files, because Foundation on Linux only offers "GMT-6"-style names.
enum ZoneAbbreviations {
    struct ZoneInfo: Sendable {
        struct LocalTimeType: Sendable { var offset: Int; var isDST: Bool; var abbreviation: String }
        var transitions: [Int64] = []
        var transitionTypes: [Int] = []
        var types: [LocalTimeType] = []
        var footerNames: (standard: String?, daylight: String?) = (nil, nil)
    }

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var zones: [String: ZoneInfo?] = [:]
    }

    private static let cache = Cache()
    static let zoneDirectories = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"]

    /// The abbreviation in force in the zone named `identifier` at `date` with UTC offset `offset`, or nil when the tz data cannot tell.
    static func abbreviation(identifier: String, date: Date, offset: Int, isDST: Bool) -> String? {
        guard let info = info(for: identifier) else { return nil }
        let time = Int64(date.timeIntervalSince1970.rounded(.down))
        var last = -1
        var low = 0, high = info.transitions.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if info.transitions[middle] <= time { last = middle; low = middle + 1 } else { high = middle - 1 }
        }
        if last >= 0, last < info.transitionTypes.count {
            let type = info.types[info.transitionTypes[last]]
            if type.offset == offset && last < info.transitions.count - 1 { return type.abbreviation }
        } else if last < 0, let first = info.types.first, first.offset == offset {
            return first.abbreviation
        }
        if let name = isDST ? info.footerNames.daylight : info.footerNames.standard { return name }
        for index in info.transitionTypes.reversed() {
            let type = info.types[index]
            if type.offset == offset && type.isDST == isDST { return type.abbreviation }
        }
        return info.types.first(where: { $0.offset == offset })?.abbreviation
    }

    static func info(for identifier: String) -> ZoneInfo? {
        cache.lock.lock()
        if let cached = cache.zones[identifier] {
            cache.lock.unlock()
            return cached
        }
        cache.lock.unlock()
        let loaded = load(identifier)
        cache.lock.lock()
        cache.zones[identifier] = loaded
        cache.lock.unlock()
        return loaded
    }

    private static func load(_ identifier: String) -> ZoneInfo? {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-".utf8)
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.contains(".."),
              identifier.utf8.allSatisfy({ allowed.contains($0) }) else { return nil }
        for directory in zoneDirectories {
            if let data = FileManager.default.contents(atPath: directory + "/" + identifier), let info = parse(Array(data)) {
                return info
            }
        }
        return nil
    }

    /// Parses TZif data (RFC 8536), preferring the 64-bit block of version 2+ files.
    static func parse(_ bytes: [UInt8]) -> ZoneInfo? {
        guard bytes.count >= 44, bytes[0..<4].elementsEqual(Array("TZif".utf8)) else { return nil }
        func be32(_ at: Int) -> Int64? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            let value = UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
            return Int64(Int32(bitPattern: value))
        }
        func be64(_ at: Int) -> Int64? {
            guard at >= 0, at + 8 <= bytes.count, let high = be32(at), let low = be32(at + 4) else { return nil }
            return high << 32 | (low & 0xFFFF_FFFF)
        }
        func counts(_ at: Int) -> [Int]? {
            var result: [Int] = []
            for k in 0..<6 {
                guard let value = be32(at + 20 + 4 * k), value >= 0, value < 1_000_000 else { return nil }
                result.append(Int(value))
            }
            return result
        }
        guard let first = counts(0) else { return nil }
        let version = bytes[4]
        func blockSize(_ c: [Int], timeSize: Int) -> Int {
            c[3] * timeSize + c[3] + c[4] * 6 + c[5] + c[2] * (timeSize + 4) + c[1] + c[0]
        }
        var header = 0
        var timeSize = 4
        var c = first
        if version >= UInt8(ascii: "2") {
            header = 44 + blockSize(first, timeSize: 4)
            guard let second = counts(header) else { return nil }
            c = second
            timeSize = 8
        }
        var position = header + 44
        guard position + blockSize(c, timeSize: timeSize) <= bytes.count else { return nil }
        var info = ZoneInfo()
        for _ in 0..<c[3] {
            guard let time = timeSize == 8 ? be64(position) : be32(position) else { return nil }
            info.transitions.append(time)
            position += timeSize
        }
        for _ in 0..<c[3] {
            info.transitionTypes.append(Int(bytes[position]))
            position += 1
        }
        var raw: [(Int, Bool, Int)] = []
        for _ in 0..<c[4] {
            guard let offset = be32(position) else { return nil }
            raw.append((Int(offset), bytes[position + 4] != 0, Int(bytes[position + 5])))
            position += 6
        }
        let characters = Array(bytes[position..<(position + c[5])])
        position += c[5]
        for (offset, isDST, index) in raw {
            var end = index
            while end < characters.count && characters[end] != 0 { end += 1 }
            let name = index < characters.count ? String(decoding: characters[index..<end], as: UTF8.self) : ""
            info.types.append(.init(offset: offset, isDST: isDST, abbreviation: name))
        }
        guard info.transitionTypes.allSatisfy({ $0 < info.types.count }) else { return nil }
        position += c[2] * (timeSize + 4) + c[1] + c[0]
        if timeSize == 8, position < bytes.count, bytes[position] == 0x0A {
            let rest = bytes[(position + 1)...]
            let footer = rest.prefix(while: { $0 != 0x0A })
            info.footerNames = footerNames(String(decoding: footer, as: UTF8.self))
        }
        return info
    }

    /// The standard and daylight names of a POSIX TZ string such as `CST6CDT,M3.2.0,M11.1.0` or `<+0530>-5:30`.
    static func footerNames(_ tz: String) -> (standard: String?, daylight: String?) {
        var b = Array(tz.utf8)[...]
        func name() -> String? {
            if b.first == UInt8(ascii: "<") {
                guard let close = b.firstIndex(of: UInt8(ascii: ">")) else { return nil }
                let text = String(decoding: b[(b.startIndex + 1)..<close], as: UTF8.self)
                b = b[(close + 1)...]
                return text
            }
            let letters = b.prefix(while: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) })
            guard letters.count >= 3 else { return nil }
            b = b.dropFirst(letters.count)
            return String(decoding: letters, as: UTF8.self)
        }
        func skipOffset() {
            b = b.drop(while: { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") })
        }
        guard let standard = name() else { return (nil, nil) }
        skipOffset()
        let daylight = b.isEmpty ? nil : name()
        return (standard, daylight)
    }
}
