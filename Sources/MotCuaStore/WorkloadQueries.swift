import Foundation
import GRDB
import MotCuaCore

/// The desk's workload at a glance: how many dossiers fall due today and how many are late,
/// for the header, the desk's first look of the day and the command line. Counted in SQL through
/// the `dossiers_status_late (status, COALESCE(original_due_date, due_date))` index, never by
/// loading the register. Late is judged on the first date promised (`Dossier.lateAfter`): an
/// apology moves the due date but the dossier stays counted late.
extension AppDatabase {
    /// Dossiers still being resolved (`DossierStatus.inProgressStatuses`, as `Dossier.isOverdue`
    /// counts them) due on `today`, and due before it (overdue). A result ready but not
    /// collected is resolved, so it is in neither count.
    public func dueCounts(today: LocalDate) throws -> (dueToday: Int, overdue: Int) {
        let (sql, args) = Self.dueCountsSQL(today: today)
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: sql, arguments: args) else { return (0, 0) }
            let dueToday: Int = row["due_today"] ?? 0
            let overdue: Int = row["overdue"] ?? 0
            return (dueToday, overdue)
        }
    }

    /// One pass over the index: `status IN (…) AND <late after> <= today` is one range per
    /// status in `dossiers_status_late`: only in-progress rows due by today are read.
    static func dueCountsSQL(today: LocalDate) -> (String, StatementArguments) {
        let statuses = DossierStatus.inProgressStatuses.map(\.rawValue).sorted()
        let marks = Array(repeating: "?", count: statuses.count).joined(separator: ",")
        let late = DossierQuery.lateAfterSQL
        let sql = """
            SELECT COALESCE(SUM(\(late) = ?), 0) AS due_today, COALESCE(SUM(\(late) < ?), 0) AS overdue
            FROM dossiers WHERE status IN (\(marks)) AND \(late) <= ?
            """
        return (sql, StatementArguments([today.iso, today.iso] + statuses + [today.iso]))
    }

    /// The query plan of `dueCounts` (for the test that keeps it on the index).
    func dueCountsPlan(today: LocalDate) throws -> [String] {
        let (sql, args) = Self.dueCountsSQL(today: today)
        return try read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: args).map { $0["detail"] ?? "" }
        }
    }
}
