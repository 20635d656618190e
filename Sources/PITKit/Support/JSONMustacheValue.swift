import Mustache

extension JSONValue {
    /// The value a template sees for this JSON: objects, arrays, strings and booleans as they are,
    /// whole numbers written without a fraction as integers, other numbers as doubles.
    public var mustacheValue: MustacheValue {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number, let text):
            if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
               let integer = Int(text) {
                return .int(integer)
            }
            return .double(number)
        case .string(let text): return .string(text)
        case .array(let items): return .list(items.map(\.mustacheValue))
        case .object(let members):
            return .object(Dictionary(members.map { ($0.key, $0.value.mustacheValue) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
