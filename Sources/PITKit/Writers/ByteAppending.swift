/// Appending to the byte arrays the writers fill, without making a `String` on the way.
extension Array where Element == UInt8 {
    /// Appends the UTF-8 of a string literal.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a number that is not negative in decimal digits.
    mutating func append(decimal number: Int) {
        precondition(number >= 0, "a negative number")
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(number / divisor % 10))
            divisor /= 10
        }
    }
}
