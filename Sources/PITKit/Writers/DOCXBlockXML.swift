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

    private struct Slot {
        /// Kept, never read: while it is, its content's storage (the key's address) is not another's.
        let block: Document.Block
        let key: Key
        let xml: DOCXBlockXML
    }

    /// Where a block's content is stored, and what else its XML depends on: its kind, a
    /// heading's level, a list's numbering instance.
    private struct Key: Equatable {
        let address: UInt
        /// 0 for a paragraph, the level for a heading, minus the numbering instance for a list.
        let variant: Int

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
            Int(truncatingIfNeeded: (UInt64(address) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - DOCXBlockMemo.slotBits)) & ~1
        }
    }

    private let slots = Locked<[Slot?]>(Array(repeating: nil, count: 1 << DOCXBlockMemo.slotBits))

    /// The XML of each block of `document` in `base` (the memo serves that base alone),
    /// remembered or written, and whether each list is ordered (as `DOCXWriter.forEachBlock`).
    func xml(_ document: Document, in base: DOCXBase) -> (blocks: [DOCXBlockXML], orderedLists: [Bool]) {
        // Each block's key, and its XML if remembered, all under one lock.
        var found: [(xml: DOCXBlockXML?, key: Key?, listInstance: Int)] = []
        found.reserveCapacity(document.blocks.count)
        let orderedLists = slots.withLock { slots in
            DOCXWriter.forEachBlock(document, in: base) { block, listInstance in
                let key = Key(block, listInstance: listInstance)
                var xml: DOCXBlockXML?
                if let key {
                    let first = key.slot
                    if let kept = slots[first], kept.key == key {
                        xml = kept.xml
                    } else if let kept = slots[first + 1], kept.key == key {
                        xml = kept.xml
                    }
                }
                found.append((xml, key, listInstance))
            }
        }
        var made: [Slot] = []
        let blocks = found.indices.map { index in
            if let xml = found[index].xml { return xml }
            let block = document.blocks[index]
            let xml = DOCXBlockXML(block, listInstance: found[index].listInstance, markup: base.markup)
            if let key = found[index].key, xml.bytes.count <= Self.longest { made.append(Slot(block: block, key: key, xml: xml)) }
            return xml
        }
        if !made.isEmpty {
            slots.withLock { slots in
                for slot in made {
                    let first = slot.key.slot
                    slots[slots[first] != nil && slots[first + 1] == nil ? first + 1 : first] = slot
                }
            }
        }
        return (blocks, orderedLists)
    }
}
