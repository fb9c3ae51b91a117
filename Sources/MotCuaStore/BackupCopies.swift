import Foundation
import GRDB

/// Copies through SQLite's online backup API: a consistent snapshot (committed transactions
/// only, the WAL included) while desks keep writing, and a copy *into* a live database is one
/// transaction on it, so a kill leaves it as it was.
extension AppDatabase {
    /// Writes a copy to `destination`: built beside it under a temporary name, checked, then
    /// renamed into place, so a half-written copy never carries the final name.
    public func backup(to destination: String) throws {
        let partial = destination + ".partial"
        Self.removeFileAndCompanions(partial)
        defer { Self.removeFileAndCompanions(partial) }
        do {
            let copy = try DatabaseQueue(path: partial)
            try pool.backup(to: copy)
            // A backup is a file to keep, not a live database: a rollback journal, so opening
            // it to check or restore leaves no -wal/-shm beside it (a trial found them piling up).
            try copy.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        } catch let error as DatabaseError {
            throw Self.translated(error, path: destination)
        }
        let findings = Self.damageFindings(path: partial)
        guard findings.isEmpty else {
            throw StoreError("Bản sao '\(destination)' không đạt kiểm tra: \(findings.joined(separator: "; "))",
                             "The copy '\(destination)' fails its check: \(findings.joined(separator: "; "))", databaseFailure: true)
        }
        guard rename(partial, destination) == 0 else {
            throw StoreError.diskFull(destination)
        }
    }

    /// Replaces this database's whole content by `source`'s, in one transaction: other desks
    /// that have the file open see the new content at their next read.
    public func replaceContents(with source: AppDatabase) throws {
        if let writeRefusal { throw writeRefusal }
        try translatingErrors { try source.pool.backup(to: pool) }
    }

    /// Closes every connection (the WAL is checkpointed and removed when the last one closes).
    public func close() throws {
        try pool.close()
    }

    static func removeFileAndCompanions(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
