/// One block of a shape's document as `DOCXWriter` writes it, its placeholders left out: the
/// stretches of XML between them (and before the first and after the last), each checksummed
/// once. A class: the shapes that hold the block share it.
final class DOCXBlockXML: Sendable {
    let bytes: [UInt8]
    /// Where each stretch ends in `bytes`, and its checksum; each but the last is followed by
    /// the placeholder of the same place in `numbers`.
    let stretches: [(end: Int, crc: UInt32)]
    let numbers: [Int]

    /// The XML of `block`, whose list (if it is one) has numbering instance `listInstance`.
    init(_ block: Document.Block, listInstance: Int, markup: DOCXMarkup) {
        var xml = DOCXWriter.BodyXML(placeholders: true)
        xml.bytes.reserveCapacity(DOCXWriter.estimatedSize(of: block))
        DOCXWriter.append(block, listInstance: listInstance, markup: markup, into: &xml)
        let marks = xml.placeholders ?? []
        var numbers: [Int] = []
        var stretches: [(end: Int, crc: UInt32)] = []
        numbers.reserveCapacity(marks.count)
        stretches.reserveCapacity(marks.count + 1)
        xml.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for index in 0...marks.count {
                let end = index < marks.count ? marks[index].offset : bytes.count
                stretches.append((end, CRC32.checksum(UnsafeBufferPointer(rebasing: bytes[start..<end]), continuing: 0)))
                if index < marks.count { numbers.append(marks[index].number) }
                start = end
            }
        }
        bytes = xml.bytes
        self.numbers = numbers
        self.stretches = stretches
    }
}

/// The XML of the blocks of shapes' documents (`DOCXBlockXML`), each remembered by where its
/// content is stored: the shapes of a batch are read from the same remembered stretches of
/// Markdown (`MarkdownMemo`), so most of their blocks hold the very arrays of content met
/// before, found again with no pass over their text, and each is written and checksummed once.
/// Each remembered block is kept (so its storage, and the address, cannot go to other content
/// while it is remembered), in one of 2^`slotBits` slots chosen by the address until another
/// block takes the slot; a block of more than `longest` bytes of XML is never kept, so memory
/// stays bounded (16 MiB). A block of no storage (empty) or of other storage is written anew:
/// its XML depends on its content alone. Safe to share between threads.
final class DOCXBlockMemo: Sendable {
    private static var longest: Int { 4096 }
    private static var slotBits: Int { 12 }

    private struct Slot {
        let block: Document.Block
        let address: UInt
        let listInstance: Int
        let xml: DOCXBlockXML
    }

    private let slots = Locked<[Slot?]>(Array(repeating: nil, count: 1 << DOCXBlockMemo.slotBits))

    /// The XML of `block` in `markup`'s document (the memo serves one base's markup),
    /// remembered or written; `listInstance` as `DOCXBlockXML.init`.
    func xml(_ block: Document.Block, listInstance: Int, markup: DOCXMarkup) -> DOCXBlockXML {
        let address: UInt?
        var instance = 0
        switch block {
        case .heading(_, let content), .paragraph(let content):
            address = content.withUnsafeBufferPointer { $0.isEmpty ? nil : UInt(bitPattern: $0.baseAddress) }
        case .list(_, let items):
            address = items.withUnsafeBufferPointer { $0.isEmpty ? nil : UInt(bitPattern: $0.baseAddress) }
            instance = listInstance
        }
        guard let address else { return DOCXBlockXML(block, listInstance: listInstance, markup: markup) }
        let slot = Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - Self.slotBits))
        let known = slots.withLock { slots -> DOCXBlockXML? in
            guard let kept = slots[slot], kept.address == address, kept.listInstance == instance,
                  Self.sameKind(kept.block, block) else { return nil }
            return kept.xml
        }
        if let known { return known }
        let xml = DOCXBlockXML(block, listInstance: listInstance, markup: markup)
        if xml.bytes.count <= Self.longest {
            slots.withLock { $0[slot] = Slot(block: block, address: address, listInstance: instance, xml: xml) }
        }
        return xml
    }

    /// Whether two blocks of the same content are written alike: both paragraphs, headings of
    /// the same level, or lists (ordered or not, which their XML does not say).
    private static func sameKind(_ one: Document.Block, _ other: Document.Block) -> Bool {
        switch (one, other) {
        case (.paragraph, .paragraph), (.list, .list): return true
        case (.heading(let level, _), .heading(let otherLevel, _)): return level == otherLevel
        default: return false
        }
    }
}
