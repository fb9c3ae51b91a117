import Foundation
import GRDB
import MotCuaCore

/// The rows a period's statistics are computed from (`Report.build` in MotCuaCore does the
/// counting). One read transaction, so the dossiers, tickets and appointments are of the same
/// moment; nothing is written.
extension AppDatabase {
    public func reportRows(period: ReportPeriod) throws -> ReportRows {
        let (sql, args) = Self.reportDossiersSQL(period)
        return try read { db in
            let rows = try Row.fetchAll(db, sql: sql, arguments: args)
            let columns = rows.first.map(IndexedRow.columns) ?? [:]
            let dossiers = try rows.map { row in
                let r = IndexedRow(row: row, columns: columns)
                return ReportDossier(dossier: try DossierRow.decode(r), catalogName: r["catalog_name"], catalogField: r["catalog_field"])
            }
            // Through `tickets_today (day, status)` and `appointments_day (day, start_minute)`.
            let tickets = try Row.fetchAll(db, sql: "SELECT * FROM tickets WHERE day BETWEEN ? AND ? ORDER BY day, issued_at, id",
                                           arguments: [period.start.iso, period.end.iso]).map(TicketRow.decode)
            let appointments = try Row.fetchAll(db, sql: "SELECT * FROM appointments WHERE day BETWEEN ? AND ? ORDER BY day, start_minute, id",
                                                arguments: [period.start.iso, period.end.iso]).map(AppointmentRow.decode)
            return ReportRows(dossiers: dossiers, tickets: tickets, appointments: appointments)
        }
    }

    /// The dossiers that can count in the period: received before its end, and not finished
    /// (result ready, or closed without one) before its start. Finished = `COALESCE(ready_at,
    /// closed_at)`, as `DossierStatistics` judges it; instants are stored as +07:00 text, so the
    /// start of a Vietnam day compares as text. Cost follows the period, not the history: three
    /// index reads — received in the period (`dossiers_received`), never finished, and finished
    /// since the start (`dossiers_finished`, migration v12) — so a month's report on a ten-year
    /// file reads a month's dossiers and the open ones, not the ten years.
    static func reportDossiersSQL(_ period: ReportPeriod) -> (String, StatementArguments) {
        let finished = "COALESCE(ready_at, closed_at)"
        let sql = """
            SELECT d.*, p.name AS catalog_name, p.field AS catalog_field
            FROM dossiers d LEFT JOIN procedures p ON p.code = d.procedure_code
            WHERE d.id IN (
                SELECT id FROM dossiers WHERE received_at >= ? AND received_at < ?
                UNION SELECT id FROM dossiers WHERE \(finished) IS NULL AND received_at < ?
                UNION SELECT id FROM dossiers WHERE \(finished) >= ? AND received_at < ?)
            ORDER BY d.received_at, d.id
            """
        let start = Timestamp.startOf(period.start), end = Timestamp.startOf(period.end.adding(days: 1))
        return (sql, [start, end, end, start, end])
    }

    /// The query plan of the dossier read (for the test that keeps it on an index).
    public func reportQueryPlan(period: ReportPeriod) throws -> [String] {
        let (sql, args) = Self.reportDossiersSQL(period)
        return try read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: args).map { $0["detail"] ?? "" }
        }
    }
}

extension DeskStore {
    /// The period's statistics, counted as of `today` (the period's end, or today while it runs).
    public func report(period: ReportPeriod, today: LocalDate, calendar: WorkingCalendar) throws -> Report {
        Report.build(try reportRows(period: period), period: period, today: today, calendar: calendar)
    }
}
