import Foundation
@testable import Dialplan

/// Builds small dialplans for pattern and lookup tests.
struct PlanBuilder {
    var plan = Dialplan()
    private var line = 0

    private mutating func nextLocation() -> SourceLocation {
        line += 1
        return SourceLocation(file: "test.conf", line: line)
    }

    /// Adds `exten => name[/cid],priority(label),NoOp(data)` for each priority.
    mutating func add(_ context: String, _ name: String, cid: String? = nil, priorities: [Int] = [1],
                      label: (priority: Int, name: String)? = nil, data: String? = nil) {
        let location = nextLocation()
        plan.updateContext(named: context, location: location) { ctx in
            ctx.updateExtension(named: name, callerID: cid, location: location) { ext in
                for number in priorities {
                    let labelName = label.flatMap { $0.priority == number ? $0.name : nil }
                    ext.insert(Priority(number: number, label: labelName, application: "NoOp",
                                        data: data ?? name, location: location))
                }
            }
        }
    }

    /// Creates an empty context.
    mutating func context(_ name: String) {
        let location = nextLocation()
        plan.updateContext(named: name, location: location) { _ in }
    }

    /// `include => target[,timespec]` in `context`.
    mutating func include(_ context: String, _ target: String, timeSpec: String? = nil) {
        let location = nextLocation()
        plan.updateContext(named: context, location: location) { ctx in
            ctx.includes.append(ContextInclude(context: target, timeSpecText: timeSpec,
                                               timeSpec: timeSpec.map { TimeSpec($0) }, location: location))
        }
    }

    mutating func addSwitch(_ context: String, _ target: String) {
        let location = nextLocation()
        plan.updateContext(named: context, location: location) { ctx in
            ctx.switches.append(ContextSwitch(kind: .switch, target: target, location: location))
        }
    }
}

/// A deterministic generator for property tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A direct, uncompiled reading of Asterisk's list matcher, walking the pattern text byte by byte; the compiled
/// matcher must agree with it on every input.
enum ReferenceMatcher {
    static func match(_ patternText: [UInt8], _ dataText: [UInt8], _ mode: MatchMode) -> Int {
        let pattern = patternText.prefix { $0 != 0 }.map { $0 }
        let data = dataText.prefix { $0 != 0 }.map { $0 }
        func p(_ i: Int) -> UInt8 { i < pattern.count ? pattern[i] : 0 }
        func d(_ i: Int) -> UInt8 { i < data.count ? data[i] : 0 }
        let dash = UInt8(ascii: "-")
        if p(0) != UInt8(ascii: "_") {
            let lp = pattern.filter { $0 != dash }
            let ld = data.filter { $0 != dash }
            if lp.count < ld.count { return 0 }
            if mode == .match { return lp == ld ? 1 : 0 }
            if ld.isEmpty || Array(lp.prefix(ld.count)) == ld {
                return mode == .matchMore ? (lp.count > ld.count ? 1 : 0) : 1
            }
            return 0
        }
        if mode == .match && d(0) == UInt8(ascii: "_") {
            let a = ExtensionPattern(String(decoding: pattern, as: UTF8.self))
            let b = ExtensionPattern(String(decoding: data, as: UTF8.self))
            if ExtensionPattern.compare(a, b) == 0 { return 1 }
        }
        var pi = 1
        var di = 0
        while true {
            while d(di) == dash { di += 1 }
            while p(pi) == dash { pi += 1 }
            if d(di) == 0 || p(pi) == 0 || p(pi) == UInt8(ascii: "/") { break }
            let c = d(di)
            switch p(pi) {
            case UInt8(ascii: "["):
                pi += 1
                guard let end = pattern[pi...].firstIndex(of: UInt8(ascii: "]")) else { return 0 }
                if pi == end { pi += 1; continue }
                var hit = false
                while pi < end {
                    if pi + 2 < end && p(pi + 1) == dash {
                        let lo = Int8(bitPattern: p(pi)), hi = Int8(bitPattern: p(pi + 2)), v = Int8(bitPattern: c)
                        if v >= lo && v <= hi { hit = true; break }
                        pi += 3
                    } else {
                        if c == p(pi) { hit = true; break }
                        pi += 1
                    }
                }
                if !hit { return 0 }
                pi = end
            case UInt8(ascii: "n"), UInt8(ascii: "N"):
                if c < UInt8(ascii: "2") || c > UInt8(ascii: "9") { return 0 }
            case UInt8(ascii: "x"), UInt8(ascii: "X"):
                if c < UInt8(ascii: "0") || c > UInt8(ascii: "9") { return 0 }
            case UInt8(ascii: "z"), UInt8(ascii: "Z"):
                if c < UInt8(ascii: "1") || c > UInt8(ascii: "9") { return 0 }
            case UInt8(ascii: "."):
                return 1
            case UInt8(ascii: "!"):
                return 2
            default:
                if c != p(pi) { return 0 }
            }
            di += 1
            pi += 1
        }
        if d(di) != 0 { return 0 }
        if p(pi) == 0 || p(pi) == UInt8(ascii: "/") { return mode == .matchMore ? 0 : 1 }
        if p(pi) == UInt8(ascii: "!") { return 2 }
        return mode == .match ? 0 : 1
    }
}

extension ExtensionPattern {
    /// (match, canMatch, matchMore) for `data`.
    func modes(_ data: String) -> [Int] {
        [match(data, mode: .match), match(data, mode: .canMatch), match(data, mode: .matchMore)]
    }
}
