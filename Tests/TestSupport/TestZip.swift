/// Writes ZIP archives for tests as other tools write them: entries deflated (with `TestDeflate`)
/// or stored, dated, optionally with data descriptors after their data (sizes and CRC-32 left
/// out of the local headers, as streaming writers do).
public enum TestZip {
    public struct Entry {
        public let name: String
        public let data: [UInt8]
        public let deflated: Bool

        public init(_ name: String, _ data: [UInt8], deflated: Bool = true) {
            self.name = name
            self.data = data
            self.deflated = deflated
        }

        public init(_ name: String, text: String, deflated: Bool = true) {
            self.init(name, Array(text.utf8), deflated: deflated)
        }
    }

    public static func archive(_ entries: [Entry], dataDescriptors: Bool = false) -> [UInt8] {
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let name = Array(entry.name.utf8)
            let stored = entry.deflated ? TestDeflate.compress(entry.data) : entry.data
            let crc = checksum(entry.data)
            let flags: UInt16 = dataDescriptors ? 0x0008 : 0
            let offset = output.count
            output.append32(0x0403_4B50)
            output.append16(20)
            output.append16(flags)
            output.append16(entry.deflated ? 8 : 0)
            output.append16(0x6000)  // 12:00
            output.append16(0x5A21)  // 2025-01-01
            output.append32(dataDescriptors ? 0 : crc)
            output.append32(dataDescriptors ? 0 : UInt32(stored.count))
            output.append32(dataDescriptors ? 0 : UInt32(entry.data.count))
            output.append16(UInt16(name.count))
            output.append16(0)
            output += name
            output += stored
            if dataDescriptors {
                output.append32(0x0807_4B50)
                output.append32(crc)
                output.append32(UInt32(stored.count))
                output.append32(UInt32(entry.data.count))
            }
            directory.append32(0x0201_4B50)
            directory.append16(45)
            directory.append16(20)
            directory.append16(flags)
            directory.append16(entry.deflated ? 8 : 0)
            directory.append16(0x6000)
            directory.append16(0x5A21)
            directory.append32(crc)
            directory.append32(UInt32(stored.count))
            directory.append32(UInt32(entry.data.count))
            directory.append16(UInt16(name.count))
            directory += [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]  // extra, comment, disk, attributes
            directory.append32(UInt32(offset))
            directory += name
        }
        let directoryOffset = output.count
        output += directory
        output.append32(0x0605_4B50)
        output.append16(0)
        output.append16(0)
        output.append16(UInt16(entries.count))
        output.append16(UInt16(entries.count))
        output.append32(UInt32(directory.count))
        output.append32(UInt32(directoryOffset))
        output.append16(0)
        return output
    }

    /// The CRC-32 of ZIP, bit by bit.
    public static func checksum(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return ~crc
    }
}

extension Array where Element == UInt8 {
    mutating func append16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value))
        append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func append32(_ value: UInt32) {
        append16(UInt16(truncatingIfNeeded: value))
        append16(UInt16(truncatingIfNeeded: value >> 16))
    }
}
