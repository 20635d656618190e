import Foundation
import Mustache
import Testing

/// The official Mustache spec (../shared/mustache-spec), run when that folder is present.
/// Core modules and inheritance must pass; lambdas and dynamic names are optional and not run.
struct SpecTests {
    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")
    static let available = FileManager.default.fileExists(atPath: specFolder.path)
    static let modules = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    @Test(.enabled(if: available, "../shared/mustache-spec is not present"), arguments: modules)
    func specModule(_ module: String) throws {
        let data = try Data(contentsOf: Self.specFolder.appendingPathComponent("\(module).json"))
        let tests = try JSONDecoder().decode(SpecFile.self, from: data).tests
        #expect(!tests.isEmpty)
        for test in tests {
            let partials = try (test.partials ?? [:]).mapValues { try MustacheTemplate(name: "partial", source: $0) }
            let renderer = MustacheRenderer(escaper: .html, partials: { partials[$0] })
            let template = try MustacheTemplate(name: test.name, source: test.template)
            let output = try renderer.render(template, context: test.data.value)
            #expect(output == test.expected, "\(module): \(test.name) — \(test.desc)")
        }
    }

}

/// A spec test, decoded from the spec's JSON.
struct SpecCase: Decodable {
    let name: String
    let desc: String
    let data: SpecValue
    let template: String
    let partials: [String: String]?
    let expected: String
}

struct SpecFile: Decodable { let tests: [SpecCase] }

/// Any JSON value, as the template value it stands for.
struct SpecValue: Decodable {
    let value: MustacheValue

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { value = .null }
        else if let flag = try? container.decode(Bool.self) { value = .bool(flag) }
        else if let number = try? container.decode(Int.self) { value = .int(number) }
        else if let number = try? container.decode(Double.self) { value = .double(number) }
        else if let text = try? container.decode(String.self) { value = .string(text) }
        else if let list = try? container.decode([SpecValue].self) { value = .list(list.map(\.value)) }
        else { value = .object(try container.decode([String: SpecValue].self).mapValues(\.value)) }
    }
}
