import Foundation
import Testing
@testable import Audio

@Suite("DTMF talk-off")
struct DTMFTalkOffTests {
    typealias S = DTMFTestSupport

    @Test("no digits in espeak-ng speech", .enabled(if: S.espeakPath != nil, "espeak-ng is not installed"))
    func espeak() throws {
        let texts = [
            ("en", 50, "Thank you for calling. For sales, press one. For support, press two. To repeat these options, press star."),
            ("en+f3", 75, "Please enter your account number followed by the pound key. Zero one two three four five six seven eight nine."),
            ("en-us", 30, "Your call is important to us. Please stay on the line and the next available agent will be with you shortly."),
            ("en+f2", 90, "Mmm hmm. La la la laaa. Beep beep. Good morning, good afternoon, good evening, goodbye."),
        ]
        var total = 0
        for (voice, pitch, text) in texts {
            let speech = try #require(S.speak(text, voice: voice, pitch: pitch), "espeak-ng produced no audio")
            #expect(speech.count > 8000)
            let events = S.detect(speech)
            #expect(events.isEmpty, "\(voice): \(events)")
            total += events.count
        }
        #expect(total == 0)
    }

    @Test("speech followed by a real digit: the digit is found, the speech is not a digit",
          .enabled(if: S.espeakPath != nil, "espeak-ng is not installed"))
    func speechThenDigit() throws {
        let speech = try #require(S.speak("For sales, press one."))
        let audio = speech + S.silence(ms: 100) + S.tone("1", level: -10, ms: 80) + S.silence(ms: 100)
        #expect(S.digits(audio) == "1")
    }

    @Test("no digits in a sample of the Asterisk prompts",
          .enabled(if: S.asteriskAvailable, "asterisk-core-sounds-en-wav is not installed"))
    func asteriskPrompts() throws {
        let all = S.asteriskPrompts()
        let sample = stride(from: 0, to: all.count, by: 8).map { all[$0] }
        var checked = 0
        for path in sample {
            guard let data = FileManager.default.contents(atPath: path), let wav = S.readWAV(data) else {
                Issue.record("unreadable prompt \(path)")
                continue
            }
            let audio = S.resampleTo8k(wav.samples, from: wav.rate)
            let events = S.detect(audio)
            #expect(events.isEmpty, "\(path): \(events)")
            checked += 1
        }
        #expect(checked >= 50)
    }
}
