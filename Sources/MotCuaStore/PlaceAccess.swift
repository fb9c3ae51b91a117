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
    /// it. In a folder nobody can write, or on a disk with no byte free, and with no `-wal`
    /// beside the file, no writer can exist (a writer must first create and write the `-wal`
    /// there), so the file cannot change while we read: then, and only then, it is opened
    /// `immutable`, which reads without any `-shm`. Elsewhere a plain read-only connection is
    /// right, since another process may be writing.
    /// On a full disk an empty `-wal` (left by a write that failed) counts as none: a writer
    /// would need new blocks to put a frame in it. In a read-only folder it does not, since a
    /// writer allowed to write that file could still fill it.
    func needsImmutableRead(diskFull: Bool = false) -> Bool {
        let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        if diskFull { return wal == nil || wal?.intValue == 0 }
        return access(folder, W_OK) != 0 && wal == nil
    }

    /// The name SQLite opens: the path itself, or a `file:` URI with `immutable=1` (the system
    /// SQLite is built with URI filenames on).
    /// - Parameter untouched: a file to examine, not to work in (a damaged file, a backup):
    ///   opened immutable whenever no `-wal` holds changes for it, so nothing is created beside it.
    func sqliteName(diskFull: Bool = false, untouched: Bool = false) -> String {
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue ?? 0
        guard needsImmutableRead(diskFull: diskFull) || (untouched && walSize == 0) else { return path }
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:" + escaped + "?immutable=1"
    }
}
