import Foundation
@testable import PITKit
import Testing

/// The library compiled into the binary is exactly the repository's `Templates/` folder.
struct EmbeddedLibraryTests {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    @Test func embeddedFilesEqualTheTemplatesFolder() throws {
        let onDisk = try FileSystem.files(under: Self.templates.path, role: "template folder")
        let files = TemplateLayer.builtIn.files
        #expect(files.keys.sorted() == onDisk)
        for path in onDisk {
            let text = try String(contentsOf: Self.templates.appendingPathComponent(path), encoding: .utf8)
            #expect(files[path] == text, "Templates/\(path) differs from the embedded copy")
        }
    }

    /// The embedder writes the files sorted by path, so start-up need not sort them.
    @Test func embeddedFilesAreSortedByPath() {
        #expect(zip(embeddedTemplateFiles, embeddedTemplateFiles.dropFirst()).allSatisfy { $0.path < $1.path })
    }

    @Test func noTemplateHoldsAControlCharacter() {
        for (path, text) in TemplateLayer.builtIn.files {
            #expect(TemplateLayer.forbiddenCharacter(in: text) == nil, "Templates/\(path)")
        }
    }

    @Test func everyTemplateParses() throws {
        let library = TemplateLibrary(layers: [.builtIn])
        for path in TemplateLayer.builtIn.files.keys where path.hasSuffix(".mustache") {
            _ = try library.template(path)
        }
    }
}
