import Foundation
@testable import PITKit
import TestSupport
import Testing

/// pit's own inflate against streams Python's zlib made (stored, fixed and dynamic blocks, every
/// strategy), against the tests' own compressor, and against broken streams, which must fail with
/// an error — never crash, never hang, never grow past their bound.
struct InflateTests {
    static func bytes(_ stream: DeflateFixtures.Stream) -> [UInt8] { Array(Data(base64Encoded: stream.base64)!) }

    @Test(arguments: DeflateFixtures.streams.map(\.name))
    func decompressesWhatZlibCompressed(_ name: String) throws {
        let stream = try #require(DeflateFixtures.streams.first { $0.name == name })
        let output = try Inflate.decompress(ArraySlice(Self.bytes(stream)), limit: stream.size)
        #expect(output.count == stream.size)
        #expect(CRC32.checksum(output) == stream.crc)
        if let text = stream.text { #expect(String(decoding: output, as: UTF8.self) == text) }
    }

    @Test func fixturesCoverEveryBlockType() {
        let firstTypes = Set(DeflateFixtures.streams.map { Self.bytes($0)[0] >> 1 & 3 })
        #expect(firstTypes == [0, 1, 2])
    }

    @Test func decompressesTheTestCompressor() throws {
        var generator = SeededGenerator(seed: 10)
        for size in [0, 1, 2, 3, 257, 258, 259, 4000, 70_000] {
            let data = (0..<size).map { index in index % 7 == 0 ? UInt8.random(in: 0...255, using: &generator) : UInt8(ascii: "a") + UInt8(index % 5) }
            let stream = TestDeflate.compress(data)
            #expect(try Inflate.decompress(ArraySlice(stream), limit: size) == data, "\(size) bytes")
        }
    }

    @Test func outputBeyondTheLimitIsAnError() throws {
        let stream = try #require(DeflateFixtures.streams.first { $0.name == "longestMatches" })
        let error = #expect(throws: PITError.self) { try Inflate.decompress(ArraySlice(Self.bytes(stream)), limit: stream.size - 1) }
        #expect(error?.kind == .data)
        #expect(error?.message.contains("more than the \(stream.size - 1) bytes expected") == true)
    }

    /// Hand-made broken streams, each with the reason it must give.
    static let broken: [(name: String, stream: [UInt8], reason: String)] = {
        var streams: [(String, [UInt8], String)] = [
            ("reserved block type", [0x07], "reserved type 3"),
            ("stored length check", [0x01, 0x05, 0x00, 0x00, 0x00], "length check fails"),
            ("stored block cut short", [0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41], "ends too soon"),
            ("empty input", [], "ends too soon"),
            ("no final block", [0x00, 0x00, 0x00, 0xFF, 0xFF], "ends too soon"),
        ]
        // A fixed block that starts with a match: nothing to copy from.
        var writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(1, bits: 2)
        writer.writeCode(1, length: 7)  // length symbol 257: 3 bytes
        writer.writeCode(0, length: 5)  // distance 1
        writer.writeCode(0, length: 7)  // end of block
        streams.append(("distance before the start", writer.finish(), "reaches back before the start"))
        // A fixed block with distance code 30, which RFC 1951 does not define.
        writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(1, bits: 2)
        writer.writeCode(0x30 + 65, length: 8)  // "A"
        writer.writeCode(1, length: 7)
        writer.writeCode(30, length: 5)
        streams.append(("invalid distance code", writer.finish(), "invalid distance code"))
        // A dynamic block whose code-length code is over-subscribed (three codes of length 1).
        writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(0, bits: 5)
        writer.write(0, bits: 5)
        writer.write(0, bits: 4)  // four code-length codes: 16, 17, 18, 0
        for _ in 0..<3 { writer.write(1, bits: 3) }
        writer.write(0, bits: 3)
        streams.append(("over-subscribed code", writer.finish(), "over-subscribed"))
        // A dynamic block whose code-length code is incomplete (one code of length 2).
        writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(0, bits: 14)
        writer.write(2, bits: 3)
        writer.write(0, bits: 9)
        streams.append(("incomplete code", writer.finish(), "incomplete"))
        // A dynamic block that starts its lengths by repeating the one before it.
        writer = BitWriter()
        writer.write(1, bits: 1)
        writer.write(2, bits: 2)
        writer.write(0, bits: 14)
        writer.write(1, bits: 3)  // code 16: length 1
        writer.write(1, bits: 3)  // code 17: length 1
        writer.write(0, bits: 6)
        writer.writeCode(0, length: 1)  // 16: repeat the previous length
        writer.write(0, bits: 2)
        streams.append(("repeat with nothing before", writer.finish(), "nothing before it"))
        return streams
    }()

    @Test(arguments: broken.map(\.name))
    func brokenStreamsFailWithTheirReason(_ name: String) throws {
        let broken = try #require(Self.broken.first { $0.name == name })
        let error = #expect(throws: PITError.self) { try Inflate.decompress(ArraySlice(broken.stream), limit: 1 << 20) }
        #expect(error?.kind == .data)
        #expect(error?.message.hasPrefix("compressed data is broken: ") == true)
        #expect(error?.message.contains(broken.reason) == true, "\(error?.message ?? "")")
    }

    /// Thousands of damaged copies of real streams: each gives an error or some bytes within the
    /// limit, and the test ends (no hang).
    @Test func damagedStreamsNeverCrashNorGrowPastTheLimit() {
        var generator = SeededGenerator(seed: 1951)
        let sources = DeflateFixtures.streams.map(Self.bytes).filter { $0.count > 8 }
        var failures = 0
        for round in 0..<3000 {
            var stream = sources[round % sources.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<stream.count, using: &generator)
                stream[index] ^= UInt8.random(in: 1...255, using: &generator)
            }
            if round % 5 == 0 { stream = Array(stream.prefix(Int.random(in: 0..<stream.count, using: &generator))) }
            do {
                let output = try Inflate.decompress(ArraySlice(stream), limit: 50_000)
                #expect(output.count <= 50_000)
            } catch let error as PITError {
                #expect(error.kind == .data)
                failures += 1
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(failures > 1000)
    }
}
