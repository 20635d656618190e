@testable import PITKit

// The CSV reader and batch input: the input is a CSV file (any bytes). Its records must read the
// same whatever size of chunk the file is read in; as batch input, every row's options become a
// request, and the file name a row would be written to must be a plain name inside the output
// folder. Errors are expected; crashes, hangs and disagreements are not.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = FuzzInput.file(FuzzInput.bytes(data, size), suffix: ".csv")
    let whole = records(path, chunkSize: 1 << 16)
    let chunked = records(path, chunkSize: size % 7 + 1)
    precondition(whole == chunked, "the records depend on the chunk size:\n\(whole)\n\(chunked)")
    BatchRows.check(path)
    return 0
}

/// Every record of the file, and the error that ended it, as text to compare.
private func records(_ path: String, chunkSize: Int) -> [String] {
    var result: [String] = []
    do {
        let reader = CSVReader(input: try ByteReader(path: path, chunkSize: chunkSize), source: "fuzz.csv")
        while let record = try reader.next() {
            result.append("\(record.line) \(record.problem == nil ? reader.fieldTexts : []) \(record.problem ?? "")")
        }
    } catch {
        result.append("error: \(error)")
    }
    return result
}
