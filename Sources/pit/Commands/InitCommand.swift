import PITKit

/// `pit init [DIR]`: starts the user's own overlay folder, or copies the built-in library out.
enum InitCommand: Command {
    static let name = "init"
    static let abstract = "start your own overlay folder, or copy the built-in library out"
    static let usage = "[DIR] [--only PART]... [--force]"
    static let discussion = """
        Without DIR, makes your own overlay folder, $XDG_CONFIG_HOME/pit (by default ~/.config/pit,
        on macOS too), with an authority.json to fill in and a short README. pit reads that folder
        whenever it exists, as the first overlay on the built-in library.

        With DIR, copies the built-in library into DIR as an overlay to edit, or only the parts
        --only names. Until a file is edited, drafts with --templates DIR are byte for byte the
        drafts of the built-in library. Without DIR, --only copies the parts into your own overlay
        folder.

        A folder that is not empty is refused unless --force is given, which replaces the files pit
        writes and leaves every other file as it was.
        """
    static let options: [OptionSpec] = [
        .value("only", "PART", "copy only this part of the built-in library: a folder or file such as exemptions/s31 (or just s31)", repeatable: true),
        .flag("force", "write into a folder that is not empty, replacing files of the same names"),
    ]
    static let arguments = [
        ArgumentSpec(name: "DIR", help: "the folder to copy the library into (default: your own overlay folder)",
                     optional: true, completion: .directories),
    ]
    static let examples = [
        Example("Make your own overlay, then put your authority's name in its authority.json", "pit init"),
        Example("Copy the whole library out, and draft with it", "pit init house-style && pit draft --ref 1 --exemption s31 --templates house-style"),
        Example("Copy only section 31's templates into your own overlay to edit them", "pit init ~/.config/pit --only exemptions/s31 --force"),
    ]

    static func run(_ arguments: ParsedArguments) throws -> [UInt8] {
        let parts = arguments.all("only")
        let given = arguments.positional(0)
        guard let folder = given ?? UserOverlay.folder(environment: FileSystem.environment) else {
            throw PITError(.cannotCreate, "init: cannot tell where your overlay folder goes: set XDG_CONFIG_HOME or HOME, or give a DIR")
        }
        // Your own overlay starts with an authority.json to fill in; otherwise, the library's files.
        let starts = given == nil && parts.isEmpty
        let files = starts ? try UserOverlay.starterFiles() : try LibraryCopy.builtInFiles(only: parts)
        try LibraryCopy.write(files, into: folder, force: arguments.flag("force"))
        if starts {
            FileSystem.writeStandardError("pit: made your overlay folder \(folder): put your authority's name in \(folder)/authority.json\n")
        } else {
            FileSystem.writeStandardError("pit: wrote \(files.count) file\(files.count == 1 ? "" : "s") of the built-in library to \(folder)\n")
        }
        return []
    }
}
