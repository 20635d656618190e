/// The authority's own Word document or template (`--reference-docx FILE`, or `referenceDocx` in
/// `authority.json`), read and checked once: every .docx pit writes with it takes its styles,
/// fonts, numbering, theme, settings, page setup, header and footer, and has the draft as its
/// body. Styles pit needs and the reference lacks (headings, List Paragraph, Footer) are added;
/// a reference without a footer of its own gets pit's (the reference and "Page X of Y").
public struct ReferenceDocx: Sendable {
    let base: DOCXBase

    /// Reads the file at `path`: a missing file is `.noInput`; one that is not a Word document
    /// or template (.docx, .dotx), or is broken, is `.data`.
    public static func read(_ path: String) throws -> ReferenceDocx {
        switch FileSystem.type(of: path) {
        case .missing: throw PITError(.noInput, "\(path): no such file (the reference Word document)")
        case .file: return try ReferenceDocx(bytes: FileSystem.readBytes(path), name: path)
        default: throw PITError(.data, "\(path): not a file (the reference Word document)")
        }
    }

    /// Reads a reference from its bytes; `name` names it in messages.
    public init(bytes: [UInt8], name: String) throws {
        do {
            base = try ReferenceReader(zip: ZipReader(bytes)).base()
        } catch let error as PITError where error.kind == .data {
            throw PITError(.data, "\(name): not a usable Word document: \(error.message)")
        }
    }
}

/// Builds the base of pit's packages from a reference package.
private struct ReferenceReader {
    let zip: ZipReader
    typealias Types = OPCParts.RelationshipType
    typealias Content = OPCParts.ContentType

