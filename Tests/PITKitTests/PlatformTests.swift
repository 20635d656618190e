@testable import PITKit
import Testing

/// What differs between Linux, macOS and Windows, and the portable pieces batch is built on.
struct PlatformTests {
    @Test func pitTemplatesIsSplitLikePath() {
        #if os(Windows)
        let list = #"C:\Users\me\pit;D:\shared\templates"#
        let folders = [#"C:\Users\me\pit"#, #"D:\shared\templates"#]
        #else
        let list = "/home/me/pit:/srv/shared templates"
        let folders = ["/home/me/pit", "/srv/shared templates"]
        #endif
        let environment = ["PIT_TEMPLATES": list, "HOME": "/nonexistent-home"]
        #expect(TemplateLibrary.overlayFolders(environment: { environment[$0] }, options: ["last"]) == folders + ["last"])
        let empty = ["HOME": "/nonexistent-home"]
        #expect(TemplateLibrary.overlayFolders(environment: { empty[$0] }, options: []) == [])
    }

    @Test func fnv1aIsTheStandardHash() {
        // The published FNV-1a 64-bit test vectors: the same in every run, unlike `hashValue`.
        #expect(FNV1a.hash([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(FNV1a.hash("a".utf8) == 0xAF63_DC4C_8601_EC8C)
        #expect(FNV1a.hash("foobar".utf8) == 0x8594_4171_F739_67E8)
    }

    @Test func parallelMapGivesEveryResultInOrder() {
        for jobs in [1, 2, 3, 8, 64] {
            for count in [0, 1, 2, 7, 100] {
                let calls = Locked([Int](repeating: 0, count: count))
                let results = ParallelWork.map(jobs: jobs, count: count) { index -> String in
                    calls.withLock { $0[index] += 1 }
                    return "row \(index)"
                }
                #expect(results == (0..<count).map { "row \($0)" }, "jobs \(jobs), count \(count)")
                #expect(calls.withLock { $0 } == [Int](repeating: 1, count: count), "each index once: jobs \(jobs), count \(count)")
            }
        }
    }

    @Test func lockedCountsEveryIncrementUnderContention() {
        let total = Locked(0)
        _ = ParallelWork.map(jobs: 4, count: 4) { _ in
            for _ in 0..<10_000 { total.withLock { $0 += 1 } }
        }
        #expect(total.withLock { $0 } == 40_000)
    }

    @Test func todayIsARealDate() {
        let today = DocumentDate.today()
        #expect(DocumentDate(year: today.year, month: today.month, day: today.day) == today)
        #expect(today.year >= 2024)
    }
}
