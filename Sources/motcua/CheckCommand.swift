import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Kiểm tra toàn vẹn dữ liệu (integrity check).")
    @OptionGroup var global: GlobalOptions

    /// Something the desk should act on that does not make the data wrong: reported, but only
    /// problems fail the check (exit 3), so a script running `check` nightly is not broken by a
    /// notice that is simply not out yet.
    struct Warning: JSONRow {
        /// `announcement-missing` or `basis-unconfirmed`.
        let kind: String
        let message: String
        let messageEn: String
        /// The calendar file and line to edit, for `basis-unconfirmed`.
        let file: String?
        let line: Int?

        func text(_ lang: Language) -> String { lang == .vi ? message : messageEn }
    }

    /// Warnings about the working calendar in force (the desk's file or the built-in one).
    /// - Parameter builtIn: the program's own holiday file is in force (no `calendar.txt`): a
    ///   line of it cannot be edited in place, so the advice is to start the desk's own file.
    static func calendarWarnings(_ calendar: WorkingCalendar, today: LocalDate, builtIn: Bool = false) -> [Warning] {
        var out: [Warning] = []
        for missing in calendar.missingAnnouncements(asOf: today) {
            let (vi, en) = missing.holiday == .tet ? ("Tết", "Tết") : ("Quốc khánh", "National Day")
            out.append(Warning(
                kind: "announcement-missing",
                message: "Chưa có thông báo nghỉ \(vi) \(missing.year): ngày hẹn trả qua các ngày này đang tính theo dự kiến. "
                    + "Khi có văn bản, ghi từng ngày nghỉ bằng 'motcua calendar announce --kind \(missing.holiday.rawValue) …'.",
                messageEn: "No \(en) \(missing.year) announcement yet: due dates across those days are provisional. "
                    + "When the notice is out, enter each day off with 'motcua calendar announce --kind \(missing.holiday.rawValue) …'.",
                file: nil, line: nil))
        }
        let file = calendar.announcements.fileName
        for entry in calendar.announcements.entries where entry.isBasisUnconfirmed {
            out.append(Warning(
                kind: "basis-unconfirmed",
                message: "\(file):\(entry.line): ngày nghỉ \(entry.date.vietnamese) (\(entry.reason)) chưa xác nhận căn cứ pháp lý; "
                    + (builtIn ? "đây là tệp có sẵn của chương trình: tạo tệp lịch của bộ phận (calendar.txt cạnh tệp dữ liệu; "
                                 + "lệnh 'motcua calendar announce' đầu tiên tạo nó từ tệp có sẵn), rồi ghi số hiệu văn bản vào nguồn của dòng này, hoặc xóa dòng."
                               : "ghi số hiệu văn bản vào nguồn, hoặc xóa dòng nếu không có."),
                messageEn: "\(file):\(entry.line): the day off \(entry.date.iso) (\(entry.reason)) has no confirmed legal basis; "
                    + (builtIn ? "this is the program's own file: start the desk's calendar file (calendar.txt beside the database; "
                                 + "the first 'motcua calendar announce' makes it from the built-in one), then put the document number in this line's source, or remove it."
                               : "put the document number in its source, or remove the line."),
                file: file, line: entry.line))
        }
        return out
    }

    /// Open dossiers whose stored due date is no longer what the calendar in force gives (a Tết
    /// notice entered after they were received with the default, or a day off removed): the
    /// citizen was promised a date the law now counts differently. Only open dossiers are read,
    /// so the cost follows today's workload, not the years of history.
    static func dueDateWarnings(_ store: any DeskStore, calendar: WorkingCalendar) throws -> [Warning] {
        let profile = try store.profile()
        var procedures: [String: Procedure] = [:]
        var out: [Warning] = []
        for d in try store.dossiers(matching: DossierQuery(statuses: DossierStatus.openStatuses, limit: 100_000)) {
            let key = d.procedureCode + "@" + VietnamTime.local(d.receivedAt).date.iso
            if procedures[key] == nil { procedures[key] = try store.procedure(of: d) }
            guard let p = procedures[key] else { continue }
            let now = DueDateRule.dueDate(procedure: p, receivedAt: d.receivedAt, calendar: calendar, profile: profile)
            // The first date promised: an apology (form 04) moved `dueDate` on purpose.
            let first = d.lateAfter
            guard now != first else { continue }
            out.append(Warning(
                kind: "due-date-changed",
                message: "Hồ sơ \(d.code): hẹn trả \(first.vietnamese) nhưng theo lịch và danh mục hiện hành là \(now.vietnamese) "
                    + (now < first ? "(sớm hơn: cần giải quyết trước hạn mới)" : "(muộn hơn: có thể hẹn lại)"),
                messageEn: "Dossier \(d.code): due \(first.iso), but the calendar and catalog in force give \(now.iso) "
                    + (now < first ? "(earlier: resolve by the new date)" : "(later: the date may be moved)"),
                file: nil, line: nil))
        }
        return out
    }

    /// Bookings from today on that no longer fit (fewer places, other hours, a day off
    /// announced since): the desk phones to move them.
    static func appointmentWarnings(_ store: any DeskStore, calendar: WorkingCalendar, today: LocalDate) throws -> [Warning] {
        try store.appointmentMisfits(from: today, calendar: calendar).map {
            Warning(kind: "appointment-misfit", message: $0.message.vi, messageEn: $0.message.en, file: nil, line: nil)
        }
    }

    func run() throws {
        try runReporting(global) { lang in
            let store: any DeskStore
            var problems: [String]
            do {
                store = try global.openDatabase(readOnly: true)
                problems = try store.check()
            } catch let e as StoreError where e.fault == .damaged {
                // The one command that must look inside a damaged file rather than refuse it.
                try CheckDamage.report(e, path: try global.databasePath(), json: global.json, lang: lang)
                return
            }
            var warnings: [Warning] = []
            // A calendar file that does not read is a problem of this desk's data: report it with
            // the others instead of stopping the check.
            do {
                let (calendar, source) = try global.workingCalendar()
                warnings = Self.calendarWarnings(calendar, today: VietnamTime.local(try global.clock().now()).date, builtIn: source == "built-in")
                    + (try Self.dueDateWarnings(store, calendar: calendar))
                    + (try Self.appointmentWarnings(store, calendar: calendar, today: VietnamTime.local(try global.clock().now()).date))
            } catch let e as CalendarFileError {
                problems.append(e.text(lang))
            }
            if global.json {
                struct R: Encodable { let ok: Bool; let problems: [String]; let warnings: [Warning] }
                Output.print(Output.json(R(ok: problems.isEmpty, problems: problems, warnings: warnings)))
            } else {
                if problems.isEmpty {
                    Output.print(lang == .vi ? "Dữ liệu toàn vẹn: không có lỗi." : "Database is consistent: no problems.")
                } else {
                    Output.print((lang == .vi ? "Phát hiện \(problems.count) lỗi:" : "\(problems.count) problem\(problems.count == 1 ? "" : "s"):"))
                    problems.forEach { Output.print("  " + $0) }
                }
                if !warnings.isEmpty {
                    Output.print(lang == .vi ? "Lưu ý (\(warnings.count)):" : "Warnings (\(warnings.count)):")
                    warnings.forEach { Output.print("  " + $0.text(lang)) }
                }
            }
            if !problems.isEmpty { throw ExitCode(3) }
        }
    }
}
