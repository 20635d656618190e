/// A stretch of text with the emphasis it carries, for formats that mark emphasis per run rather
/// than by nesting (RTF; the DOCX writer groups its runs the same way as it walks the inlines).
struct StyledRun: Equatable {
    let text: String
    let strong: Bool
    let emphasis: Bool

    /// The runs of a piece of inline content, in order; adjacent text with the same style is one run.
    static func runs(_ content: [Document.Inline]) -> [StyledRun] {
        var runs: [StyledRun] = []
        func visit(_ inline: Document.Inline, strong: Bool, emphasis: Bool) {
            switch inline {
            case .text(let text):
                guard !text.isEmpty else { return }
                if let last = runs.last, last.strong == strong, last.emphasis == emphasis {
                    runs[runs.count - 1] = StyledRun(text: last.text + text, strong: strong, emphasis: emphasis)
                } else {
                    runs.append(StyledRun(text: text, strong: strong, emphasis: emphasis))
                }
            case .strong(let inner):
                for child in inner { visit(child, strong: true, emphasis: emphasis) }
            case .emphasis(let inner):
                for child in inner { visit(child, strong: strong, emphasis: true) }
            }
        }
        for inline in content { visit(inline, strong: false, emphasis: false) }
        return runs
    }
}
