@testable import PITKit

// The reference .docx reader past the ZIP layer: the input is the parts of a Word package, each
// `NAME` + line feed + its text, parts separated by NUL bytes, packed into a ZIP with the right
// checksums (which random mutation of a whole archive seldom keeps), so the fuzzer works on the
// XML pit reads: content types, relationships, the main document, styles and numbering. A
// reference that reads must frame a draft: the .docx written with it must read back, and every
// XML part pit wrote or changed must be well-formed and free of characters XML forbids.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var package = ZipArchive()
    var given: [String: [UInt8]] = [:]
    for part in FuzzInput.parts(FuzzInput.bytes(data, size)) {
        let newline = part.firstIndex(of: 0x0A) ?? part.endIndex
        let name = String(decoding: part[..<newline], as: UTF8.self)
        let text = Array(part[min(newline + 1, part.endIndex)...])
        package.add(name, text)
        given[name] = text
    }
    guard let reference = try? ReferenceDocx(bytes: package.bytes, name: "fuzz.docx") else { return 0 }
    let written = try! ZipReader(DOCXWriter(reference: reference).write(FuzzDraft.s31))
    for entry in written.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
        let data = try! written.data(entry)
        guard given[entry.name] != data else { continue }  // copied as it was
        _ = try! XMLTags.scan(data)
        precondition(!data.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D },
                     "\(entry.name) holds a control character")
    }
    return 0
}
