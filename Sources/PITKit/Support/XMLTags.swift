/// One tag of an XML text: what the scanner below gives, enough to find elements in the parts of
/// a Word package and to insert XML between tags while leaving the rest of the text as it is.
struct XMLTag {
    enum Kind { case start, end, empty }

    let kind: Kind
    /// The qualified name: `w:style`.
    let name: String
    /// Where the tag lies in the text, from `<` to `>` included.
    let range: Range<Int>
    /// The attributes in order, values with their references decoded.
    let attributes: [(name: String, value: String)]

    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

    /// Whether the tag opens an element (a start tag or an empty-element tag).
    var opens: Bool { kind != .end }
}

/// Reads the tags of an XML text in order. Comments, processing instructions and CDATA sections
/// are passed over; a document type declaration, a tag left open, a malformed attribute, end
/// tags that do not match their start tags, anything but one root element, or a control
/// character XML 1.0 forbids (written as it is or as a character reference) is an error
/// (`.data`). There is no tree: callers track depth themselves, and no entity but the five
/// predefined ones and character references is expanded.
enum XMLTags {
    static func scan(_ text: [UInt8]) throws -> [XMLTag] {
        // Copied into what pit writes, such a character would make that invalid XML too.
        if text.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            throw malformed("it holds a control character")
        }
        var tags: [XMLTag] = []
        var open: [String] = []
        var roots = 0
        var index = 0
        let count = text.count
        func find(_ pattern: String, from start: Int) throws -> Int {
            let bytes = Array(pattern.utf8)
            var at = start
            while at + bytes.count <= count {
                if text[at] == bytes[0] && text[at..<at + bytes.count].elementsEqual(bytes) { return at + bytes.count }
                at += 1
            }
            throw malformed("'\(pattern)' never comes")
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameByte(_ byte: UInt8) -> Bool { !isSpace(byte) && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "=") }

        while index < count {
            guard text[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let start = index
            guard index + 1 < count else { throw malformed("a tag is cut off") }
            switch text[index + 1] {
            case UInt8(ascii: "?"):
                index = try find("?>", from: index + 2)
                continue
            case UInt8(ascii: "!"):
                if text[index...].starts(with: "<!--".utf8) {
                    index = try find("-->", from: index + 4)
                } else if text[index...].starts(with: "<![CDATA[".utf8) {
                    index = try find("]]>", from: index + 9)
                } else {
                    throw malformed("it has a document type declaration")
                }
                continue
            default: break
            }
            var kind = XMLTag.Kind.start
            index += 1
            if text[index] == UInt8(ascii: "/") {
                kind = .end
                index += 1
            }
            let nameStart = index
            while index < count, isNameByte(text[index]) { index += 1 }
            guard index > nameStart else { throw malformed("a tag has no name") }
            let name = String(decoding: text[nameStart..<index], as: UTF8.self)
            var attributes: [(name: String, value: String)] = []
            while true {
                while index < count, isSpace(text[index]) { index += 1 }
                guard index < count else { throw malformed("the tag <\(name)> is never closed") }
                if text[index] == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                if text[index] == UInt8(ascii: "/"), kind == .start, index + 1 < count, text[index + 1] == UInt8(ascii: ">") {
                    kind = .empty
                    index += 2
                    break
                }
                guard kind == .start else { throw malformed("the end tag </\(name)> is malformed") }
                let attributeStart = index
                while index < count, isNameByte(text[index]) { index += 1 }
                let attributeName = String(decoding: text[attributeStart..<index], as: UTF8.self)
                while index < count, isSpace(text[index]) { index += 1 }
                guard !attributeName.isEmpty, index < count, text[index] == UInt8(ascii: "=") else {
                    throw malformed("an attribute of <\(name)> is malformed")
                }
                index += 1
                while index < count, isSpace(text[index]) { index += 1 }
                guard index < count, text[index] == UInt8(ascii: "\"") || text[index] == UInt8(ascii: "'") else {
                    throw malformed("an attribute of <\(name)> has no quoted value")
                }
                let quote = text[index]
                let valueStart = index + 1
                index = valueStart
                while index < count, text[index] != quote {
                    guard text[index] != UInt8(ascii: "<") else { throw malformed("an attribute of <\(name)> holds '<'") }
                    index += 1
                }
                guard index < count else { throw malformed("an attribute of <\(name)> is never closed") }
                attributes.append((attributeName, try decode(text[valueStart..<index])))
                index += 1
            }
            switch kind {
            case .start, .empty:
                if open.isEmpty { roots += 1 }
                if kind == .start { open.append(name) }
            case .end:
                guard open.popLast() == name else { throw malformed("</\(name)> does not close the element open there") }
            }
            tags.append(XMLTag(kind: kind, name: name, range: start..<index, attributes: attributes))
        }
        guard open.isEmpty else { throw malformed("<\(open.last!)> is never closed") }
        guard roots == 1 else { throw malformed("it has \(roots == 0 ? "no" : "more than one") root element") }
        return tags
    }

    /// An attribute value with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and `&#…;` decoded.
    static func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output = String.UnicodeScalarView()
        let text = String(decoding: bytes, as: UTF8.self).unicodeScalars
        var index = text.startIndex
        while index < text.endIndex {
            let scalar = text[index]
            index = text.index(after: index)
            guard scalar == "&" else {
                output.append(scalar)
                continue
            }
            guard let semicolon = text[index...].firstIndex(of: ";") else { throw malformed("a reference has no ';'") }
            let reference = String(text[index..<semicolon])
            index = text.index(after: semicolon)
            switch reference {
            case "amp": output.append("&")
            case "lt": output.append("<")
            case "gt": output.append(">")
            case "quot": output.append("\"")
            case "apos": output.append("'")
            default:
                let number: UInt32?
                if reference.hasPrefix("#x") {
                    number = UInt32(reference.dropFirst(2), radix: 16)
                } else if reference.hasPrefix("#") {
                    number = UInt32(reference.dropFirst(1))
                } else {
                    throw malformed("it refers to an unknown entity '&\(reference);'")
                }
                guard let number, let character = Unicode.Scalar(number), isXMLCharacter(number) else {
                    throw malformed("a character reference is invalid")
                }
                output.append(character)
            }
        }
        return String(output)
    }

    /// Whether XML 1.0 allows the character (its `Char` production): tab, line feed, carriage
    /// return and the rest of Unicode from U+0020, but for the surrogates, U+FFFE and U+FFFF.
    private static func isXMLCharacter(_ number: UInt32) -> Bool {
        number == 0x09 || number == 0x0A || number == 0x0D || (number >= 0x20 && number != 0xFFFE && number != 0xFFFF)
    }

    private static func malformed(_ reason: String) -> PITError { PITError(.data, "not well-formed XML: \(reason)") }
}
