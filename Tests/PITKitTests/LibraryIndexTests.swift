@testable import PITKit
import Testing

/// The library's files sorted by path: a layer's files replace those of the layers below it, a
/// file is found by its path, and a folder's files are among the candidates under it.
struct LibraryIndexTests {
    static let lower = TemplateLayer(name: "lower", displayRoot: "lower", files: [
        "a.json": "lower a", "b/x.mustache": "lower x", "b/y.mustache": "lower y", "b.json": "lower b",
        "b/c/z.mustache": "lower z", "bb/w.mustache": "lower w", "é/v.mustache": "lower v",
    ])
    static let upper = TemplateLayer(name: "upper", displayRoot: "upper", files: [
        "b/y.mustache": "upper y", "b/a.mustache": "upper a", "c.json": "upper c", "b/": "upper slash",
    ])

    @Test func upperLayersWinAndPathsStaySorted() {
        let index = LibraryIndex(layers: [Self.lower, Self.upper])
        let paths = index.paths
        #expect(paths == Set(Self.lower.files.keys).union(Self.upper.files.keys).sorted())
        #expect(index.entry("b/y.mustache").map { ($0.text, $0.layer) } ?? ("", -1) == ("upper y", 1))
        #expect(index.entry("b/x.mustache")?.text == "lower x")
        #expect(index.entry("b/z.mustache") == nil)
        #expect(index.entry("") == nil)
        #expect(LibraryIndex(layers: []).count == 0)
        #expect(LibraryIndex(layers: [Self.lower]).paths == Self.lower.files.keys.sorted())
        #expect(LibraryIndex(layers: [Self.lower, Self.upper, Self.lower]).entry("b/y.mustache").map { ($0.text, $0.layer) } ?? ("", -1) == ("lower y", 2))
    }

    @Test func candidatesHoldEveryPathBelowAFolder() {
        let index = LibraryIndex(layers: [Self.lower, Self.upper])
        for folder in ["b/", "b/c/", "bb/", "a/", "é/", "z/", "", "b"] {
            let below = index.paths.filter { $0.utf8.starts(with: folder.utf8) }
            let candidates = index.candidates(under: folder).map { $0.path }
            #expect(below.allSatisfy(candidates.contains), "\(folder)")
        }
        #expect(index.candidates(under: "b/").map { $0.path } == ["b/", "b/a.mustache", "b/c/z.mustache", "b/x.mustache", "b/y.mustache"])
    }

    @Test func theLibraryFindsFilesAndVariantsThroughTheIndex() throws {
        let library = TemplateLibrary(layers: [Self.lower, Self.upper])
        #expect(library.file("b/y.mustache")?.layer.name == "upper")
        #expect(library.file("b/y.mustache")?.displayPath == "upper/b/y.mustache")
        #expect(library.variants(in: "b") == ["a", "x", "y"])
        #expect(library.paths(under: "b") == ["b/", "b/a.mustache", "b/c/z.mustache", "b/x.mustache", "b/y.mustache"])
        #expect(library.layerNames(under: "b/c") == ["lower"])
    }
}
