@testable import pit
import PITKit
import Testing

/// The argument parser: every form a command line can take, and every way it can be wrong.
struct ParsedArgumentsTests {
    static let options: [OptionSpec] = [
        .value("ref", "REF", "the reference"),
        .value("fact", "TEXT", "a fact", repeatable: true),
        .flag("ncnd", "neither confirm nor deny"),
    ]
    static let arguments = [ArgumentSpec(name: "FILE", help: "a file", optional: true)]

    func parse(_ words: [String], arguments: [ArgumentSpec] = Self.arguments) throws -> ParsedArguments {
        try ParsedArguments(words, options: Self.options, arguments: arguments, command: "test")
    }

    /// The usage error `words` give, or nil when they parse.
    func failure(_ words: [String], arguments: [ArgumentSpec] = Self.arguments) -> PITError? {
        do {
            _ = try parse(words, arguments: arguments)
            return nil
        } catch let error as PITError {
            return error
        } catch {
            Issue.record("not a PITError: \(error)")
            return nil
        }
    }

    @Test func valueInTheSameWordAfterAnEqualsSign() throws {
        let parsed = try parse(["--ref=658A/22"])
        #expect(parsed.value("ref") == "658A/22")
        #expect(try parse(["--ref=a=b"]).value("ref") == "a=b", "only the first = separates")
        #expect(try parse(["--ref="]).value("ref") == "", "an empty value is a value")
    }

    @Test func valueInTheNextWord() throws {
        let parsed = try parse(["--ref", "658A/22", "--ncnd"])
        #expect(parsed.value("ref") == "658A/22")
        #expect(parsed.flag("ncnd"))
        #expect(try parse(["--ref", "--ncnd"]).value("ref") == "--ncnd", "the next word is the value, whatever it looks like")
    }

    @Test func doubleDashEndsTheOptions() throws {
        let parsed = try parse(["--ncnd", "--", "--ref"])
        #expect(parsed.flag("ncnd"))
        #expect(parsed.value("ref") == nil)
        #expect(parsed.positionals == ["--ref"])
        #expect(try parse(["--", "-"]).positional(0) == "-")
        #expect(try parse(["-"]).positional(0) == "-", "a lone dash is standard input, not an option")
    }

    @Test func repeatedOptions() throws {
        let parsed = try parse(["--fact", "one", "--fact=two", "--fact", "three"])
        #expect(parsed.all("fact") == ["one", "two", "three"], "in the order given")
        #expect(parsed.value("fact") == "three")
        let twice = failure(["--ref", "a", "--ref", "b"])
        #expect(twice?.kind == .usage)
        #expect(twice?.message == "test: --ref is given more than once")
        #expect(try parse(["--ncnd", "--ncnd"]).flag("ncnd"), "a flag given twice is still set")
    }

    @Test func aFlagGivenAValue() {
        let error = failure(["--ncnd=yes"])
        #expect(error?.kind == .usage)
        #expect(error?.message == "test: --ncnd takes no value")
        #expect(failure(["--ncnd="])?.message == "test: --ncnd takes no value", "an empty value is still a value")
        #expect(failure(["--help=yes"])?.message == "test: --help takes no value", "not 'unknown option --help'")
    }

    @Test func aMissingValue() {
        let error = failure(["--ncnd", "--ref"])
        #expect(error?.kind == .usage)
        #expect(error?.message == "test: --ref needs a value (REF)")
        #expect(failure(["--fact", "one", "--fact"])?.message == "test: --fact needs a value (TEXT)", "a repeatable option too")
        #expect(failure(["--", "--ref"]) == nil, "after --, nothing needs a value")
    }

    @Test func theValueOfAnOptionIsNeverReadAsAnOption() throws {
        #expect(try parse(["--ref", "-h"]).value("ref") == "-h")
        #expect(try !parse(["--ref", "-h"]).wantsHelp)
        #expect(try parse(["--ref", "--"]).value("ref") == "--")
        #expect(try parse(["--ref", "--", "--ncnd"]).flag("ncnd"), "-- taken as a value ends nothing")
        #expect(try parse(["--fact", "--help"]).all("fact") == ["--help"])
    }

    @Test func unknownOptions() throws {
        let near = failure(["--refs", "1"])
        #expect(near?.kind == .usage)
        #expect(near?.message == "test: unknown option '--refs' — did you mean '--ref'?")
        #expect(failure(["--zzz"])?.message == "test: unknown option '--zzz'")
        #expect(failure(["-x"])?.message == "test: unknown option '-x' (see 'pit help test')", "short options other than -h do not exist")
        #expect(failure(["--refs=1"])?.message == "test: unknown option '--refs' — did you mean '--ref'?", "named without its value")
        #expect(failure(["--=x"])?.message == "test: unknown option '--=x'")
        #expect(failure(["-1"])?.kind == .usage, "a word starting with a dash is an option, even a number: use -- first")
        #expect(try parse(["--", "-1"]).positional(0) == "-1")
        #expect(failure(["--REF", "a"])?.message == "test: unknown option '--REF' — did you mean '--ref'?", "names are case-sensitive")
    }

