// The floor for writing batch output: writes one file per size read from standard input (one
// decimal size a line) into a folder, each atomically (a temporary file, then link or rename),
// and does nothing else. benchmarks/batch.sh runs it beside `pit batch` writing the same files.
// usage: minimal-writer DIR < sizes.txt
#if canImport(Glibc)
import Glibc
#endif

let folder = CommandLine.arguments[1]
mkdir(folder, 0o755)
var sizes: [Int] = []
while let line = readLine() { if let size = Int(line) { sizes.append(size) } }
let payload = [UInt8](repeating: UInt8(ascii: "x"), count: (sizes.max() ?? 0) + 1)
for (number, size) in sizes.enumerated() {
    let path = "\(folder)/\(number).out"
    let temporary = "\(path).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { perror(temporary); exit(1) }
    var written = 0
    while written < size {
        let count = payload.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, size - written) }
        guard count > 0 else { perror(path); exit(1) }
        written += count
    }
    close(descriptor)
    guard link(temporary, path) == 0 else { perror(path); exit(1) }
    unlink(temporary)
}
