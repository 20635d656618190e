/// Builds the template tree from the lexer's tokens: nests sections, collects the blocks a parent
/// tag overrides, and re-indents standalone blocks relative to where they were written.
struct Parser {
    let lexer: Lexer
    /// One copy of the whole source: text nodes are slices of it, so they allocate nothing each.
    let text: [UInt8]

    init(lexer: Lexer) {
        self.lexer = lexer
        text = Array(lexer.source)
    }
    /// How deep sections, blocks and parents may nest: deeper is an error, never a stack overflow.
    static let maximumNesting = 100

    func parse() throws -> [Node] {
        var index = 0
        var depth = 0
        var tokens = try lexer.tokenize()
        let topLevel = Self.countInnerTokens(&tokens)
        return try parseNodes(tokens, from: &index, closing: nil, capacity: topLevel, depth: &depth)
    }

    /// Sets each opening tag's `innerTokens`, so that the nodes inside it are stored without
    /// regrowing their array; returns how many tokens stand at the top level.
    private static func countInnerTokens(_ tokens: inout [Token]) -> Int {
        var openers: [Int] = []
        var topLevel = 0
        for index in tokens.indices {
            let kind = tokens[index].kind
            if kind == .close {
                if openers.popLast() == nil { return topLevel }
                continue
            }
            if let opener = openers.last { tokens[opener].innerTokens += 1 } else { topLevel += 1 }
            switch kind {
            case .sectionOpen, .invertedOpen, .blockOpen, .parentOpen: openers.append(index)
            default: break
            }
        }
        return topLevel
    }

    private func place(_ token: Token) -> Place {
        Place(offset: token.offset)
    }

