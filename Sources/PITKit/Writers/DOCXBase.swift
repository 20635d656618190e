/// Everything of a DOCX package but the draft: pit's own parts, or those of the authority's
/// reference document (`ReferenceDocx`). The writer puts the draft's parts — properties, body,
/// list numbering, footer — in the places the base keeps for them. A class: every package of a
/// batch refers to the one base rather than copying its many fields.
final class DOCXBase: Sendable {
    /// A part of the package, in archive order.
    enum Part: Sendable {
        /// A part the same in every package (with its checksum, computed once).
        case fixed(ZipArchive.Entry)
        case coreProperties, document, numbering, footer
    }

    /// A place in the package, in archive order, as the base keeps them: parts the same in
    /// every package, one after another, joined in a block (their records and central directory
    /// records made once), or the place of one of the draft's parts.
    enum Slot: Sendable {
        case fixed(ZipArchive.Block)
        case coreProperties, document, numbering, footer
    }

    /// The style ids the body and footer use.
    struct StyleIDs: Sendable {
        /// Heading 1 to 6.
        let headings: [String]
        let listParagraph: String
        let footer: String
    }

    /// The numbering part with room for the draft's lists: pit's list definitions go in at one
    /// offset of `text`, its numbering instances at another, with ids after the part's own.
    struct Numbering: Sendable {
        let text: [UInt8]
        let definitionsAt: Int
        let instancesAt: Int
        let firstDefinitionID: Int
        let firstInstanceID: Int
        /// pit's list definitions, with their ids.
        let definitions: [UInt8]

        init(text: [UInt8], definitionsAt: Int, instancesAt: Int, firstDefinitionID: Int, firstInstanceID: Int) {
            self.text = text
            self.definitionsAt = definitionsAt
            self.instancesAt = instancesAt
            self.firstDefinitionID = firstDefinitionID
            self.firstInstanceID = firstInstanceID
            definitions = Array(DOCXParts.abstractNumbering(firstID: firstDefinitionID).utf8)
        }