    func base() throws -> DOCXBase {
        var types = try OPCParts.contentTypes(data("[Content_Types].xml", what: "content types"))
        let packageRelationships = try OPCParts.relationships(data("_rels/.rels", what: "package relationships"))
        guard let office = packageRelationships.first(where: { $0.type == Types.officeDocument && !$0.external }) else {
            if packageRelationships.contains(where: { $0.type.hasPrefix(OPCParts.strictOfficeRelationships) }) {
                throw PITError.data("it is saved as Strict Open XML: save it as a Word Document (.docx) or Word Template (.dotx)")
            }
            throw PITError.data("it has no main document")
        }
        let main = OPCParts.resolve(office.target, from: "")
        switch types.type(of: main) {
        case Content.document?, Content.template?: break
        case Content.macroEnabledDocument?, Content.macroEnabledTemplate?:
            throw PITError.data("it is macro-enabled: save it as a Word Document (.docx) or Word Template (.dotx)")
        case let other:
            throw PITError.data("its main part is not a Word document (\(other ?? "no content type"))")
        }
        let folder = main.lastIndex(of: "/").map { String(main[...$0]) } ?? ""
        let mainRelationshipsName = OPCParts.relationshipsPart(of: main)
        var relationships = try zip.entry(mainRelationshipsName).map { try OPCParts.relationships(zip.data($0)) } ?? []
        // Comments belong to the body the draft replaces: without it they would have no place.
        let comments = relationships.filter { relationship in
            !relationship.external && Self.commentTypes.contains(relationship.type.split(separator: "/").last.map(String.init) ?? "")
        }
        relationships.removeAll { comments.contains($0) }
        func target(_ type: String) -> String? {
            relationships.first { $0.type == type && !$0.external }.map { OPCParts.resolve($0.target, from: main) }
        }
        /// The part of a kind the main document relates to, if it relates to one (which must exist).
        func part(_ type: String, _ what: String) throws -> ZipReader.Entry? {
            guard let name = target(type) else { return nil }
            guard let entry = zip.entry(name) else { throw PITError.data("its \(what) part '\(name)' is missing") }
            return entry
        }
        var document = try ReferenceDocument(data(main, what: "main document"))

        // Parts pit adds where the reference has none: named in the main document's folder,
        // related to it, with their content types.
        var names = Set(zip.entries.map { $0.name.lowercased() })
        var added: [DOCXBase.Part] = []
        func add(_ stem: String, type: String, relationship: String) -> (name: String, id: String) {
            var name = folder + stem + ".xml"
            var number = 2
            while names.contains(name.lowercased()) {
                name = folder + stem + String(number) + ".xml"
                number += 1
            }
            names.insert(name.lowercased())
            let id = OPCParts.freeName("pit" + stem.prefix(1).uppercased() + stem.dropFirst(), among: Set(relationships.map(\.id)))
            relationships.append(.init(id: id, type: relationship, target: String(name.dropFirst(folder.count))))
            types.overrides.append(("/" + name, type))
            return (name, id)
        }

        var footerPartName: String?
        if !document.hasDefaultFooter {
            let footer = add("footer", type: Content.footer, relationship: Types.footer)
            document.addFooter(footer.id)
            footerPartName = footer.name
            added.append(.footer)
        }

        var styles: DOCXBase.StyleIDs
        var changedStyles: ZipArchive.Entry?
        let stylesEntry = try part(Types.styles, "styles")
        if let stylesEntry {
            var merged = try ReferenceStyles(zip.data(stylesEntry))
            styles = merged.styleIDs(footer: footerPartName != nil, themeFonts: target(Types.theme) != nil)
            if let text = merged.textWithAdditions { changedStyles = ZipArchive.Entry(name: stylesEntry.name, data: text) }
        } else {
            let part = add("styles", type: Content.styles, relationship: Types.styles)
            added.append(.fixed(ZipArchive.Entry(name: part.name, text: DOCXParts.styles)))
            styles = DOCXBase.builtIn.styles
        }

        let numbering: DOCXBase.Numbering
        let numberingName: String
        if let entry = try part(Types.numbering, "numbering") {
            numberingName = entry.name
            numbering = try Self.numbering(zip.data(entry))
        } else {
            numberingName = add("numbering", type: Content.numbering, relationship: Types.numbering).name
            numbering = DOCXBase.builtIn.numbering
            added.append(.numbering)
        }

        if try part(Types.settings, "settings") == nil {
            let part = add("settings", type: Content.settings, relationship: Types.settings)
            added.append(.fixed(ZipArchive.Entry(name: part.name, text: DOCXParts.settings)))
        }

        // The package's own parts: pit's properties in place of the reference's (and of its
        // thumbnail, a picture of the reference's first page); the rest kept.
        let replaced = [Types.coreProperties, Types.extendedProperties, Types.thumbnail]
        var dropped: Set<String> = ["[content_types].xml", "_rels/.rels", "docprops/core.xml", "docprops/app.xml",
                                    main.lowercased(), mainRelationshipsName.lowercased()]
        for relationship in packageRelationships where replaced.contains(relationship.type) {
            dropped.insert(OPCParts.resolve(relationship.target, from: "").lowercased())
        }
        for relationship in comments {
            let part = OPCParts.resolve(relationship.target, from: main)
            dropped.formUnion([part.lowercased(), OPCParts.relationshipsPart(of: part).lowercased()])
        }
        var kept = packageRelationships.filter { !replaced.contains($0.type) }
        let ids = Set(kept.map(\.id))
        let coreID = OPCParts.freeName("pitCore", among: ids)
        let appID = OPCParts.freeName("pitApp", among: ids)
        kept += [.init(id: coreID, type: Types.coreProperties, target: "docProps/core.xml"),
                 .init(id: appID, type: Types.extendedProperties, target: "docProps/app.xml")]

        types.overrides.removeAll { dropped.contains($0.part.dropFirst().lowercased()) }
        types.overrides += [("/" + main, Content.document), ("/docProps/core.xml", Content.coreProperties),
                            ("/docProps/app.xml", Content.extendedProperties)]
        for (ext, type) in [("rels", Content.relationships), ("xml", "application/xml")]
        where !types.defaults.contains(where: { $0.extension.lowercased() == ext }) {
            types.defaults.append((ext, type))
        }

        var parts: [DOCXBase.Part] = [
            .fixed(ZipArchive.Entry(name: "[Content_Types].xml", text: OPCParts.contentTypesXML(types))),
            .fixed(ZipArchive.Entry(name: "_rels/.rels", text: OPCParts.relationshipsXML(kept))),
            .coreProperties,
            .fixed(ZipArchive.Entry(name: "docProps/app.xml", text: DOCXParts.appProperties)),
            .document,
        ]
        for entry in zip.entries where !dropped.contains(entry.name.lowercased()) {
            if entry.name == numberingName {
                parts.append(.numbering)
            } else if entry.name == stylesEntry?.name, let changedStyles {
                parts.append(.fixed(changedStyles))
            } else {
                _ = try zip.data(entry)  // checks it decompresses to its size and checksum
                parts.append(.fixed(zip.archived(entry)))
            }
        }
        parts += added
        parts.append(.fixed(ZipArchive.Entry(name: mainRelationshipsName, text: OPCParts.relationshipsXML(relationships))))

        return DOCXBase(parts: parts, documentPartName: main, numberingPartName: numberingName, footerPartName: footerPartName,
                        documentStart: document.start, sectionProperties: document.sectionProperties,
                        styles: styles, numbering: numbering)
    }

    /// The kinds of the parts that hold comments (Word 2007's, and the later ones beside them).
    static let commentTypes: Set = ["comments", "commentsExtended", "commentsIds", "commentsExtensible", "people"]

    /// The bytes of a part the package must have.
    private func data(_ name: String, what: String) throws -> [UInt8] {
        guard let entry = zip.entry(name) else { throw PITError.data("it has no \(what) ('\(name)')") }
        return try zip.data(entry)
    }

