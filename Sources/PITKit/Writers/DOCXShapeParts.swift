/// The parts of a .docx that depend only on a draft's shape (`CachedDrafter` drafts each shape
/// once, with a placeholder for each text): the numbering part, whole, and the main document part
/// split at its placeholders. A request's main document part is the shape's XML with the
/// request's texts escaped into the gaps, and its checksum the pieces' (computed here, once)
/// combined with those of the escaped texts (`CRC32.combine`): a request hashes only its texts,
/// and escapes each once however many placeholders it fills.
/// A class: the requests of a shape refer to its parts without copying their fields.
final class DOCXShapeParts: Sendable {
    /// The main document part's name, and its XML without the placeholders.
    private let name: String
    private let xml: [UInt8]
    /// The XML in pieces, each but the last followed by a placeholder.
    private let pieces: [Piece]
    /// The numbers of the placeholders, each once, in the order they first appear.
    private let numbers: [Int]
    /// The numbering part, as a block of one: its central directory record made once.
    let numbering: ZipArchive.Block

    private struct Piece: Sendable {
        let range: Range<Int>
        /// The piece's checksum and the shift of its length, to combine with the checksum before
        /// it; nil for a piece so short that checksumming it costs less.
        let combined: (crc: UInt32, shift: CRC32.Shift)?
        /// The place in `numbers` of the placeholder that follows, if one does.
        let placeholder: Int?
    }

    /// The shortest piece whose checksum is combined (`CRC32.combine` costs about as much as
    /// checksumming this many bytes).
    private static let shortestCombined = 32

    /// The parts of the shape whose document (placeholders in its text) is `document`: its
    /// blocks' XML, each written and checksummed once a batch (`DOCXBlockMemo`), joined, and each
    /// piece's checksum combined from theirs.
    init(_ document: Document, in base: DOCXBase) {
        let markup = base.markup
        let (blocks, orderedLists) = base.shapeBlocks.xml(document, in: base)
        var joining = Joining(capacity: blocks.reduce(markup.bodyStart.count + markup.bodyEnd.count) { $0 + $1.bytes.count },
                              pieces: blocks.reduce(1) { $0 + $1.numbers.count })
        markup.bodyStart.withUnsafeBufferPointer { joining.add($0, crc: markup.bodyStartCRC) }
        for block in blocks {
            block.bytes.withUnsafeBufferPointer { bytes in
                var start = 0
                for (index, stretch) in block.stretches.enumerated() {
                    joining.add(UnsafeBufferPointer(rebasing: bytes[start..<stretch.end]), crc: stretch.crc)
                    start = stretch.end
                    if index < block.numbers.count { joining.endPiece(placeholder: block.numbers[index]) }
                }
            }
        }
        markup.bodyEnd.withUnsafeBufferPointer { joining.add($0, crc: markup.bodyEndCRC) }
        joining.endPiece(placeholder: nil)
        self.name = base.documentPartName
        self.xml = joining.xml
        self.pieces = joining.pieces
        self.numbers = joining.numbers
        numbering = base.numberingParts.value(orderedLists) {
            ZipArchive.Block([ZipArchive.Entry(name: base.numberingPartName, data: base.numbering.part(orderedLists))])
        }
    }

    /// A shape's main document part being joined from stretches of XML whose checksums are
    /// known, cut into pieces at its placeholders.
    private struct Joining {
        private(set) var xml: [UInt8] = []
        private(set) var pieces: [Piece] = []
        private(set) var numbers: [Int] = []
        /// Where the piece being joined starts, and its checksum so far.
        private var start = 0
        private var crc: UInt32 = 0

        init(capacity: Int, pieces: Int) {
            xml.reserveCapacity(capacity)
            self.pieces.reserveCapacity(pieces)
            numbers.reserveCapacity(pieces)
        }

        /// Adds `bytes`, whose checksum is `bytesCRC`, to the piece.
        mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, crc bytesCRC: UInt32) {
            if xml.count == start {
                crc = bytesCRC
            } else if bytes.count < DOCXShapeParts.shortestCombined {
                crc = CRC32.checksum(bytes, continuing: crc)
            } else {
                crc = CRC32.combine(crc, bytesCRC, count: bytes.count)
            }
            xml.append(contentsOf: bytes)
        }

