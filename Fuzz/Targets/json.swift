@testable import PITKit

// The JSON reader: the input is a JSON text (any bytes). What parses must write back (as the
// JSON writer writes) to text that parses to the same value, must convert to a template context,
// and is decoded as each of the library's JSON files (`authority.json`, `regime.json`,
// `exemption.json`); the input is also read as JSON Lines batch input, each line both ways it
// can be read (`JSONRowScan`, `JSONValue`), which must agree. Errors are expected;
// crashes, hangs and disagreements are not.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    if let value = try? JSONValue.parse(bytes, source: "fuzz.json") {
        let written = value.encoded()
        let reread = try! JSONValue.parse(written, source: "written.json")
        precondition(reread == value, "the value written back reads differently:\n\(written)")
        _ = value.mustacheValue
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? Authority.decode(text, path: "authority.json")
        for id in Regime.ID.allCases { _ = try? Regime.decode(text, id: id, path: "regime.json") }
        _ = try? ExemptionDecoder(id: "s99", path: "exemption.json", text: text, regime: nil).decode()
    }
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) { BatchRows.checkJSONLine(Array(line)) }
    BatchRows.check(FuzzInput.file(bytes, suffix: ".jsonl"))
    return 0
}
