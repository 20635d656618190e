import Mustache

/// What a template library finds on first use and keeps, under one lock: parsed templates,
/// decoded metadata, each folder's variants, each regime's partials. One plain class rather than a `Locked` value per
/// kind, so making a library instantiates no generic type at start-up.
final class LibraryMemo: @unchecked Sendable {
    private let lock = PlatformLock()
    private var parsedFiles: [String: (file: TemplateLibrary.File, template: MustacheTemplate)] = [:]
    private var exemptions: [String: Exemption] = [:]
    /// What is kept for one regime: its metadata and its partials' paths.
    private struct RegimeEntry {
        var regime: Regime?
        var partialPaths: [String: String]?
    }

    // One place per regime, not a dictionary: keeping the first makes no dictionary type at start-up.
    private var foia = RegimeEntry(), eir = RegimeEntry(), foisa = RegimeEntry(), eisr = RegimeEntry()
    private var variants: [String: [String]] = [:]
    private var decodedAuthority: Authority?
    private var checkedExemptions: Locked<[Regime.ID: ([Exemption], CitedProvisions)]>?
    /// The dated evidence of lists of exemptions (`TemplateLibrary.datedEvidence`), made on first use.
    private var datedEvidence: [DatedEvidenceKey: [String]]?
    private var checkedText: Locked<LibraryText?>?

    private func withLock<Result>(_ body: () -> Result) -> Result {
        lock.acquire()
        defer { lock.release() }
        return body()
    }

    func parsedFile(_ path: String) -> (file: TemplateLibrary.File, template: MustacheTemplate)? { withLock { parsedFiles[path] } }
    func keep(_ parsed: (file: TemplateLibrary.File, template: MustacheTemplate), at path: String) { withLock { parsedFiles[path] = parsed } }

    func exemption(_ key: String) -> Exemption? { withLock { exemptions[key] } }
    func keep(_ exemption: Exemption, as key: String) { withLock { exemptions[key] = exemption } }

    /// The entry of regime `id`, read or changed by `body` (under the lock).
    private func withEntry<Result>(_ id: Regime.ID, _ body: (inout RegimeEntry) -> Result) -> Result {
        withLock {
            switch id {
            case .foia: return body(&foia)
            case .eir: return body(&eir)
            case .foisa: return body(&foisa)
            case .eisr: return body(&eisr)
            }
        }
    }

    func regime(_ id: Regime.ID) -> Regime? { withEntry(id) { $0.regime } }
    func keep(_ regime: Regime, as id: Regime.ID) { withEntry(id) { $0.regime = regime } }

    func variants(in folder: String) -> [String]? { withLock { variants[folder] } }
    func keep(variants names: [String], in folder: String) { withLock { variants[folder] = names } }

    func partialPaths(_ regime: Regime.ID) -> [String: String]? { withEntry(regime) { $0.partialPaths } }
    func keep(partialPaths paths: [String: String], for regime: Regime.ID) { withEntry(regime) { $0.partialPaths = paths } }

    func authority() -> Authority? { withLock { decodedAuthority } }
    func keep(_ authority: Authority) { withLock { decodedAuthority = authority } }

    /// A list of exemption ids of a regime (by its raw value).
    struct DatedEvidenceKey: Hashable {
        let ids: [String]
        let regime: String
    }

    /// Dated evidence kept for at most this many lists of ids; when full it starts again.
    static let datedEvidenceCapacity = 256

    func datedEvidence(_ key: DatedEvidenceKey) -> [String]? { withLock { datedEvidence?[key] } }
    func keep(datedEvidence names: [String], for key: DatedEvidenceKey) {
        withLock {
            if datedEvidence == nil || datedEvidence!.count >= Self.datedEvidenceCapacity { datedEvidence = [:] }
            datedEvidence![key] = names
        }
    }

    /// The quality checks' own memos, made when the checks first run.
    func checks() -> (exemptions: Locked<[Regime.ID: ([Exemption], CitedProvisions)]>, text: Locked<LibraryText?>) {
        withLock {
            if checkedExemptions == nil {
                checkedExemptions = Locked([:])
                checkedText = Locked(nil)
            }
            return (checkedExemptions!, checkedText!)
        }
    }
}
