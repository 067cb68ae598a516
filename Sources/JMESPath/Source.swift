/// The expression being compiled, viewed as Unicode scalars for lexing.
///
/// Lexing works on scalars, not Characters: a quote followed by a combining mark would
/// otherwise fuse into one grapheme and hide the delimiter. Error offsets are reported in
/// Characters, since that is what an editor's column means.
struct Source {
    let text: String
    let scalars: [Unicode.Scalar]

    init(_ text: String) {
        self.text = text
        self.scalars = Array(text.unicodeScalars)
    }

    /// The Character offset containing the given scalar offset (or the end of the text).
    func characterOffset(ofScalar scalarOffset: Int) -> Int {
        var scalarsSeen = 0
        var characters = 0
        for character in text {
            let next = scalarsSeen + character.unicodeScalars.count
            if next > scalarOffset { return characters }
            scalarsSeen = next
            characters += 1
        }
        return characters
    }

    func error(_ kind: JMESPathError.Kind, _ message: String, atScalar scalarOffset: Int) -> JMESPathError {
        JMESPathError(kind: kind, message: message, offset: characterOffset(ofScalar: scalarOffset))
    }
}
