/// The files of a template library's layers, one per path (the topmost layer's), sorted by path:
/// a file is found by binary search and a folder's files lie in one run, so the index is made
/// without hashing every path at start-up. A library of one layer uses that layer's list as it is.
struct LibraryIndex: Sendable {
    /// A file's path, its text and the number of the layer it comes from.
    struct Entry: Sendable {
        let path: String
        let text: String
        let layer: Int
    }

    /// Sorted by path, as strings compare; no two paths equal.
    private let files: [(path: String, text: String)]
    /// The layer of each file; empty when all come from the first.
    private let layers: [Int]

    /// Each layer's files over those of the layers before it.
    init(layers: [TemplateLayer]) {
        var files = layers.first?.sortedFiles ?? []
        var numbers: [Int] = []
        for (number, layer) in layers.enumerated().dropFirst() {
            if numbers.isEmpty { numbers = Array(repeating: 0, count: files.count) }
            (files, numbers) = Self.merge((files, numbers), under: (layer.sortedFiles, number))
        }
        self.files = files
        self.layers = numbers
    }

    /// Two sorted runs as one; where both have a path, `upper`'s file wins.
    private static func merge(_ lower: (files: [(path: String, text: String)], layers: [Int]),
                              under upper: (files: [(path: String, text: String)], layer: Int)) -> ([(path: String, text: String)], [Int]) {
        var files: [(path: String, text: String)] = []
        var layers: [Int] = []
        files.reserveCapacity(lower.files.count + upper.files.count)
        layers.reserveCapacity(lower.files.count + upper.files.count)
        var (low, high) = (0, 0)
        while low < lower.files.count || high < upper.files.count {
            if high == upper.files.count || (low < lower.files.count && lower.files[low].path < upper.files[high].path) {
                files.append(lower.files[low])
                layers.append(lower.layers[low])
                low += 1
            } else {
                if low < lower.files.count && lower.files[low].path == upper.files[high].path { low += 1 }
                files.append(upper.files[high])
                layers.append(upper.layer)
                high += 1
            }
        }
        return (files, layers)
    }

    var count: Int { files.count }

    subscript(index: Int) -> Entry {
        Entry(path: files[index].path, text: files[index].text, layer: layers.isEmpty ? 0 : layers[index])
    }

    /// Every path, in order.
    var paths: [String] { files.map(\.path) }

    /// The file at `path`.
    func entry(_ path: String) -> Entry? {
        let index = firstIndex(notBefore: path)
        return index < files.count && files[index].path == path ? self[index] : nil
    }

    /// The paths that may lie below `folder` (which ends with `/`): every path that starts with
    /// it, and perhaps others, which the caller tests. When `folder` is ASCII, its paths sort in
    /// one run from the first not before it, each starting with its bytes; else, all.
    func candidates(under folder: String) -> ArraySlice<(path: String, text: String)> {
        guard folder.utf8.last == UInt8(ascii: "/"), folder.utf8.allSatisfy({ $0 < 0x80 }) else { return files[...] }
        let start = firstIndex(notBefore: folder)
        // The run's end, found by its bytes: the callers read every path of the run anyway.
        var end = start
        folder.withUTF8Bytes { prefix in
            while end < files.count, files[end].path.withUTF8Bytes({
                $0.count >= prefix.count && memcmp($0.baseAddress!, prefix.baseAddress!, prefix.count) == 0
            }) {
                end += 1
            }
        }
        return files[start..<end]
    }

    /// The index of the first file whose path does not sort before `path`.
    private func firstIndex(notBefore path: String) -> Int {
        var (low, high) = (0, files.count)
        while low < high {
            let middle = (low + high) / 2
            if files[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
