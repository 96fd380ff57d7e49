import Testing
@testable import Engine

@Suite("AGI command parsing (parse_args / find_command)")
struct AGICommandParserTests {
    @Test("blanks split words; runs of blanks and tabs count once")
    func blanks() {
        #expect(AGICommandParser.split("STREAM FILE hello 12") == ["STREAM", "FILE", "hello", "12"])
        #expect(AGICommandParser.split("  NOOP \t  x  ") == ["NOOP", "x"])
        #expect(AGICommandParser.split("") == [])
        #expect(AGICommandParser.split("   ") == [])
    }

    @Test("double quotes group words and are removed")
    func quotes() {
        #expect(AGICommandParser.split(#"SET VARIABLE X "hello world""#) == ["SET", "VARIABLE", "X", "hello world"])
        #expect(AGICommandParser.split("STREAM FILE hello \"\"") == ["STREAM", "FILE", "hello", ""])
        #expect(AGICommandParser.split(#"a"b c"d e"#) == ["ab cd", "e"])
        #expect(AGICommandParser.split(#""unterminated quote"#) == ["unterminated quote"])
        #expect(AGICommandParser.split("\"\" x") == ["", "x"])
        // A quote that opens mid-word continues the word: `"""` is open, close, open.
        #expect(AGICommandParser.split("\"\"\" x") == [" x"])
    }

    @Test("backslash escapes the next character")
    func escapes() {
        #expect(AGICommandParser.split(#"SET VARIABLE X a\ b"#) == ["SET", "VARIABLE", "X", "a b"])
        #expect(AGICommandParser.split(#"x \"quoted\""#) == ["x", "\"quoted\""])
        #expect(AGICommandParser.split(#"x a\\b"#) == ["x", #"a\b"#])
        #expect(AGICommandParser.split(#"x \n"#) == ["x", "n"])
        #expect(AGICommandParser.split(#"x "in \" quote""#) == ["x", #"in " quote"#])
        #expect(AGICommandParser.split(#"x trailing\"#) == ["x", "trailing"])
    }

    @Test("at most 127 words are kept")
    func tooManyWords() {
        let line = (0..<200).map(String.init).joined(separator: " ")
        let words = AGICommandParser.split(line)
        #expect(words.count == 127)
        #expect(words.last == "126")
    }

    @Test("non-UTF-8 bytes survive splitting as replacement characters")
    func garbageBytes() {
        let words: [String] = AGICommandParser.split(bytes: [0xff, 0xfe, 0x20, 0x41])
        #expect(words.count == 2)
        #expect(words[1] == "A")
    }

    @Test("command words match case-insensitively, arguments follow")
    func lookup() {
        #expect(AGICommandParser.lookup(["stream", "FILE", "x", "1"])?.words == ["stream", "file"])
        #expect(AGICommandParser.lookup(["Get", "Full", "Variable", "${X}"])?.words == ["get", "full", "variable"])
        #expect(AGICommandParser.lookup(["GET", "VARIABLE", "X"])?.words == ["get", "variable"])
        #expect(AGICommandParser.lookup(["wait", "for", "digit", "100"])?.words == ["wait", "for", "digit"])
        #expect(AGICommandParser.lookup(["NOOP"])?.words == ["noop"])
    }

    @Test("incomplete or unknown commands do not match")
    func noMatch() {
        #expect(AGICommandParser.lookup(["GET"]) == nil)
        #expect(AGICommandParser.lookup(["WAIT", "FOR"]) == nil)
        #expect(AGICommandParser.lookup(["STREAMFILE", "x"]) == nil)
        #expect(AGICommandParser.lookup(["DATABASE", "DELTREE", "a"]) == nil)
        #expect(AGICommandParser.lookup([]) == nil)
    }

    @Test("sscanf-style numbers")
    func numbers() {
        #expect(AGINumber.scan("100") == 100)
        #expect(AGINumber.scan(" -5") == -5)
        #expect(AGINumber.scan("+7x") == 7)
        #expect(AGINumber.scan("12ab") == 12)
        #expect(AGINumber.scan("abc") == nil)
        #expect(AGINumber.scan("") == nil)
        #expect(AGINumber.scan("-") == nil)
        #expect(AGINumber.atoi("abc") == 0)
        #expect(AGINumber.scanDouble("1.5") == 1.5)
        #expect(AGINumber.scanDouble("x") == nil)
    }
}
