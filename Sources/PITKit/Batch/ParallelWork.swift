#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on several threads: item `i` of `count` on thread `i % jobs`, so which thread does
/// what never depends on timing.
public enum ParallelWork {
    static func run(jobs: Int, count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = max(1, min(jobs, count))
        guard threads > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        final class Task: @unchecked Sendable {
            let lane: Int
            let lanes: Int
            let count: Int
            let body: @Sendable (Int) -> Void
            init(lane: Int, lanes: Int, count: Int, body: @escaping @Sendable (Int) -> Void) {
                (self.lane, self.lanes, self.count, self.body) = (lane, lanes, count, body)
            }
            func run() {
                var index = lane
                while index < count {
                    body(index)
                    index += lanes
                }
            }
        }
        var handles: [pthread_t] = []
        for lane in 1..<threads {
            let task = Unmanaged.passRetained(Task(lane: lane, lanes: threads, count: count, body: body))
            var handle = pthread_t()
            let created = pthread_create(&handle, nil, { context in
                let task = Unmanaged<Task>.fromOpaque(context!).takeRetainedValue()
                task.run()
                return nil
            }, task.toOpaque())
            if created == 0 {
                handles.append(handle)
            } else {
                task.takeRetainedValue().run()  // no thread to be had: do that lane here
            }
        }
        Task(lane: 0, lanes: threads, count: count, body: body).run()
        for handle in handles { pthread_join(handle, nil) }
    }

    /// The number of processors online.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
