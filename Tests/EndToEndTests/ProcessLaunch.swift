import Foundation

/// Starts child processes one at a time. Foundation's `Process.run()` on Linux crashed the test
/// process (SIGSEGV in a `memcpy` inside `Process.run`, and once SIGILL) when tests running in
/// parallel launched children at the same moment; the launch itself is quick, so serialising it
/// costs nothing while the children still run side by side.
enum ProcessLaunch {
    private static let lock = NSLock()

    static func start(_ process: Process) throws {
        lock.lock()
        defer { lock.unlock() }
        try process.run()
    }
}
