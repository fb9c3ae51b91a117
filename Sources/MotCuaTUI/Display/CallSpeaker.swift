import Foundation
#if canImport(Glibc)
import Glibc
#endif
import MotCuaCore

/// How the waiting room hears a call. One call at a time: the display gives the next only when
/// the speaker is no longer busy, so calls never talk over each other.
public protocol CallSpeaker: AnyObject {
    /// Still saying the last call.
    var isBusy: Bool { get }
    func announce(_ call: TicketCall)
    /// Stops a call being said (the display quits): nothing may outlive the display.
    func stop()
    /// Said once on the screen when the calls cannot be heard as intended (speech fails and
    /// the bell rings instead); nil while all is well.
    var notice: Localized? { get }
}

extension CallSpeaker {
    public func stop() {}
    public var notice: Localized? { nil }
}

/// Speaks through `espeak-ng -v vi "Mời số A mười lăm đến quầy hai"`: run as an argument list
/// (never through a shell), in a child process of its own so the screen keeps drawing; its
/// output goes to /dev/null, never onto the screen. Foundation reaps the child.
///
/// A speech program can hang (a stuck sound device) or fail (no Vietnamese voice installed):
/// each utterance gets `timeLimit` seconds, after which it is killed and the next call goes on,
/// and a call that was not said (failed, timed out, or could not start) rings the `fallback`
/// (the bell) instead, so no call passes in silence.
public final class EspeakSpeaker: CallSpeaker {
    public let executable: String
    public let timeLimit: TimeInterval
    private let fallback: CallSpeaker?
    private var process: Process?
    private var current: TicketCall?
    private var startedAt = Date.distantPast
    public private(set) var notice: Localized?

    public init(executable: String, timeLimit: TimeInterval = 10, fallback: CallSpeaker? = nil) {
        self.executable = executable; self.timeLimit = timeLimit; self.fallback = fallback
    }

    /// Also where an utterance is judged: the display asks this at every look while speaking.
    public var isBusy: Bool {
        guard let p = process else { return false }
        if p.isRunning {
            guard Date().timeIntervalSince(startedAt) > timeLimit else { return true }
            kill(p)
            process = nil
            unheard(Localized(vi: "espeak-ng không trả lời sau \(Int(timeLimit)) giây: dùng chuông",
                              en: "espeak-ng hung for \(Int(timeLimit)) s: ringing the bell"))
            return false
        }
        process = nil
        if p.terminationReason != .exit || p.terminationStatus != 0 {
            unheard(Localized(vi: "espeak-ng lỗi (mã \(p.terminationStatus)): dùng chuông",
                              en: "espeak-ng failed (status \(p.terminationStatus)): ringing the bell"))
        }
        return false
    }

    public func announce(_ call: TicketCall) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = ["-v", "vi", call.spoken]
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do {
            current = call
            try p.run()
            process = p
            startedAt = Date()
        } catch {
            // A speaker that cannot start (removed since, not executable): the call still shows,
            // and rings.
            process = nil
            unheard(Localized(vi: "không chạy được espeak-ng: dùng chuông", en: "cannot run espeak-ng: ringing the bell"))
        }
    }

    public func stop() {
        if let p = process, p.isRunning { kill(p) }
        process = nil
    }

    private func unheard(_ why: Localized) {
        if let call = current { fallback?.announce(call) }
        current = nil
        notice = why
    }

    /// Kills the utterance and whatever it started (a wrapper script's own children): Foundation
    /// starts the child as the leader of its own process group, so the group goes at once.
    private func kill(_ p: Process) {
        let pid = p.processIdentifier
        if pid > 0, getpgid(pid) == pid { _ = Glibc.kill(-pid, SIGKILL) } else if pid > 0 { _ = Glibc.kill(pid, SIGKILL) }
        p.waitUntilExit()
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
    let terminal: any Terminal
    public init(terminal: any Terminal) { self.terminal = terminal }
    public var isBusy: Bool { false }
    public func announce(_ call: TicketCall) { terminal.bell() }
}

/// `--no-sound`.
public final class SilentSpeaker: CallSpeaker {
    public init() {}
    public var isBusy: Bool { false }
    public func announce(_ call: TicketCall) {}
}
