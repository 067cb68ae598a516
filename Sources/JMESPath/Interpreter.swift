import JSON

/// Evaluates a compiled expression against JSON data.
///
/// Mismatched data never throws: a field of a non-object, an index of a non-array and the
/// like evaluate to null, as the specification requires. Only functions (invalid-type)
/// and zero slice steps (invalid-value) raise at runtime.
enum Interpreter {
    static func evaluate(_ node: Node, _ value: JSONValue) throws(JMESPathError) -> JSONValue {
        switch node {
        case .current:
            return value
        case .literal(let literal):
            return literal
        case .field(let name):
            guard case .object(let members) = value else { return .null }
            return members[name] ?? .null
        case .index(let index):
            guard case .array(let elements) = value else { return .null }
            let position = index < 0 ? elements.count + index : index
            return elements.indices.contains(position) ? elements[position] : .null
        case .slice(let start, let stop, let step):
            return try slice(value, start: start, stop: stop, step: step)
        case .subexpression(let left, let right), .pipe(let left, let right):
            return try evaluate(right, evaluate(left, value))
        case .listProjection(let left, let right):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            return try project(elements, right)
        case .valueProjection(let left, let right):
            guard case .object(let members) = try evaluate(left, value) else { return .null }
            // Dictionaries are unordered; sorting keys keeps results reproducible.
            let values = members.keys.sorted(by: codePointPrecedes).map { members[$0]! }
            return try project(values, right)
        case .filterProjection(let left, let right, let condition):
            guard case .array(let elements) = try evaluate(left, value) else { return .null }
            var kept: [JSONValue] = []
            for element in elements where try evaluate(condition, element).isTruthy {
                kept.append(element)
            }
            return try project(kept, right)
        case .flatten(let inner):
            guard case .array(let elements) = try evaluate(inner, value) else { return .null }
            var flattened: [JSONValue] = []
            for element in elements {
                if case .array(let nested) = element { flattened += nested } else { flattened.append(element) }
            }
            return .array(flattened)
        case .comparison(let comparator, let left, let right):
            return compare(comparator, try evaluate(left, value), try evaluate(right, value))
        case .or(let left, let right):
            let result = try evaluate(left, value)
            return result.isTruthy ? result : try evaluate(right, value)
        case .and(let left, let right):
            let result = try evaluate(left, value)
            return result.isTruthy ? try evaluate(right, value) : result
        case .not(let inner):
            return .bool(!(try evaluate(inner, value).isTruthy))
        case .multiSelectList(let elements):
            if value == .null { return .null }
            var results: [JSONValue] = []
            for element in elements { results.append(try evaluate(element, value)) }
            return .array(results)
        case .multiSelectHash(let entries):
            if value == .null { return .null }
            var results: [String: JSONValue] = [:]
            for entry in entries { results[entry.key] = try evaluate(entry.value, value) }
            return .object(results)
        case .functionCall(let function, let argumentNodes, let offset):
            var arguments: [FunctionArgument] = []
            for argument in argumentNodes {
                if case .expressionReference(let expression) = argument {
                    arguments.append(.expression(expression))
                } else {
                    arguments.append(.value(try evaluate(argument, value)))
                }
            }
            return try function.call(arguments, offset: offset)
        case .expressionReference:
            // The parser admits '&' only as a function argument, handled above.
            throw JMESPathError(kind: .invalidType, message: "an expression reference can only be a function argument")
        }
    }

    /// Applies `right` to each element, dropping null results as projections do.
    private static func project(_ elements: [JSONValue], _ right: Node) throws(JMESPathError) -> JSONValue {
        var results: [JSONValue] = []
        for element in elements {
            let result = try evaluate(right, element)
            if result != .null { results.append(result) }
        }
        return .array(results)
    }

    /// Equality is deep; ordering is defined only between numbers, anything else gives null.
    private static func compare(_ comparator: Comparator, _ left: JSONValue, _ right: JSONValue) -> JSONValue {
        switch comparator {
        case .equal: return .bool(left == right)
        case .notEqual: return .bool(left != right)
        default: break
        }
        guard case .number(let a) = left, case .number(let b) = right else { return .null }
        switch comparator {
        case .less: return .bool(a < b)
        case .lessOrEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterOrEqual: return .bool(a >= b)
        case .equal, .notEqual: preconditionFailure("handled above")
        }
    }

    /// Python-style slicing, as the specification defines it.
    private static func slice(_ value: JSONValue, start: Int?, stop: Int?, step: Int?) throws(JMESPathError) -> JSONValue {
        let step = step ?? 1
        guard step != 0 else {
            throw JMESPathError(kind: .invalidValue, message: "slice step cannot be 0")
        }
        guard case .array(let elements) = value else { return .null }
        let count = elements.count
        func clamp(_ endpoint: Int) -> Int {
            if endpoint < 0 {
                let adjusted = endpoint + count
                return adjusted >= 0 ? adjusted : (step < 0 ? -1 : 0)
            }
            return endpoint < count ? endpoint : (step < 0 ? count - 1 : count)
        }
        var position = start.map(clamp) ?? (step < 0 ? count - 1 : 0)
        let end = stop.map(clamp) ?? (step < 0 ? -1 : count)
        var result: [JSONValue] = []
        while step > 0 ? position < end : position > end {
            result.append(elements[position])
            let (next, overflow) = position.addingReportingOverflow(step)
            if overflow { break }  // a huge step like [::9223372036854775807]
            position = next
        }
        return .array(result)
    }
}
