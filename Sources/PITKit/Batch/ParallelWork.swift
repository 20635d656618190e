/// Runs work on several threads (`PlatformThread`): item `i` of `count` in lane `i % jobs`, each
/// lane's items in order on one thread, so which thread does what never depends on timing.
public enum ParallelWork {
    /// `body(i)` for every `i` in `0..<count`, on `jobs` threads at once (the calling thread
    /// among them); the results in index order.
    static func map<Result: Sendable>(jobs: Int, count: Int, _ body: @escaping @Sendable (Int) -> Result) -> [Result] {
        let lanes = max(1, min(jobs, count))
        guard lanes > 1 else { return (0..<count).map(body) }
        TemporaryFiles.watchForInterrupts()  // before any thread, so that every thread blocks them
        let finished = Locked([[Result]](repeating: [], count: lanes))
        @Sendable func run(_ lane: Int) {
            let results = stride(from: lane, to: count, by: lanes).map(body)
            finished.withLock { $0[lane] = results }
        }
        var threads: [PlatformThread] = []
        for lane in 1..<lanes {
            if let thread = PlatformThread({ run(lane) }) {
                threads.append(thread)
            } else {
                run(lane)  // no thread to be had: do that lane here
            }
        }
        run(0)
        for thread in threads { thread.join() }
        return finished.withLock { byLane in (0..<count).map { byLane[$0 % lanes][$0 / lanes] } }
    }

    /// The number of processors online.
    public static var processorCount: Int { Platform.processorCount }
}
