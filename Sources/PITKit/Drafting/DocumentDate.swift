/// A calendar date, written in the UK's long form: `1 June 2022`.
public struct DocumentDate: Sendable, Equatable {
    public let year: Int
    public let month: Int
    public let day: Int

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.days(inMonth: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`; anything else, or a day the calendar does not have, is a usage error.
    public init(iso text: String) throws {
        let date: DocumentDate? = text.withUTF8Bytes { bytes in
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    guard bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                }
                return value
            }
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return DocumentDate(year: year, month: month, day: day)
        }
        guard let date else { throw PITError.usage("invalid date '\(text)': expected YYYY-MM-DD, a real calendar date") }
        self = date
    }

    /// Today in the local time zone.
    public static func today() -> DocumentDate {
        let now = Platform.localDate()
        return DocumentDate(year: now.year, month: now.month, day: now.day)!
    }

    /// `21 November 2026` (made from bytes at its final size, so a short one is a small string
    /// with no allocation: every draft of a batch prints its date).
    public var longForm: String {
        let name = Self.monthNames[month - 1]
        let dayDigits = day >= 10 ? 2 : 1
        let yearDigits = year >= 1000 ? 4 : year >= 100 ? 3 : year >= 10 ? 2 : 1
        let count = dayDigits + 1 + name.utf8.count + 1 + yearDigits
        return String(unsafeUninitializedCapacity: count) { bytes in
            /// Puts `number`'s `width` digits ending before `end`.
            func put(_ number: Int, _ width: Int, endingBefore end: Int) {
                var number = number
                for index in stride(from: end - 1, through: end - width, by: -1) {
                    bytes[index] = UInt8(ascii: "0") + UInt8(number % 10)
                    number /= 10
                }
            }
            put(day, dayDigits, endingBefore: dayDigits)
            bytes[dayDigits] = UInt8(ascii: " ")
            var end = dayDigits + 1
            name.withUTF8Bytes { month in
                for byte in month {
                    bytes[end] = byte
                    end += 1
                }
            }
            bytes[end] = UInt8(ascii: " ")
            put(year, yearDigits, endingBefore: count)
            return count
        }
    }

    /// `2026-11-21`.
    public var iso: String {
        var text = Array("0000-00-00".utf8)
        /// Puts `number`'s digits into the zeros ending at `end`.
        func put(_ number: Int, endingAt end: Int) {
            var number = number, index = end
            while number > 0 {
                text[index] += UInt8(number % 10)
                number /= 10
                index -= 1
            }
        }
        put(year, endingAt: 3)
        put(month, endingAt: 6)
        put(day, endingAt: 9)
        return String(decoding: text, as: UTF8.self)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
