/// Renders parsed templates against a context stack into one UTF-8 buffer.
///
/// A renderer holds the choices that do not change between renders — how to escape, where
/// partials come from, whether an undefined name is an error — and is cheap to copy and share.
public struct MustacheRenderer: Sendable {
    /// Finds the template a partial or parent tag names; nil when there is none.
    public typealias PartialLookup = @Sendable (_ name: String) -> MustacheTemplate?

    public var escaper: Escaper
    public var partials: PartialLookup
    /// When true, a name that resolves to nothing (in a variable, a section or a partial tag)
    /// is an error naming it and its place; when false, the spec's behaviour: it renders empty.
    public var strict: Bool
    /// When true, `{{{name}}}` and `{{&name}}` escape `.string` values too, so only `.markup`
    /// values are ever written unescaped.
    public var escapesRawTags: Bool
    /// How deep partials, parents and blocks may nest before the renderer stops with an error.
    public var maximumDepth: Int
    /// How many nodes one render may visit, and how many bytes it may write, before it stops
    /// with an error: partials that each include the next twice grow without bound otherwise.
    public var maximumWork: Int
    public var maximumOutput: Int

    public init(
        escaper: Escaper = .html,
        partials: @escaping PartialLookup = { _ in nil },
        strict: Bool = false,
        escapesRawTags: Bool = false,
        maximumDepth: Int = 64,
        maximumWork: Int = 4_000_000,
        maximumOutput: Int = 32 << 20
    ) {
        self.escaper = escaper
        self.partials = partials
        self.strict = strict
        self.escapesRawTags = escapesRawTags
        self.maximumDepth = maximumDepth
        self.maximumWork = maximumWork
        self.maximumOutput = maximumOutput
    }

