@testable import PITKit
import Testing

/// The core properties made from remembered parts (the authority's, the date's ending) are the
/// XML written whole, escaped, with its checksum, however often they are made.
struct DOCXCorePropertiesTests {
    @Test func madeFromRememberedPartsAsWrittenWhole() throws {
        let date = try #require(DocumentDate(year: 2026, month: 11, day: 22))
        for authority in ["Northshire \"Fire\" & <Rescue> Authority", "Short & sharp", "Northshire Constabulary"] {
            for reference in ["FOI/2026/001", "R&D <1>", ""] {
                let expected = DOCXParts.declaration + """
                    <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
                    xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                    """ + "<dc:title>Public Interest Test – \(XMLEscaping.escape(reference))</dc:title>"
                    + "<dc:subject>Public Interest Test</dc:subject><dc:creator>\(XMLEscaping.escape(authority))</dc:creator>"
                    + "<dc:language>en-GB</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-11-22T00:00:00Z</dcterms:created>"
                    + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2026-11-22T00:00:00Z</dcterms:modified></cp:coreProperties>\n"
                for round in 0..<2 {
                    let entry = DOCXParts.coreProperties(reference: reference, authority: authority, date: date)
                    let bytes = Array(entry.record[(entry.record.count - entry.storedSize)...])
                    #expect(String(decoding: bytes, as: UTF8.self) == expected, "round \(round)")
                    #expect(entry.crc == CRC32.checksum(bytes))
                }
            }
        }
    }
}
