/// The files of a template library's layers, one per path (the topmost layer's), sorted by path:
/// a file is found by binary search and a folder's files lie in one run, so the index is made
/// without hashing every path at start-up.
struct LibraryIndex: Sendable {
    /// A file's path, its text and the number of the layer it comes from.
    struct Entry: Sendable {
        let path: String
        let text: String
        let layer: Int
    }

    /// Sorted by path, as strings compare; no two paths equal.
    let entries: [Entry]

    /// Each layer's files over those of the layers before it.
    init(layers: [TemplateLayer]) {
        var merged: [Entry] = []
        for (number, layer) in layers.enumerated() {
            let files = layer.sortedFiles.map { Entry(path: $0.path, text: $0.text, layer: number) }
            merged = merged.isEmpty ? files : Self.merge(merged, under: files)
        }
        entries = merged
    }

    /// Two sorted runs as one; where both have a path, `upper`'s file wins.
    private static func merge(_ lower: [Entry], under upper: [Entry]) -> [Entry] {
        var merged: [Entry] = []
        merged.reserveCapacity(lower.count + upper.count)
        var (low, high) = (0, 0)
        while low < lower.count && high < upper.count {
            if lower[low].path < upper[high].path {
                merged.append(lower[low])
                low += 1
            } else {
                if lower[low].path == upper[high].path { low += 1 }
                merged.append(upper[high])
                high += 1
            }
        }
        merged += lower[low...]
        merged += upper[high...]
        return merged
    }

    /// The file at `path`.
    func entry(_ path: String) -> Entry? {
        let index = firstIndex(notBefore: path)
        return index < entries.count && entries[index].path == path ? entries[index] : nil
    }

    /// The entries that may lie below `folder` (which ends with `/`): every path that starts with
    /// it, and perhaps others, which the caller tests. When `folder` is ASCII, its paths sort
    /// between it and the same with the `/` replaced by the next character (`0`); else, all.
    func candidates(under folder: String) -> ArraySlice<Entry> {
        guard folder.utf8.last == UInt8(ascii: "/"), folder.utf8.allSatisfy({ $0 < 0x80 }) else { return entries[...] }
        let after = String(folder.dropLast()) + "0"
        return entries[firstIndex(notBefore: folder)..<firstIndex(notBefore: after)]
    }

    /// The index of the first entry whose path does not sort before `path`.
    private func firstIndex(notBefore path: String) -> Int {
        var (low, high) = (0, entries.count)
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].path < path { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
