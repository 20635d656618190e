/// The styles part of a reference document: the styles pit's documents use that it has, found by
/// their built-in names ("heading 1", "List Paragraph", "footer") whatever their ids, and pit's
/// own added for those it lacks, based on its default paragraph style and in its fonts (its
/// theme's heading fonts for headings, when it has a theme).
struct ReferenceStyles {
    private struct Style {
        let isParagraph: Bool
        let id: String
        let name: String?
        let isDefault: Bool
    }

    private let text: [UInt8]
    private let styles: [Style]
    /// Where the styles end (the root's end tag), where added styles go.
    private let end: Int
    private var taken: Set<String>
    private var additions = ""

    init(_ text: [UInt8]) throws {
        let tags = try XMLTags.scan(text)
        guard let root = tags.first, root.kind == .start, root.name == "w:styles",
              root.attribute("xmlns:w") == DOCXParts.wordNamespace else {
            throw PITError.data("its styles part is not WordprocessingML with the usual 'w' prefix")
        }
        var styles: [Style] = []
        var depth = 0
        var current: (tag: XMLTag, name: String?)?
        func finish() {
            guard let (tag, name) = current, let id = tag.attribute("w:styleId") else { return }
            styles.append(Style(isParagraph: tag.attribute("w:type") == "paragraph", id: id, name: name,
                                isDefault: ["1", "true", "on"].contains(tag.attribute("w:default") ?? "")))
            current = nil
        }
        for tag in tags {
            if tag.kind == .end { depth -= 1 }
            if depth == 1 && tag.name == "w:style" {
                switch tag.kind {
                case .start: current = (tag, nil)
                case .empty:
                    current = (tag, nil)
                    finish()
                case .end: finish()
                }
            } else if depth == 2 && tag.opens && tag.name == "w:name", current != nil {
                current?.name = tag.attribute("w:val")
            }
            if tag.kind == .start { depth += 1 }
        }
        self.text = text
        self.styles = styles
        end = tags[tags.count - 1].range.lowerBound
        taken = Set(styles.map { $0.id.lowercased() })
    }

    /// The ids of the styles pit's body (and, with `footer`, its footer) uses, adding those missing.
    mutating func styleIDs(footer: Bool, themeFonts: Bool) -> DOCXBase.StyleIDs {
        let normal = styles.first { $0.isParagraph && $0.isDefault }?.id
        let headings = HeadingStyle.levels.map { level in
            id(named: "heading \(level)", preferred: "Heading\(level)") {
                DOCXParts.headingStyle(level, id: $0, basedOn: normal, fonts: themeFonts ? DOCXParts.themeHeadingFonts : "")
            }
        }
        var listParagraph = existing("List Paragraph")
        if listParagraph == nil {
            let compact = id(named: "Compact", preferred: "Compact") { DOCXParts.compactStyle(id: $0, basedOn: normal) }
            listParagraph = id(named: "List Paragraph", preferred: "ListParagraph") { DOCXParts.listParagraphStyle(id: $0, basedOn: compact) }
        }
        let footerID = footer ? id(named: "footer", preferred: "Footer") { DOCXParts.footerStyle(id: $0, basedOn: normal) } : ""
        return DOCXBase.StyleIDs(headings: headings.map(XMLEscaping.escape), listParagraph: XMLEscaping.escape(listParagraph!),
                                 footer: XMLEscaping.escape(footerID))
    }

    /// The part with the styles added, or nil when nothing was added.
    var textWithAdditions: [UInt8]? {
        guard !additions.isEmpty else { return nil }
        return Array(text[..<end]) + Array(additions.utf8) + Array(text[end...])
    }

    /// The id of the reference's paragraph style named `name`, without regard to case.
    private func existing(_ name: String) -> String? {
        let wanted = name.lowercased()
        return styles.first { $0.isParagraph && $0.name?.lowercased() == wanted }?.id
    }

    /// The id of the paragraph style named `name` (without regard to case), or of a new one made
    /// by `make` with `preferred` as its id (`Pit…` when the reference uses that id otherwise).
    private mutating func id(named name: String, preferred: String, make: (String) -> String) -> String {
        if let id = existing(name) { return id }
        var id = preferred
        var number = 1
        while taken.contains(id.lowercased()) {
            id = "Pit" + preferred + (number == 1 ? "" : String(number))
            number += 1
        }
        taken.insert(id.lowercased())
        additions += make(id)
        return id
    }
}
