import Foundation
import GRDB
import MotCuaCore

extension AppDatabase {
    /// SQLite's own checks plus the desk's invariants. An empty list means healthy.
    public func check() throws -> [String] {
        try read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems += integrity.map { "integrity_check: \($0)" } }
            let fk = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += fk.map { "foreign_key_check: \($0["table"] as String? ?? "?") rowid \($0["rowid"] as Int64? ?? 0)" }
            for row in try Row.fetchAll(db, sql: "SELECT code, status, due_date, received_at FROM dossiers") {
                let code: String = row["code"]
                if DossierStatus(rawValue: row["status"]) == nil { problems.append("dossier \(code): unknown status") }
                guard let due = row.localDate("due_date"), let received = row.date("received_at") else {
                    problems.append("dossier \(code): bad date"); continue
                }
                if due < VietnamTime.local(received).date { problems.append("dossier \(code): due date before received date") }
            }
            for row in try Row.fetchAll(db, sql: "SELECT day, series, number, status FROM tickets") {
                if Ticket.Status(rawValue: row["status"]) == nil {
                    problems.append("ticket \(row["day"] as String? ?? "")/\(row["series"] as String? ?? "")\(row["number"] as Int? ?? 0): unknown status")
                }
            }
            // A dossier whose applicant record carries another name, with no audited correction:
            // the trace of a citizen renamed silently (an older version did that on a shared CCCD).
            let corrected = Set(try String.fetchAll(db, sql: "SELECT DISTINCT entity_key FROM events WHERE entity = 'applicant' AND action = 'correct'"))
            for row in try Row.fetchAll(db, sql: """
                SELECT d.code, d.applicant_name, a.name, a.id FROM dossiers d JOIN applicants a ON a.id = d.applicant_id
                """) {
                let id: Int64 = row["id"]
                let dossierName: String = row["applicant_name"], fileName: String = row["name"]
                if !corrected.contains(String(id)), VietnameseText.fold(dossierName) != VietnameseText.fold(fileName) {
                    problems.append("dossier \(row["code"] as String? ?? "?"): applicant '\(dossierName)' but the record \(id) with its CCCD says '\(fileName)' (renamed without an audited correction)")
                }
            }
            // Every code of the catalog has its versions (issue 9): the day's lookups read them.
            for code in try String.fetchAll(db, sql: """
                SELECT code FROM procedures p WHERE NOT EXISTS (SELECT 1 FROM procedure_versions v WHERE v.code = p.code)
                """) {
                problems.append("procedure \(code): no version in procedure_versions")
            }
            let dupes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT day, series, number FROM tickets GROUP BY 1,2,3 HAVING COUNT(*) > 1)") ?? 0
            if dupes > 0 { problems.append("tickets: \(dupes) duplicated numbers") }
            return problems
        }
    }
}
