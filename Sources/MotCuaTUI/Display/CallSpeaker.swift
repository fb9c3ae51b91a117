import Foundation
import MotCuaCore

/// How the waiting room hears a call. One call at a time: the display gives the next only when
/// the speaker is no longer busy, so calls never talk over each other.
public protocol CallSpeaker: AnyObject {
    /// Still saying the last call.
    var isBusy: Bool { get }
    func announce(_ call: TicketCall)
}

/// Speaks through `espeak-ng -v vi "Mời số A mười lăm đến quầy hai"`: run as an argument list
/// (never through a shell), in a child process of its own so the screen keeps drawing; its
/// output goes to /dev/null, never onto the screen. Foundation reaps the child.
public final class EspeakSpeaker: CallSpeaker {
    public let executable: String
    private var process: Process?

    public init(executable: String) { self.executable = executable }

    public var isBusy: Bool { process?.isRunning ?? false }

    public func announce(_ call: TicketCall) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["-v", "vi", call.spoken]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            try p.run()
            process = p
        } catch {
            // A speaker that cannot start (removed since, not executable): the call still shows.
            process = nil
        }
    }

    /// The program `name` on `path` (a `PATH` value), or nil.
    public static func find(_ name: String = "espeak-ng", path: String?) -> String? {
        for dir in (path ?? "").split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Rings the terminal's bell for each call (no speech program installed).
public final class BellSpeaker: CallSpeaker {
    let terminal: Terminal
    public init(terminal: Terminal) { self.terminal = terminal }
    public var isBusy: Bool { false }
    public func announce(_ call: TicketCall) { terminal.bell() }
}

/// `--no-sound`.
public final class SilentSpeaker: CallSpeaker {
    public init() {}
    public var isBusy: Bool { false }
    public func announce(_ call: TicketCall) {}
}
