import Foundation
import TestSupport
import Testing

/// `pit completion`, end to end: the scripts parse in their shells, and completing a command
/// line offers what pit knows, overlays included.
struct CompletionTests {
    static let bash = ExternalTool.path("bash")
    static let zsh = ExternalTool.path("zsh")
    static let fish = ExternalTool.path("fish")

    /// An overlay that adds an exemption, s99, and a variant of s31's harm, `anpr`.
    static func overlay(in folder: URL) throws -> URL {
        let overlay = folder.appendingPathComponent("overlay")
        try Pit.write(["exemptions/s99/exemption.json": "{\"section\": \"99\", \"title\": \"A test exemption\", \"kind\": \"class\", \"provision\": \"99(1)\"}",
                       "exemptions/s31/harm/anpr.mustache": "{{! summary: cameras }}\nCameras.\n"], into: overlay)
        return overlay
    }

    /// What bash's completion function offers for `words` (the last one being completed).
    static func bashCompletes(_ words: [String], script: URL, environment: [String: String?] = [:]) throws -> [String] {
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let program = """
            source '\(script.path)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _pit
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var changes = environment
        changes["PATH"] = Pit.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let result = try Pit.runTool(try #require(bash), ["--norc", "--noprofile", "-c", program], environment: changes)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        return result.text.split(separator: "\n").map(String.init)
    }

    static func script(_ shell: String, in folder: URL) throws -> URL {
        let result = try Pit.run(["completion", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let file = folder.appendingPathComponent("pit.\(shell)")
        try result.stdout.write(to: file)
        return file
    }

    // Skipped, and reported as skipped, without bash.
    @Test(.enabled(if: bash != nil, "bash is not installed"))
    func bashAcceptsTheScriptAndCompletesFromPitItself() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = try Self.script("bash", in: folder)
        let syntax = try Pit.runTool(try #require(Self.bash), ["-n", script.path])
        #expect(syntax.status == 0, "bash -n: \(syntax.stderr)")

        let exemptions = try Self.bashCompletes(["pit", "draft", "--exemption", "s3"], script: script)
        #expect(exemptions.contains("s30") && exemptions.contains("s31"), "\(exemptions)")
        #expect(!exemptions.contains("s24"))
        #expect(try Self.bashCompletes(["pit", "dr"], script: script) == ["draft"])
        #expect(try Self.bashCompletes(["pit", "draft", "--lik"], script: script) == ["--likelihood"])
        #expect(try Self.bashCompletes(["pit", "draft", "--likelihood", ""], script: script) == ["would", "likely"])
        // Bash splits --format=ht at '=': the word completed is what follows it.
        #expect(try Self.bashCompletes(["pit", "draft", "--format", "=", "ht"], script: script) == ["html"])
        #expect(try Self.bashCompletes(["pit", "draft", "--exemption", "s31", "--variant", "harm", "=", "ta"], script: script) == ["tactics"])
        #expect(try Self.bashCompletes(["pit", "show", "s2"], script: script).contains("s24"))
        #expect(try Self.bashCompletes(["pit", "help", "com"], script: script) == ["completion"])
        #expect(try Self.bashCompletes(["pit", "completion", ""], script: script) == ["bash", "zsh", "fish"])

        // Overlays included: the user's own, PIT_TEMPLATES, and --templates on the command line.
        let overlay = try Self.overlay(in: folder)
        #expect(try !Self.bashCompletes(["pit", "show", "s9"], script: script).contains("s99"))
        #expect(try Self.bashCompletes(["pit", "show", "s9"], script: script, environment: ["PIT_TEMPLATES": overlay.path]) == ["s99"])
        #expect(try Self.bashCompletes(["pit", "draft", "--templates", overlay.path, "--exemption", "s9"], script: script) == ["s99"])
        #expect(try Self.bashCompletes(["pit", "draft", "--templates=\(overlay.path)", "--exemption", "s31", "--variant", "an"], script: script)
                == ["anpr"])
        let configuration = folder.appendingPathComponent("configuration")
        try FileManager.default.createDirectory(at: configuration, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: overlay, to: configuration.appendingPathComponent("pit"))
        #expect(try Self.bashCompletes(["pit", "show", "s9"], script: script, environment: ["XDG_CONFIG_HOME": configuration.path]) == ["s99"])
    }

    // Skipped, and reported as skipped, without zsh.
    @Test(.enabled(if: zsh != nil, "zsh is not installed"))
    func zshAcceptsTheScript() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = try Self.script("zsh", in: folder)
        let syntax = try Pit.runTool(try #require(Self.zsh), ["-n", script.path])
        #expect(syntax.status == 0, "zsh -n: \(syntax.stderr)")
        #expect(try String(contentsOf: script, encoding: .utf8).hasPrefix("#compdef pit\n"))
    }

    // Skipped, and reported as skipped, without fish.
    @Test(.enabled(if: fish != nil, "fish is not installed"))
    func fishAcceptsTheScriptAndCompletesFromPitItself() throws {
        let folder = try Pit.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = try Self.script("fish", in: folder)
        let fish = try #require(Self.fish)
        let syntax = try Pit.runTool(fish, ["-n", script.path])
        #expect(syntax.status == 0, "fish -n: \(syntax.stderr)")
        let path = Pit.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        func completes(_ line: String) throws -> [String] {
            let result = try Pit.runTool(fish, ["--no-config", "-c", "source '\(script.path)'; complete -C '\(line)'"], environment: ["PATH": path])
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
            return result.text.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        }
        let exemptions = try completes("pit draft --exemption s3")
        #expect(exemptions.contains("s30") && exemptions.contains("s31"), "\(exemptions)")
        #expect(try completes("pit draft --exemption s31 --variant harm=t") == ["harm=tactics"])
        #expect(try completes("pit draft --likelihood ").sorted() == ["likely", "would"])
    }

    @Test func anUnknownShellIsAUsageError() throws {
        let result = try Pit.run(["completion", "bsh"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "pit: completion: unknown shell 'bsh' — did you mean 'bash'? (shells: bash, zsh, fish)\n")
    }
}
