import Mustache

/// One Mustache template rendered on its own, with the Mustache spec's semantics (`pit render`):
/// JSON data, partials from a folder, HTML or no escaping. Nothing of FOI.
public enum StandaloneRender {
    /// How interpolated text is escaped.
    public enum Escaping: String, CaseIterable, Sendable {
        case html, none
    }

    /// Renders the template at `templatePath` (`-`: standard input) with the JSON at `dataPath`
    /// (`-`: standard input; none: an empty context). Partial `name` is
    /// `partialsFolder/name.mustache`. An undefined name renders empty unless `strict`, when it is
    /// an error naming its file, line and column.
    public static func render(templatePath: String, dataPath: String?, partialsFolder: String?,
                              escaping: Escaping, strict: Bool) throws -> [UInt8] {
        if templatePath == "-" && dataPath == "-" {
            throw PITError.usage("render: the template and the data cannot both come from standard input")
        }
        let source = try FileSystem.readInput(templatePath)
        let template = try parse(FileSystem.text(of: source.bytes, name: source.name), name: source.name)
        var context = MustacheValue.object([:])
        if let dataPath {
            let data = try FileSystem.readInput(dataPath)
            context = try JSONValue.parse(data.bytes, source: data.name).mustacheValue
        }
        let partials = try partialsFolder.map(loadPartials) ?? [:]
        let renderer = MustacheRenderer(escaper: escaping == .html ? .html : .none, partials: { partials[$0] }, strict: strict)
        var output: [UInt8] = []
        do {
            try renderer.render(template, contextStack: [context], into: &output)
        } catch let error as MustacheError {
            throw PITError(error)
        }
        return output
    }

    /// Every `.mustache` file below `folder`, parsed, by its path without the extension.
    static func loadPartials(_ folder: String) throws -> [String: MustacheTemplate] {
        try FileSystem.requireFolder(folder, "partials folder")
        let root = FileSystem.withoutTrailingSlash(folder)
        var partials: [String: MustacheTemplate] = [:]
        for (relative, text) in try FileSystem.texts(under: root, role: "partials folder", where: { $0.hasSuffix(".mustache") }) {
            partials[String(relative.dropLast(".mustache".count))] = try parse(text, name: root + "/" + relative)
        }
        return partials
    }

    private static func parse(_ text: String, name: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(name: name, source: text)
        } catch let error as MustacheError {
            throw PITError(error)
        }
    }
}

extension PITError {
    /// A template that cannot be parsed or rendered: a data error at `file:line:column`.
    public init(_ error: MustacheError) {
        self.init(.data, error.description, template: error.template)
    }
}
