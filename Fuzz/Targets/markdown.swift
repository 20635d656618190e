@testable import PITKit

// The Markdown reader, and every writer over what it reads: the input is the Markdown a template
// renders to (any bytes); the document read from it is written in every output format as the
// body of a drafted PIT. Reading never fails; writing must never crash or hang, the .docx must be
// a ZIP archive pit can read back, and each of its XML parts well-formed.
//
// NUL bytes are read as U+0001: until the draft cache no longer marks its placeholders with NUL
// in the writers (issue 13, "one honest path"), a NUL in a document's text breaks the .docx's XML.
// pit refuses NUL in requests and templates, but not yet in authority.json.

private let base: Draft = {
    let request = DraftRequest(reference: "FUZZ/1", exemptionIDs: ["s31"], date: DocumentDate(year: 2026, month: 1, day: 2)!)
    return try! Drafter(library: TemplateLibrary(layers: [.builtIn])).draft(request)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size).map { $0 == 0 ? 1 : $0 }
    let document = MarkdownReader.read(bytes)
    // The String entry point reads the same document (it differs only in how it reaches the bytes).
    precondition(MarkdownReader.read(String(decoding: bytes, as: UTF8.self)) == document || !bytes.isValidUTF8,
                 "the String and byte readers disagree")
    let draft = Draft(reference: base.reference, date: base.date, authority: base.authority, regime: base.regime, neitherConfirmNorDeny: false, outcome: base.outcome,
                      exemptions: base.exemptions, questions: [], facts: [], document: document,
                      templatesUsed: [])  // the JSON writer hashes each template used: slow, and not what is fuzzed
    for format in OutputFormat.allCases {
        let output = try! format.writer.write(draft)
        if format == .docx {
            let zip = try! ZipReader(output)
            for entry in zip.entries where entry.name.hasSuffix(".xml") || entry.name.hasSuffix(".rels") {
                _ = try! XMLTags.scan(zip.data(entry))
            }
        }
    }
    return 0
}

extension Array where Element == UInt8 {
    var isValidUTF8: Bool { String(validating: self, as: UTF8.self) != nil }
}
