/// Plain text that pastes cleanly into a letter: each heading on its own line, each paragraph on
/// one line, list items one a line, a blank line between blocks, no markup.
public struct TextWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(8192)
        for (index, block) in draft.document.blocks.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "\n")) }
            switch block {
            case .heading(_, let content), .paragraph(let content):
                append(content, to: &output)
                output.append(UInt8(ascii: "\n"))
            case .list(let ordered, let items):
                for (number, item) in items.enumerated() {
                    if ordered {
                        output += String(number + 1).utf8
                        output += ". ".utf8
                    } else {
                        output += "- ".utf8
                    }
                    append(item, to: &output)
                    output.append(UInt8(ascii: "\n"))
                }
            }
        }
        return output
    }

    private func append(_ content: [Document.Inline], to output: inout [UInt8]) {
        for run in content {
            switch run {
            case .text(let text): output += text.utf8
            case .strong(let inner), .emphasis(let inner): append(inner, to: &output)
            }
        }
    }
}