    @Test func shortFlags() throws {
        #expect(try parse(["-h"]).wantsHelp, "-h is the one short option")
        #expect(failure(["-hx"])?.message == "test: unknown option '-hx' (see 'pit help test')", "short options do not combine")
        #expect(failure(["-n"])?.kind == .usage, "no short form of a long option")
        #expect(try parse(["-"]).positionals == ["-"])
    }

    @Test func positionals() throws {
        #expect(try parse([]).positional(0) == nil)
        #expect(try parse(["cases.csv", "--ncnd"]).positional(0) == "cases.csv", "options may follow positionals")
        let extra = failure(["a.csv", "b.csv"])
        #expect(extra?.kind == .usage)
        #expect(extra?.message == "test: unexpected argument 'b.csv'")
        let required = [ArgumentSpec(name: "ID", help: "an exemption")]
        let missing = failure(["--ncnd"], arguments: required)
        #expect(missing?.message == "test: missing ID (see 'pit help test')")
        #expect(failure(["x"], arguments: [])?.message == "test: unexpected argument 'x'")
    }

    @Test func helpWinsOverEverythingElse() throws {
        #expect(try parse(["-h"]).wantsHelp)
        #expect(try parse(["--ref", "1", "--help"]).wantsHelp)
        #expect(try parse(["--help"], arguments: [ArgumentSpec(name: "ID", help: "required")]).wantsHelp,
                "help needs none of the required arguments")
        #expect(try !parse(["--", "--help"]).wantsHelp, "after --, --help is a positional")
    }

    @Test func doubleDashTwice() throws {
        let parsed = try parse(["--", "--"])
        #expect(parsed.positionals == ["--"], "the second -- is a positional")
        #expect(failure(["--", "a", "b"])?.message == "test: unexpected argument 'b'")
    }
}

extension ParsedArgumentsTests {
    @Test func argumentsThatAreNotUTF8AreRefusedNamingThePlaceAndOption() throws {
        #expect(try RawArguments.decode([Array("draft".utf8), Array("--ref".utf8), Array("é".utf8)]) == ["draft", "--ref", "é"])
        #expect(throws: PITError.usage("argument 3 (the value of --output) is not UTF-8 text")) {
            try RawArguments.decode([Array("draft".utf8), Array("--output".utf8), [0x78, 0xFE]])
        }
        #expect(throws: PITError.usage("argument 2 (--output) is not UTF-8 text")) {
            try RawArguments.decode([Array("draft".utf8), Array("--output=".utf8) + [0xC3]])
        }
        #expect(throws: PITError.usage("argument 1 is not UTF-8 text")) { try RawArguments.decode([[0xFF]]) }
    }

    @Test func valuesAndArgumentsWithForbiddenCharactersAreRefusedNamingTheOption() {
        #expect(throws: PITError.usage("test: --ref holds a control character (U+0001), which a document cannot carry")) {
            try parse(["--ref", "a\u{1}"])
        }
        #expect(throws: PITError.usage("test: FILE holds a byte-order mark (U+FEFF), which a document cannot carry")) {
            try parse(["\u{FEFF}rows.csv"])
        }
        #expect(throws: Never.self) { try parse(["--fact", "two\nlines"]) }
    }
}

extension ParsedArgumentsTests {
    /// Parsing asks each command how to read an option (`pit draft` answers without building
    /// its table): the answer must be what the declared options say, for every option.
    @Test func everyCommandReadsEachOptionAsItDeclaresIt() {
        for command in Commands.all {
            for option in command.options {
                #expect(command.form(ofOption: option.name) == option.form, "\(command.name) --\(option.name)")
            }
            #expect(command.form(ofOption: "no-such-option") == .unknown, "\(command.name)")
            #expect(command.form(ofOption: "") == .unknown, "\(command.name)")
        }
        #expect(DraftCommand.form(ofOption: "ref") == .value(placeholder: "REF", repeatable: false))
        #expect(DraftCommand.form(ofOption: "fact") == .value(placeholder: "TEXT", repeatable: true))
        #expect(DraftCommand.form(ofOption: "ncnd") == .flag)
        #expect(DraftCommand.form(ofOption: "templates") == .value(placeholder: "DIR", repeatable: true))
    }

    @Test func draftOptionValuesAsTheCommandLineGivesThem() throws {
        let parsed = try ParsedArguments(["--ref", "1", "--fact", "a", "--ncnd", "--fact=b"][...],
                                         form: DraftCommand.form(ofOption:), options: { DraftCommand.options },
                                         arguments: [], command: "draft")
        #expect(parsed[.fact] == ["a", "b"])
        #expect(parsed.last(.fact) == "b")
        #expect(parsed[.ncnd] == [])
        #expect(parsed.isGiven(.ncnd) && parsed.isGiven(.ref) && !parsed.isGiven(.strict) && !parsed.isGiven(.question))
        #expect(parsed[.question] == nil && parsed.last(.question) == nil && parsed.last(.ncnd) == nil)
        #expect(parsed.last(.ref) == "1")
    }
}
