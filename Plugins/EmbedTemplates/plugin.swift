import Foundation
import PackagePlugin

/// Compiles the template library into the target that uses this plugin, so the built binary
/// carries it and can never drift from the files in the repository. The library is the package's
/// top-level `Templates/` folder, found from the package's own directory (no symbolic link, which a
/// Windows checkout would turn into a plain file). Every file in it is an input of the command,
/// and the plugin lists them afresh on each build, so an edit, addition or removal re-embeds.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let templates = context.package.directoryURL.appending(path: "Templates")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        let inputs = Self.files(under: templates)
        return [
            .buildCommand(
                displayName: "Embedding the template library",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [templates.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file below `folder`, and every folder from `folder` down: a folder changes
    /// when a file is added to it or removed from it, which then re-embeds too.
    static func files(under folder: URL) -> [URL] {
        let keys: Set<URLResourceKey> = [.isRegularFileKey, .isDirectoryKey]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: Array(keys))
        var files = [folder]
        while let url = walker?.nextObject() as? URL {
            let values = try? url.resourceValues(forKeys: keys)
            if values?.isRegularFile == true || values?.isDirectory == true { files.append(url) }
        }
        return files
    }
}
