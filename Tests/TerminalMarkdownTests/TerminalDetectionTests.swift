import Testing
@testable import TerminalMarkdown

@Suite struct TerminalDetectionTests {
    func detect(tty: Bool = true, _ env: [String: String] = ["TERM": "xterm-256color"], window: Int? = 120) -> RenderOptions {
        RenderOptions.detect(isTTY: tty, environment: env, windowWidth: window)
    }

    @Test func colourOnATerminal() {
        #expect(detect().color)
        #expect(detect(["TERM": "xterm", "NO_COLOR": ""]).color, "an empty NO_COLOR does not disable colour")
        #expect(detect([:]).color, "TERM unset is not dumb")
    }

    @Test func noColourWhenPipedNoColorOrDumb() {
        #expect(!detect(tty: false).color)
        #expect(!detect(["NO_COLOR": "1"]).color)
        #expect(!detect(["NO_COLOR": "false"]).color, "any non-empty value disables colour")
        #expect(!detect(["TERM": "dumb"]).color)
    }

    @Test func widthFromColumnsThenWindowThenDefault() {
        #expect(detect(["COLUMNS": "100"], window: 120).width == 100)
        #expect(detect(["COLUMNS": " 72 "], window: nil).width == 72)
        #expect(detect(["COLUMNS": "wide"], window: 120).width == 120)
        #expect(detect(["COLUMNS": "0"], window: 90).width == 90)
        #expect(detect([:], window: 120).width == 120)
        #expect(detect([:], window: nil).width == 80)
        #expect(detect([:], window: 0).width == 80)
    }

    @Test func widthIsClampedToTwenty() {
        #expect(detect(["COLUMNS": "5"]).width == 20)
        #expect(detect([:], window: 12).width == 20)
    }

    @Test func detectionFromEnvironmentValue() {
        let terminal = TerminalEnvironment(isTTY: false, environment: ["COLUMNS": "66"], windowWidth: nil)
        #expect(RenderOptions.detect(terminal) == RenderOptions(width: 66, color: false))
    }

    @Test func realProcessDetectionIsSane() {
        let options = RenderOptions.detect()
        #expect(options.width >= 20)
    }
}
