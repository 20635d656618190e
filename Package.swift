// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "pit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pit", targets: ["pit"]),
        .library(name: "PITKit", targets: ["PITKit"]),
        .library(name: "Mustache", targets: ["Mustache"]),
    ],
    targets: [
        .target(name: "Mustache"),
        .executableTarget(name: "TemplateEmbedder"),
        .plugin(
            name: "EmbedTemplates",
            capability: .buildTool(),
            dependencies: ["TemplateEmbedder"]
        ),
        .target(
            name: "PITKit",
            dependencies: ["Mustache"],
            plugins: ["EmbedTemplates"]
        ),
        .executableTarget(name: "pit", dependencies: ["PITKit"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "TestSupport"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "PITKitTests", dependencies: ["PITKit", "TestSupport"]),
        .testTarget(name: "PitTests", dependencies: ["pit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["pit", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
