import Mustache

/// Checks every name a template looks up against the documented variables, as Mustache would
/// look it up: through the sections it stands in (a list's items, an object's fields), down to
/// the globals. Also finds the partials and parents it names that the library lacks, and records
/// the names each block of a parent can see, for the templates that override those blocks.
struct VariableScope {
    /// A problem at a place in a template.
    struct Problem {
        let line: Int
        let column: Int
        let message: String
        /// Whether the problem is a name no template may look up (a `--set` key may be meant).
        var isUnknownVariable = false
    }

    /// The names the blocks of each parent template see: `layout` → `harm-heading` → frames.
    var blockFrames: [String: [String: [VariableType]]] = [:]
    let partials: Set<String>

    /// Checks `outline` seen with `frames` (bottom first); `template` names the file being read
    /// when it is a partial or parent, to record its blocks.
    mutating func check(_ outline: [MustacheOutline], frames: [VariableType], template: String?) -> [Problem] {
        var problems: [Problem] = []
        walk(outline, frames: frames, template: template, problems: &problems)
        return problems
    }

    private mutating func walk(_ outline: [MustacheOutline], frames: [VariableType], template: String?, problems: inout [Problem]) {
        for node in outline {
            switch node {
            case .text:
                break
            case .variable(let name, let line, let column):
                if resolve(name, in: frames) == nil {
                    problems.append(Problem(line: line, column: column, message: "unknown variable '\(name)'", isUnknownVariable: true))
                }
            case .section(let name, let inverted, let line, let column, let children):
                let type = resolve(name, in: frames)
                if type == nil { problems.append(Problem(line: line, column: column, message: "unknown variable '\(name)'", isUnknownVariable: true)) }
                var inner = frames
                if !inverted {
                    switch type {
                    case .list(let element)?: inner.append(element)
                    case let other?: inner.append(other)
                    case nil: inner.append(.value)
                    }
                }
                walk(children, frames: inner, template: template, problems: &problems)
            case .partial(let name, let line, let column):
                if !partials.contains(name) {
                    problems.append(Problem(line: line, column: column, message: "partial '\(name)' is not in partials/ (in the library or any overlay)"))
                }
            case .parent(let name, let line, let column, let overrides):
                if !partials.contains(name) {
                    problems.append(Problem(line: line, column: column, message: "parent '\(name)' is not in partials/ (in the library or any overlay)"))
                }
                for block in overrides {
                    let seen = blockFrames[name]?[block.name] ?? frames
                    walk(block.children, frames: seen, template: nil, problems: &problems)
                }
            case .block(let name, let children):
                if let template { blockFrames[template, default: [:]][name] = frames }
                walk(children, frames: frames, template: template, problems: &problems)
            }
        }
    }

    /// The type `name` has where `frames` are in scope, or nil when nothing defines it.
    func resolve(_ name: String, in frames: [VariableType]) -> VariableType? {
        guard name != "." else { return frames.last ?? .value }
        let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        for frame in frames.reversed() {
            guard var type = frame.field(path[0]) else { continue }
            for key in path.dropFirst() {
                guard let next = type.field(key) else { return nil }
                type = next
            }
            return type
        }
        return nil
    }
}
