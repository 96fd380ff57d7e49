/// Removes `;` comments, nested `;-- --;` block comments and `\;` escapes line by line (`main/config.c`).
///
/// Block comments nest up to 128 deep and may span lines; the state carries from one line to the next.
struct CommentStripper {
    /// Current block-comment nesting depth.
    private(set) var depth = 0
    /// Line where the outermost open block comment started.
    private(set) var openedAt: SourceLocation?
    static let maximumDepth = 128

    /// The kept bytes of one physical line and, if bytes were removed from its middle, each kept byte's column.
    struct Stripped {
        var bytes: ArraySlice<UInt8>
        var columns: [Int]?
    }

    mutating func strip(_ line: ArraySlice<UInt8>, location: SourceLocation) -> Stripped {
        let semicolon = UInt8(ascii: ";")
        // Fast path: nothing to strip.
        if depth == 0, !line.contains(semicolon) { return Stripped(bytes: line, columns: nil) }

        var kept: [UInt8] = []
        var columns: [Int] = []
        var keeping = depth == 0
        var segmentStart = line.startIndex
        var index = line.startIndex
        let dash = UInt8(ascii: "-")
        func byte(_ i: Int) -> UInt8? { i < line.endIndex ? line[i] : nil }
        func keep(_ range: Range<Int>) {
            for i in range {
                kept.append(line[i])
                columns.append(location.column + (i - line.startIndex))
            }
        }
        while index < line.endIndex {
            guard line[index] == semicolon else { index += 1; continue }
            if index > segmentStart, line[index - 1] == UInt8(ascii: "\\") {
                // `\;` is a literal semicolon: keep what came before without the backslash.
                if keeping {
                    keep(segmentStart..<(index - 1))
                    keep(index..<(index + 1))
                }
                index += 1
                segmentStart = index
            } else if byte(index + 1) == dash, byte(index + 2) == dash, byte(index + 3) != dash {
                if depth < Self.maximumDepth {
                    if keeping { keep(segmentStart..<index) }
                    if depth == 0 { openedAt = location.advanced(by: index - line.startIndex) }
                    depth += 1
                    keeping = false
                }
                index += 3
                segmentStart = index
            } else if depth > 0, index >= segmentStart + 2, line[index - 1] == dash, line[index - 2] == dash {
                depth -= 1
                index += 1
                segmentStart = index
                if depth == 0 {
                    keeping = true
                    openedAt = nil
                }
            } else if depth == 0 {
                // A plain comment: the rest of the line goes.
                if keeping { keep(segmentStart..<index) }
                return finish(kept, columns, line)
            } else {
                index += 1
            }
        }
        if keeping { keep(segmentStart..<line.endIndex) }
        return finish(kept, columns, line)
    }

    private func finish(_ kept: [UInt8], _ columns: [Int], _ line: ArraySlice<UInt8>) -> Stripped {
        Stripped(bytes: kept[...], columns: columns)
    }
}
