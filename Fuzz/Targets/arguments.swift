@testable import PITKit
@testable import pit

// The argument parser: the input is a command line, its words separated by NUL bytes (the first
// word the command). It is parsed against the command's declarations as `pit` parses it. For
// `draft`, the options become a request, drafted in the chosen format from the built-in library:
// through the draft cache (as pit drafts) and in full, which must give the same bytes, or the
// same error. For `__complete`, the completions of the last word. Nothing here touches files.

private let library = TemplateLibrary(layers: [.builtIn])
private let drafter = try! Drafter(library: library)
private let today = DocumentDate(year: 2026, month: 1, day: 2)!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let words = FuzzInput.parts(FuzzInput.bytes(data, size)).map { String(decoding: $0, as: UTF8.self) }
    guard let command = try? Commands.named(words[0]),
          let arguments = try? ParsedArguments(Array(words.dropFirst()), options: command.options,
                                               arguments: command.arguments, command: command.name)
    else { return 0 }
    if arguments.wantsHelp {
        _ = Help.text(for: command)
        return 0
    }
    switch command.name {
    case DraftCommand.name:
        guard let format = try? DraftOptions.format(named: arguments.value("format"), output: arguments.value("output")),
              let request = try? DraftOptions.request(arguments, today: { today })
        else { return 0 }
        let cached = Result { try drafter.write(request, as: format) }
        let full = Result { try format.writer.write(drafter.draftInFull(drafter.prepared(request))) }
        switch (cached, full) {
        case let (.success(a), .success(b)):
            precondition(a == b, "the cached and full drafts differ in \(format)")
        case let (.failure(a), .failure(b)):
            precondition("\(a)" == "\(b)", "the cached and full drafts fail differently: \(a) / \(b)")
        default:
            preconditionFailure("only one of the cached and full drafts fails: \(cached) / \(full)")
        }
        _ = drafter.warnings(for: request)
    case CompleteCommand.name:
        let word = arguments.positional(1) ?? ""
        let regime = arguments.value("regime").flatMap(Regime.ID.init(rawValue:)) ?? .foia
        _ = CompleteCommand.exemptionCandidates(word, library: library, regime: regime)
        let given = arguments.all("exemption").flatMap { $0.split(separator: ",").map { regime.normalizedID(String($0)) } }
        _ = CompleteCommand.variantCandidates(word, library: library, exemptions: given, regime: regime)
    case HelpCommand.name:
        _ = try? HelpCommand.run(arguments)
    default:
        break
    }
    return 0
}
