/// The parts of a .docx that depend only on a draft's shape (`CachedDrafter` drafts each shape
/// once, with a placeholder for each text): the numbering part, whole, and the main document part
/// split at its placeholders. A request's main document part is the shape's XML with the
/// request's texts escaped into the gaps, and its checksum the pieces' (computed here, once)
/// combined with those of the escaped texts (`CRC32.combine`): a request hashes only its texts.
/// A class: the requests of a shape refer to its parts without copying their fields.
final class DOCXShapeParts: Sendable {
    /// The main document part's name, and its XML without the placeholders.
    private let name: String
    private let xml: [UInt8]
    /// The XML in pieces, each but the last followed by a placeholder.
    private let pieces: [Piece]
    /// The numbering part, as a block of one: its central directory record made once.
    let numbering: ZipArchive.Block

    private struct Piece: Sendable {
        let range: Range<Int>
        /// The piece's checksum and the shift of its length, to combine with the checksum before
        /// it; nil for a piece so short that checksumming it costs less.
        let combined: (crc: UInt32, shift: CRC32.Shift)?
        /// The number of the placeholder that follows, if one does.
        let number: Int?
    }

    /// The shortest piece whose checksum is combined (`CRC32.combine` costs about as much as
    /// checksumming this many bytes).
    private static let shortestCombined = 32

    /// The parts of the shape whose document (placeholders in its text) is `document`.
    init(_ document: Document, in base: DOCXBase) {
        let body = DOCXWriter.body(document, in: base, placeholders: true)
        let xml = body.xml.bytes
        var pieces: [Piece] = []
        var start = 0
        func piece(to end: Int, number: Int?) {
            let combined = end - start < Self.shortestCombined ? nil : Self.combined(xml[start..<end])
            pieces.append(Piece(range: start..<end, combined: combined, number: number))
            start = end
        }
        for (offset, number) in body.xml.placeholders ?? [] { piece(to: offset, number: number) }
        piece(to: xml.count, number: nil)
        self.name = base.documentPartName
        self.xml = xml
        self.pieces = pieces
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
        var size = xml.count
        for piece in pieces {
            if let number = piece.number, number < texts.count { size += texts[number].utf8.count }
        }
        return ZipArchive.Entry(name: name, capacity: size + size / 16) { bytes in  // room for some escapes
            var crc: UInt32 = 0
            xml.withUnsafeBufferPointer { xml in
                for piece in pieces {
                    let xmlPiece = UnsafeBufferPointer(rebasing: xml[piece.range])
                    bytes.append(contentsOf: xmlPiece)
                    if let (pieceCRC, shift) = piece.combined {
                        crc = CRC32.combine(crc, pieceCRC, shift: shift)
                    } else {
                        crc = CRC32.checksum(xmlPiece, continuing: crc)
                    }
                    guard let number = piece.number else { continue }
                    let start = bytes.count
                    DOCXWriter.appendText(number < texts.count ? texts[number] : Placeholder.text(number), to: &bytes)
                    crc = bytes.withUnsafeBufferPointer { CRC32.checksum(UnsafeBufferPointer(rebasing: $0[start...]), continuing: crc) }
                }
            }
            return crc
        }
    }
}
