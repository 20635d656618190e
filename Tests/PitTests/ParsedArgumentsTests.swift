@testable import pit
import Testing

struct ParsedArgumentsTests {
    @Test func probe() throws {
        let parsed = try ParsedArguments(["--ref=1"], options: [.value("ref", "REF", "x")], arguments: [], command: "t")
        #expect(parsed.value("ref") == "1")
    }
}
