import Foundation
import TerminalMarkdown

/// Where output goes and how it looks: colour only on a TTY and never with NO_COLOR.
enum Terminal {
    static var renderOptions: RenderOptions {
        RenderOptions.detect()
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
