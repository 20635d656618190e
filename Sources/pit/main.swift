import PITKit

do {
    let output = try Commands.run(RawArguments.ofProcess())
    try FileSystem.writeStandardOutput(output)
    exit(0)
} catch is AlreadyReported {
    exit(65)
} catch let error as PITError {
    FileSystem.writeStandardError("pit: \(error.message)\n")
    exit(error.exitCode)
} catch {
    FileSystem.writeStandardError("pit: \(error)\n")
    exit(70)
}
