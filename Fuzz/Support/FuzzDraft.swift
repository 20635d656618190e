@testable import PITKit

/// A draft for the targets that write documents with what they read: an s31 draft of the
/// built-in library, made once.
enum FuzzDraft {
    static let s31: Draft = {
        let request = DraftRequest(reference: "FUZZ/1", exemptionIDs: ["s31"], date: DocumentDate(year: 2026, month: 1, day: 2)!)
        return try! Drafter(library: TemplateLibrary(layers: [.builtIn])).draft(request)
    }()
}
