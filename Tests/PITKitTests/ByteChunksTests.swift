import Foundation
@testable import PITKit
import Testing

/// Output written in chunks: the file holds them joined, empty chunks and all.
struct ByteChunksTests {
    static func chunks() -> ByteChunks {
        var chunks = ByteChunks()
        for chunk in [Array("first ".utf8), [], (0..<70_000).map { UInt8($0 % 251) }, [], Array(" last".utf8)] {
            chunks.append(chunk)
        }
        return chunks
    }

    @Test func joinedIsTheChunksInOrder() {
        let chunks = Self.chunks()
        #expect(chunks.joined == chunks.chunks.flatMap { $0 })
        #expect(chunks.count == 6 + 70_000 + 5)
    }

    @Test func theBuffersFromAChunkSkipWhatIsWritten() {
        let chunks = Self.chunks()
        let rest = chunks.withBuffers(from: 2, skipping: 100) { buffers in buffers.flatMap { Array($0) } }
        #expect(rest == Array(chunks.joined[(6 + 100)...]))
    }

    @Test func aFileWrittenInChunksHoldsThemJoined() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.bin").path
        try FileSystem.writeAtomically(Self.chunks(), to: path, replacing: false)
        #expect(try FileSystem.readBytes(path) == Self.chunks().joined)
    }
}
