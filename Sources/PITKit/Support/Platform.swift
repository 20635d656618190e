// The C library, imported once for PITKit and re-exported, so every other file of PITKit (and
// the `pit` target, which imports PITKit) reaches it through here: Glibc or Musl on Linux, Darwin
// on macOS, the universal C runtime on Windows. What differs beyond the names of the modules (the
// lock, the local time, the number of processors, the path-list separator) is in `Platform` below,
// so no other file needs an `#if os(...)`.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#elseif canImport(ucrt)
@_exported import ucrt
import WinSDK
#else
#error("pit needs a C library: Glibc, Musl, Darwin or the Windows universal C runtime")
#endif

/// What pit needs of the operating system that is not spelt the same way on Linux, macOS and
/// Windows.
enum Platform {
    /// What separates the folders of a list such as `PIT_TEMPLATES`: `;` on Windows (where a
    /// folder can start `C:\`), `:` elsewhere, as `PATH` does.
    static let pathListSeparator: Character = {
        #if os(Windows)
        return ";"
        #else
        return ":"
        #endif
    }()

    /// The number of processors online.
    static var processorCount: Int {
        #if os(Windows)
        var info = SYSTEM_INFO()
        GetSystemInfo(&info)
        return max(1, Int(info.dwNumberOfProcessors))
        #else
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #endif
    }

    /// Seconds on a clock that only goes forward, for timing a run. (The standard library's
    /// `ContinuousClock` would do, but it lives in the concurrency runtime, which linking adds
    /// a megabyte to the binary and time to every start.)
    static func monotonicSeconds() -> Double {
        #if os(Windows)
        var count = LARGE_INTEGER()
        var frequency = LARGE_INTEGER()
        QueryPerformanceCounter(&count)
        QueryPerformanceFrequency(&frequency)
        return Double(count.QuadPart) / Double(frequency.QuadPart)
        #else
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        #endif
    }

    /// Writes the buffers one after another to `descriptor`, as much of them as one call
    /// writes (`writev`; on Windows, the first buffer): the number of bytes written, or -1 with
    /// `errno` saying why.
    static func writeGathered(_ descriptor: Int32, _ buffers: UnsafeBufferPointer<UnsafeRawBufferPointer>) -> Int {
        guard let first = buffers.first else { return 0 }
        #if os(Windows)
        return Int(write(descriptor, first.baseAddress, numericCast(first.count)))
        #else
        if buffers.count == 1 { return write(descriptor, first.baseAddress, first.count) }
        // 1,024: the most a call takes on Linux and macOS (IOV_MAX); the caller writes the rest.
        let count = min(buffers.count, 1024)
        return withUnsafeTemporaryAllocation(of: iovec.self, capacity: count) { vectors in
            for index in 0..<count {
                vectors.initializeElement(at: index, to: iovec(iov_base: UnsafeMutableRawPointer(mutating: buffers[index].baseAddress),
                                                               iov_len: buffers[index].count))
            }
            return writev(descriptor, vectors.baseAddress, Int32(count))
        }
        #endif
    }

    /// The calendar date now in the local time zone: (year, month 1–12, day 1–31).
    static func localDate() -> (year: Int, month: Int, day: Int) {
        var now = time(nil)
        var parts = tm()
        #if os(Windows)
        _ = localtime_s(&parts, &now)
        #else
        _ = localtime_r(&now, &parts)
        #endif
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }
}

/// A mutual-exclusion lock held by a class, so it has one address for its whole life: a
/// `pthread_mutex_t` (or Windows `SRWLOCK`) must not move once in use, which a stored property
/// passed with `&` does not promise.
final class PlatformLock: @unchecked Sendable {
    #if os(Windows)
    private let lock: UnsafeMutablePointer<SRWLOCK>
    #else
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    #endif

    init() {
        lock = .allocate(capacity: 1)
        #if os(Windows)
        lock.initialize(to: SRWLOCK())
        InitializeSRWLock(lock)
        #else
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
        #endif
    }

    deinit {
        #if !os(Windows)
        pthread_mutex_destroy(lock)
        #endif
        lock.deinitialize(count: 1)
        lock.deallocate()
    }

    @inline(__always)
    func acquire() {
        #if os(Windows)
        AcquireSRWLockExclusive(lock)
        #else
        pthread_mutex_lock(lock)
        #endif
    }

    @inline(__always)
    func release() {
        #if os(Windows)
        ReleaseSRWLockExclusive(lock)
        #else
        pthread_mutex_unlock(lock)
        #endif
    }
}

/// A thread running one closure, which `join` waits for: a POSIX thread on Linux and macOS, a
/// Windows thread on Windows. (Dispatch's `concurrentPerform` would serve on all three, but
/// linking it cost every `pit draft` 1% more instructions and 6% more page faults at start-up,
/// measured, for the sake of `pit batch` alone.)
final class PlatformThread {
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    // A pthread_t is a pointer, imported as optional, in Darwin and Musl, and a number in glibc.
    #if os(Windows)
    private let handle: HANDLE
    #elseif canImport(Darwin) || canImport(Musl)
    private let handle: pthread_t?
    #else
    private let handle: pthread_t
    #endif

    /// Starts `body` on a new thread; nil when the system has no thread to give.
    init?(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body))
        #if os(Windows)
        let created = CreateThread(nil, 0, { context in
            let context: UnsafeMutableRawPointer? = context
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            return 0
        }, work.toOpaque(), 0, nil)
        guard let created else {
            work.release()
            return nil
        }
        handle = created
        #else
        #if canImport(Darwin) || canImport(Musl)
        var created: pthread_t? = nil
        #else
        var created = pthread_t()
        #endif
        // The start routine's argument is optional in glibc and Musl, not in Darwin: binding it
        // to an optional first reads the same on all three.
        let status = pthread_create(&created, nil, { context in
            let context: UnsafeMutableRawPointer? = context
            Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        guard status == 0 else {
            work.release()
            return nil
        }
        handle = created
        #endif
    }

    /// Waits for the thread to end.
    func join() {
        #if os(Windows)
        WaitForSingleObject(handle, INFINITE)
        CloseHandle(handle)
        #elseif canImport(Darwin) || canImport(Musl)
        pthread_join(handle!, nil)
        #else
        pthread_join(handle, nil)
        #endif
    }
}
