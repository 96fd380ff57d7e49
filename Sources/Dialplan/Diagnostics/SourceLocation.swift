/// A place in a dialplan file: path, 1-based line and 1-based column (counted in bytes of the line).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The same line, another column.
    public func at(column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Moves the column `offset` bytes to the right.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    /// `file:line:col`, or just `file` for a finding about the whole file (line 0).
    public var description: String { line > 0 ? "\(file):\(line):\(column)" : file }

    /// A location that stands for a whole file (it could not be read, say).
    public static func wholeFile(_ file: String) -> SourceLocation {
        SourceLocation(file: file, line: 0, column: 0)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
