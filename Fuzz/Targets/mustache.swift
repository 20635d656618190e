import Mustache

// The Mustache parser and renderer: the input is a template (its source, as any bytes); it is
// parsed, and what parses is rendered strictly and not, with HTML escaping and without, against a
// fixed context. Where the strict render succeeds, the lenient one gives the same bytes. Every
// partial and parent the template names is the template itself, so the bounds on nesting depth,
// work and output are exercised. A template may fail to parse or render (a MustacheError); it
// must never crash, hang or exhaust memory.

private let context: MustacheValue = [
    "name": "Ada <Lovelace> & \"co\"",
    "empty": "",
    "zero": 0,
    "number": 42,
    "ratio": .double(2.5),
    "yes": true,
    "no": false,
    "nothing": nil,
    "markup": .markup(Array("<b>bold</b>".utf8)),
    "list": ["one", "two", "three"],
    "none": [],
    "people": [["name": "Grace", "age": 85], ["name": "Alan", "age": 41, "list": ["x"]]],
    "nested": ["a": ["b": ["c": "deep", "list": [1, 2]]], "name": "inner"],
    "a.b": "dotted key",
    "lambda": "{{name}}",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let template = try? MustacheTemplate(name: "fuzz.mustache", source: source) else { return 0 }
    let partials: MustacheRenderer.PartialLookup = { _ in template }
    // pit's own bounds, once; then smaller ones (so the fuzzer stays fast) for the other choices.
    _ = try? MustacheRenderer(partials: partials).render(template, context: context)
    // Strict mode only adds errors: where it renders, the output is the lenient renderer's.
    for escaper in [Escaper.html, .none] {
        for escapesRawTags in [false, true] {
            var outputs: [[UInt8]?] = []
            for strict in [false, true] {
                let renderer = MustacheRenderer(escaper: escaper, partials: partials, strict: strict, escapesRawTags: escapesRawTags,
                                                maximumDepth: 16, maximumWork: 50_000, maximumOutput: 1 << 20)
                var output: [UInt8] = []
                outputs.append((try? renderer.render(template, contextStack: [context, ["name": "top"]], into: &output)).map { output })
            }
            if let strict = outputs[1] {
                precondition(outputs[0] == strict, "strict and lenient rendering differ")
            }
        }
    }
    // No partials at all: a missing partial renders empty, or is an error when strict.
    _ = try? MustacheRenderer(strict: true).render(template, context: context)
    return 0
}
