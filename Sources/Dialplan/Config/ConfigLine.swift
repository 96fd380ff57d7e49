/// A logical line of a config file after comment removal and trimming, with the way back to source columns.
public struct ConfigLine: Sendable {
    /// The cleaned, trimmed text (comments and `\;` escapes already handled).
    public var text: String
    /// Where the first byte of `text` came from.
    public var location: SourceLocation
    /// Source column of every byte of `text`, present only when cleaning removed bytes inside the line.
    var columnMap: [Int]?

    public init(text: String, location: SourceLocation, columnMap: [Int]? = nil) {
        self.text = text
        self.location = location
        self.columnMap = columnMap
    }

    /// The source location of the byte at `offset` in `text`.
    public func location(atOffset offset: Int) -> SourceLocation {
        if let columnMap {
            guard !columnMap.isEmpty else { return location }
            return location.at(column: columnMap[min(max(offset, 0), columnMap.count - 1)])
        }
        return location.advanced(by: max(offset, 0))
    }
}
