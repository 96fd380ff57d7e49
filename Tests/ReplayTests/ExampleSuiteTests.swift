import Foundation
import Testing
@testable import Replay

@Suite struct ExampleSuiteTests {
    @Test func exampleScenariosPassAtEventLevel() {
        let result = Repo.command([Repo.scenarios, "--prompts", Repo.prompts])
        print(result.out, result.err)
        #expect(result.status == 0)
    }

    @Test func exampleScenariosPassAtAudioLevel() {
        let result = Repo.command([Repo.scenarios, "--prompts", Repo.prompts, "--audio"])
        print(result.out, result.err)
        #expect(result.status == 0)
    }
}
