import Mustache

/// Drafts PITs: a request's variables → each exemption's sections → the balancing test → the
/// layout → the Markdown read into a document. One drafter serves any number of drafts (on any
/// number of threads); the library parses each template once.
public struct Drafter: Sendable {
    public let library: TemplateLibrary
    private let partials: [String: MustacheTemplate]
    private let cache: DraftCache

    /// `referenceDocx`: the Word document whose styles, header and footer frame .docx output.
    public init(library: TemplateLibrary, referenceDocx: ReferenceDocx? = nil) throws {
        self.library = library
        partials = try library.partials()
        cache = DraftCache(docx: DOCXWriter(reference: referenceDocx))
    }

    /// Drafts a request: a draft of the same shape (every option but the user's own text) comes
    /// from the cache with the text put in; a new shape is drafted in full and remembered.
    public func draft(_ request: DraftRequest) throws -> Draft {
        let request = try RequestValidation.normalized(request)
        return try cache.draft(request) { try draftInFull($0) }
    }

    /// Drafts a request and writes it in `format`: the same bytes as writing `draft(request)` with
    /// `format.writer(docx:)`, .docx on this drafter's reference document.
    public func write(_ request: DraftRequest, as format: OutputFormat) throws -> [UInt8] {
        let request = try RequestValidation.normalized(request)
        return try cache.write(request, as: format) { try draftInFull($0) }
    }

    /// Drafts a request from the templates, without the cache. The request is already normalized.
    func draftInFull(_ request: DraftRequest) throws -> Draft {
        let exemptions = try resolveExemptions(request)
        let limbs = try chooseLimbs(request, exemptions)
        let variants = VariantResolver(library: library, choices: request.variantChoices, exemptions: exemptions,
                                       ncnd: request.neitherConfirmNorDeny)
        try variants.validate()
        var authority = try library.authority()
        if let name = request.authorityName { authority.name = name }
        if let short = request.authorityShort { authority.short = short }

        let recorder = UsageRecorder()
        let renderer = makeRenderer(recorder: recorder)
        let likelihood = request.likelihood ?? exemptions.first(where: { $0.likelihood != nil })?.likelihood ?? .likely
        var globals = baseVariables(request, authority: authority, likelihood: likelihood, exemptions: exemptions, limbs: limbs)

        // Each exemption's sections, rendered with that exemption as `exemption`.
        var applied: [AppliedExemption] = []
        var sectionTexts: [String: [Exemption.Section: [UInt8]]] = [:]
        for exemption in exemptions {
            let chosenLimbs = limbs[exemption.id] ?? []
            let level = exemption.kind == .prejudice ? (request.likelihood ?? exemption.likelihood ?? likelihood) : nil
            let variables = exemptionVariables(exemption, limbs: chosenLimbs, ncnd: request.neitherConfirmNorDeny,
                                               likelihood: level ?? likelihood)
            let context: MustacheValue = ["exemption": .object(variables), "likelihood": .string((level ?? likelihood).phrase)]
            var sections: [RenderedSection] = []
            for section in exemption.kind.sections {
                let variant = variants.variant(for: exemption, section)
                let markdown = try render("\(variants.folder(exemption, section))/\(variant).mustache",
                                          stack: [.object(globals), context], renderer: renderer, recorder: recorder)
                sectionTexts[exemption.id, default: [:]][section] = markdown
                sections.append(RenderedSection(section: section, variant: variant,
                                                isEmpty: markdown.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }))
            }
            applied.append(AppliedExemption(exemption: exemption, limbs: chosenLimbs,
                                            citation: exemption.citation(limbs: chosenLimbs.map(\.letter), ncnd: request.neitherConfirmNorDeny),
                                            likelihood: level, sections: sections))
        }

        // The exemptions with their rendered sections, for the balancing test and the layout.
        let objects = applied.map { item -> MustacheValue in
            var object = exemptionVariables(item.exemption, limbs: item.limbs, ncnd: request.neitherConfirmNorDeny,
                                            likelihood: item.likelihood ?? likelihood)
            for section in Exemption.Section.allCases {
                object[section.rawValue] = .markup(sectionTexts[item.exemption.id]?[section] ?? [])
            }
            return .object(object)
        }
        globals["exemptions"] = .list(objects)
        globals["exemption"] = objects[0]
        globals["qualified_exemptions"] = .list(zip(applied, objects).filter { $0.0.exemption.isQualified }.map(\.1))
        globals["absolute_exemptions"] = .list(zip(applied, objects).filter { !$0.0.exemption.isQualified }.map(\.1))
        globals["balance"] = .markup(try balance(variants, sectionTexts, globals: globals, renderer: renderer, recorder: recorder))

