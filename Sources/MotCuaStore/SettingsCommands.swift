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

    public func procedure(code: String) throws -> Procedure? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM procedures WHERE code = ?", arguments: [code]).map(ProcedureRow.decode) }
    }

    /// Adds or updates catalog rows in one transaction: a bad file changes nothing.
    public func importProcedures(_ list: [Procedure], source: String, now: Date, actor: Actor) throws -> (added: Int, updated: Int) {
        try write { db in
            var added = 0, updated = 0
            for p in list {
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM procedures WHERE code = ?)", arguments: [p.code]) ?? false
                try ProcedureRow.upsert(p, db)
                if exists { updated += 1 } else { added += 1 }
            }
            try log(db, at: now, actor: actor, entity: "procedures", key: source, action: "import",
                    data: { var d = EventData(); d.extra = ["added": String(added), "updated": String(updated)]; return d }())
            return (added, updated)
        }
    }
}
