import Foundation
import MotCuaStore
import Testing

/// Runs the built `motcua` binary, as a clerk's script or CI would.
struct MotcuaProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
        var object: [String: Any]? { json as? [String: Any] }
        var rows: [[String: Any]]? { json as? [[String: Any]] }
    }

    /// A child that did not finish in time: killed, and the test fails naming the command.
    struct Timeout: Error, CustomStringConvertible {
        let command: [String]
        let seconds: Double
        let stdout: String
        let stderr: String
        var description: String {
            "motcua \(command.joined(separator: " ")) did not finish in \(Int(seconds)) s and was killed; stdout: \(stdout.suffix(500)) stderr: \(stderr.suffix(500))"
        }
    }

    /// The binary sits beside the test bundle in the build folder (the test target depends on
    /// the executable, so `swift test` builds it); MOTCUA_BIN overrides.
    static var binary: String {
        if let b = ProcessInfo.processInfo.environment["MOTCUA_BIN"] { return b }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("motcua").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath + "/.build/debug/motcua"
    }

    /// Runs `motcua args…`. Both pipes are read while the child runs (a child that fills one pipe
    /// while the test waits on the other would otherwise hang), and a child still running after
    /// `timeout` seconds is killed and reported as `Timeout`.
    static func run(_ args: [String], env extra: [String: String] = [:], timeout: Double = 30) throws -> Result {
        try run(executable: binary, args, env: extra, timeout: timeout, name: args)
    }

    /// Any program (e.g. `/bin/sh -c` to pass bytes Swift strings cannot hold), same guarantees.
    static func run(executable: String, _ args: [String], env extra: [String: String] = [:], timeout: Double = 30,
                    name: [String]? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["MOTCUA_DB"] = nil
        env["USER"] = "e2e"
        env["LANG"] = "C.UTF-8"
        for (k, v) in extra { env[k] = v }
        let p = try ChildProcess(executable, args, environment: env, stdout: .pipe, stderr: .pipe)
        let stdout = p.stdoutReader, stderr = p.stderrReader
        if !p.wait(seconds: timeout) {
            p.terminate()
            if !p.wait(seconds: 2) {
                kill(p.pid, SIGKILL)
                _ = p.wait(seconds: 5)
            }
            throw Timeout(command: name ?? [executable] + args, seconds: timeout,
                          stdout: stdout?.text(waiting: 2) ?? "", stderr: stderr?.text(waiting: 2) ?? "")
        }
        return Result(status: p.terminationStatus, stdout: stdout?.text(waiting: 10) ?? "", stderr: stderr?.text(waiting: 10) ?? "")
    }
}

/// A fresh folder per test, removed by the test (`defer { folder.remove() }`); a folder a test
/// did not remove is removed when the test process exits.
struct TempFolder {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "motcua-e2e-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        LeftoverFolders.shared.add(path)
    }
    var db: String { path + "/desk.sqlite" }
    func file(_ name: String) -> String { path + "/" + name }
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
        LeftoverFolders.shared.forget(path)
    }
    /// What the folder holds (to check a refused command left nothing behind).
    var contents: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

/// Runs `motcua` on one database with a pinned clock. The test removes it:
/// `let desk = try CLIDesk(); defer { desk.remove() }`.
final class CLIDesk {
    let folder: TempFolder
    var now: String

    init(now: String = "2026-11-25 08:00") throws {
        folder = try TempFolder()
        self.now = now
    }

    func remove() { folder.remove() }

    var db: String { folder.db }

    /// `motcua args… --db DB --now NOW` (and `--json` when asked).
    @discardableResult
    func run(_ args: [String], at time: String? = nil, json: Bool = false, env: [String: String] = [:]) throws -> MotcuaProcess.Result {
        if let time { now = time }
        return try MotcuaProcess.run(args + ["--db", db, "--now", now] + (json ? ["--json"] : []), env: env)
    }

    /// Runs and expects exit 0, failing the test with stderr otherwise.
    @discardableResult
    func ok(_ args: [String], at time: String? = nil, json: Bool = false,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> MotcuaProcess.Result {
        let r = try run(args, at: time, json: json)
        #expect(r.status == 0, "motcua \(args.joined(separator: " ")) exited \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
        return r
    }

    /// A JSON object from a command that must succeed.
    func object(_ args: [String], at time: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let r = try ok(args, at: time, json: true, sourceLocation: sourceLocation)
        return try #require(r.object, "not a JSON object: \(r.stdout)", sourceLocation: sourceLocation)
    }

    /// JSON rows from a command that must succeed.
    func rows(_ args: [String], at time: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let r = try ok(args, at: time, json: true, sourceLocation: sourceLocation)
        return try #require(r.rows, "not a JSON list: \(r.stdout)", sourceLocation: sourceLocation)
    }

    /// Today's tickets (all of them) by code → status.
    func ticketStatuses() throws -> [String: String] {
        var out: [String: String] = [:]
        for row in try rows(["queue", "list", "--all"]) {
            if let t = row["ticket"] as? String { out[t] = row["status"] as? String }
        }
        return out
    }
}

/// Folders not removed by their test, removed at exit.
final class LeftoverFolders: @unchecked Sendable {
    static let shared: LeftoverFolders = {
        let registry = LeftoverFolders()
        atexit { LeftoverFolders.shared.removeAll() }
        return registry
    }()

    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func forget(_ path: String) { lock.withLock { _ = paths.remove(path) } }
    func removeAll() {
        for path in lock.withLock({ paths }) { try? FileManager.default.removeItem(atPath: path) }
    }
}
