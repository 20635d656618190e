/// Values a one-shot command keeps until the process exits. A drafter's parsed library is many
/// small objects; freeing them one by one at the end costs more than the system takes to reclaim
/// the whole process, so `pit draft` hands its drafter here instead of letting it go.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `value` alive until the process exits (called from the main thread only).
    static func keep(_ value: Any) { kept.append(value) }
}
