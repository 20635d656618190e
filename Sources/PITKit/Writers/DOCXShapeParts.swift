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

    /// The parts of the shape whose document (placeholders in its text) is `document`.
    init(_ document: Document, in base: DOCXBase) {
        let body = DOCXWriter.body(document, in: base, placeholders: true)
        let xml = body.xml.bytes
        var pieces: [Piece] = []
        var numbers: [Int] = []
        var start = 0
        func piece(to end: Int, number: Int?) {
            let combined = end - start < Self.shortestCombined ? nil : Self.combined(xml[start..<end])
            var placeholder: Int?
            if let number {
                placeholder = numbers.firstIndex(of: number)
                if placeholder == nil {
                    placeholder = numbers.count
                    numbers.append(number)
                }
            }
            pieces.append(Piece(range: start..<end, combined: combined, placeholder: placeholder))
            start = end
        }
        for (offset, number) in body.xml.placeholders ?? [] { piece(to: offset, number: number) }
        piece(to: xml.count, number: nil)
        self.name = base.documentPartName
        self.xml = xml
        self.pieces = pieces
        self.numbers = numbers
        numbering = ZipArchive.Block([ZipArchive.Entry(name: base.numberingPartName, data: base.numbering.part(body.orderedLists))])
    }

    /// The checksum of a piece and the shift of its length, the shift remembered by the length:
    /// the shapes of a batch share most of their pieces.
    private static func combined(_ piece: ArraySlice<UInt8>) -> (crc: UInt32, shift: CRC32.Shift) {
        (CRC32.checksum(piece), shifts.value(piece.count) { CRC32.Shift(count: piece.count) })
    }

    private static let shifts = BoundedMemo<Int, CRC32.Shift>(capacity: 4096)

    /// The main document part with each placeholder replaced by its text, escaped as the writer
    /// escapes a draft's (a placeholder with no text stays, as `PlaceholderText.filled` leaves it).
    func document(_ texts: [String]) -> ZipArchive.Entry {
        // Each placeholder's text escaped once, one after another; `ends[k]`: where that of
        // `numbers[k]` ends.
        var escaped: [UInt8] = []
        escaped.reserveCapacity(numbers.reduce(16) { size, number in size + (number < texts.count ? texts[number].utf8.count : 4) })
        var ends: [Int] = []
        ends.reserveCapacity(numbers.count)
        for number in numbers {
            DOCXWriter.appendText(number < texts.count ? texts[number] : Placeholder.text(number), to: &escaped)
            ends.append(escaped.count)
        }
        let size = pieces.reduce(xml.count) { size, piece in
            guard let placeholder = piece.placeholder else { return size }
            return size + ends[placeholder] - (placeholder == 0 ? 0 : ends[placeholder - 1])
        }
        return ZipArchive.Entry(name: name, size: size) { bytes in
            var crc: UInt32 = 0
            var filled = 0
            func put(_ part: UnsafeBufferPointer<UInt8>) {
                _ = UnsafeMutableBufferPointer(rebasing: bytes[filled..<filled + part.count]).initialize(fromContentsOf: part)
                filled += part.count
            }
            xml.withUnsafeBufferPointer { xml in
                escaped.withUnsafeBufferPointer { escaped in
                    for piece in pieces {
                        let xmlPiece = UnsafeBufferPointer(rebasing: xml[piece.range])
                        put(xmlPiece)
                        if let (pieceCRC, shift) = piece.combined {
                            crc = CRC32.combine(crc, pieceCRC, shift: shift)
                        } else {
                            crc = CRC32.checksum(xmlPiece, continuing: crc)
                        }
                        guard let placeholder = piece.placeholder else { continue }
                        let text = UnsafeBufferPointer(rebasing: escaped[(placeholder == 0 ? 0 : ends[placeholder - 1])..<ends[placeholder]])
                        put(text)
                        crc = CRC32.checksum(text, continuing: crc)
                    }
                }
            }
            return crc
        }
    }
}
