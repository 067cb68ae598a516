import JSON

/// The built-in functions of the JMESPath specification.
enum Function: String, CaseIterable, Sendable {
    case abs, avg, ceil, contains, floor, join, keys, length, map, max, merge, min, reverse
    case sort, sum, type, values
    case endsWith = "ends_with"
    case maxBy = "max_by"
    case minBy = "min_by"
    case notNull = "not_null"
    case sortBy = "sort_by"
    case startsWith = "starts_with"
    case toArray = "to_array"
    case toNumber = "to_number"
    case toString = "to_string"
}

/// What one argument position accepts, as written in the specification's signatures.
enum ParameterType: Sendable {
    case any, number, string, array, object, expression, arrayOfNumbers, arrayOfStrings

    func accepts(_ argument: FunctionArgument) -> Bool {
        switch (self, argument) {
        case (.expression, .expression): true
        case (_, .expression), (.expression, _): false
        case (.any, _): true
        case (.number, .value(.number)), (.string, .value(.string)): true
        case (.array, .value(.array)), (.object, .value(.object)): true
        case (.arrayOfNumbers, .value(.array(let elements))):
            elements.allSatisfy { if case .number = $0 { true } else { false } }
        case (.arrayOfStrings, .value(.array(let elements))):
            elements.allSatisfy { if case .string = $0 { true } else { false } }
        default: false
        }
    }

    var description: String {
        switch self {
        case .any: "any value"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        case .expression: "an expression (&...)"
        case .arrayOfNumbers: "an array of numbers"
        case .arrayOfStrings: "an array of strings"
        }
    }
}

/// A function argument: a value, or an unevaluated `&expression` for the function to apply.
enum FunctionArgument {
    case value(JSONValue)
    case expression(Node)

    var description: String {
        switch self {
        case .expression: return "an expression"
        case .value(.array(let elements)):
            let types = Set(elements.map(\.typeName))
            if types.count == 1, let type = types.first { return "an array of \(type)s" }
            return elements.isEmpty ? "an empty array" : "an array of mixed types"
        case .value(let value): return value.typeName
        }
    }
}

struct Signature: Sendable {
    /// Each position lists the alternatives it accepts.
    let parameters: [[ParameterType]]
    /// The last parameter may repeat (merge, not_null).
    var isVariadic = false

    func arityProblem(argumentCount: Int) -> String? {
        let count = parameters.count
        let noun = count == 1 ? "argument" : "arguments"
        if isVariadic {
            return argumentCount >= count ? nil : "takes at least \(count) \(noun), got \(argumentCount)"
        }
        return argumentCount == count ? nil : "takes \(count) \(noun), got \(argumentCount)"
    }

    /// The first argument that fits none of its position's types, described for an error.
    func typeProblem(_ arguments: [FunctionArgument]) -> String? {
        for (position, argument) in arguments.enumerated() {
            let accepted = parameters[Swift.min(position, parameters.count - 1)]
            if !accepted.contains(where: { $0.accepts(argument) }) {
                let expected = accepted.map(\.description).joined(separator: " or ")
                return "expects argument \(position + 1) to be \(expected), got \(argument.description)"
            }
        }
        return nil
    }
}

extension Function {
    var signature: Signature {
        switch self {
        case .abs, .ceil, .floor: Signature(parameters: [[.number]])
        case .avg, .sum: Signature(parameters: [[.arrayOfNumbers]])
        case .contains: Signature(parameters: [[.array, .string], [.any]])
        case .endsWith, .startsWith: Signature(parameters: [[.string], [.string]])
        case .join: Signature(parameters: [[.string], [.arrayOfStrings]])
        case .keys, .values: Signature(parameters: [[.object]])
        case .length: Signature(parameters: [[.string, .array, .object]])
        case .map: Signature(parameters: [[.expression], [.array]])
        case .max, .min, .sort: Signature(parameters: [[.arrayOfNumbers, .arrayOfStrings]])
        case .maxBy, .minBy, .sortBy: Signature(parameters: [[.array], [.expression]])
        case .merge: Signature(parameters: [[.object]], isVariadic: true)
        case .notNull: Signature(parameters: [[.any]], isVariadic: true)
        case .reverse: Signature(parameters: [[.string, .array]])
        case .toArray, .toNumber, .toString, .type: Signature(parameters: [[.any]])
        }
    }
}
