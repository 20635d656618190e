import Dispatch

/// Runs work on several threads, through Dispatch (the same on Linux, macOS and Windows): item
/// `i` of `count` in lane `i % jobs`, each lane's items in order on one thread, so which lane does
/// what never depends on timing.
public enum ParallelWork {
    /// `body(i)` for every `i` in `0..<count`, in at most `jobs` lanes at once; the results in
    /// index order.
    static func map<Result: Sendable>(jobs: Int, count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        let lanes = max(1, min(jobs, count))
        guard lanes > 1 else { return (0..<count).map(body) }
        let finished = Locked([[Result]](repeating: [], count: lanes))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let results = stride(from: lane, to: count, by: lanes).map(body)
            finished.withLock { $0[lane] = results }
        }
        return finished.withLock { byLane in (0..<count).map { byLane[$0 % lanes][$0 / lanes] } }
    }

    /// The number of processors online.
    public static var processorCount: Int { Platform.processorCount }
}
