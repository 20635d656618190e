@testable import PITKit

// The .docx reader: the input is a Word document (any bytes), read three ways: as raw DEFLATE
// data (Inflate), as a ZIP archive with every entry decompressed and checked (ZipReader), and as
// the authority's reference document (`--reference-docx`). A reference that reads must frame a
// draft: the .docx written with it must read back as a ZIP archive whose XML parts pit made are
// well-formed. Errors are expected; crashes, hangs and runaway memory are not.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    _ = try? Inflate.decompress(bytes[...], limit: 1 << 24)
    if let zip = try? ZipReader(bytes) {
        for entry in zip.entries { _ = try? zip.data(entry) }
    }
    guard let reference = try? ReferenceDocx(bytes: bytes, name: "fuzz.docx") else { return 0 }
    let output = DOCXWriter(reference: reference).write(FuzzDraft.s31)
    let written = try! ZipReader(output)
    let made = ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", reference.base.documentPartName]
    for entry in written.entries {
        let data = try! written.data(entry)
        if made.contains(entry.name) { _ = try! XMLTags.scan(data) }
    }
    return 0
}
