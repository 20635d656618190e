import Foundation

/// Outside programs some tests run (`unzip`, `script`, `sha256sum`, `groff`, shells): a test that
/// needs one is marked `.enabled(if: ExternalTool.path(name) != nil, "… is not installed")`, so
/// without it the test is reported as skipped, never passed.
public enum ExternalTool {
    /// The path of `name` on the search path, or nil.
    public static func path(_ name: String) -> String? {
        #if os(Windows)
        let separator: Character = ";"
        #else
        let separator: Character = ":"
        #endif
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: separator)
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
