import JSON

/// The built-in function implementations. Argument types are validated against
/// `signature` before dispatch, so each implementation can assume them.
extension Function {
    func call(_ arguments: [FunctionArgument], offset: Int) throws(JMESPathError) -> JSONValue {
        if let problem = signature.typeProblem(arguments) {
            throw JMESPathError(kind: .invalidType, message: "\(rawValue)() \(problem)", offset: offset)
        }
        let args = Arguments(values: arguments)
        switch self {
        case .abs:
            return .number(Swift.abs(args.number(0)))
        case .avg:
            let numbers = args.numbers(0)
            return numbers.isEmpty ? .null : .number(sum(numbers) / Double(numbers.count))
        case .ceil:
            return .number(args.number(0).rounded(.up))
        case .floor:
            return .number(args.number(0).rounded(.down))
        case .contains:
            let search = args.value(1)
            switch args.value(0) {
            case .array(let elements): return .bool(elements.contains(search))
            case .string(let subject):
                guard case .string(let needle) = search else { return .bool(false) }
                return .bool(subject.containsCodePoints(needle))
            default: preconditionFailure("signature admits only arrays and strings")
            }
        case .endsWith:
            return .bool(args.string(0).hasCodePointSuffix(args.string(1)))
        case .startsWith:
            return .bool(args.string(0).hasCodePointPrefix(args.string(1)))
        case .join:
            return .string(args.strings(1).joined(separator: args.string(0)))
        case .keys:
            return .array(args.object(0).keys.sorted(by: codePointPrecedes).map(JSONValue.string))
        case .values:
            let members = args.object(0)
            return .array(members.keys.sorted(by: codePointPrecedes).map { members[$0]! })
        case .length:
            switch args.value(0) {
            case .string(let string): return .number(Double(string.codePointCount))
            case .array(let elements): return .number(Double(elements.count))
            case .object(let members): return .number(Double(members.count))
            default: preconditionFailure("signature admits only strings, arrays and objects")
            }
        case .map:
            var results: [JSONValue] = []
            for element in args.array(1) {
                results.append(try Interpreter.evaluate(args.expression(0), element))
            }
            return .array(results)
        case .max, .min:
            let elements = args.array(0)
            guard var best = elements.first else { return .null }
            for element in elements.dropFirst() where improves(element, over: best) {
                best = element
            }
            return best
        case .maxBy, .minBy:
            let elements = args.array(0)
            let keys = try sortKeys(elements, args.expression(1), offset: offset)
            guard !elements.isEmpty else { return .null }
            var bestIndex = 0
            for index in keys.indices.dropFirst() where improves(keys[index], over: keys[bestIndex]) {
                bestIndex = index
            }
            return elements[bestIndex]
        case .merge:
            var merged: [String: JSONValue] = [:]
            for index in arguments.indices {
                merged.merge(args.object(index)) { _, later in later }
            }
            return .object(merged)
        case .notNull:
            for index in arguments.indices where args.value(index) != .null {
                return args.value(index)
            }
            return .null
        case .reverse:
            switch args.value(0) {
            case .string(let string): return .string(String(String.UnicodeScalarView(string.unicodeScalars.reversed())))
            case .array(let elements): return .array(elements.reversed())
            default: preconditionFailure("signature admits only strings and arrays")
            }
        case .sort:
            return .array(args.array(0).sorted(by: orderedBefore))
        case .sortBy:
            let elements = args.array(0)
            let keys = try sortKeys(elements, args.expression(1), offset: offset)
            // Swift's sort is not documented as stable; ties keep their input order explicitly.
            let order = elements.indices.sorted { a, b in
                orderedBefore(keys[a], keys[b]) || (!orderedBefore(keys[b], keys[a]) && a < b)
            }
            return .array(order.map { elements[$0] })
        case .sum:
            return .number(sum(args.numbers(0)))
        case .toArray:
            if case .array = args.value(0) { return args.value(0) }
            return .array([args.value(0)])
        case .toNumber:
            switch args.value(0) {
            case .number: return args.value(0)
            case .string(let string):
                // Accept exactly the JSON number grammar: no "inf", "0x10" or "1_000".
                guard case .number(let number)? = try? JSONParser.parse(Array(string.utf8)) else { return .null }
                return .number(number)
            default: return .null
            }
        case .toString:
            if case .string = args.value(0) { return args.value(0) }
            return .string(args.value(0).jsonText())
        case .type:
            return .string(args.value(0).typeName)
        }
    }

    /// Evaluates the key expression of sort_by/min_by/max_by for every element. Keys must be
    /// all numbers or all strings, since those are the only orderable JSON types.
    private func sortKeys(_ elements: [JSONValue], _ expression: Node, offset: Int) throws(JMESPathError) -> [JSONValue] {
        var keys: [JSONValue] = []
        keys.reserveCapacity(elements.count)
        for element in elements {
            let key = try Interpreter.evaluate(expression, element)
            switch (keys.first ?? key, key) {
            case (.number, .number), (.string, .string):
                keys.append(key)
            default:
                let expected = keys.isEmpty ? "a number or a string" : "only \(keys[0].typeName)s"
                throw JMESPathError(
                    kind: .invalidType,
                    message: "\(rawValue)() expects the expression to return \(expected), got \(key.typeName)",
                    offset: offset)
            }
        }
        return keys
    }

    /// Strictly better, so that among equal candidates the first one wins.
    private func improves(_ candidate: JSONValue, over best: JSONValue) -> Bool {
        self == .max || self == .maxBy ? orderedBefore(best, candidate) : orderedBefore(candidate, best)
    }

    private func sum(_ numbers: [Double]) -> Double {
        numbers.reduce(0, +)
    }
}

/// Orders two numbers or two strings (by code point); the signature checks guarantee the
/// callers never mix types.
private func orderedBefore(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case let (.number(a), .number(b)): a < b
    case let (.string(a), .string(b)): codePointPrecedes(a, b)
    default: preconditionFailure("only numbers or strings of one type are ordered")
    }
}

/// Typed access to already-validated arguments.
private struct Arguments {
    let values: [FunctionArgument]

    func value(_ index: Int) -> JSONValue {
        guard case .value(let value) = values[index] else { preconditionFailure("validated as a value") }
        return value
    }

    func expression(_ index: Int) -> Node {
        guard case .expression(let node) = values[index] else { preconditionFailure("validated as an expression") }
        return node
    }

    func number(_ index: Int) -> Double {
        guard case .number(let number) = value(index) else { preconditionFailure("validated as a number") }
        return number
    }

    func string(_ index: Int) -> String {
        guard case .string(let string) = value(index) else { preconditionFailure("validated as a string") }
        return string
    }

    func array(_ index: Int) -> [JSONValue] {
        guard case .array(let elements) = value(index) else { preconditionFailure("validated as an array") }
        return elements
    }

    func object(_ index: Int) -> [String: JSONValue] {
        guard case .object(let members) = value(index) else { preconditionFailure("validated as an object") }
        return members
    }

    func numbers(_ index: Int) -> [Double] {
        array(index).map { element in
            guard case .number(let number) = element else { preconditionFailure("validated as numbers") }
            return number
        }
    }

    func strings(_ index: Int) -> [String] {
        array(index).map { element in
            guard case .string(let string) = element else { preconditionFailure("validated as strings") }
            return string
        }
    }
}
