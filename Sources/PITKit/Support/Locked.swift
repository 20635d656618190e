/// A value shared between threads, reached only under a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = PlatformLock()

    init(_ value: Value) {
        self.value = value
    }

    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.acquire()
        defer { lock.release() }
        return try body(&value)
    }
}
