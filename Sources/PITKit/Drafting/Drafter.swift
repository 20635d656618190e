import Mustache

/// Drafts PITs: a request's variables → each exemption's sections → the balancing test → the
/// layout → the Markdown read into a document. One drafter serves any number of drafts (on any
/// number of threads); the library parses each template once.
public struct Drafter: Sendable {
    public let library: TemplateLibrary
    /// The writer of .docx output: pit's own styles, or the authority's reference document's.
    public let docx: DOCXWriter

    /// `referenceDocx`: the Word document whose styles, header and footer frame .docx output.
    public init(library: TemplateLibrary, referenceDocx: ReferenceDocx? = nil) throws {
        self.library = library
        docx = DOCXWriter(reference: referenceDocx)
    }

    /// The regime a request is drafted under: its own `--regime`, else the library's
    /// `authority.json`'s, else FOIA.
    func regime(of request: DraftRequest) -> Regime.ID {
        request.regime ?? (try? library.authority().regime) ?? .foia
    }

    /// Drafts a request from the templates.
    public func draft(_ request: DraftRequest) throws -> Draft {
        try draftInFull(prepared(request))
    }

    /// The quality checks' findings on the draft of a request, in document order.
    public func findings(_ request: DraftRequest) throws -> [Finding] {
        let draft = try draft(request)
        return QualityChecks.run(CheckDocument(draft.document), CheckSubject(draft, library: library))
    }

    /// Drafts a request and writes it in `format`, .docx on this drafter's reference document.
    /// With `request.strict`, a draft the quality checks find fault with throws `ChecksFailed`
    /// instead.
    public func write(_ request: DraftRequest, as format: OutputFormat) throws -> [UInt8] {
        try write(draft(request), strict: request.strict, as: format)
    }

    /// Writes a draft in `format`, as `write(_:as:)` does; with `strict`, a draft the quality
    /// checks find fault with throws `ChecksFailed` instead.
    public func write(_ draft: Draft, strict: Bool, as format: OutputFormat) throws -> [UInt8] {
        if strict {
            let findings = QualityChecks.run(CheckDocument(draft.document), CheckSubject(draft, library: library))
            guard findings.isEmpty else { throw ChecksFailed(findings: findings) }
        }
        return try format.writer(docx: docx).write(draft)
    }

    /// The request checked and normalized, its evidence as the document prints it: dates in long
    /// form, line breaks as spaces.
    func prepared(_ request: DraftRequest) throws -> DraftRequest {
        var request = request
        try prepare(&request)
        return request
    }

    /// Checks and normalizes `request` in place, as `prepared` does (in place, a request that
    /// is not shared is neither copied nor its evidence made anew).
    func prepare(_ request: inout DraftRequest) throws {
        try RequestValidation.normalize(&request)
        guard !request.evidence.isEmpty else { return }
        let dated = library.datedEvidence(of: request.exemptionIDs, regime: regime(of: request))
        for index in request.evidence.indices {
            let pair = request.evidence[index]
            guard dated.contains(pair.key) else {
                request.evidence[index].value = pair.value.unbroken
                continue
            }
            guard let date = try? DocumentDate(iso: pair.value) else {
                throw PITError.data("--evidence \(pair.key): '\(pair.value)' is not a date; expected YYYY-MM-DD")
            }
            request.evidence[index].value = date.longForm
        }
    }

    /// The warnings a draft of `request` deserves: a placeholder authority.
    public func warnings(for request: DraftRequest) -> [String] {
        guard request.authorityName == nil, let warning = placeholderAuthorityWarning() else { return [] }
        return [warning]
    }

    /// A warning when the library's authority is still a placeholder such as "[Authority name]".
    public func placeholderAuthorityWarning() -> String? {
        guard let authority = try? library.authority(), authority.isPlaceholder else { return nil }
        return "warning: the authority is the placeholder '\(authority.name)': give --authority NAME, or set \"name\" in an overlay's authority.json (see the README, \"Your authority\")"
    }

