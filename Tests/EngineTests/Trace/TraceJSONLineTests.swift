import Dialplan
import Testing
@testable import Engine

/// The trace line is written as bytes; it must read exactly as the string form (`JSONValue.text`) would.
@Suite struct TraceJSONLineTests {
    @Test func timesReadAsMillisecondsText() {
        var times: [Double] = [0, -0.0, 1, 10, 0.5, 0.05, 0.005, 0.0004, 0.0005, 1.25, 12.345, 99.999, 99.9995, 100.1,
                               -0.5, -1.001, -12.34, 1_767_607_200, 1_767_607_200.123, 9e12, 9.1e12, .nan,
                               .infinity, -.infinity, 0.1 + 0.2]
        for step in 0..<2_000 { times.append(Double(step) * 0.0137 - 3) }
        for time in times {
            let line = TraceJSON.line(CallEvent(time: time, kind: .digit("1")))
            #expect(line == "{\"event\":\"digit\",\"t\":\(Milliseconds.text(time, trimmingZeros: true)),\"digit\":\"1\"}")
        }
    }

    @Test func stringsAndIntegersReadAsTheirText() {
        let values = ["", "plain", "quote \" here", "back\\slash", "tab\there", "new\nline", "\u{1}", "é ▶ 日本"]
        for value in values {
            let line = TraceJSON.line(CallEvent(time: 1, kind: .verbose(level: -42, message: value)))
            #expect(line == "{\"event\":\"verbose\",\"t\":1,\"level\":-42,\"message\":\(TraceJSON.quote(value))}")
        }
        for number in [0, 7, 10, 16, -1, 123_456_789, Int.max, Int.min] {
            let line = TraceJSON.line(CallEvent(time: 0, kind: .hangup(cause: number, byCaller: true)))
            #expect(line == "{\"event\":\"hangup\",\"t\":0,\"cause\":\(number),\"by\":\"caller\"}")
        }
    }
}