    private func reference(_ token: Token) -> Reference {
        let name = lexer.bytes(token.start, token.end)
        func part(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: name[start..<end]), as: UTF8.self)
        }
        guard let firstDot = name.firstIndex(of: UInt8(ascii: ".")) else {
            return Reference(head: part(0, name.count), tail: [], place: place(token))
        }
        if name.count == 1 { return Reference(head: nil, tail: [], place: place(token)) }
        var tail: [String] = []
        tail.reserveCapacity(name.count(where: { $0 == UInt8(ascii: ".") }))
        var start = firstDot + 1
        for index in start..<name.count where name[index] == UInt8(ascii: ".") {
            tail.append(part(start, index))
            start = index + 1
        }
        tail.append(part(start, name.count))
        return Reference(head: part(0, firstDot), tail: tail, place: place(token))
    }

    private func indentation(_ token: Token) -> [UInt8] {
        Array(lexer.bytes(token.indentationStart, token.indentationEnd))
    }

    /// Whether a close tag names the tag it closes: the same bytes, or the same name as Swift
    /// compares strings.
    private func closes(_ close: Token, _ opener: Token) -> Bool {
        let (closing, opening) = (lexer.bytes(close.start, close.end), lexer.bytes(opener.start, opener.end))
        if closing.count == opening.count && closing.indices.allSatisfy({ closing[$0] == opening[$0] }) { return true }
        return lexer.name(of: close) == lexer.name(of: opener)
    }

    /// Nodes up to the close tag of `closing` (or the end of the source when nil).
    private func parseNodes(_ tokens: [Token], from index: inout Int, closing opener: Token?, capacity: Int,
                            depth: inout Int) throws -> [Node] {
        if let opener {
            depth += 1
            guard depth <= Self.maximumNesting else {
                throw lexer.error(at: opener.offset, "sections nest more than \(Self.maximumNesting) deep")
            }
        }
        defer { if opener != nil { depth -= 1 } }
        var nodes: [Node] = []
        nodes.reserveCapacity(capacity)
        // The text since the last node: a run of `text` while its tokens follow on in the source,
        // a copy once a comment or set-delimiter tag (or a removed line) has split it.
        var pendingText: ArraySlice<UInt8> = []
        var pendingIsRun = false
        func flushText() {
            if !pendingText.isEmpty {
                nodes.append(.text(pendingText))
                pendingText = []
            }
        }
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .text:
                if token.start == token.end { continue }
                if pendingText.isEmpty {
                    pendingText = text[token.start..<token.end]
                    pendingIsRun = true
                } else if pendingIsRun && pendingText.endIndex == token.start {
                    pendingText = text[pendingText.startIndex..<token.end]
                } else {
                    pendingText.append(contentsOf: text[token.start..<token.end])
                    pendingIsRun = false
                }
            case .comment, .setDelimiters:
                continue
            case .variable, .unescapedVariable:
                flushText()
                nodes.append(.variable(reference(token), escaped: token.kind == .variable))
            case .sectionOpen, .invertedOpen:
                flushText()
                let children = try parseNodes(tokens, from: &index, closing: token, capacity: token.innerTokens, depth: &depth)
                nodes.append(.section(reference(token), children: children, inverted: token.kind == .invertedOpen,
                                      standalone: token.standalone))
            case .partial:
                flushText()
                nodes.append(.partial(name: lexer.name(of: token), indentation: indentation(token),
                                      standalone: token.standalone, place: place(token)))
            case .blockOpen:
                flushText()
                nodes.append(.block(try parseBlock(opener: token, tokens, from: &index, depth: &depth)))
            case .parentOpen:
                flushText()
                let overrides = try parseParentArguments(opener: token, tokens, from: &index, depth: &depth)
                nodes.append(.parent(name: lexer.name(of: token), indentation: indentation(token), standalone: token.standalone,
                                     overrides: overrides, place: place(token)))
            case .close:
                guard let opener else {
                    throw lexer.error(at: token.offset, "closing tag '\(lexer.name(of: token))' has no open section")
                }
                guard closes(token, opener) else {
                    let openerPosition = lexer.position(of: opener.offset)
                    throw lexer.error(at: token.offset, "closing tag '\(lexer.name(of: token))' does not match '\(lexer.name(of: opener))' opened at \(openerPosition.line):\(openerPosition.column)")
                }
                flushText()
                return nodes
            }
        }
        if let opener {
            throw lexer.error(at: opener.offset, "'\(lexer.name(of: opener))' is never closed")
        }
        flushText()
        return nodes
    }

    private func parseBlock(opener: Token, _ tokens: [Token], from index: inout Int, depth: inout Int) throws -> Block {
        let children = try parseNodes(tokens, from: &index, closing: opener, capacity: opener.innerTokens, depth: &depth)
        guard opener.standalone else {
            return Block(name: lexer.name(of: opener), indentation: indentation(opener), indentsFirstLine: false, children: children,
                         template: TemplateSource(name: lexer.templateName, bytes: text), place: place(opener))
        }
        // A standalone block's indentation is that of its first line of content, or of its tag
        // when it has none; the content is stored without it, to be re-indented where it lands.
        var indentation = self.indentation(opener)
        if case .text(let text)? = children.first {
            indentation = Array(text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        }
        var atLineStart = true
        let dedented = Self.removing(indentation, from: children, atLineStart: &atLineStart)
        return Block(name: lexer.name(of: opener), indentation: indentation, indentsFirstLine: true, children: dedented,
                     template: TemplateSource(name: lexer.templateName, bytes: text), place: place(opener))
    }

    /// A parent tag's content: only its blocks count; anything else inside it is ignored.
    private func parseParentArguments(opener: Token, _ tokens: [Token], from index: inout Int, depth: inout Int) throws -> [String: Block] {
        let children = try parseNodes(tokens, from: &index, closing: opener, capacity: opener.innerTokens, depth: &depth)
        var overrides: [String: Block] = [:]
        for case .block(let block) in children where overrides[block.name] == nil {
            overrides[block.name] = block
        }
        return overrides
    }

    /// Removes `indentation` from the start of every line of `nodes`.
    private static func removing(_ indentation: [UInt8], from nodes: [Node], atLineStart: inout Bool) -> [Node] {
        guard !indentation.isEmpty else { return nodes }
        return nodes.map { node in
            switch node {
            case .text(let text):
                var result: [UInt8] = []
                var index = text.startIndex
                while index < text.endIndex {
                    if atLineStart {
                        var matched = 0
                        while matched < indentation.count, index + matched < text.endIndex,
                              text[index + matched] == indentation[matched] { matched += 1 }
                        if matched == indentation.count { index += matched }
                        atLineStart = false
                        continue
                    }
                    result.append(text[index])
                    atLineStart = text[index] == UInt8(ascii: "\n")
                    index += 1
                }
                return .text(result[...])
            case .section(let reference, let children, let inverted, let standalone):
                let inner = removing(indentation, from: children, atLineStart: &atLineStart)
                if !standalone { atLineStart = false }
                return .section(reference, children: inner, inverted: inverted, standalone: standalone)
            case .partial(let name, let own, let standalone, let place):
                atLineStart = standalone
                return .partial(name: name, indentation: strip(indentation, from: own), standalone: standalone, place: place)
            case .parent(let name, let own, let standalone, let overrides, let place):
                atLineStart = standalone
                return .parent(name: name, indentation: strip(indentation, from: own), standalone: standalone,
                               overrides: overrides, place: place)
            case .block(let block):
                atLineStart = block.indentsFirstLine
                return .block(Block(name: block.name, indentation: strip(indentation, from: block.indentation),
                                    indentsFirstLine: block.indentsFirstLine, children: block.children, template: block.template, place: block.place))
            case .variable:
                atLineStart = false
                return node
            }
        }
    }

    private static func strip(_ prefix: [UInt8], from indentation: [UInt8]) -> [UInt8] {
        indentation.starts(with: prefix) ? Array(indentation.dropFirst(prefix.count)) : indentation
    }
}
