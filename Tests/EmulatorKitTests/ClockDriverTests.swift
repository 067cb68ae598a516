import EmulatorKit
import Foundation
import Testing

/// Timed work on the virtual clock: an advance runs every occurrence it passed, in order,
/// once; the driver's own loop runs work when the clock moves without anyone settling.
@Suite("Clock driver")
struct ClockDriverTests {
    /// Fires every `period` seconds from `start`, recording each occurrence's own time.
    actor Periodic: TimedWork {
        let period: TimeInterval
        var next: Date
        var fired: [Date] = []

        init(start: Date, period: TimeInterval) {
            self.period = period
            self.next = start
        }

        func nextDue() -> Date? { next }

        func runDue(until now: Date) {
            while next <= now {
                fired.append(next)
                next = next.addingTimeInterval(period)
            }
        }
    }

    @Test("settle after an advance of 3 h runs an hourly job three times, in order, each at its own time")
    func settleRunsEachOccurrence() async throws {
        let clock = VirtualClock()
        let start = clock.now.addingTimeInterval(3_600)
        let work = Periodic(start: start, period: 3_600)
        let driver = ClockDriver(clock: clock, work: work)
        try clock.advance(by: 3 * 3_600 + 1)
        await driver.settle()
        let fired = await work.fired
        #expect(fired == [start, start.addingTimeInterval(3_600), start.addingTimeInterval(7_200)])
        await driver.settle()
        #expect(await work.fired.count == 3, "settling twice must not run anything twice")
    }

    @Test("A started driver runs due work when the clock is advanced, without settle")
    func loopWakesOnAdvance() async throws {
        let clock = VirtualClock()
        let work = Periodic(start: clock.now.addingTimeInterval(600), period: 600)
        let driver = ClockDriver(clock: clock, work: work)
        driver.start()
        defer { driver.stop() }
        #expect(await work.fired.isEmpty)
        try clock.advance(by: 601)
        var waited = 0
        while await work.fired.isEmpty, waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(await work.fired.count == 1)
    }

    @Test("A started driver runs work that falls due as real time passes")
    func loopRunsOnRealTime() async throws {
        let clock = VirtualClock()
        let work = Periodic(start: clock.now.addingTimeInterval(0.05), period: 3_600)
        let driver = ClockDriver(clock: clock, work: work)
        driver.start()
        defer { driver.stop() }
        var waited = 0
        while await work.fired.isEmpty, waited < 500 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(await work.fired.count == 1)
    }
}
