import Audio
import Engine
import Foundation

/// `ivr dtmf decode FILE` and `ivr dtmf generate DIGITS OUT.wav`: the DTMF detector and generator on files.
enum DTMFCommand: Subcommand {
    static let name = "dtmf"
    static let summary = "decode DTMF digits from a WAV, or generate a WAV of digits"
    static let help = """
    usage: ivr dtmf decode FILE [--times] [--bench N]
           ivr dtmf generate DIGITS OUT.wav [--on 80ms] [--off 80ms] [--level -10] [--twist 0] [--length TIME]
                                            [--encoding pcm16|ulaw|alaw]

    decode: reads any audio libsndfile reads (converted to 8 kHz mono) and prints the detected digits on one line.
      --times      one digit a line instead: digit, start and duration in seconds
      --bench N    decode the file N times in-process and print the detector's samples per second as the last
                   line (file reading excluded)

    generate: writes DIGITS as DTMF tones. DIGITS is either plain digits ('1234#', each --on long with --off
    silence after it) or a digit script with times ('1@3s 1234#@8.5s', as ivr run --digits takes).
      --on TIME        tone length (default 80ms)
      --off TIME       silence after each tone (default 80ms)
      --level DBM0     level of the low tone in dBm0 (default -10)
      --twist DB       high tone level minus low tone level (default 0)
      --length TIME    pad the file with silence to this length
      --encoding E     pcm16 (default), ulaw or alaw

    exit status: 0 done, 1 the file could not be read or written, 2 bad usage

    """
    static let options: [String: ArgumentScanner.Kind] = [
        "--times": .flag, "--bench": .value, "--on": .value, "--off": .value, "--level": .value, "--twist": .value,
        "--length": .value, "--encoding": .value,
    ]

    static func run(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus {
        guard let action = arguments.positionals.first else { return usageError("expected decode or generate", io: io) }
        switch action {
        case "decode": return decode(arguments, io: io)
        case "generate": return generate(arguments, io: io)
        default: return usageError("unknown action '\(action)' (expected decode or generate)", io: io)
        }
    }

    static func decode(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus {
        guard arguments.positionals.count == 2 else { return usageError("decode needs one FILE", io: io) }
        let path = arguments.positionals[1]
        let clip: AudioClip
        do {
            clip = try AudioFile.read(path)
        } catch {
            io.err("ivr dtmf: \(error.description)\n")
            return .failure
        }
        let events = DTMFDetector.detect(clip.samples)
        if arguments.has("--times") {
            for event in events {
                io.out("\(event.digit)\t" + String(format: "%.3f\t%.3f\n", Double(event.startSample) / 8000,
                                                     Double(event.durationSamples) / 8000))
            }
        } else {
            io.out(String(events.map(\.digit)) + "\n")
        }
        if let text = arguments.value("--bench") {
            guard let runs = Int(text), runs > 0 else { return usageError("--bench needs a positive count", io: io) }
            let started = DispatchTime.now().uptimeNanoseconds
            var total = 0
            for _ in 0..<runs { total += DTMFDetector.detect(clip.samples).count }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let rate = Double(clip.samples.count * runs) / max(seconds, 1e-9)
            io.out(String(format: "%.0f samples/s (%d runs, %.1fx realtime)\n", rate, runs, rate / 8000) )
            _ = total
        }
        return .success
    }

    static func generate(_ arguments: ArgumentScanner, io: CommandIO) -> ExitStatus {
        guard arguments.positionals.count == 3 else { return usageError("generate needs DIGITS and OUT.wav", io: io) }
        let digits = arguments.positionals[1]
        let output = arguments.positionals[2]
        func milliseconds(_ option: String, _ fallback: Double) -> Double? {
            guard let text = arguments.value(option) else { return fallback }
            return CallerScript.parseDuration(text).map { $0 * 1000 }
        }
        guard let on = milliseconds("--on", 80), let off = milliseconds("--off", 80) else {
            return usageError("--on and --off need times such as 80ms", io: io)
        }
        guard let level = Double(arguments.value("--level") ?? "-10"), level <= 3.14,
              let twist = Double(arguments.value("--twist") ?? "0"), level.isFinite, twist.isFinite else {
            return usageError("--level needs dBm0 (at most 3.14) and --twist dB", io: io)
        }
        guard let encoding = AudioEncoding(rawValue: arguments.value("--encoding") ?? "pcm16") else {
            return usageError("--encoding must be pcm16, ulaw or alaw", io: io)
        }
        let generator = DTMFGenerator(onMilliseconds: on, offMilliseconds: off, levelDBm0: level, twistDB: twist)
        var samples: [Int16] = []
        if digits.contains("@") {
            let presses: [CallerScript.Press]
            do { presses = try CallerScript.parseDigits(digits) } catch {
                return usageError("DIGITS: \(error.description)", io: io)
            }
            // A press is delivered when its tone ends, so each tone is laid to end at the scripted time.
            for press in presses {
                guard let tone = generator.tone(for: press.digit) else { continue }
                let end = Int((press.time * 8000).rounded())
                let start = max(end - tone.count, samples.count)
                if samples.count < start { samples += [Int16](repeating: 0, count: start - samples.count) }
                samples += tone
            }
            samples += [Int16](repeating: 0, count: generator.offSamples)
        } else {
            guard let rendered = generator.samples(for: digits) else {
                return usageError("DIGITS may hold only 0-9, *, #, A-D", io: io)
            }
            samples = rendered
        }
        if let text = arguments.value("--length") {
            guard let seconds = CallerScript.parseDuration(text) else { return usageError("--length needs a time", io: io) }
            let count = Int(seconds * 8000)
            if samples.count < count { samples += [Int16](repeating: 0, count: count - samples.count) }
        }
        do {
            try AudioFile.write(AudioClip(samples: samples), to: output, encoding: encoding)
        } catch {
            io.err("ivr dtmf: \(error.description)\n")
            return .failure
        }
        return .success
    }
}
