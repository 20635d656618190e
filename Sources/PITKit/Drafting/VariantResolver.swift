/// Decides which variant each section of a draft uses, from the `--variant` choices, and rejects
/// choices that name a variant, section or exemption the draft does not have.
struct VariantResolver {
    let library: TemplateLibrary
    let choices: [VariantChoice]
    let exemptions: [Exemption]
    /// The plan's items, once there is a plan: each exemption's kind as the draft applies it
    /// (else its own kind) and its citation (which names it in messages, else its provision).
    var items: [DraftPlan.Item] = []
    let ncnd: Bool
    /// Whether the draft weighs several exemptions together in the joint balancing test.
    var usesJointBalance = false
    /// The regime of the draft, whose joint balancing test it uses.
    var regime = Regime.ID.foia

    var qualified: [Exemption] { exemptions.filter { sections(of: $0).count > 0 } }

    /// The sections the exemption is drafted with in this draft.
    func sections(of exemption: Exemption) -> [Exemption.Section] {
        kind(of: exemption).sections
    }

    /// The exemption's kind as the draft applies it.
    private func kind(of exemption: Exemption) -> Exemption.Kind {
        items.first { $0.exemption.id == exemption.id }?.kind ?? exemption.kind
    }

    /// Checks that every section drafted has templates, and every choice against the library,
    /// before anything is rendered.
    func validate() throws {
        // An absolute exemption has no sections, so nothing missing: no need to pick out the qualified first.
        for exemption in exemptions {
            let missing = sections(of: exemption).filter { library.variants(in: folder(exemption, $0)).isEmpty }
            guard let first = missing.first else { continue }
            throw PITError.data("\(exemption.id) (\(items.first { $0.exemption.id == exemption.id }?.citation ?? exemption.provision) – \(exemption.title)) has no \(ncnd ? "NCND " : "")templates in the library (\(folder(exemption, first))/default.mustache\(missing.count > 1 ? " and \(missing.count - 1) more" : "")): pit knows its law but has no wording for it yet; write the \(missing.map(\.rawValue).joined(separator: ", ")) sections in an overlay (see the README, \"Writing an overlay\")")
        }
        for choice in choices {
            switch choice {
            case .exemptionSection(let id, let section, let name):
                guard let exemption = exemptions.first(where: { $0.id == id }) else {
                    throw PITError.data("--variant \(id).\(section.rawValue)=\(name): '\(id)' is not one of the exemptions applied (\(exemptions.map(\.id).joined(separator: ", ")))")
                }
                guard sections(of: exemption).contains(section) else {
                    throw PITError.data("--variant \(id).\(section.rawValue)=\(name): \(id) has no \(section.rawValue) section (it is \(kind(of: exemption).rawValue)\(exemption.kind == .absolute ? "" : "-based") here)")
                }
                try require(name, in: folder(exemption, section), label: "\(id) \(section.rawValue)")
            case .section(let section, let name):
                if try section == .balance && usesJointBalance
                    && library.variants(in: library.jointBalanceFolder(ncnd: ncnd, regime: regime)).contains(name) {
                    continue
                }
                let targets = qualified.filter { sections(of: $0).contains(section) }
                guard !targets.isEmpty else {
                    throw PITError.data("--variant \(section.rawValue)=\(name): no exemption applied has a \(section.rawValue) section")
                }
                for exemption in targets {
                    try require(name, in: folder(exemption, section), label: "\(exemption.id) \(section.rawValue)",
                                hint: targets.count > 1 ? " (to choose it for one exemption only, use --variant ID.\(section.rawValue)=\(name))" : "")
                }
            case .everywhere(let name):
                let folders = try allFolders()
                if folders.contains(where: { library.variants(in: $0).contains(name) }) { continue }
                let known = Set(folders.flatMap { library.variants(in: $0) })
                throw PITError.data("unknown variant '\(name)'\(Suggestion.didYouMean(name, in: known.sorted())): no section of this draft has it (variants: \(known.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// The variant for one section of one exemption; `folder`: the section's folder, when known.
    func variant(for exemption: Exemption, _ section: Exemption.Section, in folder: String? = nil) -> String {
        choose(from: library.variants(in: folder ?? self.folder(exemption, section)), section: section, exemption: exemption.id)
    }

    /// The variant of the joint balancing test.
    func jointBalanceVariant() throws -> String {
        choose(from: library.variants(in: try library.jointBalanceFolder(ncnd: ncnd, regime: regime)), section: .balance, exemption: nil)
    }

    /// The most specific choice that applies (`ID.SECTION=` over `SECTION=` over `NAME`; among
    /// equals, the later), among the variants `available`; `default` when none applies.
    private func choose(from available: [String], section: Exemption.Section, exemption id: String?) -> String {
        var best = (name: "default", specificity: 0)
        for choice in choices {
            let candidate: (name: String, specificity: Int)
            switch choice {
            case .exemptionSection(let chosenID, let target, let name) where chosenID == id && target == section:
                candidate = (name, 3)
            case .section(let target, let name) where target == section && available.contains(name):
                candidate = (name, 2)
            case .everywhere(let name) where available.contains(name):
                candidate = (name, 1)
            default:
                continue
            }
            if candidate.specificity >= best.specificity { best = candidate }
        }
        return best.name
    }

    func folder(_ exemption: Exemption, _ section: Exemption.Section) -> String {
        library.sectionFolder(exemption, section, ncnd: ncnd)
    }

    private func allFolders() throws -> [String] {
        var folders = qualified.flatMap { exemption in sections(of: exemption).map { folder(exemption, $0) } }
        if usesJointBalance { folders.append(try library.jointBalanceFolder(ncnd: ncnd, regime: regime)) }
        return folders
    }

    private func require(_ name: String, in folder: String, label: String, hint: String = "") throws {
        let available = library.variants(in: folder)
        guard !available.contains(name) else { return }
        throw PITError.data("unknown variant '\(name)' for \(label)\(Suggestion.didYouMean(name, in: available)) (variants: \(available.joined(separator: ", ")))\(hint)")
    }
}
