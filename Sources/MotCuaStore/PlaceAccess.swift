import Foundation

/// Whether the database's file and folder can be written, asked of the kernel (`access(2)`), so
/// a read-only mount counts even for root, who ignores the permission bits.
struct PlaceAccess {
    let path: String
    init(_ path: String) { self.path = path }

    var folder: String { URL(fileURLWithPath: path).deletingLastPathComponent().path }
    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// SQLite needs both: the file for its pages, the folder for the `-wal` and `-shm` files.
    var isWritable: Bool {
        access(folder, W_OK) == 0 && (!exists || access(path, W_OK) == 0)
    }

    /// A WAL database is read through its `-shm` index, which SQLite must find or create beside
    /// it. In a folder nobody can write and with no `-wal` beside the file, no writer can exist
    /// (a writer must create the `-wal` there first), so the file cannot change while we read:
    /// then, and only then, it is opened `immutable`, which reads without any `-shm`. Elsewhere a
    /// plain read-only connection is right, since another process may be writing.
    var needsImmutableRead: Bool {
        access(folder, W_OK) != 0 && !FileManager.default.fileExists(atPath: path + "-wal")
    }

    /// The name SQLite opens: the path itself, or a `file:` URI with `immutable=1` (the system
    /// SQLite is built with URI filenames on).
    var sqliteName: String {
        guard needsImmutableRead else { return path }
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:" + escaped + "?immutable=1"
    }
}
