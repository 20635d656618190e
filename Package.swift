// swift-tools-version:6.1
import PackageDescription

// Concrete generic types (an array of a pit type, a dictionary of strings) are reached through
// their metadata accessors, not through their mangled names: a mangled name is demangled at its
// first use, in every process, and a `pit draft` meets about sixty of them, a tenth of its
// instructions. The accessors cost a little more code and nothing at run time.
let fastMetadata: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

let package = Package(
    name: "pit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pit", targets: ["pit"]),
        .library(name: "PITKit", targets: ["PITKit"]),
        .library(name: "Mustache", targets: ["Mustache"]),
    ],
    targets: [
        .target(name: "Mustache", swiftSettings: fastMetadata),
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        .target(
            name: "PITKit",
            dependencies: ["Mustache"],
            swiftSettings: fastMetadata,
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "pit", dependencies: ["PITKit"], swiftSettings: fastMetadata),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "TestSupport"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PITKitTests", dependencies: ["PITKit", "TestSupport"]),
        .testTarget(name: "PitTests", dependencies: ["pit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["pit", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
