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
            // The checks below are SQL that returns only the faulty rows: a ten-year file is read
            // once by SQLite, never loaded into memory row by row (issue 11: 531 MiB before).
            let dossierStatuses = DossierStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
            for code in try String.fetchAll(db, sql: "SELECT code FROM dossiers WHERE status NOT IN (\(dossierStatuses))") {
                problems.append("dossier \(code): unknown status")
            }
            // Stored dates are `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS+07:00`; the text shape is
            // checked in SQL, the few rows that pass it are then read by the same parser as the app.
            let dayShape = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
            let timeShape = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]+07:00'"
            for row in try Row.fetchAll(db, sql: """
                SELECT code, due_date, received_at FROM dossiers
                WHERE due_date NOT GLOB \(dayShape) OR received_at NOT GLOB \(timeShape) OR due_date < substr(received_at, 1, 10)
                """) {
                let code: String = row["code"]
                guard let due = row.localDate("due_date"), let received = row.date("received_at") else {
                    problems.append("dossier \(code): bad date"); continue
                }
                if due < VietnamTime.local(received).date { problems.append("dossier \(code): due date before received date") }
            }
            let ticketStatuses = Ticket.Status.allCases.map { "'\($0.rawValue)'" }.joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT day, series, number FROM tickets WHERE status NOT IN (\(ticketStatuses))") {
                problems.append("ticket \(row["day"] as String? ?? "")/\(row["series"] as String? ?? "")\(row["number"] as Int? ?? 0): unknown status")
            }
            // A dossier whose applicant record carries another name, with no audited correction:
            // the trace of a citizen renamed silently (an older version did that on a shared CCCD).
            // Both keys are folded names (`SearchKey.make`: the name, then CCCD and phone), so SQL
            // keeps only the pairs whose keys differ; the fold decides for those.
            let corrected = Set(try String.fetchAll(db, sql: "SELECT DISTINCT entity_key FROM events WHERE entity = 'applicant' AND action = 'correct'"))
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.code, d.applicant_name, a.name, a.id FROM dossiers d JOIN applicants a ON a.id = d.applicant_id
                WHERE a.search_key <> d.search_key || COALESCE(' ' || a.id_number, '') || COALESCE(' ' || a.phone, '')
                """)
            while let row = try rows.next() {
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
