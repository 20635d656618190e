public enum BuiltIn { public static var all: String { embeddedTemplateFiles.map { "\($0.path)=\($0.text)" }.joined() } }
