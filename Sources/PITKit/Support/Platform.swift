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
