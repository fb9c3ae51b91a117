import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

/// Options every subcommand takes (after the subcommand name, as swift-argument-parser does).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Tệp cơ sở dữ liệu (database file). Default: $MOTCUA_DB, else $XDG_DATA_HOME/motcua/motcua.sqlite")
    var db: String?

    @Option(name: .long, help: "Ghim đồng hồ (pin the clock), \"YYYY-MM-DD HH:MM\", Vietnam time")
    var now: String?

    @Flag(name: .long, help: "In JSON (print JSON)")
    var json = false

    @Option(name: .long, help: "Ngôn ngữ (language): vi | en")
    var lang: String = "vi"

    @Option(name: .long, help: "Tệp lịch nghỉ/làm bù của bộ phận (calendar announcements file)")
    var calendarFile: String?

    @Option(name: .long, help: "Cán bộ thực hiện, ghi vào nhật ký (clerk's name for the audit log). Default: the OS user")
    var clerk: String?

    func language() throws -> Language {
        guard let l = Language(rawValue: lang.lowercased()) else {
            throw FieldError(field: "lang", label: Localized(vi: "Ngôn ngữ", en: "Language"),
                             problem: Localized(vi: "'\(lang)' không hợp lệ; chọn vi hoặc en", en: "'\(lang)' is not valid; choose vi or en"))
        }
        return l
    }

    func clock() throws -> any Clock {
        guard let now else { return SystemClock() }
        guard let local = LocalDateTime(parsing: now) else {
            throw FieldError(field: "now", label: Localized(vi: "--now", en: "--now"),
                             problem: Localized(vi: "'\(now)' không phải thời điểm hợp lệ; dạng đúng \"YYYY-MM-DD HH:MM\"",
                                                en: "'\(now)' is not a valid time; expected \"YYYY-MM-DD HH:MM\""))
        }
        return FixedClock(local)
    }

    func databasePath() throws -> String {
        if let db {
            // `--db ""` (an unset shell variable) must not become the current folder's name.
            guard !db.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FieldError(field: "db", label: Localized(vi: "--db", en: "--db"),
                                 problem: Localized(vi: "cần đường dẫn tới tệp cơ sở dữ liệu, không được để trống (ví dụ --db /var/lib/motcua/motcua.sqlite)",
                                                    en: "needs the path of the database file, not an empty value (e.g. --db /var/lib/motcua/motcua.sqlite)"))
            }
            return db
        }
        return try AppDatabase.defaultPath()
    }

    /// Checks the other global options first, so a bad `--now` never leaves a new file behind.
    /// `validate` checks the command's own input against a new desk's defaults (profile and the
    /// built-in catalog) before a file that does not exist yet is created: a command refused for
    /// bad input leaves nothing behind.
    func openDatabase(readOnly: Bool = false,
                      validate: ((DeskProfile, (String) -> Procedure?, LocalDate) throws -> Void)? = nil) throws -> any DeskStore {
        try openSQLite(readOnly: readOnly, validate: validate)
    }

    /// The SQLite file itself, for what only a file has: backup, restore, the demo's copy.
    func openSQLite(readOnly: Bool = false,
                    validate: ((DeskProfile, (String) -> Procedure?, LocalDate) throws -> Void)? = nil) throws -> AppDatabase {
        let now = try clock().now()
        _ = try language()
        _ = try actor(counter: nil)
        let path = try databasePath()
        if let validate, !FileManager.default.fileExists(atPath: path) {
            try validate(DeskProfile(), { ProcedureCatalog.builtIn.procedure(code: $0) }, VietnamTime.local(now).date)
        }
        return readOnly ? try AppDatabase.openForReading(path: path) : try AppDatabase(path: path)
    }

    /// For commands that act on records that must already exist (a ticket, a dossier, today's
    /// queue): a missing file is an error, not a new empty database.
    func openExistingDatabase(readOnly: Bool = false) throws -> any DeskStore {
        try openExistingSQLite(readOnly: readOnly)
    }

    func openExistingSQLite(readOnly: Bool = false) throws -> AppDatabase {
        let path = try databasePath()
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError("--db: không có tệp '\(path)'; tạo cơ sở dữ liệu bằng 'motcua setup' hoặc mở 'motcua desk'",
                             "--db: no file '\(path)'; create the database with 'motcua setup' or 'motcua desk'", field: "db")
        }
        return try openSQLite(readOnly: readOnly)
    }

    /// Who acts: `--clerk NAME`, else the OS user; with the counter where one is given. The name
    /// is kept as typed (checked as text, not re-capitalised like an applicant's): `--clerk lan.nt`
    /// is the same clerk as the desk run by the OS user `lan.nt`, so their undo finds its changes.
    func actor(counter: Int?) throws -> Actor {
        guard let clerk else { return Actor.current(counter: counter) }
        let name = try TextInput.required(clerk, field: "clerk", label: Localized(vi: "Cán bộ", en: "Clerk"), maxLength: 100)
        return Actor(user: name, counter: counter)
    }

    /// The built-in announcements, or the desk's own file when given (or found beside the database).
    func workingCalendar() throws -> (WorkingCalendar, String) {
        var path = calendarFile
        if path == nil, let dbPath = try? databasePath() {
            let beside = URL(fileURLWithPath: dbPath).deletingLastPathComponent().appendingPathComponent("calendar.txt").path
            if FileManager.default.fileExists(atPath: beside) { path = beside }
        }
        guard let path else { return (WorkingCalendar(), "built-in") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FieldError(field: "calendar_file", label: Localized(vi: "Tệp lịch", en: "Calendar file"),
                             problem: Localized(vi: "không đọc được '\(path)'", en: "cannot read '\(path)'"))
        }
        let announcements = try CalendarAnnouncements.parse(text: String(decoding: data, as: UTF8.self), fileName: path)
        return (WorkingCalendar(announcements: announcements), path)
    }
}