    /// The reference's numbering part, with room for pit's lists: definitions before its first
    /// numbering instance, instances after its last, ids after its own.
    static func numbering(_ text: [UInt8]) throws -> DOCXBase.Numbering {
        let tags = try XMLTags.scan(text)
        guard let root = tags.first, root.name == "w:numbering", root.kind == .start,
              root.attribute("xmlns:w") == DOCXParts.wordNamespace else {
            throw PITError.data("its numbering part is not WordprocessingML with the usual 'w' prefix")
        }
        var depth = 0
        var firstInstance: Int?
        var cleanup: Int?
        var definitionID = -1
        var instanceID = 0
        for tag in tags {
            if tag.kind == .end { depth -= 1 }
            if depth == 1 && tag.opens {
                switch tag.name {
                case "w:abstractNum": definitionID = max(definitionID, Int(tag.attribute("w:abstractNumId") ?? "") ?? 0)
                case "w:num":
                    instanceID = max(instanceID, Int(tag.attribute("w:numId") ?? "") ?? 0)
                    if firstInstance == nil { firstInstance = tag.range.lowerBound }
                case "w:numIdMacAtCleanup": cleanup = tag.range.lowerBound
                default: break
                }
            }
            if tag.kind == .start { depth += 1 }
        }
        let end = cleanup ?? tags[tags.count - 1].range.lowerBound
        return DOCXBase.Numbering(text: text, definitionsAt: firstInstance ?? end, instancesAt: end,
                                  firstDefinitionID: definitionID + 1, firstInstanceID: instanceID + 1)
    }
}

/// The reference's main document: its start tag, and the section properties that end its body,
/// pit's footer added when it has none.
private struct ReferenceDocument {
    let start: String
    private(set) var sectionProperties: String
    let hasDefaultFooter: Bool
    private let bindsRelationshipPrefix: Bool
    /// The length in bytes of the section properties' start tag; whether it is all there is.
    private let startTagLength: Int
    private let isEmptyElement: Bool

    init(_ text: [UInt8]) throws {
        let tags = try XMLTags.scan(text)
        guard let root = tags.first, root.kind == .start, root.name == "w:document",
              root.attribute("xmlns:w") == DOCXParts.wordNamespace else {
            throw PITError.data("its main document is not WordprocessingML with the usual 'w' prefix")
        }
        start = String(decoding: text[root.range], as: UTF8.self)
        bindsRelationshipPrefix = root.attribute("xmlns:r") == OPCParts.officeRelationships

        // The body's own section properties: a child of w:body (others end sections inside it).
        var depth = 0
        var inBody = false
        var opened: Int?
        var found: (range: Range<Int>, startTag: Int, tags: ArraySlice<XMLTag>)?
        for (index, tag) in tags.enumerated() {
            switch tag.kind {
            case .start:
                if depth == 1 && tag.name == "w:body" { inBody = true }
                if inBody && depth == 2 && tag.name == "w:sectPr" { opened = index }
                depth += 1
            case .empty:
                if inBody && depth == 2 && tag.name == "w:sectPr" { found = (tag.range, tag.range.count, tags[index..<index]) }
            case .end:
                depth -= 1
                if inBody && depth == 2 && tag.name == "w:sectPr", let first = opened {
                    found = (tags[first].range.lowerBound..<tag.range.upperBound, tags[first].range.count, tags[first..<index])
                }
                if depth == 1 && tag.name == "w:body" { inBody = false }
            }
        }
        if let found {
            sectionProperties = String(decoding: text[found.range], as: UTF8.self)
            startTagLength = found.startTag
            isEmptyElement = found.tags.isEmpty
            hasDefaultFooter = found.tags.contains { $0.name == "w:footerReference" && ($0.attribute("w:type") ?? "default") == "default" }
        } else {
            sectionProperties = ""
            startTagLength = 0
            isEmptyElement = false
            hasDefaultFooter = false
        }
    }

    /// Puts pit's footer (relationship `id`) on every page but a distinct first one; a reference
    /// without section properties gets pit's page (A4).
    mutating func addFooter(_ id: String) {
        let declaringPrefix = !bindsRelationshipPrefix
        guard !sectionProperties.isEmpty else {
            sectionProperties = DOCXParts.sectionProperties(footerID: id, declaringPrefix: declaringPrefix)
            return
        }
        let bytes = Array(sectionProperties.utf8)
        let reference = DOCXParts.footerReference(id, declaringPrefix: declaringPrefix)
        if isEmptyElement {
            sectionProperties = String(decoding: bytes.dropLast(2), as: UTF8.self) + ">" + reference + "</w:sectPr>"
        } else {
            sectionProperties = String(decoding: bytes[..<startTagLength], as: UTF8.self) + reference
                + String(decoding: bytes[startTagLength...], as: UTF8.self)
        }
    }
}
