import EmulatorKit
import Foundation
import Testing

@Suite struct RandomUUIDTests {
    @Test func isAVersionFourUUIDInLowercase() {
        let text = UUID.random().lowercasedString
        #expect(text.count == 36)
        #expect(UUID(uuidString: text) != nil)
        let characters = Array(text)
        #expect(characters[14] == "4")
        #expect("89ab".contains(characters[19]))
        #expect(text == text.lowercased())
    }

    @Test func formatsLikeFoundation() {
        let uuid = UUID()
        #expect(uuid.lowercasedString == uuid.uuidString.lowercased())
    }

    @Test func doesNotRepeat() {
        let ids = Set((0..<10_000).map { _ in UUID.random() })
        #expect(ids.count == 10_000)
    }
}
