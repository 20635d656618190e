/// What help and the manual page say about pit as a whole, beside what each command declares.
enum About {
    static let summary = """
        pit drafts the public interest test a UK public authority writes when it withholds
        information under a qualified exemption of the Freedom of Information Act 2000.
        """

    static let overlays = """
        Templates come from the built-in library, then your own overlay folder
        ($XDG_CONFIG_HOME/pit, by default ~/.config/pit, made by 'pit init') when it exists, then
        the folders of PIT_TEMPLATES and of --templates; a later layer wins, file by file.
        """

    /// The manual page's DESCRIPTION, after the summary.
    static let description = """
        The document goes to standard output, every message to standard error; the same inputs
        always give the same bytes. Options take '--opt value' or '--opt=value'; '--' ends the
        options; '-h' or '--help' shows a command's help.
        """

    static let environment: [(name: String, text: String)] = [
        ("PIT_TEMPLATES", "overlay folders, separated by colons (semicolons on Windows), read after your own overlay and before --templates"),
        ("XDG_CONFIG_HOME", "where your own overlay is: $XDG_CONFIG_HOME/pit (when set to an absolute path)"),
        ("HOME", "without XDG_CONFIG_HOME, your own overlay is ~/.config/pit (on macOS too)"),
    ]

    static let files: [(name: String, text: String)] = [
        ("~/.config/pit/", "your own overlay, the first layer over the built-in library when it exists; 'pit init' makes it with an authority.json to fill in"),
    ]

    static let exitStatus: [(code: String, text: String)] = [
        ("0", "success"),
        ("64", "usage error: unknown command or option, a missing or bad option value"),
        ("65", "data error: unknown exemption or variant, a template or JSON error, a batch in which any row failed"),
        ("66", "an input file or folder does not exist"),
        ("73", "an output cannot be created, or is there and not a regular file (or a folder 'pit init' would fill is not empty)"),
        ("74", "reading or writing failed part-way"),
        ("129, 130, 143", "stopped by SIGHUP, SIGINT or SIGTERM (128 + the signal); no temporary file is left"),
    ]
}
