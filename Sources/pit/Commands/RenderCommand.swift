import PITKit

/// `pit render TEMPLATE`: one Mustache template with JSON data, as the Mustache spec renders it.
enum RenderCommand: Command {
    static let name = "render"
    static let abstract = "render one Mustache template with JSON data, as the Mustache spec does"
    static let usage = "TEMPLATE|- [--data FILE.json|-] [--partials DIR] [--escape html|none] [--strict]"
    static let discussion = """
        For trying a paragraph on sample data, and for testing the Mustache engine from outside. The
        template renders with the Mustache specification's own rules: a name nobody defined renders
        empty (--strict makes it an error naming file:line:column), and {{name}} escapes HTML unless
        --escape none. The partial {{>name}} is DIR/name.mustache. The output is the rendered text
        alone, byte for byte.
        """
    static let options: [OptionSpec] = [
        OptionSpec.value("data", "FILE.json|-", "the data, a JSON value (default: an empty object)").completing(.files),
        OptionSpec.value("partials", "DIR", "the folder of partials: {{> name}} is DIR/name.mustache").completing(.directories),
        OptionSpec.value("escape", "html|none", "how {{name}} escapes text (default: html)")
            .choices(StandaloneRender.Escaping.allCases.map(\.rawValue)),
        .flag("strict", "a name that is not defined is an error, not an empty string"),
    ]
    static let arguments = [
        ArgumentSpec(name: "TEMPLATE", help: "the template file, or - for standard input", completion: .files),
    ]
    static let examples = [
        Example("Try a paragraph on sample data", "pit render harm.mustache --data sample.json --escape none"),
        Example("Check that a template uses only the names the data defines",
                "echo '{\"ref\": \"1\"}' | pit render letter.mustache --data - --strict"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let escaping = try arguments.value("escape").map { name in
            guard let escaping = StandaloneRender.Escaping(rawValue: name) else {
                throw PITError.usage("render: --escape must be 'html' or 'none', not '\(name)'")
            }
            return escaping
        } ?? .html
        return try StandaloneRender.render(templatePath: arguments.positional(0)!, dataPath: arguments.value("data"),
                                           partialsFolder: arguments.value("partials"), escaping: escaping,
                                           strict: arguments.flag("strict"))
    }
}
