import Mustache
import Testing

/// What a template says of itself without being rendered: the names it may look up.
struct OutlineTests {
    func template(_ source: String) throws -> MustacheTemplate {
        try MustacheTemplate(name: "t.mustache", source: source)
    }

    @Test func aNameIsFoundByItsFirstPartInVariablesAndSections() throws {
        let names: Set<String> = ["facts"]
        #expect(try template("{{facts}}").mayLookUp(anyOf: names) { _ in nil })
        #expect(try template("{{#a}}{{^facts}}x{{/facts}}{{/a}}").mayLookUp(anyOf: names) { _ in nil })
        #expect(try template("{{{facts.first}}}").mayLookUp(anyOf: names) { _ in nil })
        #expect(try template("{{a.facts}} {{.}} {{#b}}{{c}}{{/b}} facts").mayLookUp(anyOf: names) { _ in nil } == false)
    }

    @Test func partialsAndParentsAreFollowedAndAMissingOneMayLookUpAnything() throws {
        let names: Set<String> = ["questions"]
        let partials = ["uses": try template("{{#questions}}{{.}}{{/questions}}"), "plain": try template("{{a}}"),
                        "self": try template("{{> self}}{{a}}")]
        let lookup: (String) -> MustacheTemplate? = { partials[$0] }
        #expect(try template("{{> plain}}{{> self}}").mayLookUp(anyOf: names, partials: lookup) == false)
        #expect(try template("{{> plain}}{{> uses}}").mayLookUp(anyOf: names, partials: lookup))
        #expect(try template("{{> absent}}").mayLookUp(anyOf: names, partials: lookup))
        #expect(try template("{{< plain}}{{$b}}{{questions}}{{/b}}{{/plain}}").mayLookUp(anyOf: names, partials: lookup))
        #expect(try template("{{$b}}{{questions}}{{/b}}").mayLookUp(anyOf: names, partials: lookup))
    }
}
