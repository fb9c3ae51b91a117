import Foundation
import GRDB
import MotCuaCore

extension AppDatabase {
    /// The desk profile; a fresh database has the defaults until `motcua setup` runs.
    public func profile() throws -> DeskProfile {
        try read { db in try Self.profile(db) }
    }

    static func profile(_ db: Database) throws -> DeskProfile {
        guard let json = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'desk_profile'") else {
            return DeskProfile()
        }
        do {
            return try JSONDecoder().decode(DeskProfile.self, from: Data(json.utf8))
        } catch {
            // Never fall back to the defaults: a desk silently renamed "MC, 2 counters" would
            // print wrong slips. Say what is wrong instead.
            throw StoreError("Hồ sơ cài đặt của bộ phận không đọc được (\(error)); chạy lại 'motcua setup'",
                             "The desk profile cannot be read (\(error)); run 'motcua setup' again")
        }
    }

    public func saveProfile(_ profile: DeskProfile, now: Date, actor: Actor) throws {
        let data = try JSONEncoder().encode(profile)
        let json = String(decoding: data, as: UTF8.self)
        try write { db in
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('desk_profile', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [json])
            try log(db, at: now, actor: actor, entity: "settings", key: "desk_profile", action: "setup", data: { var d = EventData(); d.extra = ["profile": json]; return d }())
        }
    }

    public func procedures() throws -> [Procedure] {
        // Sorted in Swift by the folded field: SQLite's byte order would put "Đất đai" after "Y tế".
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM procedures").map(ProcedureRow.decode) }
            .sorted { (VietnameseText.fold($0.field), $0.code) < (VietnameseText.fold($1.field), $1.code) }
    }

    /// The code's row in `procedures`: the version that stood for it on the last import (in force
    /// that day). What a day's work uses is `procedure(code:on:)`.
    public func procedure(code: String) throws -> Procedure? {
        try read { db in try Self.procedure(code: code, db) }
    }

    /// The version of the code in force on `day`; when none is, the code's current row (which the
    /// caller's `isActive(on:)` refuses with its dates).
    public func procedure(code: String, on day: LocalDate) throws -> Procedure? {
        try read { db in try Self.procedure(code: code, on: day, db) }
    }

    /// One row per code: the version that stands for it on `day` (in force, else the next to
    /// come into force, else the last that was), in the order of `procedures()`.
    public func procedures(on day: LocalDate) throws -> [Procedure] {
        Dictionary(grouping: try procedureVersions(), by: \.code).values
            .compactMap { Procedure.current(in: $0, on: day) }
            .sorted { (VietnameseText.fold($0.field), $0.code) < (VietnameseText.fold($1.field), $1.code) }
    }

    /// Every version of every procedure, by field, code and effective-from date.
    public func procedureVersions() throws -> [Procedure] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM procedure_versions").map(ProcedureRow.decode) }
            .sorted { (VietnameseText.fold($0.field), $0.code, $0.fromOrder) < (VietnameseText.fold($1.field), $1.code, $1.fromOrder) }
    }

    /// Imports catalog rows in one transaction (a bad file changes nothing). A row whose code and
    /// effective-from date are new is an added version; a row with the key of a stored version
    /// corrects that version; no other version is changed or deleted, so dossiers and history
    /// received under an older version keep it. Rows identical to the stored version count in
    /// neither. Every code's `procedures` row is then set to the version standing for it on the day of `now`.
    public func importProcedures(_ list: [Procedure], source: String, now: Date, actor: Actor) throws -> (added: Int, corrected: Int) {
        let today = VietnamTime.local(now).date
        return try write { db in
            var added = 0, corrected = 0
            for p in list {
                switch try ProcedureRow.writeVersion(p, db) {
                case .added: added += 1
                case .corrected: corrected += 1
                case .unchanged: break
                }
            }
            // Every code, not only the file's: a version that came into force since the last
            // import takes the code's row too.
            for code in try String.fetchAll(db, sql: "SELECT code FROM procedures") {
                try ProcedureRow.refreshCurrent(code: code, on: today, db)
            }
            try log(db, at: now, actor: actor, entity: "procedures", key: source, action: "import",
                    data: { var d = EventData(); d.extra = ["added": String(added), "corrected": String(corrected)]; return d }())
            return (added, corrected)
        }
    }
}
