import Audio
import Foundation

// dtmf-lab: Q.24 conformance set, scoring, talk-off counting and speed for the DTMF detector.
//
//   dtmf-lab generate DIR                  write DIR/*.raw (s16le, 8 kHz) and DIR/manifest.txt
//   dtmf-lab score DIR [--external FILE]   per-category pass counts (ours, or FILE's "name digits" lines)
//   dtmf-lab compare DIR FILE [LABEL]      side-by-side table: ours vs FILE's results
//   dtmf-lab detect FILE...                "name digits" per file ("-" = none)
//   dtmf-lab talkoff FILE...               false digits on raw files (every digit is false)
//   dtmf-lab bench FILE N                  decode FILE N times, print samples/s

let usage = """
usage: dtmf-lab generate DIR | score DIR [--external FILE] | compare DIR FILE [LABEL]
                | detect FILE... | talkoff FILE... | bench FILE N
"""

struct ManifestEntry {
    var category: String
    var name: String
    var expected: String
}

func readManifest(_ dir: String) -> [ManifestEntry] {
    guard let text = try? String(contentsOfFile: dir + "/manifest.txt", encoding: .utf8) else {
        fail("cannot read \(dir)/manifest.txt")
    }
    var entries: [ManifestEntry] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count == 3 else { continue }
        entries.append(ManifestEntry(category: String(fields[0]), name: String(fields[1]),
                                     expected: fields[2] == "-" ? "" : String(fields[2])))
    }
    return entries
}

/// "name digits" lines (the spandsp driver's output) → name: digits.
func readResults(_ path: String) -> [String: String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    var results: [String: String] = [:]
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ")
        guard let first = fields.first else { continue }
        var name = String(first)
        if name.hasSuffix(".raw") { name.removeLast(4) }
        let digits = fields.count > 1 ? String(fields[1]) : ""
        results[name] = digits == "-" ? "" : digits
    }
    return results
}

/// Per category (in report order): (passed files, files).
func score(_ dir: String, results: [String: String]?) -> [(String, Int, Int)] {
    var tally: [String: (Int, Int)] = [:]
    for entry in readManifest(dir) {
        let got: String
        if let results {
            got = results[entry.name] ?? "?"
        } else {
            guard let samples = RawAudio.read("\(dir)/\(entry.name).raw") else { fail("cannot read \(entry.name).raw") }
            got = detectDigits(samples)
        }
        var t = tally[entry.category] ?? (0, 0)
        t.1 += 1
        if got == entry.expected { t.0 += 1 }
        tally[entry.category] = t
    }
    let order = conformanceCategories + tally.keys.filter { !conformanceCategories.contains($0) }.sorted()
    return order.compactMap { c in tally[c].map { (c, $0.0, $0.1) } }
}

func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail(usage) }

switch args[1] {
case "generate":
    guard args.count == 3 else { fail(usage) }
    let dir = args[2]
    do {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    } catch {
        fail("cannot create \(dir): \(error)")
    }
    var manifest = "# category\tname\texpected digits (- = none); files are NAME.raw, s16le 8 kHz mono\n"
    let cases = makeConformanceSet()
    for c in cases {
        guard RawAudio.write(c.samples, to: "\(dir)/\(c.name).raw") else { fail("cannot write \(c.name).raw") }
        manifest += "\(c.category)\t\(c.name)\t\(c.expected.isEmpty ? "-" : c.expected)\n"
    }
    guard FileManager.default.createFile(atPath: dir + "/manifest.txt", contents: Data(manifest.utf8)) else {
        fail("cannot write manifest")
    }
    print("wrote \(cases.count) files and manifest.txt to \(dir)")

case "score":
    guard args.count == 3 || (args.count == 5 && args[3] == "--external") else { fail(usage) }
    let external = args.count == 5 ? readResults(args[4]) : nil
    var passed = 0, total = 0
    for (category, ok, n) in score(args[2], results: external) {
        print("\(pad(category, 30)) \(ok)/\(n)")
        passed += ok
        total += n
    }
    print("\(pad("total", 30)) \(passed)/\(total)")

case "compare":
    guard args.count >= 4 else { fail(usage) }
    let label = args.count >= 5 ? args[4] : "other"
    let ours = score(args[2], results: nil)
    let theirs = Dictionary(score(args[2], results: readResults(args[3])).map { ($0.0, ($0.1, $0.2)) },
                            uniquingKeysWith: { a, _ in a })
    print("| \(pad("Q.24 category", 30)) | \(pad("ours", 9)) | \(pad(label, 9)) |")
    print("|\(String(repeating: "-", count: 32))|-----------|-----------|")
    for (category, ok, n) in ours {
        let t = theirs[category].map { "\($0.0)/\($0.1)" } ?? "-"
        print("| \(pad(category, 30)) | \(pad("\(ok)/\(n)", 9)) | \(pad(t, 9)) |")
    }

case "detect":
    for path in args.dropFirst(2) {
        guard let samples = RawAudio.read(path) else { fail("cannot read \(path)") }
        let digits = detectDigits(samples)
        print("\((path as NSString).lastPathComponent) \(digits.isEmpty ? "-" : digits)")
    }

case "talkoff":
    var falseDigits = 0
    var samplesSeen = 0
    for path in args.dropFirst(2) {
        guard let samples = RawAudio.read(path) else { fail("cannot read \(path)") }
        samplesSeen += samples.count
        var detector = DTMFDetector(configuration: labConfiguration)
        let events = detector.process(samples) + detector.finish()
        if !events.isEmpty {
            print("\((path as NSString).lastPathComponent): \(events.map(\.description).joined(separator: " "))")
        }
        falseDigits += events.count
    }
    print("talk-off: \(falseDigits) false digits in \(args.count - 2) files, \(String(format: "%.1f", Double(samplesSeen) / 8000 / 60)) min")

case "bench":
    guard args.count == 4, let reps = Int(args[3]), reps > 0 else { fail(usage) }
    guard let samples = RawAudio.read(args[2]), !samples.isEmpty else { fail("cannot read \(args[2])") }
    var digits = 0
    let clock = ContinuousClock()
    let elapsed = clock.measure {
        for _ in 0..<reps {
            digits += detectDigits(samples).count
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    print(String(format: "%.0f samples/s (%d digits, %d reps of %d samples, %.3f s)",
                 Double(samples.count) * Double(reps) / seconds, digits, reps, samples.count, seconds))

default:
    fail(usage)
}
