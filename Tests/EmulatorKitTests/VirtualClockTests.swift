import EmulatorKit
import Foundation
import Testing

@Suite("Virtual clock bounds")
struct VirtualClockTests {
    @Test(arguments: [-1, .nan, .infinity, 1e17, VirtualClock.maximumOffset + 1])
    func advancesOutsideTheRangeAreRefused(seconds: Double) {
        let clock = VirtualClock()
        #expect(throws: VirtualClock.OutOfRange.self) { try clock.advance(by: seconds) }
        #expect(clock.offsetSeconds == 0)
    }

    @Test func theRangeIsATotalNotPerAdvance() throws {
        let clock = VirtualClock()
        try clock.advance(by: VirtualClock.maximumOffset - 10)
        #expect(throws: VirtualClock.OutOfRange.self) { try clock.advance(by: 11) }
        try clock.advance(by: 10)
        #expect(clock.offsetSeconds == VirtualClock.maximumOffset)
        // The furthest time still converts to epoch milliseconds without overflow.
        #expect(Int64(exactly: (clock.now.timeIntervalSince1970 * 1000).rounded(.down)) != nil)
    }

    @Test func persistedOffsetsOutsideTheRangeAreBroughtBack() {
        let clock = VirtualClock()
        clock.restore(offset: 1e17)
        #expect(clock.offsetSeconds == VirtualClock.maximumOffset)
        clock.restore(offset: -5)
        #expect(clock.offsetSeconds == 0)
        clock.restore(offset: .nan)
        #expect(clock.offsetSeconds == 0)
    }

    @Test func aDatabaseWithAnOutOfRangeOffsetStillOpens() async throws {
        let database = try AppDatabase.inMemory(migrations: [])
        try await database.commits.write { db in try AppDatabase.storeClockOffset(1e17, in: db) }
        let clock = VirtualClock()
        try await database.attach(clock: clock)
        #expect(clock.offsetSeconds == VirtualClock.maximumOffset)
    }
}
