import Foundation
import Testing

/// `pit render`, end to end: the official Mustache spec through the binary, and its errors.
struct RenderTests {
    static let specFolder = Pit.repository.deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")
    static let specAvailable = FileManager.default.fileExists(atPath: specFolder.path)
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    // Skipped, and reported as skipped, when the spec is not beside the repository.
    @Test(.enabled(if: specAvailable, "../shared/mustache-spec is not present"), arguments: modules)
    func everySpecTestRendersThroughTheBinary(_ module: String) throws {
        let data = try Data(contentsOf: Self.specFolder.appendingPathComponent("\(module).json"))
        let spec = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tests = try #require(spec["tests"] as? [[String: Any]])
        #expect(!tests.isEmpty)
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, test) in tests.enumerated() {
            let name = test["name"] as? String ?? "test \(index)"
            let place = folder.appendingPathComponent("\(index)")
            let partials = (test["partials"] as? [String: String] ?? [:]).reduce(into: [String: String]()) { $0["partials/\($1.key).mustache"] = $1.value }
            try Pit.write(partials.merging(["template.mustache": try #require(test["template"] as? String)]) { $1 }, into: place)
            try FileManager.default.createDirectory(at: place.appendingPathComponent("partials"), withIntermediateDirectories: true)
            try JSONSerialization.data(withJSONObject: test["data"] ?? NSNull(), options: [.fragmentsAllowed])
                .write(to: place.appendingPathComponent("data.json"))
            let result = try Pit.run(["render", "template.mustache", "--data", "data.json", "--partials", "partials"], in: place)
            #expect(result.status == 0, "\(module): \(name): \(result.stderr)")
            #expect(result.text == test["expected"] as? String, "\(module): \(name) — \(test["desc"] ?? "")")
        }
    }

    @Test func dataAndTemplateFromStandardInputAndFiles() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Pit.write(["t.mustache": "{{ref}}: {{#facts}}[{{.}}]{{/facts}}{{missing}} {{&raw}} {{count}} {{ratio}}\n",
                       "d.json": "{\"ref\": \"<658A/22>\", \"facts\": [\"a\", \"b\"], \"raw\": \"<b>\", \"count\": 3, \"ratio\": 0.5}",
                       "p/sub/box.mustache": "({{.}})", "nested.mustache": "{{#facts}}{{> sub/box}}{{/facts}}"], into: folder)
        let rendered = try Pit.run(["render", "t.mustache", "--data", "d.json"], in: folder)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        #expect(rendered.text == "&lt;658A/22&gt;: [a][b] <b> 3 0.5\n", "an undefined name renders empty, as the spec says")
        #expect(rendered.stderr.isEmpty)
        let plain = try Pit.run(["render", "t.mustache", "--data", "d.json", "--escape", "none"], in: folder)
        #expect(plain.text == "<658A/22>: [a][b] <b> 3 0.5\n")
        let fromStdin = try Pit.run(["render", "-", "--data", "d.json"], stdin: Data("{{ref}}".utf8), in: folder)
        #expect(fromStdin.text == "&lt;658A/22&gt;")
        let dataFromStdin = try Pit.run(["render", "t.mustache", "--data", "-", "--escape=none"], stdin: Data("{\"ref\": 1}".utf8), in: folder)
        #expect(dataFromStdin.text == "1:    \n")
        let noData = try Pit.run(["render", "t.mustache"], in: folder)
        #expect(noData.text == ":    \n", "no --data: an empty context")
        let nested = try Pit.run(["render", "nested.mustache", "--data", "d.json", "--partials", "p"], in: folder)
        #expect(nested.text == "(a)(b)", "partial name is a path below DIR: \(nested.stderr)")
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        var stdin = ""
        let status: Int32
        let message: String
        var testDescription: String { name }
    }

    static let files = ["ok.mustache": "Hello {{name}}.\n", "bad.mustache": "Line one\nand {{#open}} two\n",
                        "undefined.mustache": "A\n  {{who}} here\n", "bad.json": "{\n  \"a\": [1, 2,]\n}",
                        "data.json": "{\"name\": \"x\"}", "partial.mustache": "{{> nowhere}}"]

    static let cases: [Case] = [
        Case(name: "missing template", arguments: ["render", "absent.mustache"], status: 66, message: "pit: absent.mustache: no such file\n"),
        Case(name: "missing data", arguments: ["render", "ok.mustache", "--data", "absent.json"], status: 66,
             message: "pit: absent.json: no such file\n"),
        Case(name: "missing partials folder", arguments: ["render", "ok.mustache", "--partials", "absent"], status: 66,
             message: "pit: partials folder 'absent' does not exist\n"),
        Case(name: "bad JSON", arguments: ["render", "ok.mustache", "--data", "bad.json"], status: 65,
             message: "pit: bad.json:2:14: unexpected character: expected a value\n"),
        Case(name: "bad JSON on standard input", arguments: ["render", "ok.mustache", "--data", "-"], stdin: "{\"a\" 1}", status: 65,
             message: "pit: stdin:1:6: expected ':' after a member name\n"),
        Case(name: "bad template", arguments: ["render", "bad.mustache"], status: 65,
             message: "pit: bad.mustache:2:5: 'open' is never closed\n"),
        Case(name: "strict: undefined variable", arguments: ["render", "undefined.mustache", "--data", "data.json", "--strict"], status: 65,
             message: "pit: undefined.mustache:2:3: undefined variable 'who'\n"),
        Case(name: "strict: missing partial", arguments: ["render", "partial.mustache", "--strict"], status: 65,
             message: "pit: partial.mustache:1:1: no partial named 'nowhere'\n"),
        Case(name: "both from standard input", arguments: ["render", "-", "--data", "-"], status: 64,
             message: "pit: render: the template and the data cannot both come from standard input\n"),
        Case(name: "unknown escaping", arguments: ["render", "ok.mustache", "--escape", "rtf"], status: 64,
             message: "pit: render: --escape must be 'html' or 'none', not 'rtf'\n"),
        Case(name: "no template", arguments: ["render"], status: 64, message: "pit: render: missing TEMPLATE (see 'pit help render')\n"),
    ]

    @Test(arguments: cases)
    func badInputFailsWithThePlace(_ test: Case) throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Pit.write(Self.files, into: folder)
        let result = try Pit.run(test.arguments, stdin: Data(test.stdin.utf8), in: folder)
        #expect(result.status == test.status, "\(test.name): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(test.name)")
        #expect(result.stderr == test.message, "\(test.name)")
    }
}
