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
/// output goes to /dev/null, never onto the screen.
///
/// A speech program can hang (a stuck sound device) or fail (no Vietnamese voice installed):
/// each utterance gets `timeLimit` seconds, after which it is killed and the next call goes on,
/// and a call that was not said (failed, timed out, or could not start) rings the `fallback`
/// (the bell) instead, so no call passes in silence.
///
/// Started with `posix_spawn` in a process group of its own, not Foundation's `Process`: the
/// whole group (a wrapper script and what it started) can then be killed at once, and the
/// child is reaped here with `waitpid` (Foundation's `Process.run` also crashed when launches
/// raced in one process; see the end-to-end tests' `ProcessLaunch`).
public final class EspeakSpeaker: CallSpeaker {
    public let executable: String
    public let timeLimit: TimeInterval
    private let fallback: CallSpeaker?
    private var child: pid_t = 0
    private var current: TicketCall?
    private var startedAt = Date.distantPast
    public private(set) var notice: Localized?

    public init(executable: String, timeLimit: TimeInterval = 10, fallback: CallSpeaker? = nil) {
        self.executable = executable; self.timeLimit = timeLimit; self.fallback = fallback
    }

    /// Also where an utterance is judged: the display asks this at every look while speaking.
    public var isBusy: Bool {
        guard child > 0 else { return false }
        var status: Int32 = 0
        let r = waitpid(child, &status, WNOHANG)
        if r == 0 {
            guard Date().timeIntervalSince(startedAt) > timeLimit else { return true }
            killChild()
            unheard(Localized(vi: "espeak-ng không trả lời sau \(Int(timeLimit)) giây: dùng chuông",
                              en: "espeak-ng hung for \(Int(timeLimit)) s: ringing the bell"))
            return false
        }
        child = 0
        // Exited normally (no signal) with status 0: said. Anything else: not heard.
        let exitedCleanly = r > 0 && status & 0x7f == 0
        let code = (status >> 8) & 0xff
        if !exitedCleanly || code != 0 {
            unheard(Localized(vi: "espeak-ng lỗi (mã \(code)): dùng chuông", en: "espeak-ng failed (status \(code)): ringing the bell"))
        } else {
            current = nil
        }
        return false
    }

    public func announce(_ call: TicketCall) {
        current = call
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attr, 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Its output (and anything it asks) never reaches the screen.
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let words: [String] = [executable, "-v", "vi", call.spoken]
        let args: [UnsafeMutablePointer<CChar>?] = words.map { word in word.withCString { strdup($0) } } + [nil]
        defer { for a in args { free(a) } }
        var pid: pid_t = 0
        if posix_spawn(&pid, executable, &actions, &attr, args, environ) == 0 {
            child = pid
            startedAt = Date()
        } else {
            // A speaker that cannot start (removed since, not executable): the call still shows,
            // and rings.
            child = 0
            unheard(Localized(vi: "không chạy được espeak-ng: dùng chuông", en: "cannot run espeak-ng: ringing the bell"))
        }
    }

    public func stop() {
        if child > 0 { killChild() }
        current = nil
    }

    private func unheard(_ why: Localized) {
        if let call = current { fallback?.announce(call) }
        current = nil
        notice = why
    }

    /// Kills the utterance's whole process group and reaps the child.
    private func killChild() {
        _ = kill(-child, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(child, &status, 0)
        child = 0
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