    /// Renders `template` with `context` as the bottom of the context stack.
    public func render(_ template: MustacheTemplate, context: MustacheValue) throws -> String {
        var output: [UInt8] = []
        try render(template, contextStack: [context], into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders `template` against `contextStack` (last element on top), appending to `output`.
    public func render(_ template: MustacheTemplate, contextStack: [MustacheValue], into output: inout [UInt8]) throws {
        var state = RenderState(output: output, stack: contextStack)
        output = []
        defer { output = state.output }
        try render(template.nodes, in: template.source, state: &state)
    }

    // MARK: - Walking the tree

    private func render(_ nodes: [Node], in template: TemplateSource, state: inout RenderState) throws {
        // Each node read where it is stored: copying one out would retain every part of it.
        for index in nodes.indices {
            state.work += 1
            if state.work > maximumWork || state.output.count > maximumOutput {
                throw MustacheError(template: template.name, line: 1, column: 1,
                                    message: "rendering stopped: more than \(state.work > maximumWork ? "\(maximumWork) steps" : "\(maximumOutput >> 20) MiB of output") (does a partial include others too many times?)")
            }
            switch nodes[index] {
            case .text(let text):
                state.writeTemplateText(text)
            case .variable(let reference, let escaped):
                guard let value = try resolve(reference, in: template, state: state) else { continue }
                if strict {
                    switch value {
                    case .null, .list, .object:
                        // A value with no text would render as nothing: in strict mode that is an error too.
                        throw template.error(at: reference.place,
                                             "'\(reference.dotted)' has no text to print here (\(value.kindName)); test it with a section")
                    default: break
                    }
                }
                write(value, escaped: escaped, state: &state)
            case .section(let reference, let children, let inverted, _):
                try renderSection(reference, children, inverted: inverted, in: template, state: &state)
            case .partial(let name, let indentation, let standalone, let place):
                try renderIncluded(name, indentation: indentation, standalone: standalone, overrides: nil,
                                   at: place, in: template, state: &state)
            case .parent(let name, let indentation, let standalone, let overrides, let place):
                try renderIncluded(name, indentation: indentation, standalone: standalone, overrides: overrides,
                                   at: place, in: template, state: &state)
            case .block(let block):
                try renderBlock(block, in: template, state: &state)
            }
        }
    }

    private func renderSection(_ reference: Reference, _ children: [Node], inverted: Bool,
                               in template: TemplateSource, state: inout RenderState) throws {
        let value = try resolve(reference, in: template, state: state) ?? .null
        if inverted {
            if !value.isTruthy { try render(children, in: template, state: &state) }
            return
        }
        guard value.isTruthy else { return }
        if case .list(let items) = value {
            for item in items {
                state.stack.append(item)
                try render(children, in: template, state: &state)
                state.stack.removeLast()
            }
        } else {
            state.stack.append(value)
            try render(children, in: template, state: &state)
            state.stack.removeLast()
        }
    }

    private func renderIncluded(_ name: String, indentation: [UInt8], standalone: Bool, overrides: [String: Block]?,
                                at place: Place, in template: TemplateSource, state: inout RenderState) throws {
        guard let included = partials(name) else {
            if strict {
                throw template.error(at: place, "no partial named '\(name)'")
            }
            return
        }
        guard state.depth < maximumDepth else {
            throw template.error(at: place, "partials nest more than \(maximumDepth) deep at '\(name)': does it include itself?")
        }
        let savedIndentation = state.indentation
        state.depth += 1
        if let overrides { state.overrides.append(overrides) }
        if standalone {
            state.indentation += indentation
            state.pendingIndentation = true
        }
        defer {
            state.depth -= 1
            if overrides != nil { state.overrides.removeLast() }
            state.indentation = savedIndentation
        }
        try render(included.nodes, in: included.source, state: &state)
    }

    /// A block renders the content the outermost template gave it, else its own default.
    private func renderBlock(_ block: Block, in template: TemplateSource, state: inout RenderState) throws {
        guard state.depth < maximumDepth else {
            throw block.template.error(at: block.place, "blocks nest more than \(maximumDepth) deep at '\(block.name)': does its override contain the block itself?")
        }
        state.depth += 1
        defer { state.depth -= 1 }
        // The content's places are in the source it was written in; its errors name `template`.
        var content = block.children
        var written = block.template.bytes
        for frame in state.overrides {
            if let override = frame[block.name] {
                content = override.children
                written = override.template.bytes
                break
            }
        }
        let savedIndentation = state.indentation
        state.indentation += block.indentation
        if block.indentsFirstLine { state.pendingIndentation = true }
        defer { state.indentation = savedIndentation }
        try render(content, in: TemplateSource(name: template.name, bytes: written), state: &state)
    }

    // MARK: - Values

    private func resolve(_ reference: Reference, in template: TemplateSource, state: RenderState) throws -> MustacheValue? {
        if let value = state.lookUp(reference) { return value }
        if strict {
            throw template.error(at: reference.place, "undefined variable '\(reference.dotted)'", undefinedName: reference.dotted)
        }
        return nil
    }

    private func write(_ value: MustacheValue, escaped: Bool, state: inout RenderState) {
        switch value {
        case .null, .list, .object:
            return
        case .string(let text):
            guard !text.isEmpty else { return }
            state.beginValue()
            if escaped || escapesRawTags {
                escaper.escape(text, &state.output)
            } else {
                state.output.append(contentsOf: text.utf8)
            }
        case .markup(let bytes):
            guard !bytes.isEmpty else { return }
            state.beginValue()
            state.output += bytes
        case .bool(let flag):
            state.beginValue()
            state.output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            state.beginValue()
            state.output.append(contentsOf: String(number).utf8)
        case .double(let number):
            state.beginValue()
            let text = Int(exactly: number).map { String($0) } ?? String(number)
            state.output.append(contentsOf: text.utf8)
        }
    }
}

/// What changes while one render walks the tree.
struct RenderState {
    var output: [UInt8]
    var stack: [MustacheValue]
    /// Added at the start of each line the templates write (standalone partials and blocks).
    var indentation: [UInt8] = []
    /// Whether the next byte written starts a line, so the indentation goes first.
    var pendingIndentation = false
    var depth = 0
    /// Nodes visited so far, against the renderer's `maximumWork`.
    var work = 0
    /// The blocks each enclosing parent tag overrides, outermost first.
    var overrides: [[String: Block]] = []

    func lookUp(_ reference: Reference) -> MustacheValue? {
        guard let first = reference.head else { return stack.last }
        var index = stack.count - 1
        while index >= 0 {
            if var value = stack[index].member(first) {
                for part in reference.tail {
                    guard let member = value.member(part) else { return nil }
                    value = member
                }
                return value
            }
            index -= 1
        }
        return nil
    }

    mutating func beginValue() {
        if pendingIndentation {
            output += indentation
            pendingIndentation = false
        }
    }

    mutating func writeTemplateText(_ text: ArraySlice<UInt8>) {
        if indentation.isEmpty {
            output += text
            if let last = text.last { pendingIndentation = last == UInt8(ascii: "\n") }
            return
        }
        var lineStart = text.startIndex
        for index in text.indices where text[index] == UInt8(ascii: "\n") {
            beginValue()
            output += text[lineStart...index]
            pendingIndentation = true
            lineStart = index + 1
        }
        if lineStart < text.endIndex {
            beginValue()
            output += text[lineStart...]
        }
    }
}
