import Foundation
import GRDB
import MotCuaCore

/// The desk's workload at a glance: how many dossiers fall due today and how many are late,
/// for the header and the desk's first look of the day. Counted in SQL through the
/// `dossiers_status_due (status, due_date)` index, never by loading the register.
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

    /// One pass over the index: `status IN (…) AND due_date <= today` is one range per status in
    /// `dossiers_status_due`, and both columns it sums are in the index (a covering index search;
    /// the table is not read).
    static func dueCountsSQL(today: LocalDate) -> (String, StatementArguments) {
        let statuses = DossierStatus.inProgressStatuses.map(\.rawValue).sorted()
        let marks = Array(repeating: "?", count: statuses.count).joined(separator: ",")
        let sql = """
            SELECT COALESCE(SUM(due_date = ?), 0) AS due_today, COALESCE(SUM(due_date < ?), 0) AS overdue
            FROM dossiers WHERE status IN (\(marks)) AND due_date <= ?
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
