/// A failure the user can act on: one line for stderr and the sysexits code it maps to.
public struct PITError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, which decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// A bad command line: unknown option, missing value (exit 64).
        case usage
        /// Bad data: unknown exemption or variant, template error, failed check (exit 65).
        case data
        /// An input file or folder that does not exist (exit 66).
        case noInput
        /// An output that cannot be created (exit 73).
        case cannotCreate
        /// Reading or writing failed part-way (exit 74).
        case io
    }

    public let kind: Kind
    public let message: String
    /// The template the failure is in, as messages name it, when a template failed to parse or render.
    public let template: String?

    public init(_ kind: Kind, _ message: String, template: String? = nil) {
        self.kind = kind
        self.message = message
        self.template = template
    }

    public var description: String { message }

    /// The sysexits(3) code for this kind of failure.
    public var exitCode: Int32 {
        switch kind {
        case .usage: return 64
        case .data: return 65
        case .noInput: return 66
        case .cannotCreate: return 73
        case .io: return 74
        }
    }

    public static func usage(_ message: String) -> PITError { PITError(.usage, message) }
    public static func data(_ message: String) -> PITError { PITError(.data, message) }
}