        let markdown = try render("document.mustache", stack: [.object(globals)], renderer: renderer, recorder: recorder)
        return Draft(reference: request.reference, date: request.date, authority: authority,
                     neitherConfirmNorDeny: request.neitherConfirmNorDeny, exemptions: applied,
                     questions: request.questions, facts: request.facts,
                     document: MarkdownReader.read(markdown), templatesUsed: recorder.files(in: library))
    }

    /// The document's balancing test: the joint one when several qualified exemptions apply,
    /// else the one qualified exemption's own.
    private func balance(_ variants: VariantResolver, _ sectionTexts: [String: [Exemption.Section: [UInt8]]],
                         globals: [String: MustacheValue], renderer: MustacheRenderer, recorder: UsageRecorder) throws -> [UInt8] {
        guard variants.usesJointBalance else {
            let single = variants.qualified[0]
            return sectionTexts[single.id]?[.balance] ?? []
        }
        let path = "\(TemplateLibrary.jointBalanceFolder(ncnd: variants.ncnd))/\(variants.jointBalanceVariant()).mustache"
        return try render(path, stack: [.object(globals)], renderer: renderer, recorder: recorder)
    }

    // MARK: - Exemptions and limbs

    /// The exemptions applied, checked: each known and given once, at least one qualified, and
    /// each with an NCND subsection when the draft neither confirms nor denies.
    private func resolveExemptions(_ request: DraftRequest) throws -> [Exemption] {
        var seen: Set<String> = []
        let exemptions = try request.exemptionIDs.map { id in
            let exemption = try library.exemption(id)
            guard seen.insert(exemption.id).inserted else { throw PITError.usage("--exemption: \(exemption.id) is given twice") }
            return exemption
        }
        func described(_ exemption: Exemption) -> String {
            "\(exemption.id) (\(exemption.citation(limbs: [], ncnd: false)) – \(exemption.title))"
        }
        guard exemptions.contains(where: \.isQualified) else {
            let names = exemptions.map(described)
            throw PITError.data("\(names.joined(separator: ", ")) \(names.count == 1 ? "is an absolute exemption" : "are absolute exemptions"): no public interest test applies, so there is nothing to draft")
        }
        if request.neitherConfirmNorDeny, let missing = exemptions.first(where: { $0.ncnd == nil }) {
            throw PITError.data("--ncnd: \(described(missing)) has no neither-confirm-nor-deny subsection")
        }
        return exemptions
    }

    private func chooseLimbs(_ request: DraftRequest, _ exemptions: [Exemption]) throws -> [String: [Exemption.Limb]] {
        var letters: [String: [String]] = [:]
        for exemption in exemptions { letters[exemption.id] = exemption.defaultLimbs }
        for choice in request.limbChoices {
            let exemption: Exemption
            if let id = choice.exemptionID {
                guard let match = exemptions.first(where: { $0.id == id }) else {
                    throw PITError.usage("--limbs \(id)=…: '\(id)' is not one of the exemptions applied")
                }
                exemption = match
            } else {
                let withLimbs = exemptions.filter { !$0.limbs.isEmpty }
                guard withLimbs.count == 1 else {
                    throw PITError.usage(withLimbs.isEmpty
                        ? "--limbs: none of the exemptions applied has lettered limbs"
                        : "--limbs: several exemptions have limbs; say which, e.g. --limbs \(withLimbs[0].id)=\(choice.letters.joined(separator: ","))")
                }
                exemption = withLimbs[0]
            }
            let known = exemption.limbs.map(\.letter)
            for letter in choice.letters where !known.contains(letter) {
                throw PITError.data("--limbs: \(exemption.id) has no limb '\(letter)'\(Suggestion.didYouMean(letter, in: known)) (limbs of \(exemption.provision): \(known.isEmpty ? "none" : known.joined(separator: ", ")))")
            }
            letters[exemption.id] = choice.letters
        }
        var limbs: [String: [Exemption.Limb]] = [:]
        for exemption in exemptions {
            let chosen = Set(letters[exemption.id] ?? [])
            limbs[exemption.id] = exemption.limbs.filter { chosen.contains($0.letter) }
        }
        return limbs
    }

    // MARK: - Variables

    private func baseVariables(_ request: DraftRequest, authority: Authority, likelihood: Likelihood,
                               exemptions: [Exemption], limbs: [String: [Exemption.Limb]]) -> [String: MustacheValue] {
        let qualified = exemptions.filter(\.isQualified)
        var variables: [String: MustacheValue] = [:]
        for (key, value) in request.extraVariables { variables[key] = .string(value) }
        variables["ref"] = .string(request.reference)
        variables["date"] = .string(request.dateText ?? request.date.longForm)
        variables["authority"] = ["name": .string(authority.name), "short": .string(authority.short)]
        variables["questions"] = .list(request.questions.map { .string($0) })
        variables["has_questions"] = .bool(!request.questions.isEmpty)
        variables["facts"] = .list(request.facts.map { .string($0) })
        variables["has_facts"] = .bool(!request.facts.isEmpty)
        variables["likelihood"] = .string(likelihood.phrase)
        variables["ncnd"] = .bool(request.neitherConfirmNorDeny)
        variables["multiple"] = .bool(exemptions.count > 1)
        variables["has_absolute"] = .bool(qualified.count < exemptions.count)
        variables["citations"] = .string(Self.joined(qualified.map {
            $0.citation(limbs: (limbs[$0.id] ?? []).map(\.letter), ncnd: request.neitherConfirmNorDeny)
        }))
        return variables
    }

    private func exemptionVariables(_ exemption: Exemption, limbs: [Exemption.Limb], ncnd: Bool,
                                    likelihood: Likelihood) -> [String: MustacheValue] {
        [
            "id": .string(exemption.id),
            "section": .string(exemption.section),
            "title": .string(exemption.title),
            "provision": .string(exemption.provision),
            "citation": .string(exemption.citation(limbs: limbs.map(\.letter), ncnd: ncnd)),
            "kind": .string(exemption.kind.rawValue),
            "is_prejudice": .bool(exemption.kind == .prejudice),
            "is_class": .bool(exemption.kind == .class),
            "is_absolute": .bool(exemption.kind == .absolute),
            "limbs": .list(limbs.map { ["letter": .string($0.letter), "text": .string($0.text)] }),
            "limbs_phrase": .string(Self.joined(limbs.map(\.text))),
            "likelihood": .string(likelihood.phrase),
            "test": .string(exemption.test ?? ""),
        ]
    }

    /// `a`, `a and b`, `a, b and c`.
    static func joined(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    // MARK: - Rendering

    private func makeRenderer(recorder: UsageRecorder) -> MustacheRenderer {
        let partials = self.partials
        return MustacheRenderer(
            escaper: MarkdownEscaping.escaper,
            partials: { name in
                recorder.record("partials/\(name).mustache")
                return partials[name]
            },
            strict: true,
            escapesRawTags: true
        )
    }

    /// A template rendered to UTF-8 Markdown.
    private func render(_ path: String, stack: [MustacheValue], renderer: MustacheRenderer, recorder: UsageRecorder) throws -> [UInt8] {
        guard library.file(path) != nil else {
            throw PITError.data("the template library has no '\(path)' (in Templates/ or any overlay)")
        }
        recorder.record(path)
        let template = try library.template(path)
        var output: [UInt8] = []
        do {
            try renderer.render(template, contextStack: stack, into: &output)
        } catch let error as MustacheError {
            var message = error.description
            if error.message.hasPrefix("undefined variable") {
                message += " (define it with --set NAME=VALUE, or fix the template)"
            }
            throw PITError.data(message)
        }
        return output
    }
}

/// The library files one draft used, in order of first use.
final class UsageRecorder: @unchecked Sendable {
    private var paths: [String] = []
    private var seen: Set<String> = []

    func record(_ path: String) {
        if seen.insert(path).inserted { paths.append(path) }
    }

    func files(in library: TemplateLibrary) -> [TemplateLibrary.File] {
        paths.compactMap { library.file($0) }
    }
}
