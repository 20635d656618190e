import Mustache

/// The library's own words: every run of three words in a template's literal text or in the
/// metadata's texts (titles, limbs, tests, purposes, the authority). A paragraph with a long run
/// of words in an order the library never uses was written for the case.
struct LibraryText: Sendable {
    private var trigrams: Set<UInt64> = []

    /// Words in a row that no run of three of the library's words covers before a paragraph
    /// counts as the case's own (words with a capital or a digit, such as names, references and
    /// dates, neither count nor break a run).
    static let ownRun = 4

    init(_ library: TemplateLibrary) {
        for path in library.paths where path.hasSuffix(".mustache") {
            guard let template = try? library.template(path) else { continue }
            add(template.outline)
        }
        for id in library.exemptionIDs {
            guard let exemption = try? library.exemption(id) else { continue }
            var texts = [exemption.title, exemption.test ?? ""] + exemption.limbs.flatMap { [$0.text, $0.test ?? ""] }
            texts += exemption.purposes?.list.map(\.text) ?? []
            for text in texts { add(FoldedText(text)) }
        }
        if let authority = try? library.authority() {
            add(FoldedText(authority.name))
        }
    }

    private mutating func add(_ outline: [MustacheOutline]) {
        for node in outline {
            switch node {
            case .text(let text): add(FoldedText(text))
            case .section(_, _, _, _, let children), .block(_, let children): add(children)
            case .parent(_, _, _, let overrides): for block in overrides { add(block.children) }
            case .variable, .partial: break
            }
        }
    }

    private mutating func add(_ text: FoldedText) {
        let hashes = Self.wordHashes(text, text.words())
        guard hashes.count >= 3 else { return }
        for index in 0..<hashes.count - 2 { trigrams.insert(Self.key(hashes, index)) }
    }

    /// Whether `text` has a run of `ownRun` words that no library triple covers. Citations are
    /// skipped (their limbs vary from draft to draft), and break a run.
    func hasOwnWording(_ text: FoldedText) -> Bool {
        let words = text.words()
        guard words.count >= Self.ownRun else { return false }
        let citations = CitationReader.citations(in: text).map(\.range)
        let hashes = Self.wordHashes(text, words)
        var covered = [Bool](repeating: false, count: words.count)
        if words.count >= 3 {
            for index in 0..<words.count - 2 where trigrams.contains(Self.key(hashes, index)) {
                covered[index] = true
                covered[index + 1] = true
                covered[index + 2] = true
            }
        }
        let capitals = Set(text.capitals)
        var run = 0
        for (index, word) in words.enumerated() {
            if capitals.contains(word.lowerBound) || text.bytes[word].contains(where: FoldedText.isDigit) { continue }
            if covered[index] || citations.contains(where: { $0.contains(word.lowerBound) }) {
                run = 0
            } else {
                run += 1
                if run >= Self.ownRun { return true }
            }
        }
        return false
    }

    private static func key(_ hashes: [UInt64], _ index: Int) -> UInt64 {
        hashes[index] &* 0x9E37_79B9_7F4A_7C15 ^ (hashes[index + 1] &* 0xC2B2_AE3D_27D4_EB4F).rotated(17) ^ hashes[index + 2].rotated(41)
    }

    /// FNV-1a of each word.
    private static func wordHashes(_ text: FoldedText, _ words: [Range<Int>]) -> [UInt64] {
        words.map { FNV1a.hash(text.bytes[$0]) }
    }
}

private extension UInt64 {
    func rotated(_ count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}
