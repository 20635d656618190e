/// How the draft of a shape drafted with two items in each of its lists (the questions, the
/// facts) becomes the draft of the same shape with any number of items, so that a batch drafts a
/// shape from the templates once however many questions and facts its rows have.
///
/// It holds only when the document says so: every item stands alone in a unit of the document (a
/// paragraph, or an item of a list), and the second item's unit follows the first's and is the
/// same but for the item. A Mustache section renders each item of a list the same way and cannot
/// tell one item from another, so n items then give the first item's unit and n − 1 units like the
/// second's. When any unit breaks the pattern (two items in one paragraph, an item in a heading,
/// a unit that differs from its twin), there is no expansion and the shape is drafted in full.
struct ListExpansion: Sendable {
    /// The placeholder numbers of one list's two items in the shape's draft.
    struct List: Sendable, Equatable {
        let first: Int
        let second: Int
    }

    /// What a unit of the document holds.
    enum Role: Sendable, Equatable {
        /// No item of a list.
        case none
        /// List number `list`'s first item.
        case first(Int)
        /// List number `list`'s second item: a copy of the unit before it but for the item.
        case second(Int)
    }

    let lists: [List]
    /// Each block's units' roles: one for a heading or paragraph, one for each item of a list.
    let roles: [[Role]]

    /// The expansion of `document`, drafted with two items in each of `lists`; nil when the
    /// document does not follow the pattern.
    init?(_ document: Document, lists: [List]) {
        // A unit's role; nil when it holds two different items.
        func role(_ content: [Document.Inline]) -> Role? {
            var found = Role.none
            let consistent = Placeholder.forEachNumber(in: content) { number in
                guard let list = lists.firstIndex(where: { $0.first == number || $0.second == number }) else { return true }
                let role: Role = lists[list].first == number ? .first(list) : .second(list)
                if found != .none && found != role { return false }
                found = role
                return true
            }
            return consistent ? found : nil
        }
        func isTwin(_ second: [Document.Inline], of first: [Document.Inline], _ list: Int) -> Bool {
            Placeholder.renumbering(first, lists[list].first, as: lists[list].second) == second
        }
        var roles: [[Role]] = []
        var counts = [(first: Int, second: Int)](repeating: (0, 0), count: lists.count)
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(_, let content):
                guard role(content) == Role.none else { return nil }
                roles.append([.none])
            case .paragraph(let content):
                guard let found = role(content) else { return nil }
                if case .second(let list) = found {
                    guard index > 0, roles[index - 1] == [.first(list)], case .paragraph(let before) = document.blocks[index - 1],
                          isTwin(content, of: before, list) else { return nil }
                }
                roles.append([found])
            case .list(_, let items):
                var itemRoles: [Role] = []
                for (item, content) in items.enumerated() {
                    guard let found = role(content) else { return nil }
                    if case .second(let list) = found {
                        guard item > 0, itemRoles[item - 1] == .first(list), isTwin(content, of: items[item - 1], list) else { return nil }
                    }
                    itemRoles.append(found)
                }
                roles.append(itemRoles)
            }
            for found in roles[index] {
                switch found {
                case .none: break
                case .first(let list): counts[list].first += 1
                case .second(let list): counts[list].second += 1
                }
            }
        }
        // Every second item follows a first; as many firsts as seconds means every first has its twin.
        guard counts.allSatisfy({ $0.first == $0.second }) else { return nil }
        self.lists = lists
        self.roles = roles
    }

    /// Where each unit of the shape's document stands once expanded, on the lines `CheckDocument`
    /// gives them (a heading or paragraph two lines, a list item one, one more after a list).
    struct Lines {
        /// By line of the shape's document: the line of the unit that starts there once
        /// expanded, when it is kept once (0 where no unit starts, or the unit is copied).
        var kept: [Int] = []
        /// The lines of the copies of each second item's unit, by its line in the shape's document.
        var copies: [Int: [Int]] = [:]
        /// The lines in the shape's document of the units that hold an item.
        var items: Set<Int> = []

        /// The line a unit starting on `line` of the shape's document moved to, if it was kept once.
        func moved(_ line: Int) -> Int? {
            line < kept.count && kept[line] > 0 ? kept[line] : nil
        }
    }

    /// `document` (the shape's) with `counts[list]` items in each list, the item numbered `k` of
    /// list `list` becoming placeholder `starts[list] + k`; and where its units went.
    func expand(_ document: Document, counts: [Int], starts: [Int]) -> (Document, Lines) {
        var lines = Lines()
        // A slot for every line of the shape's document, so that none is added one by one.
        lines.kept = Array(repeating: 0, count: document.blocks.reduce(2) { count, block in
            if case .list(_, let items) = block { return count + items.count + 1 }
            return count + 2
        })
        var line = 1, expandedLine = 1
        // Adds a unit's expansion to `units`.
        func expand(_ content: [Document.Inline], _ role: Role, height: Int, into units: inout [[Document.Inline]]) {
            switch role {
            case .none, .first:
                if case .first = role { lines.items.insert(line) }
                lines.kept[line] = expandedLine
                expandedLine += height
                if case .first(let list) = role {
                    units.append(Placeholder.renumbering(content, lists[list].first, as: starts[list]))
                } else {
                    units.append(content)
                }
            case .second(let list):
                lines.items.insert(line)
                for item in 1..<max(1, counts[list]) {
                    lines.copies[line, default: []].append(expandedLine)
                    expandedLine += height
                    units.append(Placeholder.renumbering(content, lists[list].second, as: starts[list] + item))
                }
            }
        }
        var blocks: [Document.Block] = []
        blocks.reserveCapacity(document.blocks.count + 8)
        var units: [[Document.Inline]] = []
        for (index, block) in document.blocks.enumerated() {
            units.removeAll(keepingCapacity: true)
            switch block {
            case .heading(let level, let content):
                expand(content, .none, height: 2, into: &units)
                blocks.append(.heading(level: level, content: content))
                line += 2
            case .paragraph(let content):
                expand(content, roles[index][0], height: 2, into: &units)
                for unit in units { blocks.append(.paragraph(unit)) }
                line += 2
            case .list(let ordered, let items):
                for (item, content) in items.enumerated() {
                    expand(content, roles[index][item], height: 1, into: &units)
                    line += 1
                }
                blocks.append(.list(ordered: ordered, items: units))
                line += 1
                expandedLine += 1
            }
        }
        return (Document(blocks: blocks), lines)
    }
}
