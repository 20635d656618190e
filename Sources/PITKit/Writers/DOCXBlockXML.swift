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
/// while it is remembered), in one of two slots chosen by the address (of 2^`slotBits`) until
/// another block takes it; a block of more than `longest` bytes of XML is never kept, so memory
/// stays bounded (about 20 MiB). A block of no storage (empty) or of other storage is written
/// anew: its XML depends on its content alone. Safe to share between threads.
final class DOCXBlockMemo: Sendable {
    private static var longest: Int { 4096 }
    private static var slotBits: Int { 12 }

    /// The slots: `keys[i]` is the key of `kept[i]` (an address of 0 marks an empty slot), apart
    /// so that looking for a key copies nothing.
    private struct Table {
        var keys = Array(repeating: Key(address: 0, variant: 0), count: 1 << DOCXBlockMemo.slotBits)
        /// The block is kept, never read: while it is, its content's storage (the key's
        /// address) is not another's.
        var kept: [(block: Document.Block, xml: DOCXBlockXML)?] = Array(repeating: nil, count: 1 << DOCXBlockMemo.slotBits)
    }

    /// Where a block's content is stored, and what else its XML depends on: its kind, a
    /// heading's level, a list's numbering instance.
    private struct Key: Equatable {
        let address: UInt
        /// 0 for a paragraph, the level for a heading, minus the numbering instance for a list.
        let variant: Int

        init(address: UInt, variant: Int) {
            self.address = address
            self.variant = variant
        }

        init?(_ block: Document.Block, listInstance: Int) {
            let address: UInt?
            switch block {
            case .paragraph(let content):
                address = content.withUnsafeBufferPointer { $0.isEmpty ? nil : UInt(bitPattern: $0.baseAddress) }
                variant = 0
            case .heading(let level, let content):
                address = content.withUnsafeBufferPointer { $0.isEmpty ? nil : UInt(bitPattern: $0.baseAddress) }
                variant = HeadingStyle.clamp(level)
            case .list(_, let items):
                address = items.withUnsafeBufferPointer { $0.isEmpty ? nil : UInt(bitPattern: $0.baseAddress) }
                variant = -listInstance
            }
            guard let address else { return nil }
            self.address = address
        }

        /// The first of the key's two slots (the second is the next one).
        var slot: Int {
            UInt64(address).slot(among: 1 << DOCXBlockMemo.slotBits) & ~1
        }
    }

    private let table = Locked(Table())

    /// The XML of each block of `document` in `base` (the memo serves that base alone),
    /// remembered or written, and whether each list is ordered (as `DOCXWriter.forEachBlock`).
    /// All under one lock: a block not remembered (few are) is written while it is held.
    func xml(_ document: Document, in base: DOCXBase) -> (blocks: [DOCXBlockXML], orderedLists: [Bool]) {
        var blocks: [DOCXBlockXML] = []
        blocks.reserveCapacity(document.blocks.count)
        let orderedLists = table.withLock { table in
            DOCXWriter.forEachBlock(document, in: base) { block, listInstance in
                guard let key = Key(block, listInstance: listInstance) else {
                    return blocks.append(DOCXBlockXML(block, listInstance: listInstance, markup: base.markup))
                }
                let first = key.slot
                if table.keys[first] == key { return blocks.append(table.kept[first]!.xml) }
                if table.keys[first + 1] == key { return blocks.append(table.kept[first + 1]!.xml) }
                let xml = DOCXBlockXML(block, listInstance: listInstance, markup: base.markup)
                if xml.bytes.count <= Self.longest {
                    let slot = table.keys[first].address != 0 && table.keys[first + 1].address == 0 ? first + 1 : first
                    table.keys[slot] = key
                    table.kept[slot] = (block, xml)
                }
                blocks.append(xml)
            }
        }
        return (blocks, orderedLists)
    }
}
