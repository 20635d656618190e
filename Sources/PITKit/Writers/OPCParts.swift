/// The parts every Office package (Open Packaging Conventions) has beside its content: content
/// types (`[Content_Types].xml`) and relationships (`_rels/….rels`), read and written, and the
/// types pit uses.
enum OPCParts {
    /// One relationship of a part (or of the package) to another part or an external target.
    struct Relationship: Equatable {
        var id: String
        var type: String
        var target: String
        var external = false
    }

    /// The content types of a package: by extension, and part by part.
    struct ContentTypes {
        var defaults: [(extension: String, type: String)] = []
        var overrides: [(part: String, type: String)] = []

        /// The content type of `part` (a part name without the leading `/`): its override, else
        /// the default for its extension; names compared without case, as OPC says.
        func type(of part: String) -> String? {
            let name = "/" + part.lowercased()
            if let override = overrides.first(where: { $0.part.lowercased() == name }) { return override.type }
            guard let dot = part.lastIndex(of: ".") else { return nil }
            let ext = part[part.index(after: dot)...].lowercased()
            return defaults.first { $0.extension.lowercased() == ext }?.type
        }
    }

    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let strictOfficeRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    enum RelationshipType {
        static let officeDocument = officeRelationships + "/officeDocument"
        static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
        static let extendedProperties = officeRelationships + "/extended-properties"
        static let thumbnail = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
        static let styles = officeRelationships + "/styles"
        static let numbering = officeRelationships + "/numbering"
        static let settings = officeRelationships + "/settings"
        static let footer = officeRelationships + "/footer"
        static let theme = officeRelationships + "/theme"
    }

    enum ContentType {
        private static let word = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        static let document = word + "document.main+xml"
        static let template = word + "template.main+xml"
        static let macroEnabledDocument = "application/vnd.ms-word.document.macroEnabled.main+xml"
        static let macroEnabledTemplate = "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"
        static let styles = word + "styles+xml"
        static let numbering = word + "numbering+xml"
        static let settings = word + "settings+xml"
        static let footer = word + "footer+xml"
        static let relationships = "application/vnd.openxmlformats-package.relationships+xml"
        static let coreProperties = "application/vnd.openxmlformats-package.core-properties+xml"
        static let extendedProperties = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    }

    // MARK: - Reading

    static func relationships(_ xml: [UInt8]) throws -> [Relationship] {
        try XMLTags.scan(xml).filter { $0.opens && localName($0.name) == "Relationship" }.map { tag in
            guard let id = tag.attribute("Id"), let type = tag.attribute("Type"), let target = tag.attribute("Target") else {
                throw PITError(.data, "a relationship lacks its Id, Type or Target")
            }
            return Relationship(id: id, type: type, target: target, external: tag.attribute("TargetMode") == "External")
        }
    }

    static func contentTypes(_ xml: [UInt8]) throws -> ContentTypes {
        var types = ContentTypes()
        for tag in try XMLTags.scan(xml) where tag.opens {
            switch localName(tag.name) {
            case "Default":
                guard let ext = tag.attribute("Extension"), let type = tag.attribute("ContentType") else {
                    throw PITError(.data, "a content type default lacks its Extension or ContentType")
                }
                types.defaults.append((ext, type))
            case "Override":
                guard let part = tag.attribute("PartName"), let type = tag.attribute("ContentType") else {
                    throw PITError(.data, "a content type override lacks its PartName or ContentType")
                }
                types.overrides.append((part, type))
            default: continue
            }
        }
        return types
    }

    /// A relationship's target as a part name (no leading `/`), resolved against the folder of
    /// the part whose relationship it is (`source`; empty for the package's own).
    static func resolve(_ target: String, from source: String) -> String {
        var segments: [Substring] = []
        if !target.hasPrefix("/"), let slash = source.lastIndex(of: "/") {
            segments = source[..<slash].split(separator: "/")
        }
        for segment in target.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// The relationships part of `part`: `word/document.xml` → `word/_rels/document.xml.rels`.
    static func relationshipsPart(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "_rels/\(part).rels" }
        return "\(part[...slash])_rels/\(part[part.index(after: slash)...]).rels"
    }

    /// A relationship id not among `taken`: `base`, else `base2`, `base3`, …
    static func freeName(_ base: String, among taken: Set<String>) -> String {
        var name = base
        var number = 2
        while taken.contains(name) {
            name = base + String(number)
            number += 1
        }
        return name
    }

    private static func localName(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }

    // MARK: - Writing

    static func relationshipsXML(_ relationships: [Relationship]) -> String {
        var xml = DOCXParts.declaration + "<Relationships xmlns=\"\(relationshipsNamespace)\">"
        for relationship in relationships {
            xml += "<Relationship Id=\"\(XMLEscaping.escape(relationship.id))\" Type=\"\(XMLEscaping.escape(relationship.type))\""
            xml += " Target=\"\(XMLEscaping.escape(relationship.target))\"\(relationship.external ? " TargetMode=\"External\"" : "")/>"
        }
        return xml + "</Relationships>\n"
    }

    static func contentTypesXML(_ types: ContentTypes) -> String {
        var xml = DOCXParts.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        for (ext, type) in types.defaults {
            xml += "<Default Extension=\"\(XMLEscaping.escape(ext))\" ContentType=\"\(XMLEscaping.escape(type))\"/>"
        }
        for (part, type) in types.overrides {
            xml += "<Override PartName=\"\(XMLEscaping.escape(part))\" ContentType=\"\(XMLEscaping.escape(type))\"/>"
        }
        return xml + "</Types>\n"
    }
}
