import Foundation
import Testing

/// `pit draft` end to end: the built binary, its stdout, stderr, exit code and files.
struct DraftTests {
    @Test func defaultSection31DraftIsACompletePIT() throws {
        let result = try Pit.run(["draft", "--ref", "658A/22", "--exemption", "s31", "--date", "2026-11-21"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let text = result.text
        #expect(text.contains("658A/22"))
        #expect(text.contains("Section 31(1)(a)(b) – Law enforcement"))
        #expect(text.contains("\nHarm\n"))
        #expect(text.contains("would be likely to prejudice"))
        #expect(text.contains("\nFactors favouring disclosure\n"))
        #expect(text.contains("\nFactors favouring non-disclosure\n"))
        #expect(text.contains("\nBalancing test\n"))
        #expect(text.contains("outweighs the public interest in disclosure"))
        #expect(text.contains("21 November 2026"))
        #expect(!text.contains("{{"))
        #expect(!text.contains("**"))
    }
}
