import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The facts about the output terminal that decide `RenderOptions`, gathered in one value so the
/// decision itself (`RenderOptions.detect`) is a pure, testable function.
public struct TerminalEnvironment: Sendable, Equatable {
    public var isTTY: Bool
    public var environment: [String: String]
    /// Columns reported by `ioctl(TIOCGWINSZ)`, nil when unavailable (not a terminal).
    public var windowWidth: Int?

    public init(isTTY: Bool, environment: [String: String], windowWidth: Int?) {
        self.isTTY = isTTY
        self.environment = environment
        self.windowWidth = windowWidth
    }

    /// Reads the real process: `isatty`, the environment and the window size of `fileDescriptor`.
    public static func current(fileDescriptor: Int32 = STDOUT_FILENO) -> TerminalEnvironment {
        TerminalEnvironment(
            isTTY: isatty(fileDescriptor) != 0,
            environment: ProcessInfo.processInfo.environment,
            windowWidth: windowColumns(fileDescriptor))
    }

    private static func windowColumns(_ fd: Int32) -> Int? {
        var size = winsize()
        #if canImport(Darwin)
        let result = ioctl(fd, TIOCGWINSZ, &size)
        #else
        let result = ioctl(fd, UInt(TIOCGWINSZ), &size)
        #endif
        guard result == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

extension RenderOptions {
    /// Colour only on a TTY, unless `NO_COLOR` is set to anything non-empty (https://no-color.org)
    /// or `TERM=dumb`. Width from `COLUMNS`, else the window size, else 80; never below 20.
    public static func detect(isTTY: Bool, environment: [String: String], windowWidth: Int?) -> RenderOptions {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        let columns = environment["COLUMNS"]
            .flatMap { Int($0.trimmingSpaces()) }
            .flatMap { $0 > 0 ? $0 : nil }
        let width = columns ?? windowWidth.flatMap { $0 > 0 ? $0 : nil } ?? defaultWidth
        return RenderOptions(width: max(width, minimumWidth), color: isTTY && !noColor && !dumb)
    }

    public static func detect(_ terminal: TerminalEnvironment) -> RenderOptions {
        detect(isTTY: terminal.isTTY, environment: terminal.environment, windowWidth: terminal.windowWidth)
    }

    /// Options for this process's standard output.
    public static func detect() -> RenderOptions {
        detect(TerminalEnvironment.current())
    }
}
