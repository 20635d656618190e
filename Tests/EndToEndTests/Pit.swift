import Foundation
import TestSupport
import Testing

/// Runs the built `pit` binary, as a user would, and captures what it does.
enum Pit {
    /// What one run of `pit` did.
    struct Result {
        let status: Int32
        let stdout: Data
        let stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The `pit` binary built beside this test bundle.
    static let binary: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("pit").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("pit")
    }()

    /// The repository's top folder.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fixtures folder of the end-to-end tests.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// An empty folder that stands for the home and configuration folders of every run, so that
    /// a developer's own overlay (~/.config/pit) never reaches a test.
    static let emptyHome: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-test-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }()

    /// The environment of a run: the test's own, with `PIT_TEMPLATES` unset and `HOME` and
    /// `XDG_CONFIG_HOME` an empty folder, then `changes` (a nil value removes a variable).
    static func environment(_ changes: [String: String?] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PIT_TEMPLATES"] = nil
        environment["HOME"] = emptyHome
        environment["XDG_CONFIG_HOME"] = emptyHome
        for (key, value) in changes { environment[key] = value }
        return environment
    }

    /// Runs `pit` with `arguments`; `environment` adds to (or, with a nil value, removes from)
    /// the environment `environment(_:)` describes.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String?] = [:],
                    in directory: URL? = nil) throws -> Result {
        try execute(binary, arguments, stdin: stdin, environment: environment, in: directory)
    }

    /// Runs an external tool (`bash`, `groff`, …) the same way.
    static func runTool(_ path: String, _ arguments: [String], stdin: Data? = nil,
                        environment: [String: String?] = [:]) throws -> Result {
        try execute(URL(fileURLWithPath: path), arguments, stdin: stdin, environment: environment, in: nil)
    }

    private static func execute(_ executable: URL, _ arguments: [String], stdin: Data?, environment: [String: String?],
                                in directory: URL?) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = Self.environment(environment)
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Standard error is read on another thread while this one reads standard output, so
        // that neither pipe fills; the group's wait orders the write before the read.
        let stderrData = ReadBytes()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrData.bytes = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData.bytes, as: UTF8.self))
    }

    /// util-linux's `script`, which gives a program a terminal; nil when it is not installed.
    static let script = ExternalTool.path("script")

    /// Runs `pit` with a terminal for its standard output and error (through `script`, which a
    /// test that calls this needs: `.enabled(if: Pit.script != nil, …)`), as a person at a shell
    /// would: the exit status and everything the terminal showed.
    static func runOnTerminal(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, transcript: String) {
        let script = try #require(Self.script, "script is not installed")
        let command = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qec", command, "/dev/null"]
        process.environment = environment()
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let transcript = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, transcript)
    }

    /// A new empty folder for one test, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pit-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Writes each text at its path (relative to `folder`), making the folders it needs.
    static func write(_ files: [String: String], into folder: URL) throws {
        for (path, text) in files {
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// The regular files below `folder`, as sorted relative paths (hidden ones left out).
    static func files(under folder: URL) -> [String] {
        let root = folder.resolvingSymlinksInPath().path
        let enumerator = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue && !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { found.append(path) }
        }
        return found.sorted()
    }

    /// The names of the files in a folder, sorted.
    static func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }
}

/// Bytes one thread reads from a pipe for another, which takes them after a `DispatchGroup` wait.
private final class ReadBytes: @unchecked Sendable {
    var bytes = Data()
}
