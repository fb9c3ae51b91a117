import MotCuaStore

/// How a live screen's loop waits: on "a key or a change" rather than a key with a 1 s poll.
///
/// The loop sleeps in poll(2) on the terminal's input and the watcher's descriptor together
/// (`Terminal.readKey(timeoutMs:wakeOn:)`), so an idle screen uses no CPU, and a write by
/// another process wakes it at once. The store's change mark stays the judge of what changed.
/// A wake-up can come a moment before the commit is visible (SQLite writes the `-wal` before
/// it publishes the commit in the shared index, and after an fsync): for a short while after
/// each wake-up the loop looks again every `settleMs`. Otherwise it waits `idleMs` between
/// looks, a safety net (a missed event, the clock's minute) that costs one small query.
public final class ChangeWake {
    public let watcher: ChangeWatcher
    /// Between looks while nothing happens.
    public var idleMs: Int
    /// Between looks just after a wake-up, for `settleWindowMs`.
    public var settleMs = 100
    public var settleWindowMs = 500
    private var settleUntil: ContinuousClock.Instant?

    public init(watcher: ChangeWatcher, idleMs: Int = 2000) {
        self.watcher = watcher
        self.idleMs = idleMs
    }

    /// A watcher on the database at `path`, or nil where inotify is missing (the caller polls).
    public static func make(databasePath path: String, idleMs: Int = 2000) -> ChangeWake? {
        ChangeWatcher.make(databasePath: path).map { ChangeWake(watcher: $0, idleMs: idleMs) }
    }

    public var fileDescriptor: Int32 { watcher.fileDescriptor }

    /// The next wait: short while settling after a wake-up, else the idle wait.
    public func timeoutMs() -> Int {
        if let until = settleUntil, ContinuousClock.now < until { return settleMs }
        settleUntil = nil
        return idleMs
    }

    /// The wait ended without a key: take the events, and settle when the database moved.
    public func woke() {
        if watcher.drain() { settleUntil = ContinuousClock.now + .milliseconds(settleWindowMs) }
    }
}
