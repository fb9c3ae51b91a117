import Foundation
import GRDB

extension AppDatabase {
    /// What `check` says of a file too damaged to open as a desk: SQLite's own findings, read
    /// through a read-only (and, in a read-only place, immutable) connection so the file is
    /// never touched. Each line is a fact about the file, as `check()` gives for a healthy one.
    public static func damageFindings(path: String) -> [String] {
        var findings: [String] = []
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if let handle = FileHandle(forReadingAtPath: path) {
            let header = SQLiteHeader(handle.readData(ofLength: 100))
            try? handle.close()
            if let header, let pages = header.pageCount, SQLiteHeader.looksTruncated(path: path) {
                findings.append("truncated: \(size) bytes, the header says \(pages) pages of \(header.pageSize) bytes (\(pages * header.pageSize) bytes)")
            }
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            // Immutable when nothing waits in a -wal: examining a file creates nothing beside it,
            // and the same file gives the same findings every time.
            let queue = try DatabaseQueue(path: PlaceAccess(path).sqliteName(untouched: true), configuration: config)
            defer { try? queue.close() }
            // quick_check reads every page once without cross-checking indexes: enough to name
            // the damage, and bounded on a large file.
            let rows = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(20)") }
            if rows != ["ok"] { findings += rows.map { "quick_check: \($0)" } }
        } catch let error as DatabaseError {
            findings.append("quick_check: SQLite error \(error.resultCode.rawValue): \(error.message ?? "")")
        } catch {
            findings.append("quick_check: \(error)")
        }
        return findings
    }
}