        /// Ends the piece, followed by the placeholder numbered `placeholder` if there is one.
        mutating func endPiece(placeholder number: Int?) {
            var placeholder: Int?
            if let number {
                placeholder = numbers.firstIndex(of: number)
                if placeholder == nil {
                    placeholder = numbers.count
                    numbers.append(number)
                }
            }
            let count = xml.count - start
            let combined = count < DOCXShapeParts.shortestCombined ? nil : (crc, CRC32.Shift.remembered(count: count))
            pieces.append(Piece(range: start..<xml.count, combined: combined, placeholder: placeholder))
            start = xml.count
            crc = 0
        }
    }

    /// The main document part with each placeholder replaced by its text, escaped as the writer
    /// escapes a draft's (a placeholder with no text stays, as `PlaceholderText.filled` leaves it).
    /// Each text is written once, one after another, into a buffer on the stack (when it is small
    /// enough), from which every placeholder it fills is copied: a text that escaping leaves as it
    /// is (most) straight from its string, the others escaped first into a buffer of their own.
    func document(_ texts: [String]) -> ZipArchive.Entry {
        withUnsafeTemporaryAllocation(of: (start: Int, count: Int).self, capacity: numbers.count) { spans in
            // `spans[k]`: the length of the text of `numbers[k]` as written, and where it is in
            // `escaped` (-1: it is the text itself); then where it is in `written`.
            var escaped: [UInt8] = []
            var total = 0
            for (k, number) in numbers.enumerated() {
                let count = number < texts.count ? texts[number].utf8.withContiguousStorageIfAvailable { bytes in
                    XMLEscaping.mayChange(bytes) ? nil : bytes.count
                } ?? nil : nil
                if let count {
                    spans.initializeElement(at: k, to: (-1, count))
                } else {
                    let start = escaped.count
                    DOCXWriter.appendText(number < texts.count ? texts[number] : Placeholder.text(number), to: &escaped)
                    spans.initializeElement(at: k, to: (start, escaped.count - start))
                }
                total += spans[k].count
            }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: total) { written in
                var at = 0
                escaped.withUnsafeBufferPointer { escaped in
                    for k in numbers.indices {
                        let span = spans[k]
                        if span.start >= 0 {
                            Self.copy(UnsafeBufferPointer(rebasing: escaped[span.start..<span.start + span.count]), to: written, at: at)
                        } else {
                            let offset = at
                            let copied: Void? = texts[numbers[k]].utf8.withContiguousStorageIfAvailable { Self.copy($0, to: written, at: offset) }
                            precondition(copied != nil, "a text's bytes were in one piece and are not")
                        }
                        spans[k] = (at, span.count)
                        at += span.count
                    }
                }
                return entry(texts: UnsafeBufferPointer(written), spans: UnsafeBufferPointer(spans))
            }
        }
    }

    /// The main document part: the XML's pieces, each followed by the text of its placeholder,
    /// which `spans` finds in `texts`.
    private func entry(texts: UnsafeBufferPointer<UInt8>, spans: UnsafeBufferPointer<(start: Int, count: Int)>) -> ZipArchive.Entry {
        let size = pieces.reduce(xml.count) { size, piece in size + (piece.placeholder.map { spans[$0].count } ?? 0) }
        return ZipArchive.Entry(name: name, size: size) { bytes in
            var crc: UInt32 = 0
            var filled = 0
            xml.withUnsafeBufferPointer { xml in
                for piece in pieces {
                    let xmlPiece = UnsafeBufferPointer(rebasing: xml[piece.range])
                    if let (pieceCRC, shift) = piece.combined {
                        Self.copy(xmlPiece, to: bytes, at: filled)
                        crc = CRC32.combine(crc, pieceCRC, shift: shift)
                    } else {
                        crc = Self.copy(xmlPiece, to: bytes, at: filled, continuing: crc)
                    }
                    filled += xmlPiece.count
                    guard let placeholder = piece.placeholder else { continue }
                    let span = spans[placeholder]
                    crc = Self.copy(UnsafeBufferPointer(rebasing: texts[span.start..<span.start + span.count]), to: bytes, at: filled, continuing: crc)
                    filled += span.count
                }
            }
            precondition(filled == bytes.count, "a document part's size was miscounted")
            return crc
        }
    }

    /// Copies `part` into `bytes` at `offset`.
    private static func copy(_ part: UnsafeBufferPointer<UInt8>, to bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        _ = UnsafeMutableBufferPointer(rebasing: bytes[offset..<offset + part.count]).initialize(fromContentsOf: part)
    }

    /// Copies `part` into `bytes` at `offset`: the checksum of what is there up to its end, from
    /// that of what is before it.
    private static func copy(_ part: UnsafeBufferPointer<UInt8>, to bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int,
                             continuing crc: UInt32) -> UInt32 {
        copy(part, to: bytes, at: offset)
        return CRC32.checksum(part, continuing: crc)
    }
}
