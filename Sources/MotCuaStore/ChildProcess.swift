import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`: the print command, and the end-to-end tests'
/// children.
///
/// Foundation's `Process.run()` on Linux crashed the whole test process now and then (SIGSEGV in
/// a `memcpy` inside `Process.run`, once SIGILL), even with launches serialised; at a desk that
/// would be the clerk's program going down while printing a slip. `posix_spawn` with explicit
/// descriptors does the same job in a few lines we control: every descriptor this side opens is
/// close-on-exec, so a child (a tmux server above all) never inherits another one's pipe and
/// keeps it open.
public final class ChildProcess: @unchecked Sendable {
    /// Where a standard stream of the child goes.
    public enum Stream: Sendable {
        case null
        /// A new pipe; its reading end is `stdoutReader` / `stderrReader`.
        case pipe
        /// A file opened for writing (truncated).
        case file(String)
    }

    public let pid: pid_t
    private let lock = NSLock()
    private var rawStatus: Int32?
    /// The pipes' readers, when `.pipe` was asked.
    public private(set) var stdoutReader: OutputCollector?
    public private(set) var stderrReader: OutputCollector?

    public struct SpawnFailed: Error, CustomStringConvertible {
        public let executable: String, code: Int32
        public var description: String { "posix_spawn \(executable): \(String(cString: strerror(code)))" }
    }

    private static let spawnLock = NSLock()

    public init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
         stdout: Stream = .null, stderr: Stream = .null) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentEnds: [Int32] = []      // closed here once the child has its copies
        var readers: [Int32: Int32] = [:] // child fd → our reading end
        func open(_ stream: Stream, as target: Int32) throws {
            switch stream {
            case .null:
                let fd = Glibc.open("/dev/null", O_RDWR | O_CLOEXEC)
                posix_spawn_file_actions_adddup2(&actions, fd, target)
                parentEnds.append(fd)
            case .file(let path):
                let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw SpawnFailed(executable: path, code: errno) }
                posix_spawn_file_actions_adddup2(&actions, fd, target)
                parentEnds.append(fd)
            case .pipe:
                var fds: [Int32] = [0, 0]
                guard pipe(&fds) == 0 else { throw SpawnFailed(executable: "pipe", code: errno) }
                // Close-on-exec at once (Glibc's module has no pipe2); spawns are serialised
                // (`spawnLock`), so no other child of ours starts between the two calls.
                for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
                posix_spawn_file_actions_adddup2(&actions, fds[1], target)
                parentEnds.append(fds[1])
                readers[target] = fds[0]
            }
        }
        try open(.null, as: 0)
        try open(stdout, as: 1)
        try open(stderr, as: 2)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        let code = posix_spawn(&child, executable, &actions, nil, &argv, &envp)
        for fd in parentEnds { close(fd) }
        guard code == 0 else {
            for fd in readers.values { close(fd) }
            throw SpawnFailed(executable: executable, code: code)
        }
        pid = child
        if let fd = readers[1] { stdoutReader = OutputCollector(FileHandle(fileDescriptor: fd, closeOnDealloc: true)) }
        if let fd = readers[2] { stderrReader = OutputCollector(FileHandle(fileDescriptor: fd, closeOnDealloc: true)) }
    }

    /// Reaps the child if it has ended; true once it has.
    private func poll() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if rawStatus != nil { return true }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { rawStatus = status; return true }
        if r < 0 && errno != EINTR { rawStatus = 0; return true }   // not ours any more
        return false
    }

    /// Waits up to `seconds` for the child to end; true when it has.
    public func wait(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while !poll() {
            if Date() >= deadline { return false }
            usleep(5_000)
        }
        return true
    }

    public func waitUntilExit() { while !wait(seconds: 3600) {} }

    public var isRunning: Bool { !poll() }

    /// The exit code, or the signal's number when a signal ended it (as Foundation reports).
    public var terminationStatus: Int32 {
        let s = lock.withLock { rawStatus } ?? 0
        return s & 0x7f == 0 ? (s >> 8) & 0xff : s & 0x7f
    }

    /// True when a signal ended it.
    public var wasSignaled: Bool {
        let s = lock.withLock { rawStatus } ?? 0
        return s & 0x7f != 0 && s & 0x7f != 0x7f
    }

    public func terminate() { kill(pid, SIGTERM) }
}

/// Reads a pipe to its end on a thread of its own (a child that fills one pipe must not block
/// while we wait for it to exit).
public final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    public init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            done.signal()
        }
    }

    /// What was read, once the writer closed the pipe (or after `seconds`, what came so far: a
    /// grandchild may keep the pipe open).
    public func text(waiting seconds: Double) -> String {
        if done.wait(timeout: .now() + seconds) == .success { done.signal() }
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
