import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wakes a live screen (the board, the display, a desk) when another process writes the
/// database, without polling it: Linux inotify on the database's folder, for the file and its
/// `-wal` (a commit in WAL mode writes the `-wal`; a checkpoint writes the file). The folder is
/// watched rather than the files because SQLite creates and deletes the `-wal` as connections
/// come and go. Other files in the folder (slips, call lists) wake nothing.
///
/// The watcher only says "something may have changed": the caller still asks the store's change
/// mark, which stays the one judge (and the fallback poll where inotify is missing: `make`
/// returns nil on other systems, or when the kernel refuses another watch).
public final class ChangeWatcher {
    /// Readable when events are waiting: for poll(2) beside the terminal's input.
    public let fileDescriptor: Int32
    private let names: Set<String>

    /// A watcher for the database at `path`, or nil when inotify is not available.
    public static func make(databasePath path: String) -> ChangeWatcher? {
        #if os(Linux)
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DELETE)
        guard inotify_add_watch(fd, dir, mask) >= 0 else {
            close(fd)
            return nil
        }
        return ChangeWatcher(fd: fd, names: [name, name + "-wal"])
        #else
        return nil
        #endif
    }

    private init(fd: Int32, names: Set<String>) {
        self.fileDescriptor = fd
        self.names = names
    }

    deinit { close(fileDescriptor) }

    /// Reads every event waiting (never blocks) and says whether one concerned the database.
    /// Called after the descriptor turned readable, so poll(2) sleeps again afterwards.
    public func drain() -> Bool {
        #if os(Linux)
        var touched = false
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            touched = touched || Self.mentions(names, in: buffer[0..<n])
        }
        return touched
        #else
        return false
        #endif
    }

    /// True when one of the inotify events in `bytes` names one of `names`. An event is
    /// `struct inotify_event { int wd; uint32 mask, cookie, len; char name[len]; }`, the name
    /// NUL-padded.
    static func mentions(_ names: Set<String>, in bytes: ArraySlice<UInt8>) -> Bool {
        let b = Array(bytes)
        var offset = 0
        while offset + 16 <= b.count {
            let len = Int(b[offset + 12]) | Int(b[offset + 13]) << 8 | Int(b[offset + 14]) << 16 | Int(b[offset + 15]) << 24
            let start = offset + 16, end = min(b.count, start + len)
            let name = String(decoding: b[start..<end].prefix { $0 != 0 }, as: UTF8.self)
            if names.contains(name) { return true }
            offset = start + len
        }
        return false
    }
}
