@testable import PITKit
import Testing

/// `exemption.json` read by `ExemptionDecoder`: each error names the file, line and column of
/// the field at fault, as it did before the decoder made its field names only for errors.
struct ExemptionDecoderTests {
    /// A small exemption with a lettered limb, a limb with its own kind, and evidence.
    static let base = """
{
  "section": "99",
  "title": "Test",
  "kind": "prejudice",
  "provision": "99(1)",
  "limbs": {
    "a": "one thing",
    "b": {"text": "another", "kind": "class"}
  },
  "defaultLimbs": ["a"],
  "evidence": {
    "who": {
      "label": "who it is",
      "why": "because",
      "limbs": ["a"]
    }
  }
}
"""

    static func library(_ text: String) -> TemplateLibrary {
        TemplateLibrary(layers: [.builtIn, TemplateLayer(name: "t", displayRoot: "T", files: ["exemptions/s99/exemption.json": text])])
    }

    @Test func theBaseDecodes() throws {
        let exemption = try Self.library(Self.base).exemption("s99")
        #expect(exemption.limbs.map(\.letter) == ["a", "b"] && exemption.limbs[1].kind == .class)
        #expect(exemption.evidence.map(\.name) == ["who"] && exemption.evidence[0].limbs == ["a"] && exemption.evidence[0].required)
        #expect(exemption.evidence[0].cues == ["who"])
        #expect(exemption.kind(limbs: ["a"], authority: .other) == .prejudice)
        #expect(exemption.kind(limbs: ["b"], authority: .other) == .class)
        #expect(exemption.kind(limbs: ["a", "b"], authority: .other) == .prejudice)
        #expect(exemption.kind(limbs: [], authority: .other) == .prejudice)
    }

    /// Each case: the text replaced in the base, what replaces it, and the error.
    @Test(arguments: [
        ("\"limbs\": [\"a\"]\n", "\"limbs\": [\"a\"],\n      \"required\": \"yes\"\n", "T/exemptions/s99/exemption.json:16:19: 'evidence.who.required' must be true or false"),
        ("\"limbs\": [\"a\"]\n", "\"limbs\": [\"z\"]\n", "T/exemptions/s99/exemption.json:15:16: 'evidence.who.limbs' names limb 'z', which 'limbs' does not list"),
        ("\"limbs\": [\"a\"]\n", "\"limbs\": [\"a\"],\n      \"colour\": \"red\"\n", "T/exemptions/s99/exemption.json:16:17: unknown field 'evidence.who.colour'"),
        ("\"limbs\": [\"a\"]\n", "\"limbs\": [\"a\"],\n      \"type\": \"number\"\n", "T/exemptions/s99/exemption.json:16:15: 'evidence.who.type' must be \"text\" or \"date\""),
        ("\"limbs\": [\"a\"]\n", "\"limbs\": [\"a\"],\n      \"cues\": [\"x\", \"\"]\n", "T/exemptions/s99/exemption.json:16:15: 'evidence.who.cues' must not hold an empty string"),
        ("\"limbs\": [\"a\"]\n", "\"limbs\": [\"a\"],\n      \"statedInNCND\": 1\n", "T/exemptions/s99/exemption.json:16:23: 'evidence.who.statedInNCND' must be true or false"),
        ("\"limbs\": [\"a\"]\n", "\"limbs\": \"a\"\n", "T/exemptions/s99/exemption.json:15:16: 'evidence.who.limbs' must be an array of strings"),
        ("\"kind\": \"class\"}", "\"kind\": \"odd\"}", "T/exemptions/s99/exemption.json:8:38: 'limbs.b.kind' must be one of prejudice, class, absolute"),
        ("\"kind\": \"class\"}", "\"kind\": \"class\", \"colour\": 1}", "T/exemptions/s99/exemption.json:8:57: unknown field 'limbs.b.colour'"),
        ("\"kind\": \"class\"}", "\"kind\": \"class\", \"test\": \"\"}", "T/exemptions/s99/exemption.json:8:55: 'limbs.b.test' must be a non-empty string, not a string"),
        ("\"defaultLimbs\": [\"a\"]", "\"defaultLimbs\": [\"q\"]", "T/exemptions/s99/exemption.json:10:19: 'defaultLimbs' names limb 'q', which 'limbs' does not list"),
        ("\"title\": \"Test\",", "\"title\": \"Test\", \"titel\": \"x\",", "T/exemptions/s99/exemption.json:3:29: unknown field 'titel' — did you mean 'title'?"),
        ("\"kind\": \"prejudice\",", "", "T/exemptions/s99/exemption.json:1:1: missing field 'kind'"),
        ("\"defaultLimbs\": [\"a\"],", "\"defaultLimbs\": [\"a\"], \"variantLimbs\": {\"v\": [\"a\", \"c\"]},", "T/exemptions/s99/exemption.json:10:48: 'variantLimbs.v' names limb 'c', which 'limbs' does not list"),
        ("\"defaultLimbs\": [\"a\"],", "\"defaultLimbs\": [\"a\"], \"exclusive\": [{\"with\": \"s30\", \"reason\": \"r\", \"alwaysAlternative\": \"no\"}],", "T/exemptions/s99/exemption.json:10:92: 'exclusive.alwaysAlternative' must be true or false"),
        ("\"defaultLimbs\": [\"a\"],", "\"defaultLimbs\": [\"a\"], \"purposes\": {\"subsection\": \"99(2)\", \"limbs\": [\"a\"], \"list\": {\"a\": {\"text\": \"p\", \"ncnd\": 5}}},", "T/exemptions/s99/exemption.json:10:114: 'purposes.list.a.ncnd' must be a non-empty string, not a number"),
        ("\"title\": \"Test\",", "\"title\": \"Test\", \"title\": \"Again\",", "T/exemptions/s99/exemption.json:3:20: duplicate member 'title'"),
    ])
    func errorsNameTheFieldAndItsPlace(_ text: String, _ replacement: String, _ message: String) {
        let source = Self.base.replacing(text, with: replacement)
        #expect(source != Self.base)
        #expect(throws: PITError.data(message)) { try Self.library(source).exemption("s99") }
    }
}
