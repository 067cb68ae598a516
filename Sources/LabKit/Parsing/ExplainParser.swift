import Yams

/// An ```` ```explain KIND ```` block's YAML → an Explanation.
struct ExplainParser {
    var source: YAMLSource
    var language: String
    var diagnostics: [Diagnostic] = []

    mutating func parse(kind: String?, yaml: String, blockLocation: SourceLocation) -> Explanation? {
        guard let kind else {
            diagnostics.append(Diagnostic(.error, blockLocation, "an explain block needs a kind: ```explain \(Explanation.knownKinds.joined(separator: "|"))"))
            return nil
        }
        guard Explanation.knownKinds.contains(kind) else {
            diagnostics.append(Diagnostic(.error, blockLocation, "unknown explain kind '\(kind)'; expected one of \(Explanation.knownKinds.joined(separator: ", "))"))
            return nil
        }
        let root: Node
        switch source.compose(yaml) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(let node):
            guard let node, case .mapping(let map) = node else {
                diagnostics.append(Diagnostic(.error, blockLocation, "an explain memory block needs YAML keys: \(MemoryPlanInput.keys.joined(separator: ", "))"))
                return nil
            }
            root = .mapping(map)
        }
        var input = MemoryPlanInput()
        var keyLocations: [String: SourceLocation] = [:]
        for (key, value) in root.mapping! {
            let name = key.string ?? ""
            keyLocations[name] = source.location(of: value)
            guard case .scalar(let scalar) = value else {
                diagnostics.append(Diagnostic(.error, source.location(of: value), "'\(name)' must be a single value"))
                continue
            }
            switch name {
            case "limit": input.limit = scalar.string
            case "record": input.record = scalar.string
            case "efficiency": input.efficiency = scalar.string
            case "records": input.records = scalar.string
            case "command": input.command = scalar.string
            default:
                diagnostics.append(Diagnostic(.error, source.location(of: key), "unknown explain memory key '\(name)'; expected one of \(MemoryPlanInput.keys.joined(separator: ", "))"))
            }
        }
        switch input.plan() {
        case .success(let plan):
            return Explanation(kind: .memory(plan), location: blockLocation)
        case .failure(let problems):
            for p in problems.all {
                diagnostics.append(Diagnostic(.error, keyLocations[p.key] ?? blockLocation, p.message))
            }
            return nil
        }
    }
}
