import PITKit

/// A subcommand: its declarations (from which parsing and help come) and what it does.
protocol Command {
    static var name: String { get }
    /// One line for `pit help`.
    static var abstract: String { get }
    /// What follows `pit NAME` in the usage line.
    static var usage: String { get }
    /// A paragraph or two for `pit help NAME`, after the usage line.
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    static var arguments: [ArgumentSpec] { get }

    /// Runs with parsed arguments; returns what goes to standard output.
    static func run(_ arguments: ParsedArguments) throws -> [UInt8]
}

extension Command {
    static var discussion: String { "" }
    static var arguments: [ArgumentSpec] { [] }
}
