import Foundation
import GRDB
import MotCuaCore

/// The desk's database: one SQLite file in WAL mode, so a read-only board process sees the
/// clerks' writes as they commit. Every user action is one method and one transaction, and
/// appends its audit event inside that transaction.
public final class AppDatabase: Sendable {
    let pool: DatabasePool
    public let path: String
    public let isReadOnly: Bool

    /// Opens (creating when allowed) the database at `path`. Refuses, without writing anything,
    /// a folder that is missing and a file that is not a motcua database or is damaged. A file in
    /// a place that cannot be written (permissions, a read-only mount) or on a disk too full to
    /// open it for writing is opened read-only, so the viewing commands still work there; a
    /// write then says why it cannot be saved.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        let place = PlaceAccess(path)
        let placeRefusal = !readOnly && place.exists && !place.isWritable ? StoreError.readOnlyPlace(path) : nil
        do {
            try AppDatabase.checkLocation(path, readOnly: readOnly || placeRefusal != nil)
            pool = try Self.openPool(path, readOnly: readOnly || placeRefusal != nil)
            writeRefusal = placeRefusal
        } catch let full as StoreError where full.fault == .diskFull && place.exists {
            // Opening for writing writes (the WAL index, the migration check); at 0 bytes free
            // that fails, but the day's lists can still be read.
            try AppDatabase.checkIsMotcuaFile(path, diskFull: true)
            pool = try Self.openPool(path, readOnly: true, diskFull: true)
            writeRefusal = full
        }
        isReadOnly = readOnly || writeRefusal != nil
        if !isReadOnly { try seedIfNew() }
    }

    /// Why a write cannot be saved when the store was opened read-only by necessity, not asked.
    let writeRefusal: StoreError?

    private static func openPool(_ path: String, readOnly: Bool, diskFull: Bool = false) throws -> DatabasePool {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "motcua"
        if !readOnly {
            // FULL: a committed ticket or dossier survives a power cut at the desk.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        }
        do {
            let pool = try DatabasePool(path: readOnly ? PlaceAccess(path).sqliteName(diskFull: diskFull) : path, configuration: config)
            if !readOnly {
                try Migrations.migrator.migrate(pool)
            } else {
                let done = try pool.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
                if !done {
                    throw StoreError("Cơ sở dữ liệu '\(path)' cần được nâng cấp; hãy mở bằng motcua (không chỉ đọc) trước",
                                     "Database '\(path)' needs an upgrade; open it once with motcua (not read-only) first")
                }
            }
            return pool
        } catch let error as DatabaseError {
            // SQLite itself failed while opening (another desk holds the write lock for too long,
            // a damaged file, a full disk): the same failure, and exit code, as during an action.
            throw translated(error, path: path)
        }
    }

    /// For a command that only reads: opened read-only, so nothing is written to the file (a
    /// writable pool makes GRDB create and drop a table when the WAL is empty, which bumps the
    /// schema version and rewrites a page). A file that still needs a migration and can be
    /// written is brought up to date once instead; a read-only one is refused by the read-only
    /// open, which says so.
    public static func openForReading(path: String) throws -> AppDatabase {
        if try needsUpgrade(path: path) { return try AppDatabase(path: path) }
        return try AppDatabase(path: path, readOnly: true)
    }

    /// True when the file exists, can be written and has a migration pending; probed read-only.
    static func needsUpgrade(path: String) throws -> Bool {
        guard FileManager.default.isWritableFile(atPath: path) else { return false }
        try checkIsMotcuaFile(path)
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        do {
            let probe = try DatabaseQueue(path: path, configuration: config)
            defer { try? probe.close() }
            return try probe.read { db in try !Migrations.migrator.hasCompletedMigrations(db) }
        } catch let error as DatabaseError {
            throw translated(error, path: path)
        }
    }

    /// Default location: `$MOTCUA_DB`, else `$XDG_DATA_HOME/motcua/motcua.sqlite`
    /// (`~/.local/share/motcua/motcua.sqlite`). The default folder is created; a path given on
    /// the command line is not, so a typo does not scatter databases around the disk.
    public static func defaultPath(environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        if let p = env["MOTCUA_DB"], !p.isEmpty { return p }
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        let dir = base + "/motcua"
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw StoreError("Không tạo được thư mục dữ liệu '\(dir)'", "Cannot create the data folder '\(dir)'")
        }
        return dir + "/motcua.sqlite"
    }

    static func checkLocation(_ path: String, readOnly: Bool) throws {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError("--db: thư mục '\(dir)' không tồn tại; hãy tạo thư mục hoặc chọn đường dẫn khác",
                             "--db: folder '\(dir)' does not exist; create it or choose another path", field: "db")
        }
        if fm.fileExists(atPath: path, isDirectory: &isDir) {
            if isDir.boolValue {
                throw StoreError("--db: '\(path)' là một thư mục, cần đường dẫn tới tệp", "--db: '\(path)' is a folder; expected a file path", field: "db")
            }
            try checkIsMotcuaFile(path, readOnly: readOnly)
        } else {
            if readOnly {
                throw StoreError("--db: không có tệp '\(path)'", "--db: no file '\(path)'", field: "db")
            }
            if !PlaceAccess(path).isWritable {
                throw StoreError("--db: thư mục '\(dir)' chỉ đọc, không tạo được cơ sở dữ liệu",
                                 "--db: folder '\(dir)' is read-only; cannot create the database", field: "db")
            }
        }
    }

    /// A non-empty file must be SQLite and carry our application id (or be an empty SQLite
    /// database). Probed through a read-only connection so nothing is ever written to it. A file
    /// that starts as SQLite but cannot be read as one is damaged, not foreign: the clerk is told
    /// to restore a backup rather than that it is someone else's file.
    ///
    /// Read-only (board, display, report), an empty file (0 bytes) or an SQLite file with no
    /// tables is refused too: it is not a motcua database, and advising to open it with the desk
    /// would turn a stray file into one.
    static func checkIsMotcuaFile(_ path: String, diskFull: Bool = false, readOnly: Bool = false) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let notOurs = StoreError("--db: '\(path)' không phải cơ sở dữ liệu motcua; tệp được giữ nguyên, không ghi đè",
                                 "--db: '\(path)' is not a motcua database; it is left untouched", field: "db")
        if size == 0 {
            guard readOnly else { return }
            throw StoreError("--db: '\(path)' là tệp rỗng, không phải cơ sở dữ liệu motcua; tệp được giữ nguyên",
                             "--db: '\(path)' is an empty file, not a motcua database; it is left untouched", field: "db")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError("--db: không đọc được '\(path)'", "--db: cannot read '\(path)'", field: "db")
        }
        let header = handle.readData(ofLength: 100)
        try? handle.close()
        guard header.prefix(16) == Data("SQLite format 3\0".utf8) else { throw notOurs }
        if SQLiteHeader.looksTruncated(path: path) { throw StoreError.damaged(path) }
        var config = Configuration()
        config.readonly = true
        // Another desk may be writing right now: wait for it rather than misjudge the file.
        config.busyMode = .timeout(10)
        do {
            let probe = try DatabaseQueue(path: PlaceAccess(path).sqliteName(diskFull: diskFull), configuration: config)
            let (appID, tables) = try probe.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0)
            }
            try probe.close()
            if appID == Migrations.applicationID || (appID == 0 && tables == 0 && !readOnly) { return }
        } catch let error as DatabaseError {
            throw translated(error, path: path)
        } catch {
            throw StoreError("--db: không đọc được '\(path)': \(error)", "--db: cannot read '\(path)': \(error)", field: "db")
        }
        throw notOurs
    }

    /// One write transaction, `BEGIN IMMEDIATE` so two desks never both read the same "last
    /// ticket number" before either writes (the UNIQUE index is the last line of defence).
    /// SQLite's own errors (busy, disk full, read-only) come out as a `StoreError` the clerk can read.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else {
            if let writeRefusal { throw writeRefusal }
            throw StoreError("Cơ sở dữ liệu đang mở chỉ đọc", "The database is open read-only")
        }
        return try translatingErrors {
            try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError("Giao dịch không hoàn tất", "Transaction did not complete") }
                return result
            }
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try pool.read(body) }
    }

    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw Self.translated(error, path: path)
        }
    }

    /// Grows with every committed change from any process, because every change appends an
    /// audit event. The board and the desk poll it to redraw. (Unlike `PRAGMA data_version` it
    /// does not depend on which pooled connection answers.)
    public func changeMark() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM events") ?? 0 }
    }

    /// Appends a one-event action (settings, catalog) inside the caller's transaction.
    func log(_ db: Database, at: Date, actor: Actor, entity: String, key: String, action: String, data: EventData) throws {
        var batch = ActionBatch(db, at: at, actor: actor)
        try batch.record(entity: entity, key: key, action: action, data: data)
    }

    private func seedIfNew() throws {
        let hasCatalog = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM procedures") ?? 0 } > 0
        if !hasCatalog {
            try write { db in
                let today = VietnamTime.local(Date()).date
                for p in ProcedureCatalog.builtIn.procedures { _ = try ProcedureRow.writeVersion(p, db) }
                for code in Set(ProcedureCatalog.builtIn.procedures.map(\.code)) { try ProcedureRow.refreshCurrent(code: code, on: today, db) }
                var data = EventData()
                data.extra = ["count": String(ProcedureCatalog.builtIn.procedures.count)]
                try log(db, at: Date(), actor: Actor.current(counter: nil), entity: "procedures", key: "built-in",
                        action: "seed", data: data)
            }
        }
    }
}
