import Foundation

/// A suite's verdicts as JUnit XML: one `<testsuite>` per scenario file, one `<testcase>` per scenario; a failure
/// carries the divergence report, a scenario that could not run (or a file that does not parse) is an `<error>`.
public enum JUnitReport {
    public static func xml(_ report: SuiteReport) -> String {
        var byFile: [(file: String, verdicts: [ScenarioVerdict])] = []
        for verdict in report.verdicts {
            if let last = byFile.indices.last, byFile[last].file == verdict.file {
                byFile[last].verdicts.append(verdict)
            } else {
                byFile.append((verdict.file, [verdict]))
            }
        }
        let total = report.verdicts.count + report.fileErrors.count
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
        lines.append("<testsuites name=\"ivr test\" tests=\"\(total)\" failures=\"\(report.failed)\" errors=\"\(report.errors)\""
                     + " time=\"\(seconds(report.seconds))\">")
        for (file, verdicts) in byFile {
            let failures = verdicts.filter { $0.status == .failed }.count
            let errors = verdicts.filter { $0.status == .error }.count
            let time = verdicts.reduce(0) { $0 + $1.seconds }
            lines.append("  <testsuite name=\"\(escape(file))\" tests=\"\(verdicts.count)\" failures=\"\(failures)\""
                         + " errors=\"\(errors)\" skipped=\"0\" time=\"\(seconds(time))\">")
            for verdict in verdicts {
                let open = "    <testcase name=\"\(escape(verdict.name))\" classname=\"\(escape(className(file, verdict.mode)))\""
                    + " file=\"\(escape(file))\" line=\"\(verdict.line)\" time=\"\(seconds(verdict.seconds))\""
                switch verdict.status {
                case .passed:
                    lines.append(open + "/>")
                case .failed, .error:
                    let tag = verdict.status == .failed ? "failure" : "error"
                    let message = verdict.divergence.map { d in
                        verdict.status == .failed ? "expected \(d.expected); actual: \(d.actual)" : d.actual
                    } ?? "failed"
                    lines.append(open + ">")
                    lines.append("      <\(tag) message=\"\(escape(firstLine(message)))\" type=\"\(tag == "failure" ? "ScenarioDivergence" : "ScenarioError")\">"
                                 + escape(verdict.report) + "</\(tag)>")
                    lines.append("    </testcase>")
                }
            }
            lines.append("  </testsuite>")
        }
        for error in report.fileErrors {
            lines.append("  <testsuite name=\"\(escape(error.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">")
            lines.append("    <testcase name=\"parse\" classname=\"\(escape(className(error.file, report.mode)))\" time=\"0\">")
            lines.append("      <error message=\"\(escape(error.description))\" type=\"ScenarioFileError\">\(escape(error.description))</error>")
            lines.append("    </testcase>")
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func className(_ file: String, _ mode: ReplayMode) -> String {
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        return "replay.\(mode)." + stem
    }

    static func seconds(_ value: Double) -> String { String(format: "%.6f", value) }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }

    /// XML text and attribute escaping; characters XML 1.0 forbids become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
