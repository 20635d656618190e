extension CheckRun {
    /// PIT003: the PIT says something about this case. A fresh draft needs a `--fact`; an
    /// edited document needs a paragraph of its own wording, not the library's.
    mutating func checkCaseSpecificContent() {
        guard !qualified.isEmpty else { return }
        let at = firstSection([.harm, .against, .for], of: nil)
        if let count = subject.factCount {
            if count == 0 {
                report(.caseSpecific, "nothing specific to the case: no --fact was given, so every argument is the library's own text", at: at)
            }
            return
        }
        guard let library = subject.libraryText else { return }
        let own = document.blocks.contains { block in
            let part = document.sections[block.section].part
            return !block.isHeading && part != .request && part != .applied && library.hasOwnWording(block.folded)
        }
        if !own {
            report(.caseSpecific, "nothing specific to the case: every paragraph is the library's own wording", at: at)
        }
    }
}
