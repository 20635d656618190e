/// The user's own overlay folder, `$XDG_CONFIG_HOME/pit` (by default `~/.config/pit`, on macOS
/// too): the first overlay layer when it exists, made by `pit init`.
public enum UserOverlay {
    /// The folder's path, whether or not it exists: `$XDG_CONFIG_HOME/pit` when that variable is
    /// an absolute path (the XDG base directory rules ignore a relative one), else
    /// `$HOME/.config/pit` (`%USERPROFILE%` where there is no `HOME`); nil when neither is set.
    public static func folder(environment: (String) -> String?) -> String? {
        if let configuration = environment("XDG_CONFIG_HOME"), isAbsolute(configuration) {
            return joined(configuration, "pit")
        }
        for name in ["HOME", "USERPROFILE"] {
            if let home = environment(name), !home.isEmpty { return joined(joined(home, ".config"), "pit") }
        }
        return nil
    }

    /// The files `pit init` starts the folder with: the built-in `authority.json`, to fill in,
    /// and a README saying what the folder is for.
    public static func starterFiles() throws -> [(path: String, text: String)] {
        guard let authority = TemplateLayer.builtIn.files["authority.json"] else {
            throw PITError.data("the built-in library has no authority.json")
        }
        return [("README.md", readme), ("authority.json", authority)]
    }

    static let readme = """
        # Your own pit templates

        pit reads this folder as the first layer over its built-in template library, before the
        folders of PIT_TEMPLATES and --templates. A file here replaces the built-in file at the
        same relative path; a new file adds an exemption or a variant.

        - `authority.json`: put your authority's name and short name here, once:
          `{"name": "Northshire Constabulary", "short": "NC"}`.
        - To change a built-in template, copy it here first, then edit the copy:
          `pit init ~/.config/pit --only exemptions/s31/harm --force` (--force because this
          folder is not empty; it replaces only the files it copies).
        - A new variant is a new file: `exemptions/s31/harm/anpr.mustache` is `--variant anpr`.
          Start it with a summary line, `{{! summary: what the variant is for }}`.
        - `pit list` and `pit show ID` say which layer each exemption and variant comes from.

        `pit help` and `man pit` describe the layout and every variable a template sees.

        """

    static func isAbsolute(_ path: String) -> Bool {
        let characters = Array(path.utf8.prefix(3))
        if characters.first == UInt8(ascii: "/") || characters.first == UInt8(ascii: "\\") { return true }
        // A Windows drive: C:\ or C:/
        return characters.count == 3 && characters[1] == UInt8(ascii: ":")
            && (characters[2] == UInt8(ascii: "\\") || characters[2] == UInt8(ascii: "/"))
    }

    static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") || folder.hasSuffix("\\") ? folder + name : folder + "/" + name
    }
}
