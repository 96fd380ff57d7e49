import Testing
@testable import Audio
@Test func debugTmp() {
    let t = DTMFTestSupport.tone("*", level: -15, low: 0.012, high: -0.012, ms: 45)
    let audio = DTMFTestSupport.framed(t, lead: 517)
    let c = DTMFDetectorConfiguration()
    var bank = GoertzelBank(size: 40)
    var history = SubBlockHistory()
    let classifier = DTMFClassifier(configuration: c, subBlockSize: 40)
    audio.withUnsafeBufferPointer { buf in
        var off = 0
        while off < buf.count {
            off += bank.accumulate(buf, from: off)
            if bank.isComplete {
                history.append(bank.take())
                let hit = classifier.classify(history)
                let j = history.count - 1
                if j >= 11 && j <= 26 { print("DBG sb", j, "start", j*40, "e", Int(history.energy(j) ?? 0), hit.map { "\($0)" } ?? "-") }
            }
        }
    }
}
