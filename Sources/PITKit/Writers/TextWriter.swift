/// Plain text that pastes cleanly into a letter: each heading on its own line, each paragraph on
/// one line, list items one a line, a blank line between blocks, no markup.
public struct TextWriter: DocumentWriter {
    public init() {}

    public func write(_ draft: Draft) -> [UInt8] {
        var output = ""
        for (index, block) in draft.document.blocks.enumerated() {
            if index > 0 { output += "\n" }
            switch block {
            case .heading(_, let content):
                output += content.plainText + "\n"
            case .paragraph(let content):
                output += content.plainText + "\n"
            case .list(let ordered, let items):
                for (number, item) in items.enumerated() {
                    output += (ordered ? "\(number + 1). " : "- ") + item.plainText + "\n"
                }
            }
        }
        return Array(output.utf8)
    }
}
