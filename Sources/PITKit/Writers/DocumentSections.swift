/// A document read as sections, for writers that give its structure as data: each heading with
/// the blocks up to the next heading.
struct DocumentSection {
    /// The heading's level and content; nil for blocks that come before any heading.
    let heading: (level: Int, content: [Document.Inline])?
    let blocks: [Document.Block]
}

extension Document {
    /// The sections in order; blocks before the first heading form a section without a heading.
    var sections: [DocumentSection] {
        var sections: [DocumentSection] = []
        var heading: (level: Int, content: [Document.Inline])?
        var blocks: [Document.Block] = []
        var started = false
        for block in self.blocks {
            if case .heading(let level, let content) = block {
                if started { sections.append(DocumentSection(heading: heading, blocks: blocks)) }
                heading = (level, content)
                blocks = []
            } else {
                blocks.append(block)
            }
            started = true
        }
        if started { sections.append(DocumentSection(heading: heading, blocks: blocks)) }
        return sections
    }

    /// The text of the first level-1 heading, the document's title.
    var title: String? {
        for case .heading(1, let content) in blocks { return content.plainText }
        return nil
    }
}
