/// The public authority a PIT is written for: "West Midlands Police", "WMP".
public struct Authority: Sendable, Equatable {
    public var name: String
    public var short: String

    public init(name: String, short: String) {
        self.name = name
        self.short = short
    }

    /// Reads an `authority.json`: `{"name": "…", "short": "…"}`.
    static func decode(_ text: String, path: String) throws -> Authority {
        let json = try JSONValue.parse(text, source: path)
        func field(_ key: String) throws -> String {
            guard case .string(let value)? = json[key], !value.isEmpty else {
                throw PITError(.data, "\(path): '\(key)' must be a non-empty string")
            }
            return value
        }
        guard case .object = json else { throw PITError(.data, "\(path): must be a JSON object") }
        return Authority(name: try field("name"), short: try field("short"))
    }
}
