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
        // The deadline only bounds a command that never ends; `echo` ends at once, but a test run that loads both
        // cores with other suites can delay the spawn by seconds, so the bound is kept far above that.
        config.curlTimeout = 60
        let on = runCall("[default]\nexten => s,1,Verbose(1,[${SHELL(echo hi)}])\n", configuration: config)
        #expect(on.verbose == ["[hi\n]"])
    }

    @Test func curlFailureSetsAStatusAndNeverHangs() {
        var config = EngineConfiguration()
        // Port 9 on loopback: nothing listens, the connection is refused at once. The timeout is only a bound: the
        // refusal reaches the call through Foundation's callback queue, which a test run that loads both cores with
        // other suites can hold back for seconds, so the bound is kept far above that.
        config.curlTimeout = 60
        // Only the status is asserted: on a machine whose HTTP proxy takes the request, the body is the proxy's page.
        let result = runCall("[default]\nexten => s,1,Set(BODY=${CURL(http://127.0.0.1:9/x)})\n"
                             + " same => n,Verbose(1,${CURLSTATUS})\n", configuration: config)
        #expect(result.verbose == ["FAILURE"])
        #expect(result.path.count == 2)
    }
}
