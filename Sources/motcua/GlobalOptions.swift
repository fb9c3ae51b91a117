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
        if let db { return db }
        return try AppDatabase.defaultPath()
    }

    /// Checks the other global options first, so a bad `--now` never leaves a new file behind.
    func openDatabase(readOnly: Bool = false) throws -> AppDatabase {
        _ = try clock()
        _ = try language()
        return try AppDatabase(path: try databasePath(), readOnly: readOnly)
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
    } catch let e as StoreError {
        fail(e.message.text(lang), field: nil, options: options)
    } catch let e as CalendarFileError {
        fail(e.text(lang), field: "calendar_file", options: options)
    } catch let e as CatalogError {
        fail(e.message(lang), field: e.column ?? "file", options: options)
    }
}

private func fail(_ message: String, field: String?, options: GlobalOptions) -> Never {
    let prefix = ((try? options.language()) ?? .vi) == .vi ? "Lỗi" : "Error"
    FileHandle.standardError.write(Data("\(prefix): \(message)\n".utf8))
    if options.json {
        var obj: [String: String] = ["error": message]
        if let field { obj["field"] = field }
        if let data = try? JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys]) {
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }
    Foundation.exit(2)
}

/// A change needs to know who made it: the OS user and, where given, the counter.
func actor(counter: Int?) -> Actor { Actor.current(counter: counter) }