    /// Drafts a request that is already prepared. `dateText`: the date as the templates see it,
    /// when not the request's date in long form (`CachedDrafter` drafts a shape with a stand-in).
    /// `memo`: preparations made before for requests that differ only in their lists; `markdown`:
    /// the stretches of Markdown read before.
    func draftInFull(_ request: DraftRequest, dateText: String? = nil, memo: PreparationMemo? = nil,
                     markdown reading: MarkdownMemo? = nil) throws -> Draft {
        let preparation = try memo?.preparation(request, dateText: dateText) { try prepare(request, dateText: dateText) }
            ?? prepare(request, dateText: dateText)
        let plan = preparation.plan
        let variants = preparation.variants
        let recorder = UsageRecorder()
        let renderer = makeRenderer(recorder: recorder, partials: try library.partialPaths(regime: plan.regime.id))
        var globals = preparation.globals
        // The lists' names are `listNames`.
        globals["questions"] = .list(request.questions.map { .string($0) })
        globals["has_questions"] = .bool(!request.questions.isEmpty)
        globals["facts"] = .list(request.facts.map { .string($0) })
        globals["has_facts"] = .bool(!request.facts.isEmpty)
        let ncnd = request.neitherConfirmNorDeny

        // Each exemption's sections, rendered with that exemption as `exemption`.
        var applied: [AppliedExemption] = []
        var objects: [MustacheValue] = []
        var balances: [[UInt8]] = []
        applied.reserveCapacity(plan.items.count)
        objects.reserveCapacity(plan.items.count)
        balances.reserveCapacity(plan.items.count)
        // A section template sees its exemption as `exemption`, and its likelihood, in the globals'
        // own frame: a global name is found by one look-up, not after a miss in a frame above.
        let globalLikelihood = globals["likelihood"]
        // By index, not by `zip`: its pairs are of a type of their own, whose first use costs the runtime.
        for index in plan.items.indices {
            let item = plan.items[index], prepared = preparation.exemptions[index]
            var variables = prepared.variables
            var sections: [RenderedSection] = []
            sections.reserveCapacity(prepared.sections.count)
            for section in Exemption.Section.allCases { variables[section.rawValue] = .markup([]) }
            globals["exemption"] = .object(prepared.variables)
            globals["likelihood"] = prepared.level.map { .string($0.phrase) } ?? globalLikelihood
            for number in prepared.sections.indices {
                let section = prepared.sections[number], variant = prepared.variants[number], path = prepared.paths[number]
                let markdown = try renderSection(section, path, item: index, of: preparation, stack: [.object(globals)],
                                                 renderer: renderer, recorder: recorder)
                variables[section.rawValue] = .markup(markdown)
                if section == .balance { balances.append(markdown) }
                sections.append(RenderedSection(section: section, variant: variant,
                                                isEmpty: markdown.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 }))
            }
            applied.append(AppliedExemption(exemption: item.exemption, limbs: item.limbs, citation: item.citation, kind: item.kind,
                                            likelihood: prepared.level, purposes: item.purposes, evidence: item.evidence, sections: sections))
            if item.kind.sections.isEmpty { balances.append([]) }
            objects.append(.object(variables))
        }

        globals["likelihood"] = globalLikelihood
        // The exemptions with their rendered sections, for the balancing test and the layout.
        globals["exemptions"] = .list(objects)
        globals["exemption"] = objects[0]
        var qualified: [MustacheValue] = [], absolute: [MustacheValue] = []
        for index in plan.items.indices {
            if plan.items[index].isQualified { qualified.append(objects[index]) } else { absolute.append(objects[index]) }
        }
        globals["qualified_exemptions"] = .list(qualified)
        globals["absolute_exemptions"] = .list(absolute)
        globals["balance"] = .markup(try balance(plan, variants, balances, globals: globals, renderer: renderer, recorder: recorder))

