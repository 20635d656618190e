@testable import PITKit
import Testing

/// pit's own JSON reader: values, and errors with line and column.
struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#"{"a": [1, -2.5e1, true, false, null], "b": "x\"\\\u00e9\ud83d\ude42\n", "c": {}}"#, source: "t.json")
        #expect(value["a"] == .array([.number(1, text: "1"), .number(-25, text: "-2.5e1"), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\"\\é🙂\n"))
        #expect(value["c"] == .object([]))
        if case .object(let members) = value { #expect(members.map(\.key) == ["a", "b", "c"]) }
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "t.json:1:9: expected a member name in quotes"),
        ("{\n  \"a\": tru\n}", "t.json:2:8: unexpected character: expected a value"),
        ("[1 2]", "t.json:1:4: expected ',' or ']'"),
        ("{\"a\": 1, \"a\": 2}", "t.json:1:10: duplicate member 'a'"),
        ("\"open", "t.json:1:1: unterminated string"),
        ("01", "t.json:1:1: invalid number: leading zero"),
        ("{} x", "t.json:1:4: unexpected text after the JSON value"),
        ("\"\\ud800\"", "t.json:1:8: unpaired surrogate in \\u escape"),
    ])
    func errorsNameTheLineAndColumn(_ text: String, _ message: String) {
        #expect(throws: PITError.data(message)) { try JSONValue.parse(text, source: "t.json") }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: PITError.self) { try JSONValue.parse(deep, source: "deep.json") }
    }
}

extension JSONTests {
    @Test func manyKeysParseAndADuplicateAmongThemIsFound() throws {
        let keys = (0..<20_000).map { "\"k\($0)\": 1" }
        let object = try JSONValue.parse("{" + keys.joined(separator: ", ") + "}", source: "t")
        guard case .object(let members) = object else { Issue.record("not an object"); return }
        #expect(members.count == 20_000)
        #expect(throws: PITError.self) { try JSONValue.parse("{" + keys.joined(separator: ", ") + ", \"k19\": 2}", source: "t") }
        #expect(throws: PITError.self) { try JSONValue.parse("{\"a\": 1, \"a\": 2}", source: "t") }
    }
}
