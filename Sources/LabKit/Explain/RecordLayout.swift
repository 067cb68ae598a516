/// A record's memory layout: fields placed in order with Go's alignment and padding,
/// plus the out-of-line data they point to.
public struct RecordLayout: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var type: FieldType
        public var offset: Int
        /// Padding inserted before this field to align it.
        public var paddingBefore: Int
    }

    public var fields: [Field]
    /// The struct's size, rounded up to its largest alignment (Go pads the tail too).
    public var structSize: Int
    public var trailingPadding: Int
    public var outOfLineSize: Int
    public var alignment: Int

    public var recordSize: Int { structSize + outOfLineSize }

    /// The largest record `parse` accepts (1 PiB).
    public static let maximumRecordBytes = 1 << 50

    public init(fields declared: [(name: String, type: FieldType)]) {
        var offset = 0
        var maxAlign = 1
        var placed: [Field] = []
        for (name, type) in declared {
            let aligned = Self.roundUp(offset, to: type.alignment)
            placed.append(Field(name: name, type: type, offset: aligned, paddingBefore: aligned - offset))
            offset = aligned + type.inlineSize
            maxAlign = max(maxAlign, type.alignment)
        }
        let size = Self.roundUp(offset, to: maxAlign)
        self.fields = placed
        self.structSize = size
        self.trailingPadding = size - offset
        self.alignment = maxAlign
        self.outOfLineSize = declared.reduce(0) { $0 + $1.type.outOfLineSize }
    }

    /// Parses `ID:int64, Name:string(20), Age:int64`.
    public static func parse(_ text: String) -> Result<RecordLayout, FieldTypeError> {
        var declared: [(String, FieldType)] = []
        for part in splitTopLevel(text) {
            let piece = part.trimmingCharacters(in: .whitespaces)
            guard let colon = piece.firstIndex(of: ":") else {
                return .failure(.init(message: "expected 'Name:type' but found '\(piece)'"))
            }
            let name = piece[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { return .failure(.init(message: "a field in '\(piece)' has no name")) }
            switch FieldType.parse(String(piece[piece.index(after: colon)...])) {
            case .success(let type): declared.append((name, type))
            case .failure(let error): return .failure(.init(message: "field \(name): \(error.message)"))
            }
        }
        guard !declared.isEmpty else { return .failure(.init(message: "a record needs at least one field")) }
        // Each field is bounded, but nested slices multiply: check the total before laying it out.
        var total = 0
        for (_, type) in declared {
            guard let size = type.checkedTotalSize, size <= maximumRecordBytes - total else {
                return .failure(.init(message: "one record would take more than \(DataSize(bytes: maximumRecordBytes)), more than any container"))
            }
            total += size + 8  // room for alignment padding
        }
        return .success(RecordLayout(fields: declared))
    }

    private static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth -= 1 }
            if ch == "," && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty || !parts.isEmpty { parts.append(current) }
        return parts.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func roundUp(_ value: Int, to alignment: Int) -> Int {
        (value + alignment - 1) / alignment * alignment
    }
}

import Foundation