        let markdown = try render(preparation.documentPath, stack: [.object(globals)], renderer: renderer, recorder: recorder)
        return Draft(reference: request.reference, date: request.date, authority: plan.authority, regime: plan.regime,
                     neitherConfirmNorDeny: ncnd, outcome: request.outcome, exemptions: applied,
                     questions: request.questions, facts: request.facts,
                     document: reading?.read(markdown) ?? MarkdownReader.read(markdown), templatesUsed: recorder.files)
    }

    /// What drafting `request` starts from, but for its lists (questions and facts): the plan,
    /// the variants and their templates, and the variables.
    func prepare(_ request: DraftRequest, dateText: String?) throws -> DraftPreparation {
        let ncnd = request.neitherConfirmNorDeny
        let regime = regime(of: request)
        let preliminary = VariantResolver(library: library, choices: request.variantChoices,
                                          exemptions: try request.exemptionIDs.map { try library.exemption($0, regime: regime) }, ncnd: ncnd)
        let plan = try DraftPlan(request, library: library) { exemption in
            // The variant that argues particular limbs, if any section uses one.
            exemption.variantLimbs.isEmpty ? "default" : Exemption.Section.allCases.map { preliminary.variant(for: exemption, $0) }.first { exemption.variantLimbs[$0] != nil } ?? "default"
        }
        var variants = VariantResolver(library: library, choices: request.variantChoices, exemptions: plan.items.map(\.exemption),
                                       ncnd: ncnd)
        variants.items = plan.items
        variants.usesJointBalance = plan.weighing == .joint
        variants.regime = plan.regime.id
        try variants.validate()
        let levelled = plan.qualified.first { $0.kind == .prejudice && $0.exemption.hasLikelihood }
        let likelihood = request.likelihood ?? levelled?.exemption.likelihood
        let exemptions = plan.items.map { item in
            let level = item.kind == .prejudice && item.exemption.hasLikelihood ? (request.likelihood ?? item.exemption.likelihood) : nil
            // `exemptionVariables` leaves room for the sections, so that adding them does not grow
            // (and rehash) the table in each draft.
            let variables = exemptionVariables(item, request: request, plan: plan, likelihood: level)
            let sections = item.kind.sections
            var names: [String] = [], paths: [String] = []
            names.reserveCapacity(sections.count)
            paths.reserveCapacity(sections.count)
            for section in sections {
                let folder = variants.folder(item.exemption, section)
                let variant = variants.variant(for: item.exemption, section, in: folder)
                names.append(variant)
                paths.append("\(folder)/\(variant).mustache")
            }
            return DraftPreparation.PreparedExemption(level: level, variables: variables, sections: sections, variants: names, paths: paths)
        }
        // `baseVariables` leaves room for the names each draft adds.
        let globals = baseVariables(request, plan: plan, likelihood: likelihood, dateText: dateText)
        return DraftPreparation(plan: plan, variants: variants, globals: globals, exemptions: exemptions,
                                documentPath: try library.resolve("document.mustache", regime: plan.regime.id))
    }

    /// The document's deciding balancing test: the joint one when several exemptions are weighed
    /// together, else the first qualified exemption's own.
    private func balance(_ plan: DraftPlan, _ variants: VariantResolver, _ balances: [[UInt8]],
                         globals: [String: MustacheValue], renderer: MustacheRenderer, recorder: UsageRecorder) throws -> [UInt8] {
        guard plan.weighing == .joint else {
            return balances[plan.items.firstIndex(where: \.isQualified)!]
        }
        let path = "\(try library.jointBalanceFolder(ncnd: variants.ncnd, regime: plan.regime.id))/\(try variants.jointBalanceVariant()).mustache"
        return try render(path, stack: [.object(globals)], renderer: renderer, recorder: recorder)
    }

    // MARK: - Variables

    func baseVariables(_ request: DraftRequest, plan: DraftPlan, likelihood: Likelihood?, dateText: String? = nil) -> [String: MustacheValue] {
        // Room for all, and for those each draft adds (`draftNames`): the table is made once.
        var variables = [String: MustacheValue](minimumCapacity: request.extraVariables.count + Self.baseNameCount + Self.draftNameCount)
        for (key, value) in request.extraVariables { variables[key] = .string(value) }
        variables["ref"] = .string(request.reference)
        variables["date"] = .string(dateText ?? request.date.longForm)
        // Set one by one, not from a literal: a literal's array of pairs is one more generic type made at start-up.
        var authority = [String: MustacheValue](minimumCapacity: 3 + AuthorityKind.allCases.count)
        authority["name"] = .string(plan.authority.name)
        authority["short"] = .string(plan.authority.short)
        authority["kind"] = .string(plan.authority.kind.rawValue)
        for kind in AuthorityKind.allCases { authority[kind.flag] = .bool(kind == plan.authority.kind) }
        variables["authority"] = .object(authority)
        variables["regime"] = .object(Self.regimeVariables(plan.regime))
        if let likelihood { variables["likelihood"] = .string(likelihood.phrase) }
        variables["ncnd"] = .bool(request.neitherConfirmNorDeny)
        variables["multiple"] = .bool(plan.items.count > 1)
        let qualified = plan.qualified
        variables["has_absolute"] = .bool(qualified.count < plan.items.count)
        for outcome in Outcome.allCases { variables["outcome_" + outcome.rawValue] = .bool(outcome == request.outcome) }
        variables["joint"] = .bool(plan.weighing == .joint)
        variables["independent"] = .bool(plan.weighing == .independently)
        variables["emissions"] = .bool(request.emissions)
        variables["alternative"] = .bool(plan.weighing == .separately(.alternative))
        variables["separate_parts"] = .bool(plan.weighing == .separately(.separateParts))
        variables["exclusive"] = .bool(!plan.exclusions.isEmpty)
        variables["citations"] = .string(Self.joined(qualified.map(\.citation)))
        variables["all_citations"] = .string(Self.joined(plan.items.map(\.citation)))
        return variables
    }

    /// How many variables `baseVariables` sets besides the `--set` ones, at most.
    static let baseNameCount = 24 + Outcome.allCases.count

    /// How many names `draftNames` holds: a constant, so that reserving room for them does not
    /// make the set at start-up (a test checks the two agree).
    static let draftNameCount = 9

    func exemptionVariables(_ item: DraftPlan.Item, request: DraftRequest, plan: DraftPlan,
                                    likelihood: Likelihood?) -> [String: MustacheValue] {
        let exemption = item.exemption
        let letters = item.limbs.map(\.letter)
        var limbFlags = [String: MustacheValue](minimumCapacity: exemption.limbs.count)
        for limb in exemption.limbs { limbFlags[limb.key] = .bool(letters.contains(limb.letter)) }
        var evidence = [String: MustacheValue](minimumCapacity: exemption.evidence.count)
        for declared in exemption.evidence { evidence[declared.name] = item.evidence[declared.name].map { .string($0) } ?? .null }
        let decides = item.isQualified && plan.weighing != .joint
        // Set one by one, not from a literal: a literal's array of pairs is one more generic type made at start-up.
        var variables = [String: MustacheValue](minimumCapacity: Self.exemptionNameCount + Exemption.Section.allCases.count)
        variables["id"] = .string(exemption.id)
        variables["section"] = .string(exemption.section)
        variables["title"] = .string(exemption.title)
        variables["provision"] = .string(exemption.provision)
        variables["words"] = exemption.words.map { .string($0) } ?? .null
        variables["balance"] = .string(exemption.balance.map { "\(exemption.word) \($0)" } ?? plan.regime.balance)
        variables["citation"] = .string(item.citation)
        variables["kind"] = .string(item.kind.rawValue)
        variables["is_prejudice"] = .bool(item.kind == .prejudice)
        variables["is_class"] = .bool(item.kind == .class)
        variables["is_absolute"] = .bool(item.kind == .absolute)
        variables["limbs"] = .list(item.limbs.map(Self.letterAndText))
        variables["limbs_phrase"] = .string(Self.joined(item.limbs.map(\.text)))
        variables["limb"] = .object(limbFlags)
        variables["test"] = .string(Self.joined(exemption.tests(limbs: letters)))
        variables["has_likelihood"] = .bool(likelihood != nil)
        variables["evidence"] = .object(evidence)
        variables["purposes"] = .list(item.purposes.map(Self.letterAndText))
        variables["purposes_phrase"] = .string(Self.joined(item.purposes.map(\.text)))
        variables["has_purposes"] = .bool(!item.purposes.isEmpty)
        variables["weighed_jointly"] = .bool(item.isQualified && plan.weighing == .joint)
        for outcome in Outcome.allCases { variables["concludes_" + outcome.rawValue] = .bool(decides && outcome == request.outcome) }
        if let likelihood { variables["likelihood"] = .string(likelihood.phrase) }
        for level in Likelihood.allCases { variables["likelihood_" + level.rawValue] = .bool(level == likelihood) }
        return variables
    }

    /// How many variables `exemptionVariables` sets, at most.
    static let exemptionNameCount = 22 + Outcome.allCases.count + Likelihood.allCases.count

    /// A limb or purpose as templates see it: `letter` and `text`.
    static func letterAndText(_ limb: Exemption.Limb) -> MustacheValue {
        var object = [String: MustacheValue](minimumCapacity: 2)
        object["letter"] = .string(limb.letter)
        object["text"] = .string(limb.text)
        return .object(object)
    }

    /// The regime as templates see it: its names and terms, the provisions of its test, a flag
    /// for each regime. A provision the regime lacks is null (test it with a section).
    static func regimeVariables(_ regime: Regime) -> [String: MustacheValue] {
        func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + String(text.dropFirst()) }
        // Set one by one, not from a literal: a literal's array of pairs is one more generic type made at start-up.
        var variables = [String: MustacheValue](minimumCapacity: 17 + Regime.ID.allCases.count)
        variables["id"] = .string(regime.id.rawValue)
        variables["name"] = .string(regime.name)
        variables["Name"] = .string("The " + regime.title)
        variables["title"] = .string(regime.title)
        variables["abbreviation"] = .string(regime.abbreviation)
        variables["short"] = .string(regime.short)
        variables["word"] = .string(regime.word)
        variables["term"] = .string(regime.term)
        variables["terms"] = .string(regime.term + "s")
        let term = capitalized(regime.term)
        variables["Term"] = .string(term)
        variables["Terms"] = .string(term + "s")
        variables["commissioner"] = .string(regime.commissioner)
        variables["balance"] = .string(regime.balance)
        variables["presumption"] = regime.presumption.map { .string($0) } ?? .null
        variables["absolute"] = regime.absolute.map { .string($0) } ?? .null
        variables["emissions"] = regime.emissions.map { .string($0) } ?? .null
        variables["aggregation"] = regime.aggregation.map { .string($0) } ?? .null
        for id in Regime.ID.allCases { variables["is_" + id.rawValue] = .bool(id == regime.id) }
        return variables
    }

    /// `a`, `a and b`, `a, b and c`.
    static func joined(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        // A loop, not `joined(separator:)`: that generic call's first use costs a runtime search at start-up.
        var text = items[0]
        for item in items[1..<(items.count - 1)] { text += ", " + item }
        return text + " and " + items[items.count - 1]
    }

    // MARK: - Rendering

    private func makeRenderer(recorder: UsageRecorder, partials: [String: String]) -> MustacheRenderer {
        let library = self.library
        return MustacheRenderer(
            escaper: MarkdownEscaping.escaper,
            partials: { name in
                guard let path = partials[name] else { return nil }
                do {
                    guard let parsed = try library.parsedFile(path) else { return nil }
                    recorder.record(parsed.file)
                    return parsed.template
                } catch {
                    // The lookup cannot throw: the error is kept and reported instead of "no partial".
                    recorder.partialError = error
                    return nil
                }
            },
            strict: true,
            escapesRawTags: true
        )
    }

    /// The variables that hold the lists (the questions and the facts): the only ones that differ
    /// between the drafts of one preparation.
    static let listNames: Set<String> = ["questions", "has_questions", "facts", "has_facts"]

    /// The global variables each draft of a preparation sets: the lists, and its exemptions with
    /// their sections rendered.
    static let draftNames = listNames.union(["exemptions", "exemption", "qualified_exemptions", "absolute_exemptions", "balance"])

    /// A section of exemption number `item` rendered from its template: once for all the drafts
    /// of a remembered preparation when the template does not look at the lists (`SharedRenders`).
    private func renderSection(_ section: Exemption.Section, _ path: String, item: Int, of preparation: DraftPreparation,
                               stack: [MustacheValue], renderer: MustacheRenderer, recorder: UsageRecorder) throws -> [UInt8] {
        guard let shared = preparation.shared else { return try render(path, stack: stack, renderer: renderer, recorder: recorder) }
        let regime = preparation.plan.regime.id
        let shareable = try shared.render(SharedRenders.Key(item: item, section: section)) {
            let looksAtLists = shared.memo.mayLookAtLists(path, regime: regime) {
                guard let template = try? library.template(path), let partials = try? library.partialPaths(regime: regime) else { return true }
                return template.mayLookUp(anyOf: Self.listNames) { name in partials[name].flatMap { try? library.template($0) } }
            }
            guard !looksAtLists else { return nil }
            let (markdown, files) = try recorder.logging { try render(path, stack: stack, renderer: renderer, recorder: recorder) }
            return SharedRenders.Render(markdown: markdown, files: files)
        }
        guard let shareable else { return try render(path, stack: stack, renderer: renderer, recorder: recorder) }
        for file in shareable.files { recorder.record(file) }
        return shareable.markdown
    }

    /// The bytes a render starts with room for: a section's render fits, a document's needs one or two doublings.
    static let renderCapacity = 4096

    /// A template rendered to UTF-8 Markdown.
    private func render(_ path: String, stack: [MustacheValue], renderer: MustacheRenderer, recorder: UsageRecorder) throws -> [UInt8] {
        guard let (file, template) = try library.parsedFile(path) else {
            throw PITError.data("the template library has no '\(path)' (in Templates/ or any overlay)")
        }
        recorder.record(file)
        var output: [UInt8] = []
        // Room for most renders at once: growing from nothing copies a document's bytes a dozen times.
        output.reserveCapacity(Self.renderCapacity)
        do {
            try renderer.render(template, contextStack: stack, into: &output)
        } catch let error as MustacheError {
            if let partialError = recorder.partialError { throw partialError }
            var message = error.description
            if error.undefinedName != nil {
                message += " (define it with --set NAME=VALUE, or fix the template)"
            }
            throw PITError(.data, message, template: error.template)
        }
        return output
    }
}

/// The library files one draft used, in order of first use.
final class UsageRecorder: @unchecked Sendable {
    /// A draft reads a dozen files or so, each many times: a short list is searched faster than
    /// a set is hashed.
    private(set) var files: [TemplateLibrary.File] = []
    /// Why a partial could not be read (a syntax error in it), if one could not.
    var partialError: Error?

    /// Every file recorded while `logging` runs, in order, repeats included.
    private var log: [TemplateLibrary.File]?

    func record(_ file: TemplateLibrary.File) {
        log?.append(file)
        // Paths of another length are told apart without comparing their bytes.
        let length = file.path.utf8.count
        if !files.contains(where: { $0.path.utf8.count == length && $0.path == file.path }) { files.append(file) }
    }

    /// `body`'s result, and every file recorded while it ran: recording them again later gives
    /// the files the same order as recording them then.
    func logging<Result>(_ body: () throws -> Result) rethrows -> (Result, [TemplateLibrary.File]) {
        let outer = log
        log = []
        defer { log = outer.map { $0 + (log ?? []) } }
        let result = try body()
        return (result, log ?? [])
    }
}
