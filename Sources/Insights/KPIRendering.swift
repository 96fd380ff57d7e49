import Foundation

extension KPIReport {
    // MARK: - Text

    /// The report as plain text: call-level figures, then one row per menu node, aligned columns.
    public static func text(_ report: Report) -> String {
        var out = "IVR KPI report: \(describeInput(report))\n\n"
        let sources = callSources(report)
        if sources.isEmpty {
            out += "No calls.\n"
        } else {
            var rows: [[String]] = []
            for row in callRows {
                rows.append([row.title] + sources.map { row.cell($0.figures) })
            }
            out += TextTable.render(header: ["Calls"] + sources.map(\.name), rows: rows)
        }
        if !report.nodes.isEmpty {
            out += "\n"
            let rows = report.nodes.map { node in
                [node.node.description, String(node.entered), String(node.calls), String(node.completed),
                 String(node.timedOut), String(node.invalid), String(node.hungUp), String(node.other),
                 String(node.transferred), percent(node.completionRate)]
            }
            out += TextTable.render(header: nodeHeader, rows: rows)
        } else if report.traceCalls != nil {
            out += "\nNo menu node was entered.\n"
        }
        if !report.warnings.isEmpty {
            out += "\n\(plural(report.warnings.count, "input line")) skipped or questionable:\n"
            for warning in report.warnings.prefix(warningLimit) { out += "  \(warning)\n" }
            if report.warnings.count > warningLimit {
                out += "  ... and \(report.warnings.count - warningLimit) more\n"
            }
        }
        return out
    }

    static let warningLimit = 20
    static let nodeHeader = ["Menu node", "Entered", "Calls", "Completed", "Timeout", "Invalid", "Hung up", "Other",
                             "Transferred", "Completion"]

    /// A row of the call-level table.
    struct CallRow {
        var title: String
        var cell: @Sendable (CallFigures) -> String
    }

    static let callRows: [CallRow] = [
        CallRow(title: "calls") { String($0.calls) },
        CallRow(title: "contained") { count($0.contained, of: $0) },
        CallRow(title: "transferred") { count($0.transferred, of: $0) },
        CallRow(title: "abandoned") { count($0.abandoned, of: $0) },
        CallRow(title: "reached a menu") { count($0.reachedMenu, of: $0) },
        CallRow(title: "made a valid choice") { count($0.madeChoice, of: $0) },
        CallRow(title: "avg time in IVR") { seconds($0.averageSecondsInIVR) },
    ]

    static func callSources(_ report: Report) -> [(name: String, figures: CallFigures)] {
        var sources: [(name: String, figures: CallFigures)] = []
        if let traces = report.traceCalls { sources.append(("traces", traces)) }
        if let records = report.cdrCalls { sources.append(("CDR", records)) }
        return sources
    }

    static func count(_ value: Int, of figures: CallFigures) -> String {
        let share = figures.calls > 0 ? Double(value) / Double(figures.calls) : nil
        return "\(value) (\(percent(share)))"
    }

    static func describeInput(_ report: Report) -> String {
        var parts: [String] = []
        if let traces = report.traceCalls { parts.append("\(plural(traces.calls, "call")) from traces") }
        if let records = report.cdrCalls { parts.append("\(plural(records.calls, "CDR row")) ") }
        let files = plural(report.sources.count, "file")
        let text = parts.isEmpty ? "no input" : parts.joined(separator: ", ").trimmingCharacters(in: .whitespaces)
        return report.sources.isEmpty ? text : "\(text) in \(files)"
    }

