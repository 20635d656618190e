/// Heading levels as the writers give them (1 to 6, as Markdown and HTML have), and how the
/// word-processor formats (RTF, DOCX) style them: each a little smaller than the one above, in
/// the sans-serif heading font.
enum HeadingStyle {
    /// The levels a document heading may have; deeper or shallower levels are clamped.
    static let levels = 1...6

    /// `level` brought into 1…6.
    static func clamp(_ level: Int) -> Int { min(max(level, levels.lowerBound), levels.upperBound) }

    /// The font size of a heading level, in half-points (the unit both RTF and DOCX use).
    static func halfPoints(_ level: Int) -> Int {
        switch clamp(level) {
        case 1: return 32
        case 2: return 26
        case 3: return 24
        default: return 22
        }
    }

    /// Space before a heading, in twentieths of a point.
    static func spaceBefore(_ level: Int) -> Int { clamp(level) == 1 ? 0 : 240 }

    /// The font body text is set in.
    static let bodyFont = "Times New Roman"
    /// The font headings are set in.
    static let headingFont = "Arial"
    /// The body text size, in half-points.
    static let bodyHalfPoints = 24
}