/// Runs a command body, turning the model's and store's errors into a clear message on stderr
/// and a non-zero exit, never a crash or a stack trace.
func runReporting(_ options: GlobalOptions, _ body: (Language) throws -> Void) throws {
    let lang = (try? options.language()) ?? .vi
    do {
        try body(try options.language())
    } catch let e as FieldError {
        fail(e.message(lang), field: e.field, options: options)
    } catch let e as RuleViolation {
        fail(e.message.text(lang), field: nil, options: options)
    } catch let e as ConfirmationNeeded {
        // The desk asks; the command line says which option answers.
        let answer: Localized
        switch e.kind {
        case .identityConflict:
            answer = Localized(vi: "Trả lời bằng --use-record-on-file (dùng người đã có) hoặc --correct-record (sửa tên trong hồ sơ).",
                               en: "Answer with --use-record-on-file (use the record on file) or --correct-record (correct it).")
        case .duplicateDossier:
            answer = Localized(vi: "Nếu đúng là hồ sơ thứ hai, thêm --allow-duplicate.", en: "If it really is a second one, add --allow-duplicate.")
        case .trackingCheckDigit:
            answer = Localized(vi: "Xem lại mã trên vận đơn; nếu đúng như vậy, thêm --accept-check-digit.",
                               en: "Check the number on the parcel; if it is written so, add --accept-check-digit.")
        }
        fail(e.message.text(lang) + " " + answer.text(lang), field: e.kind.rawValue, options: options, code: ExitStatus.needsConfirmation)
    } catch let e as StoreError {
        fail(e.message.text(lang), field: e.field, options: options,
             code: e.isDatabaseFailure ? ExitStatus.storeError : ExitStatus.refused)
    } catch let e as CalendarFileError {
        fail(e.text(lang), field: "calendar_file", options: options)
    } catch let e as CatalogError {
        fail(e.message(lang), field: e.column ?? "file", options: options)
    }
}

/// Documented exit codes (README): 0 done; 2 bad input or refused by a rule; 3 the action needs
/// the clerk's confirmation (an option answers it) or `check` found problems; 4 SQLite failed
/// (busy, disk full, damaged file): nothing was written, a retry may succeed.
enum ExitStatus {
    static let refused: Int32 = 2
    static let needsConfirmation: Int32 = 3
    static let storeError: Int32 = 4
}

/// Says the error (stderr; with `--json` also `{"error", "field"}` on stdout) and exits.
func fail(_ message: String, field: String?, options: GlobalOptions, code: Int32 = ExitStatus.refused) -> Never {
    let prefix = ((try? options.language()) ?? .vi) == .vi ? "Lỗi" : "Error"
    FileHandle.standardError.write(Data("\(prefix): \(message)\n".utf8))
    if options.json {
        // The same keys on every error: `field` is null when no field is to blame.
        let obj: [String: Any] = ["error": message, "field": field.map { $0 as Any } ?? NSNull()]
        if let data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .withoutEscapingSlashes]) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
    Foundation.exit(code)
}