    /// `40.0%`, or `-` when undefined.
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "-" }
        return String(format: "%.1f%%", share * 100)
    }

    /// `12.3 s`, or `-` when undefined.
    public static func seconds(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        return String(format: "%.1f s", value)
    }

    static func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    // MARK: - HTML

    /// A self-contained HTML page: inline CSS, the figures as tables, an SVG funnel and an SVG bar chart of the
    /// menu nodes' outcomes, the definitions used, and the skipped lines. No scripts, no external resources.
    public static func html(_ report: Report, title: String = "IVR KPI report") -> String {
        var body = "<h1>\(escape(title))</h1>\n<p class=\"meta\">\(escape(describeInput(report)))</p>\n"
        let sources = callSources(report)
        body += "<h2>Calls</h2>\n"
        if sources.isEmpty {
            body += "<p>No calls.</p>\n"
        } else {
            body += "<table class=\"calls\">\n<thead><tr><th>Figure</th>"
            for source in sources { body += "<th>\(escape(source.name))</th>" }
            body += "</tr></thead>\n<tbody>\n"
            for row in callRows {
                body += "<tr><th scope=\"row\">\(escape(row.title))</th>"
                for source in sources { body += "<td>\(escape(row.cell(source.figures)))</td>" }
                body += "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
            for source in sources {
                body += "<h3>Funnel (\(escape(source.name)))</h3>\n"
                body += funnelSVG(stages(of: source.figures, fromTraces: source.name == "traces")) + "\n"
            }
        }
        body += "<h2>Menu nodes</h2>\n"
        if report.nodes.isEmpty {
            body += "<p>No menu node was entered.</p>\n"
        } else {
            body += "<table class=\"nodes\">\n<thead><tr>"
            for (index, name) in nodeHeader.enumerated() {
                body += index == 0 ? "<th>\(escape(name))</th>" : "<th class=\"num\">\(escape(name))</th>"
            }
            body += "</tr></thead>\n<tbody>\n"
            for node in report.nodes {
                let cells = [String(node.entered), String(node.calls), String(node.completed), String(node.timedOut),
                             String(node.invalid), String(node.hungUp), String(node.other), String(node.transferred),
                             percent(node.completionRate)]
                body += "<tr><th scope=\"row\"><code>\(escape(node.node.description))</code></th>"
                body += cells.map { "<td class=\"num\">\(escape($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
            body += "<h3>Visit outcomes per node</h3>\n" + nodeChartSVG(report.nodes) + "\n"
        }
        body += definitionsHTML
        if !report.warnings.isEmpty {
            body += "<h2>Skipped input</h2>\n<p>\(escape(plural(report.warnings.count, "input line"))) skipped or questionable.</p>\n<ul class=\"warnings\">\n"
            for warning in report.warnings.prefix(warningLimit * 5) { body += "<li>\(escape(warning.description))</li>\n" }
            if report.warnings.count > warningLimit * 5 {
                body += "<li>... and \(report.warnings.count - warningLimit * 5) more</li>\n"
            }
            body += "</ul>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 60em; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        .meta { color: #666; margin-top: 0; }
        table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.8em; text-align: left; }
        thead th { background: #f3f5f8; }
        td, .num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody th { font-weight: normal; }
        dt { font-weight: bold; margin-top: 0.6em; }
        dd { margin-left: 1.5em; }
        .warnings { font-family: ui-monospace, monospace; font-size: 0.9em; color: #8a4b00; }
        svg { display: block; margin: 0.5em 0 1.5em; }
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static func stages(of figures: CallFigures, fromTraces: Bool) -> [(String, Int, Int)] {
        if fromTraces {
            return [("Calls", figures.calls, figures.calls), ("Reached a menu", figures.reachedMenu, figures.calls),
                    ("Made a valid choice", figures.madeChoice, figures.calls),
                    ("Contained (self-service)", figures.contained, figures.calls)]
        }
        return [("Calls", figures.calls, figures.calls),
                ("Not abandoned", figures.calls - figures.abandoned, figures.calls),
                ("Contained (self-service)", figures.contained, figures.calls)]
    }

    /// Centered bars, each as wide as its share of the calls, joined by trapezoids.
    static func funnelSVG(_ stages: [(String, Int, Int)]) -> String {
        let width = 720.0
        let labelWidth = 260.0
        let barArea = width - labelWidth - 20
        let center = labelWidth + barArea / 2
        let barHeight = 34.0
        let gap = 14.0
        let height = Double(stages.count) * (barHeight + gap) + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"funnel\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Call funnel\">\n"
        let colors = ["#3b6ea5", "#4f86c0", "#6aa0d6", "#2e8b57"]
        var previous: (left: Double, right: Double)?
        for (index, stage) in stages.enumerated() {
            let (name, value, total) = stage
            let share = total > 0 ? max(0, min(1, Double(value) / Double(total))) : 0
            let barWidth = max(2, barArea * share)
            let y = 5 + Double(index) * (barHeight + gap)
            let left = center - barWidth / 2
            let right = center + barWidth / 2
            if let previous {
                let top = y - gap
                svg += "<polygon points=\"\(fmt(previous.left)),\(fmt(top)) \(fmt(previous.right)),\(fmt(top)) \(fmt(right)),\(fmt(y)) \(fmt(left)),\(fmt(y))\" fill=\"#dfe8f3\"/>\n"
            }
            svg += "<rect x=\"\(fmt(left))\" y=\"\(fmt(y))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(barHeight))\" rx=\"3\" fill=\"\(colors[min(index, colors.count - 1)])\"><title>\(escape(name)): \(value)</title></rect>\n"
            let share100 = total > 0 ? Double(value) / Double(total) : nil
            svg += "<text x=\"10\" y=\"\(fmt(y + barHeight / 2 + 5))\" font-size=\"14\" fill=\"#222\">\(escape(name)): \(value) (\(escape(percent(share100))))</text>\n"
            previous = (left, right)
        }
        return svg + "</svg>"
    }

    static let outcomeColors: [(String, String)] = [("completed", "#2e8b57"), ("timeout", "#e69f00"),
                                                     ("invalid", "#c0392b"), ("hung up", "#7f8c8d"),
                                                     ("other", "#b8c4d0")]

    /// One stacked bar per node: completed, timeout, invalid, hung up, other; length proportional to visits.
    static func nodeChartSVG(_ nodes: [NodeFigures]) -> String {
        let width = 720.0
        let labelWidth = 220.0
        let barArea = width - labelWidth - 60
        let rowHeight = 26.0
        let legendHeight = 30.0
        let height = legendHeight + Double(nodes.count) * rowHeight + 10
        let maximum = Double(max(nodes.map(\.entered).max() ?? 1, 1))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"nodes-chart\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Visit outcomes per menu node\">\n"
        var legendX = 10.0
        for (name, color) in outcomeColors {
            svg += "<rect x=\"\(fmt(legendX))\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            svg += "<text x=\"\(fmt(legendX + 16))\" y=\"19\" font-size=\"12\" fill=\"#222\">\(name)</text>\n"
            legendX += 100
        }
        for (index, node) in nodes.enumerated() {
            let y = legendHeight + Double(index) * rowHeight
            svg += "<text x=\"10\" y=\"\(fmt(y + 15))\" font-size=\"12\" fill=\"#222\">\(escape(truncated(node.node.description, 30)))</text>\n"
            var x = labelWidth
            let parts = [node.completed, node.timedOut, node.invalid, node.hungUp, node.other]
            for (part, (name, color)) in zip(parts, outcomeColors) where part > 0 {
                let partWidth = barArea * Double(part) / maximum
                svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(partWidth))\" height=\"\(fmt(rowHeight - 8))\" fill=\"\(color)\"><title>\(escape(node.node.description)) \(name): \(part)</title></rect>\n"
                x += partWidth
            }
            svg += "<text x=\"\(fmt(x + 6))\" y=\"\(fmt(y + 15))\" font-size=\"12\" fill=\"#444\">\(node.entered)</text>\n"
        }
        return svg + "</svg>"
    }

    static let definitionsHTML = """
    <h2>Definitions</h2>
    <dl>
    <dt>Menu node</dt><dd>A (context, extension) pair, shown as <code>exten@context</code>, in which a priority runs Background, WaitExten, Read or ReadExten: where the caller is asked for input.</dd>
    <dt>Entered</dt><dd>Visits of the node. A visit starts when an input priority of the node runs while the call is not already visiting it; further input priorities of the same extension in increasing order (Background, then WaitExten) belong to the same visit, while running one again at the same or an earlier priority (a re-prompt) starts a new visit. <em>Calls</em> counts distinct calls that visited the node.</dd>
    <dt>Completed</dt><dd>The visit ended with a valid choice: a jump of the PBX to the dialled extension, or the call moved on to another extension (not <code>i</code>/<code>t</code>) after the caller entered digits.</dd>
    <dt>Timeout</dt><dd>The call went to <code>t</code> (or <code>e</code> with RESPONSETIMEOUT), or moved on after waiting for input timed out with no digit entered.</dd>
    <dt>Invalid</dt><dd>The call went to <code>i</code> (or <code>e</code> with INVALID), or the same extension re-prompted after the caller entered digits.</dd>
    <dt>Hung up</dt><dd>The caller hung up during the visit.</dd>
    <dt>Other</dt><dd>The dialplan moved on or hung up without any input from the caller. Entered = completed + timeout + invalid + hung up + other.</dd>
    <dt>Transferred (node)</dt><dd>Visits after which, before the next visit, the call was delivered to a person or queue: a Dial or Queue that ended with ANSWER, or a Transfer with SUCCESS. Counted in addition to the outcome.</dd>
    <dt>Completion</dt><dd>Completed / entered.</dd>
    <dt>Transferred (call)</dt><dd>The call had an answered delivery (as above).</dd>
    <dt>Abandoned</dt><dd>Not transferred, and the caller hung up during a menu visit, before completing any visit, or right after an unanswered delivery attempt (gave up waiting).</dd>
    <dt>Contained</dt><dd>Neither transferred nor abandoned: the call ended in self-service. Containment rate = contained / calls; abandonment rate = abandoned / calls.</dd>
    <dt>Reached a menu, made a valid choice</dt><dd>Calls with at least one visit, and with at least one completed visit.</dd>
    <dt>Time in IVR</dt><dd>From the call's start to the priority that made the answered delivery, or else to the hangup (or the last event of a trace that stops early); averaged over the calls.</dd>
    <dt>CDR rows</dt><dd>Master.csv gives call-level figures only. Transferred: a destination channel is set, or the last application is Queue or Transfer. Abandoned: not transferred, and the call was never answered (NO ANSWER) or ended inside Background, WaitExten, Read or ReadExten. Time in IVR: the duration, averaged over calls that were not transferred (a CDR does not say when a transfer began).</dd>
    </dl>

    """

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Escapes text for HTML and SVG content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// Renders rows as aligned columns: the first column left-aligned, the others right-aligned.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var out = ""
        for row in all {
            var line = ""
            for index in 0..<columns {
                let cell = index < row.count ? row[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                if index == 0 {
                    line += cell + padding
                } else {
                    line += "  " + padding + cell
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
