// JMESPath (like JSON and every reference implementation) works on Unicode code points;
// Swift's String operations use grapheme clusters and canonical equivalence instead.
// These helpers keep comparisons, lengths and searches on code points.

/// Orders strings by code point, the order JMESPath's sort, min and max use.
func codePointPrecedes(_ lhs: String, _ rhs: String) -> Bool {
    lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
}

extension String {
    var codePointCount: Int { unicodeScalars.count }

    func hasCodePointPrefix(_ prefix: String) -> Bool {
        unicodeScalars.starts(with: prefix.unicodeScalars)
    }

    func hasCodePointSuffix(_ suffix: String) -> Bool {
        unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed())
    }

    func containsCodePoints(_ needle: String) -> Bool {
        let haystack = Array(unicodeScalars)
        let needle = Array(needle.unicodeScalars)
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
