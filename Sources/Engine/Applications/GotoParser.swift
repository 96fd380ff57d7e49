/// `pbx_parseable_goto`: `[[context,]exten,]priority` with `+N`/`-N` relative priorities and labels.
enum GotoParser {
    /// Resolves a goto string against the call's current location; nil (after a warning) when the priority is
    /// neither a number nor a label of the target extension — Asterisk then ends the call.
    static func target(_ text: String, call: Call) -> CallLocation? {
        guard !text.isEmpty else {
            call.warn("Goto requires an argument ([[context,]extension,]priority)")
            return nil
        }
        // strsep three times: anything after a third comma is ignored.
        let fields = Array(text.split(separator: ",", omittingEmptySubsequences: false).prefix(3).map(String.init))
        var context: String?
        var exten: String?
        var priorityText: String
        switch fields.count {
        case 1: priorityText = fields[0]
        case 2: exten = fields[0]; priorityText = fields[1]
        default: context = fields[0]; exten = fields[1]; priorityText = fields[2]
        }
        let targetContext = (context?.isEmpty ?? true) ? call.location.context : context ?? call.location.context
        let targetExten = (exten?.isEmpty ?? true) ? call.location.exten : exten ?? call.location.exten
        var mode = 0
        if priorityText.hasPrefix("+") { mode = 1; priorityText.removeFirst() }
        else if priorityText.hasPrefix("-") { mode = -1; priorityText.removeFirst() }
        var priority: Int
        if let number = Int(priorityText) {
            priority = number
        } else if let labeled = call.priority(labeled: priorityText, context: targetContext, exten: targetExten) {
            priority = labeled
            mode = 0
        } else {
            call.warn("Priority '\(priorityText)' must be a number > 0, or valid label")
            return nil
        }
        if mode != 0 { priority = call.location.priority + mode * priority }
        return CallLocation(context: targetContext, exten: targetExten, priority: priority)
    }
}
