import PITKit

/// A subcommand: its declarations (from which parsing, help, completion and the manual page
/// come) and what it does.
protocol Command {
    static var name: String { get }
    /// One line for `pit help`.
    static var abstract: String { get }
    /// What follows `pit NAME` in the usage line.
    static var usage: String { get }
    /// Paragraphs (separated by blank lines) for `pit help NAME`, after the usage line; they are
    /// re-wrapped to fit the screen.
    static var discussion: String { get }
    static var options: [OptionSpec] { get }
    /// How parsing reads the option called `name`, as `options` declares it. Parsing asks it
    /// of each option given, so a command whose table is costly to build can answer without it.
    static func form(ofOption name: String) -> OptionForm
    static var arguments: [ArgumentSpec] { get }
    static var examples: [Example] { get }
    /// A titled table of names and what they mean (batch's columns), after the arguments.
    static var table: (title: String, rows: [(String, String)])? { get }
    /// A command for pit's own use (completion scripts): not in help, completion or the manual.
    static var hidden: Bool { get }

    /// Runs with parsed arguments; returns what goes to standard output.
    static func run(_ arguments: ParsedArguments) throws -> [UInt8]
}

extension Command {
    static var discussion: String { "" }
    static var arguments: [ArgumentSpec] { [] }
    static var examples: [Example] { [] }
    static var table: (title: String, rows: [(String, String)])? { nil }
    static var hidden: Bool { false }
    static func form(ofOption name: String) -> OptionForm { options.form(of: name) }
}

/// A worked example for help and the manual page: what it does, and the command line.
struct Example {
    let purpose: String
    let command: String

    init(_ purpose: String, _ command: String) {
        self.purpose = purpose
        self.command = command
    }
}
