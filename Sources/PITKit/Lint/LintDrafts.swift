extension LibraryLinter {
    /// Drafts every section variant of every qualified exemption of every regime (normal and NCND;
    /// balancing tests for each outcome), and every combined balancing test of each regime that
    /// weighs several together, with the evidence each needs and one fact,
    /// and runs the quality checks on the drafts: a finding in the variant's section is the
    /// variant's; one elsewhere, the layout's (`document.mustache`).
    mutating func checkDraftedText(_ exemptions: [Exemption]) {
        guard let drafter = try? Drafter(library: library) else { return }  // a partial that does not parse: already an error
        for exemption in exemptions where exemption.isQualified && exemption.noTest == nil && hasWording(exemption) {
            for ncnd in Self.hasNCND(exemption) ? [false, true] : [false] {
                for section in Self.sections(of: exemption) {
                    let folder = library.sectionFolder(exemption, section, ncnd: ncnd)
                    for variant in library.variants(in: folder) {
                        var request = DraftRequest(reference: "LINT/1", exemptionIDs: [exemption.id], date: Self.date)
                        request.regime = exemption.regime
                        request.neitherConfirmNorDeny = ncnd
                        request.variantChoices = [.exemptionSection(exemption.id, section, variant)]
                        let limbs = exemption.variantLimbs[variant] ?? Self.limbs(of: exemption, for: section)
                        if exemption.variantLimbs[variant] == nil && limbs != exemption.defaultLimbs {
                            request.limbChoices = [(try? LimbChoice(parsing: "\(exemption.id)=\(limbs.joined(separator: ","))"))].compactMap { $0 }
                        }
                        Self.addSample(exemption, limbs: limbs, to: &request)
                        // Only a balancing test concludes: other sections are drafted for one outcome.
                        draftAndCheck(request, drafter: drafter, label: "\(folder)/\(variant).mustache",
                                      outcomes: section == .balance ? Outcome.allCases : [.withhold])
                    }
                }
            }
        }
        checkCombinedBalances(exemptions, drafter: drafter)
    }

    static let date = DocumentDate(year: 2026, month: 1, day: 5)!

    /// The limbs a lint draft of `section` argues: the default ones, unless their kind has no
    /// such section (an absolute default, such as s40's first condition).
    static func limbs(of exemption: Exemption, for section: Exemption.Section) -> [String] {
        if let kind = exemption.kind(limbs: exemption.defaultLimbs, authority: .other), kind.sections.contains(section) {
            return exemption.defaultLimbs
        }
        let limb = exemption.limbs.first { ($0.kind ?? exemption.kind).sections.contains(section) }
        return limb.map { [$0.letter] } ?? exemption.defaultLimbs
    }

    /// The least a draft needs: the required evidence (one of each group of alternatives), a
    /// purpose where a limb works through one, a fact, and an authority.
    static func addSample(_ exemption: Exemption, limbs: [String], to request: inout DraftRequest) {
        var given: [String] = []
        for group in exemption.evidenceOneOf { if let first = group.first { given.append(first) } }
        for _ in 0..<2 {
            for item in exemption.evidence where !given.contains(item.name) && item.isRequired(limbs: limbs, given: Set(given)) {
                given.append(item.name)
            }
        }
        for name in given {
            guard let item = exemption.evidence.first(where: { $0.name == name }) else { continue }
            request.evidence.append((name, item.type == .date ? "2025-12-01" : "the evidence given for \(name)"))
        }
        if let purposes = exemption.purposes, limbs.contains(where: purposes.limbs.contains), let first = purposes.list.first {
            request.purposes.append(first.letter)
        }
        request.facts = ["The request concerns a matter particular to this case, set out here by the person drafting it."]
        request.authorityName = "Example Authority"
    }

    /// Each combined balancing test, drafted under each regime that weighs several exemptions
    /// together, for two of its exemptions that may be weighed together.
    private mutating func checkCombinedBalances(_ exemptions: [Exemption], drafter: Drafter) {
        for regime in Regime.ID.allCases where (try? library.regime(regime))?.aggregation != nil || regime == .foia {
            for ncnd in [false, true] {
                guard let folder = try? library.jointBalanceFolder(ncnd: ncnd, regime: regime) else { continue }
                let candidates = exemptions.filter { $0.regime == regime && $0.isQualified && $0.noTest == nil && hasWording($0)
                    && (!ncnd || $0.ncnd != nil)
                    && $0.kind(limbs: $0.defaultLimbs, authority: .other).map { $0 != .absolute } == true }
                guard let first = candidates.first,
                      let second = candidates.dropFirst().first(where: { other in
                          !first.exclusions.contains { $0.id == other.id } && !other.exclusions.contains { $0.id == first.id }
                      }) else { continue }
                for variant in library.variants(in: folder) {
                    var request = DraftRequest(reference: "LINT/2", exemptionIDs: [first.id, second.id], date: Self.date)
                    request.regime = regime
                    request.neitherConfirmNorDeny = ncnd
                    request.variantChoices = [.section(.balance, variant)]
                    Self.addSample(first, limbs: first.defaultLimbs, to: &request)
                    var more = DraftRequest(reference: "", exemptionIDs: [], date: Self.date)
                    Self.addSample(second, limbs: second.defaultLimbs, to: &more)
                    request.evidence += more.evidence.filter { pair in !request.evidence.contains { $0.key == pair.key } }
                    request.purposes += more.purposes
                    draftAndCheck(request, drafter: drafter, label: "\(folder)/\(variant).mustache", jointVariant: folder + "/" + variant)
                }
            }
        }
    }

    /// Drafts `request` for each outcome and files the checks' findings under the template that
    /// wrote the section they are in.
    private mutating func draftAndCheck(_ request: DraftRequest, drafter: Drafter, label: String, jointVariant: String? = nil,
                                        outcomes: [Outcome] = Outcome.allCases) {
        guard !broken.contains(label) else { return }
        for outcome in outcomes {
            var request = request
            request.outcome = outcome
            request.extraVariables = setKeys.sorted().map { ($0, "the text given for \($0)") }
            let draft: Draft
            do {
                draft = try drafter.draft(request)
            } catch let failure as PITError {
                if let template = failure.template, broken.contains(where: { display($0) == template }) { return }
                error(label, "drafting with it (\(outcome.rawValue)\(request.neitherConfirmNorDeny ? ", NCND" : "")) fails: \(failure.message)")
                return
            } catch { return }
            let document = CheckDocument(draft.document)
            for finding in QualityChecks.run(document, CheckSubject(draft, library: library)) {
                let path = template(of: finding, in: document, draft: draft, jointVariant: jointVariant)
                findings.append(LintFinding(severity: .error, file: display(path), line: line(of: finding, in: path), column: nil,
                                            check: finding.check, message: finding.message))
            }
        }
    }

    /// The template that wrote the section a finding is in (`jointVariant`: the combined
    /// balancing test's folder and variant, `balance/default`).
    private func template(of finding: Finding, in document: CheckDocument, draft: Draft, jointVariant: String?) -> String {
        let layout = (try? library.resolve("document.mustache", regime: draft.regime.id)) ?? "document.mustache"
        guard let section = document.sections.first(where: { $0.heading == finding.section && $0.line <= finding.line }) else {
            return layout
        }
        if section.isCombined, let jointVariant { return "\(jointVariant).mustache" }
        let kind: Exemption.Section
        switch section.part {
        case .harm: kind = .harm
        case .for: kind = .for
        case .against: kind = .against
        case .balance: kind = .balance
        default: return layout
        }
        let applied = draft.exemptions.first { applied in
            section.citedSections.contains(String(decoding: FoldedText(applied.exemption.section).bytes, as: UTF8.self))
        } ?? draft.exemptions.first { $0.kind != .absolute }
        guard let applied, let rendered = applied.sections.first(where: { $0.section == kind }) else { return layout }
        return "\(library.sectionFolder(applied.exemption, kind, ncnd: draft.neitherConfirmNorDeny))/\(rendered.variant).mustache"
    }

    /// The line of the template that holds the text a finding quotes, if it is there.
    private func line(of finding: Finding, in path: String) -> Int? {
        guard let source = library.file(path)?.text,
              let open = finding.message.firstIndex(of: "'"),
              let close = finding.message[finding.message.index(after: open)...].firstIndex(of: "'") else { return nil }
        let quoted = FoldedText(String(finding.message[finding.message.index(after: open)..<close])).bytes
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where FoldedText(String(line)).contains(bytes: quoted) {
            return number + 1
        }
        return nil
    }
}
