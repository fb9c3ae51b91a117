import Foundation
import MotCuaStore
import Testing

/// A tmux session (80×24 unless resized) running one command, for the desk's terminal tests.
///
/// Every wait is a named step with a short timeout: a step whose screen does not appear fails
/// the test at once with the step's name and the screen as captured. Every tmux client has a
/// timeout, and the session and its folder (the command's stderr file and anything else the
/// test puts there) are removed by `stop()`, which the test calls in a `defer`.
final class Tmux {
    let session = "motcua-e2e-\(UUID().uuidString.prefix(8))"
    /// A folder of this session's own, removed with it.
    let folder: TempFolder

    init() throws { folder = try TempFolder() }

    /// Where a test sends the desk's standard error (removed by `stop()`).
    var errorFile: String { folder.file("desk.err") }

    /// A step that did not show on the screen in time.
    struct StepNotShown: Error, CustomStringConvertible {
        let step: String
        let seconds: Double
        let screen: String
        var description: String {
            "tmux step \"\(step)\" did not appear within \(String(format: "%.0f", seconds)) s; the screen was:\n\(screen)"
        }
    }

    /// A tmux client that failed or hung.
    struct CommandFailed: Error, CustomStringConvertible {
        let command: [String]
        let problem: String
        var description: String { "tmux \(command.joined(separator: " ")): \(problem)" }
    }

    /// Runs a tmux client, killed after `timeout` seconds. Its output and errors go through files,
    /// not pipes: the first client starts the tmux server, which may keep an inherited pipe open
    /// forever. With `check`, a non-zero exit is an error naming the command and what it said.
    @discardableResult
    func run(_ args: [String], timeout: Double = 10, check: Bool = true) throws -> String {
        let out = folder.file("tmux-\(UUID().uuidString).out"), err = folder.file("tmux-\(UUID().uuidString).err")
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: err)
        }
        let p = try ChildProcess("/usr/bin/env", ["tmux"] + args, stdout: .file(out), stderr: .file(err))
        if !p.wait(seconds: timeout) {
            p.terminate()
            if !p.wait(seconds: 2) { kill(p.pid, SIGKILL); _ = p.wait(seconds: 2) }
            throw CommandFailed(command: args, problem: "did not finish in \(Int(timeout)) s and was killed")
        }
        let output = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        if check && p.terminationStatus != 0 {
            let said = (try? String(contentsOfFile: err, encoding: .utf8)) ?? ""
            throw CommandFailed(command: args, problem: "exited \(p.terminationStatus): \(said)")
        }
        return output
    }

    /// Starts the session, or fails naming what did not start. The client that starts the tmux
    /// server hands it an inherited descriptor that Foundation's wait would watch, so that wait
    /// would last as long as the server: launch without waiting and poll for the session instead.
    func start(_ command: String, env: [String: String]) throws {
        let exports = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
        let p = try ChildProcess("/usr/bin/env",
                                 ["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "env \(exports) \(command); sleep 30"])
        // Reaped in the background: the client ends once the server has the session.
        Thread.detachNewThread { p.waitUntilExit() }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if (try? run(["list-sessions", "-F", "#{session_name}"], check: false))?.contains(session) == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        if p.isRunning { p.terminate() }
        throw CommandFailed(command: ["new-session", "-s", session], problem: "the session did not start within 10 s")
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }
    func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// Ends the session (and the desk in it) and removes the session's folder; for `defer`.
    func stop() {
        _ = try? run(["kill-session", "-t", session], check: false)
        folder.remove()
    }

    /// Polls the screen until `shown` holds (the desk redraws within a second) and returns that
    /// screen; after `seconds` the test fails with the step's name and the last screen.
    @discardableResult
    func step(_ name: String, seconds: Double = 10, _ shown: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while true {
            last = try screen()
            if shown(last) { return last }
            if Date() >= deadline { throw StepNotShown(step: name, seconds: seconds, screen: last) }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// The common step: `text` shows on the screen.
    @discardableResult
    func step(_ name: String, shows text: String, seconds: Double = 10) throws -> String {
        try step(name, seconds: seconds) { $0.contains(text) }
    }
}
