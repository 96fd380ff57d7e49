import Engine
import Foundation

/// One Master.csv row as far as the KPI report needs it.
public struct CDRRow: Sendable, Equatable {
    public var destinationChannel: String
    public var lastApplication: String
    public var lastData: String
    /// Whole seconds from start to end.
    public var duration: Int
    public var billableSeconds: Int
    /// ANSWERED, NO ANSWER, BUSY or FAILED.
    public var disposition: String

    public init(destinationChannel: String, lastApplication: String, lastData: String = "", duration: Int,
                billableSeconds: Int, disposition: String) {
        self.destinationChannel = destinationChannel
        self.lastApplication = lastApplication
        self.lastData = lastData
        self.duration = duration
        self.billableSeconds = billableSeconds
        self.disposition = disposition
    }
}

/// Reads Asterisk `cdr_csv` Master.csv files (the 18 columns of `CallDetailRecord.columns`).
///
/// Fields are comma-separated, optionally `"`-quoted with `""` for a quote; a quoted field may span lines.
/// A header row (first field `accountcode`) is ignored; rows with another number of fields or unreadable
/// durations are skipped with a warning.
public enum CDRReader {
    public static func parse(_ text: String, source: String) -> (rows: [CDRRow], warnings: [InputWarning]) {
        var rows: [CDRRow] = []
        var warnings: [InputWarning] = []
        let columns = CallDetailRecord.columns.count
        for record in records(in: text) {
            let fields = record.fields
            if fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if fields.first?.lowercased() == "accountcode" { continue }
            if record.unterminatedQuote {
                warnings.append(InputWarning(source: source, line: record.line, message: "unterminated quoted field"))
                continue
            }
            guard fields.count == columns else {
                warnings.append(InputWarning(source: source, line: record.line,
                                             message: "\(fields.count) fields, a Master.csv row has \(columns)"))
                continue
            }
            guard let duration = Int(fields[12].trimmingCharacters(in: .whitespaces)), duration >= 0,
                  let billable = Int(fields[13].trimmingCharacters(in: .whitespaces)), billable >= 0 else {
                warnings.append(InputWarning(source: source, line: record.line,
                                             message: "duration and billsec must be whole seconds"))
                continue
            }
            rows.append(CDRRow(destinationChannel: fields[6], lastApplication: fields[7], lastData: fields[8],
                               duration: duration, billableSeconds: billable, disposition: fields[14]))
        }
        return (rows, warnings)
    }

    /// CSV records with the line each starts on.
    static func records(in text: String) -> [(fields: [String], line: Int, unterminatedQuote: Bool)] {
        var result: [(fields: [String], line: Int, unterminatedQuote: Bool)] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldWasQuoted = false
        var line = 1
        var recordLine = 1
        var characters = Array(text.unicodeScalars)
        if characters.last != "\n" { characters.append("\n") }
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < characters.count && characters[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty && !fieldWasQuoted {
                quoted = true
                fieldWasQuoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            } else if c == "\n" {
                if field.hasSuffix("\r") { field.removeLast() }
                fields.append(field)
                result.append((fields, recordLine, false))
                fields = []
                field = ""
                fieldWasQuoted = false
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            index += 1
        }
        if quoted {
            fields.append(field)
            result.append((fields, recordLine, true))
        }
        return result
    }
}
