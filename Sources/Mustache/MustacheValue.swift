/// A value a template can see: the data a template is rendered against.
public enum MustacheValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// Text: escaped by `{{name}}`, written as it is by `{{{name}}}` and `{{&name}}`
    /// (unless the renderer escapes every interpolation, see `MustacheRenderer.escapesRawTags`).
    case string(String)
    /// UTF-8 text already in the output's markup language (often the output of another render):
    /// never escaped, whatever the tag.
    case markup([UInt8])
    case list([MustacheValue])
    case object([String: MustacheValue])

    /// Whether a section over this value renders its content (and an inverted one does not).
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .int, .double: return true
        case .string(let text): return !text.isEmpty
        case .markup(let bytes): return !bytes.isEmpty
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }

    /// What kind of value this is, for messages: "no value", "a list", "an object".
    var kindName: String {
        switch self {
        case .null: return "no value"
        case .bool: return "a true/false value"
        case .int, .double: return "a number"
        case .string, .markup: return "text"
        case .list: return "a list"
        case .object: return "an object"
        }
    }

    /// The member `key` of an object, or nil when this is not an object or has no such member.
    @inline(__always)
    func member(_ key: String) -> MustacheValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}

extension MustacheValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
