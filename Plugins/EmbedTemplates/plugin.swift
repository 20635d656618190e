import PackagePlugin

/// Compiles the template library into the target that uses this plugin, so the built binary
/// carries it and can never drift from the files in the repository. The target reaches the
/// top-level `Templates/` folder through a symbolic link, which makes every template one of the
/// target's own files: the build system then re-embeds on any edit, addition or removal.
@main
struct EmbedTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let templates = target.directoryURL.appending(path: "Templates")
        let inputs = target.sourceFiles.map(\.url).filter { $0.path.contains("/Templates/") }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) template files",
                executable: try context.tool(named: "TemplateEmbedder").url,
                arguments: [templates.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
