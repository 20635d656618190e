/// "Did you mean" help: the closest of some known names to a mistyped one.
public enum Suggestion {
    /// The candidate nearest to `name`, when it is near enough to be a typo: a few edits away,
    /// the same characters reordered (`s13` for `s31`, preferred over `s23`), or the same start
    /// (`draught` for `draft`). The name itself is never suggested: "did you mean 'S99'?" for
    /// `S99` helps nobody (a name that differs only in case is: `--Ref`, `--ref`).
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (candidate: String, score: Int)?
        for candidate in candidates {
            if candidate == name { continue }
            let letters = Array(candidate.lowercased())
            let distance = editDistance(target, letters)
            let isAnagram = target.sorted() == letters.sorted()
            let sharesStart = target.count >= 3 && letters.count >= 3 && target.prefix(3) == letters.prefix(3)
            guard distance <= max(1, target.count / 3) || isAnagram || sharesStart else { continue }
            // Lower is better: distance first, then an anagram beats a substitution.
            let score = (isAnagram ? min(distance, 1) : distance) * 2 + (isAnagram ? 0 : 1)
            if score < (best?.score ?? Int.max) { best = (candidate, score) }
        }
        return best?.candidate
    }

    /// `" — did you mean 'x'?"`, or nothing when no candidate is close.
    public static func didYouMean(_ name: String, in candidates: [String]) -> String {
        closest(to: name, in: candidates).map { " — did you mean '\($0)'?" } ?? ""
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
