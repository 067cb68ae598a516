import Foundation

/// With `HANDSON_TRACE_STARTUP=1`, prints how long each start-up phase of `handson serve`
/// took (to stderr): milliseconds since the process started (the kernel's clock tick, so within
/// 10 ms) and the wall-clock time, for a caller that noted when it ran the command. It shows
/// what bench/sqs's start-up figure is made of. Off, it costs one environment lookup.
public enum StartupTrace {
    private static let enabled = getenv("HANDSON_TRACE_STARTUP").map { String(cString: $0) } == "1"
    private static let processStart: Double = processStartTime() ?? Date().timeIntervalSince1970

    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let now = Date().timeIntervalSince1970
        let line = String(format: "startup %7.1f ms  at %.6f  %@\n", (now - processStart) * 1000, now, phase())
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The process's start (wall clock), from the kernel's boot-relative start tick.
    private static func processStartTime() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let afterName = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]),
              let uptime = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let secondsSinceBoot = Double(uptime.split(separator: " ")[0]) else { return nil }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return Date().timeIntervalSince1970 - secondsSinceBoot + ticks / ticksPerSecond
    }
}
