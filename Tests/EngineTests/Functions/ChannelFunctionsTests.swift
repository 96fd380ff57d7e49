import Testing
@testable import Engine

@Suite struct ChannelFunctionsTests {
    @Test func callerIDReadAndWrite() {
        let result = runCall("""
        [default]
        exten => s,1,Verbose(1,${CALLERID(num)} ${CALLERID(all)})
         same => n,Set(CALLERID(all)="Ada Lovelace" <100>)
         same => n,Verbose(1,${CALLERID(name)}/${CALLERID(num)})
        """, callerNumber: "5551234")
        #expect(result.verbose == ["5551234 <5551234>", "Ada Lovelace/100"])
        // As in Asterisk, the record shows the caller ID the channel has when the call ends.
        #expect(result.record.source == "100")
    }

    @Test func timeoutsAndLanguage() {
        let result = runCall("""
        [default]
        exten => s,1,Verbose(1,${TIMEOUT(digit)} ${TIMEOUT(response)} ${CHANNEL(language)})
         same => n,Set(TIMEOUT(response)=2.5)
         same => n,Set(CHANNEL(language)=de)
         same => n,Verbose(1,${TIMEOUT(response)} ${LANGUAGE()})
        """)
        #expect(result.verbose == ["5.000 10.000 en", "2.500 de"])
    }

    @Test func responseTimeoutDrivesWaitExtenWithoutArguments() {
        let result = runCall("""
        [default]
        exten => s,1,Set(TIMEOUT(response)=2)
         same => n,WaitExten()
        exten => t,1,Verbose(1,timeout)
        """)
        #expect(result.events.last { if case .verbose = $0.kind { return true } else { return false } }?.time == 2)
    }

    @Test func localVariablesAndStackPeek() {
        let result = runCall("""
        [default]
        exten => s,1,Set(X=outer)
         same => n,Gosub(sub,s,1(a,b))
         same => n,Verbose(1,after: ${X} ${GOSUB_RETVAL})
        [sub]
        exten => s,1,Set(LOCAL(X)=inner)
         same => n,Verbose(1,in: ${X} ${ARG1} ${ARGC} ${STACK_PEEK(0,c)},${STACK_PEEK(0,e)},${STACK_PEEK(0,p)})
         same => n,Return(done)
        """)
        #expect(result.verbose == ["in: inner a 2 default,s,2", "after: outer done"])
    }

    @Test func shellIsOffUnlessAllowed() {
        let off = runCall("[default]\nexten => s,1,Verbose(1,[${SHELL(echo hi)}])\n")
        #expect(off.verbose == ["[]"])
        #expect(off.warnings.contains { $0.contains("disabled") })
        var config = EngineConfiguration()
        config.allowShell = true
        let on = runCall("[default]\nexten => s,1,Verbose(1,[${SHELL(echo hi)}])\n", configuration: config)
        #expect(on.verbose == ["[hi\n]"])
    }

    @Test func curlFailureSetsAStatusAndNeverHangs() {
        var config = EngineConfiguration()
        // Port 9 on loopback: nothing listens, the connection is refused at once (the timeout is only a bound, kept
        // well above what a loaded machine needs to report the refusal).
        config.curlTimeout = 10
        let result = runCall("[default]\nexten => s,1,Verbose(1,[${CURL(http://127.0.0.1:9/x)}] ${CURLSTATUS})\n",
                             configuration: config)
        #expect(result.verbose == ["[] FAILURE"])
    }
}