        /// The part, with a numbering instance for each list (ordered or not) of the draft.
        func part(_ orderedLists: [Bool]) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.count + definitions.count + 128 * orderedLists.count)
            bytes += text[..<definitionsAt]
            bytes += definitions
            bytes += text[definitionsAt..<instancesAt]
            DOCXParts.appendNumberingInstances(orderedLists, firstID: firstInstanceID, firstAbstractID: firstDefinitionID, to: &bytes)
            bytes += text[instancesAt...]
            return bytes
        }
    }

    /// The parts in archive order, each run of fixed parts joined in a block.
    let slots: [Slot]
    let documentPartName: String
    let numberingPartName: String
    /// pit's footer part, when the base has no footer of its own for it to use.
    let footerPartName: String?
    let styles: StyleIDs
    let numbering: Numbering
    /// The body's and footer's XML around the draft's text.
    let markup: DOCXMarkup
    /// The size of a package's central directory records.
    let directorySize: Int
    /// The XML of the blocks of the shapes' documents written in this base, and the checksums
    /// of the body's start and end (`DOCXShapeParts`).
    let shapeBlocks = DOCXBlockMemo()
    /// The numbering parts of the shapes' documents, by whether each of their lists is ordered
    /// (most shapes' lists are alike).
    let numberingParts = BoundedMemo<[Bool], ZipArchive.Block>(capacity: 256)

    /// `documentStart` is the document's start tag, with its namespace declarations;
    /// `sectionProperties` the end of the body (page size, margins, header and footer).
    init(parts: [Part], documentPartName: String, numberingPartName: String, footerPartName: String?,
         documentStart: String, sectionProperties: String, styles: StyleIDs, numbering: Numbering) {
        slots = Self.joiningFixedRuns(parts)
        self.documentPartName = documentPartName
        self.numberingPartName = numberingPartName
        self.footerPartName = footerPartName
        self.styles = styles
        self.numbering = numbering
        markup = DOCXMarkup(documentStart: documentStart, sectionProperties: sectionProperties, styles: styles)
        directorySize = parts.reduce(0) { size, part in
            switch part {
            case .fixed(let entry): return size + entry.centralRecordSize
            case .coreProperties: return size + ZipArchive.centralRecordSize(name: DOCXParts.corePropertiesName)
            case .document: return size + ZipArchive.centralRecordSize(name: documentPartName)
            case .numbering: return size + ZipArchive.centralRecordSize(name: numberingPartName)
            case .footer: return size + (footerPartName.map(ZipArchive.centralRecordSize) ?? 0)
            }
        }
    }

    /// `parts` with each run of fixed parts made one block, which a package writes as one chunk.
    private static func joiningFixedRuns(_ parts: [Part]) -> [Slot] {
        var joined: [Slot] = []
        var run: [ZipArchive.Entry] = []
        func endRun() {
            if !run.isEmpty { joined.append(.fixed(ZipArchive.Block(run))) }
            run = []
        }
        for part in parts {
            let slot: Slot
            switch part {
            case .fixed(let entry):
                run.append(entry)
                continue
            case .coreProperties: slot = .coreProperties
            case .document: slot = .document
            case .numbering: slot = .numbering
            case .footer: slot = .footer
            }
            endRun()
            joined.append(slot)
        }
        endRun()
        return joined
    }

    /// pit's own package.
    static let builtIn: DOCXBase = {
        let partTypes: [(String, String)] = [
            ("document.xml", OPCParts.ContentType.document), ("styles.xml", OPCParts.ContentType.styles),
            ("settings.xml", OPCParts.ContentType.settings), ("numbering.xml", OPCParts.ContentType.numbering),
            ("footer1.xml", OPCParts.ContentType.footer),
        ]
        var types = OPCParts.ContentTypes()
        types.defaults = [("rels", OPCParts.ContentType.relationships), ("xml", "application/xml")]
        types.overrides = partTypes.map { ("/word/" + $0.0, $0.1) } + [
            ("/docProps/core.xml", OPCParts.ContentType.coreProperties), ("/docProps/app.xml", OPCParts.ContentType.extendedProperties),
        ]
        let documentRelationships: [OPCParts.Relationship] = [
            .init(id: "rId1", type: OPCParts.RelationshipType.styles, target: "styles.xml"),
            .init(id: "rId2", type: OPCParts.RelationshipType.numbering, target: "numbering.xml"),
            .init(id: "rId3", type: OPCParts.RelationshipType.settings, target: "settings.xml"),
            .init(id: "rId4", type: OPCParts.RelationshipType.footer, target: "footer1.xml"),
        ]
        let numberingStart = DOCXParts.declaration + "<w:numbering xmlns:w=\"\(DOCXParts.wordNamespace)\">"
        return DOCXBase(
            parts: [
                .fixed(ZipArchive.Entry(name: "[Content_Types].xml", text: OPCParts.contentTypesXML(types))),
                .fixed(ZipArchive.Entry(name: "_rels/.rels", text: OPCParts.relationshipsXML([
                    .init(id: "rId1", type: OPCParts.RelationshipType.officeDocument, target: "word/document.xml"),
                    .init(id: "rId2", type: OPCParts.RelationshipType.coreProperties, target: "docProps/core.xml"),
                    .init(id: "rId3", type: OPCParts.RelationshipType.extendedProperties, target: "docProps/app.xml"),
                ]))),
                .coreProperties,
                .fixed(ZipArchive.Entry(name: "docProps/app.xml", text: DOCXParts.appProperties)),
                .document,
                .fixed(ZipArchive.Entry(name: "word/styles.xml", text: DOCXParts.styles)),
                .fixed(ZipArchive.Entry(name: "word/settings.xml", text: DOCXParts.settings)),
                .numbering,
                .footer,
                .fixed(ZipArchive.Entry(name: "word/_rels/document.xml.rels", text: OPCParts.relationshipsXML(documentRelationships))),
            ],
            documentPartName: "word/document.xml",
            numberingPartName: "word/numbering.xml",
            footerPartName: "word/footer1.xml",
            documentStart: "<w:document xmlns:w=\"\(DOCXParts.wordNamespace)\" xmlns:r=\"\(OPCParts.officeRelationships)\">",
            sectionProperties: DOCXParts.sectionProperties(footerID: "rId4"),
            styles: StyleIDs(headings: HeadingStyle.levels.map { "Heading\($0)" }, listParagraph: "ListParagraph", footer: "Footer"),
            numbering: Numbering(text: Array((numberingStart + "</w:numbering>\n").utf8), definitionsAt: numberingStart.utf8.count,
                                 instancesAt: numberingStart.utf8.count, firstDefinitionID: 0, firstInstanceID: 1))
    }()
}
