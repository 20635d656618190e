/// `pit check`: the quality checks on a file a person may have edited — Markdown, text or a Word
/// document — told what was applied by the options, or else by its own citations.
public enum FileCheck {
    /// The findings on `bytes` (named `name`), read as `format` (else as the name's extension
    /// says, else as the bytes look), under `regime` (else the one its citations show).
    public static func run(_ bytes: [UInt8], name: String, format: CheckDocument.Format?, library: TemplateLibrary,
                           regime: Regime.ID? = nil, exemptionIDs: [String], ncnd: Bool?, outcome: Outcome?) throws -> [Finding] {
        let format = format ?? CheckDocument.Format(fileName: name) ?? CheckDocument.Format(sniffing: bytes)
        let document = try CheckDocument.read(bytes, format: format, name: name)
        let subject = try CheckSubject(reading: document, library: library, regime: regime, ids: exemptionIDs, ncnd: ncnd, outcome: outcome)
        return QualityChecks.run(document, subject)
    }
}
