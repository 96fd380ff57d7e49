import Foundation
import Testing
@testable import Dialplan

/// Random and mutated dialplans and expressions: every input yields a model or diagnostics, never a crash or hang.
@Suite struct FuzzTests {
    static let seedText = """
    [globals]
    A=1
    [menu](!)
    exten => i,1,Playback(invalid)
    [main](menu)
    include => other,09:00-17:00,mon-fri,*,*
    exten => s,1,Answer()
     same => n(loop),Background(${A}&x);-- block --;
     same => n,GotoIf($[${A} = 1]?loop:other,s,1)
    exten => _X.!,1,Set(B=${CUT(A,-,1-2)}) ; comment
    exten => 123/_55X,hint,PJSIP/1
    [other]
    exten => s,1,Gosub(main,s,loop(1,2))
    """

    static let alphabet = Array("[](){}$;,=>_.!-\"\\\n /|?:&*#XNZ0123456789abcs".utf8)

    @Test func mutatedDialplansNeverCrash() {
        var generator = SeededGenerator(seed: 42)
        let base = Array(Self.seedText.utf8)
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where position < bytes.count: bytes.remove(at: position)
                case 1 where position < bytes.count:
                    bytes[position] = Self.alphabet.randomElement(using: &generator) ?? 0x20
                default: bytes.insert(Self.alphabet.randomElement(using: &generator) ?? 0x20, at: position)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let result = DialplanLoader().load(text: text, path: "fuzz.conf")
            // Whatever happened, each diagnostic points into the file.
            for diagnostic in result.diagnostics where diagnostic.location.line > 0 {
                #expect(diagnostic.location.line <= text.split(separator: "\n", omittingEmptySubsequences: false).count)
            }
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let length = Int.random(in: 0..<300, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = DialplanLoader().load(text: String(decoding: bytes, as: UTF8.self), path: "random.conf")
        }
    }

    @Test func randomSubstitutionsNeverCrash() {
        var generator = SeededGenerator(seed: 9)
        let pieces = ["${", "}", "$[", "]", "(", ")", "A", "LEN(", "CUT(", ":", "-1", "1", "+", "\"", "=~", "?", "::",
                      "${A}", "$[1+", "IF(", "x", ",", "\\", "SPRINTF(%*d,", "MATH(", "~~", "!", "|", "&"]
        let context = StandaloneContext(now: 0)
        context.setVariable("A", to: "12345")
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0..<20, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            _ = Substituter.substitute(text, in: context)
        }
    }

    @Test func deepNestingIsBounded() {
        let context = StandaloneContext(now: 0)
        for depth in [100, 5_000] {
            _ = Substituter.substitute(String(repeating: "${", count: depth) + String(repeating: "}", count: depth), in: context)
            _ = Substituter.substitute("$[" + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth) + "]",
                                       in: context)
            let plan = "[c]\nexten => s,1,NoOp(" + String(repeating: "${(", count: depth) + ")\n"
            #expect(DialplanLoader().load(text: plan, path: "deep.conf").hasErrors)
        }
    }
}
