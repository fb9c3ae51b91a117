import ArgumentParser
import Foundation
import MotCuaCore

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "calendar",
        abstract: "Lịch làm việc: ngày nghỉ, ngày làm bù, ngày hẹn trả (working calendar).",
        subcommands: [Show.self, Holidays.self, Due.self, Announce.self, Lunar.self], defaultSubcommand: Show.self)

    static func parseDate(_ raw: String, field: String) throws -> LocalDate {
        try LocalDate.option(raw, named: field, field: field)
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hiện tệp thông báo nghỉ/làm bù đang dùng (show the announcements in force).")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            try runReporting(global) { lang in
                let (calendar, source) = try global.workingCalendar()
                let entries = calendar.announcements.entries
                if global.json {
                    struct E: Encodable { let date: String; let kind: String; let reason: String; let source: String }
                    struct R: Encodable { let file: String; let entries: [E] }
                    Output.print(Output.json(R(file: source, entries: entries.map { E(date: $0.date.iso, kind: $0.kind.rawValue, reason: $0.reason, source: $0.source) })))
                    return
                }
                // Human text in the language asked for: no `built-in` or `off` in a Vietnamese line.
                let file = source == "built-in" ? (lang == .vi ? "có sẵn trong chương trình" : "built in") : source
                func kindLabel(_ raw: String) -> String {
                    let labels: [String: Localized] = [
                        "off": Localized(vi: "nghỉ", en: "day off"), "work": Localized(vi: "làm bù", en: "make-up working day"),
                        "tet": Localized(vi: "nghỉ Tết", en: "Tết holiday"), "national-day": Localized(vi: "nghỉ Quốc khánh", en: "National Day holiday"),
                    ]
                    return labels[raw]?.text(lang) ?? raw
                }
                Output.print(lang == .vi ? "Tệp thông báo: \(file) (\(entries.count) dòng)" : "Announcements: \(file) (\(entries.count) lines)")
                Output.print(Output.table(lang == .vi ? ["Ngày", "Loại", "Nội dung", "Căn cứ"] : ["Date", "Kind", "Reason", "Source"],
                                          entries.map { [$0.date.vietnamese, kindLabel($0.kind.rawValue), $0.reason, $0.source] }))
            }
        }
    }

    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ngày nghỉ lễ, nghỉ bù, làm bù trong năm (holidays of a year).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Năm (year)") var year: Int?
        func run() throws {
            try runReporting(global) { lang in
                let (calendar, _) = try global.workingCalendar()
                let y = try year ?? VietnamTime.local(global.clock().now()).date.year
                guard (1900...2199).contains(y) else {
                    throw FieldError(field: "year", label: Localized(vi: "Năm", en: "Year"),
                                     problem: Localized(vi: "phải từ 1900 đến 2199", en: "must be between 1900 and 2199"))
                }
                let days = calendar.holidays(year: y)
                if global.json {
                    // Both wordings, whatever --lang says: JSON does not change with the language.
                    struct D: JSONRow {
                        let date: String; let weekday: Int; let kind: String; let workingDay: Bool; let reason: String; let reasonEn: String
                        let source: String; let provisional: Bool; let provisionalNote: String?; let provisionalNoteEn: String?
                    }
                    Output.print(Output.json(days.map { D(date: $0.date.iso, weekday: $0.date.isoWeekday, kind: $0.kind.rawValue,
                                                         workingDay: $0.isWorkingDay, reason: $0.reason.vi, reasonEn: $0.reason.en, source: $0.source,
                                                         provisional: $0.isProvisional, provisionalNote: $0.provisional?.note.vi,
                                                         provisionalNoteEn: $0.provisional?.note.en) }))
                    return
                }
                let names = lang == .vi ? ["T2", "T3", "T4", "T5", "T6", "T7", "CN"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
                // A provisional day carries the mark after its status, and the note under the table
                // says which announcement is missing.
                Output.print(Output.table(lang == .vi ? ["Ngày", "Thứ", "", "Lý do", "Căn cứ"] : ["Date", "Day", "", "Reason", "Source"],
                    days.map { [$0.date.vietnamese, names[$0.date.isoWeekday - 1],
                                ($0.isWorkingDay ? (lang == .vi ? "làm việc" : "work") : (lang == .vi ? "nghỉ" : "off"))
                                    + ($0.isProvisional ? DueDate.mark : ""),
                                $0.reason.text(lang), $0.source] }))
                if let note = ProvisionalHoliday.note(for: days.compactMap(\.provisional)) {
                    Output.print("\(DueDate.mark) \(note.text(lang))")
                }
            }
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tính ngày hẹn trả (due date): from + N working days.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Ngày tiếp nhận (received), YYYY-MM-DD") var from: String
        @Option(help: "Giờ tiếp nhận (time received), HH:MM") var time: String = "08:00"
        @Option(help: "Số ngày làm việc (working days)") var days: Int
        @Option(help: "Giờ chốt (cut-off), HH:MM") var cutoff: String?

        func run() throws {
            try runReporting(global) { lang in
                let (calendar, _) = try global.workingCalendar()
                let date = try CalendarCommand.parseDate(from, field: "from")
                guard let t = LocalDateTime(parsing: "\(date.iso) \(time)") else {
                    throw FieldError(field: "time", label: Localized(vi: "--time", en: "--time"),
                                     problem: Localized(vi: "'\(time)' không hợp lệ; dạng đúng HH:MM", en: "'\(time)' is not valid; expected HH:MM"))
                }
                guard (0...365).contains(days) else {
                    throw FieldError(field: "days", label: Localized(vi: "--days", en: "--days"),
                                     problem: Localized(vi: "phải từ 0 đến 365", en: "must be between 0 and 365"))
                }
                var cut: Int?
                if let cutoff {
                    guard let c = LocalDateTime(parsing: "2000-01-01 \(cutoff)") else {
                        throw FieldError(field: "cutoff", label: Localized(vi: "--cutoff", en: "--cutoff"),
                                         problem: Localized(vi: "'\(cutoff)' không hợp lệ; dạng đúng HH:MM", en: "'\(cutoff)' is not valid; expected HH:MM"))
                    }
                    cut = c.minuteOfDay
                }
                let due = calendar.due(receivedAt: t, workingDays: days, cutoffMinuteOfDay: cut)
                if global.json {
                    struct R: JSONRow {
                        let from: String; let days: Int; let countedFrom: String; let due: String; let weekday: Int
                        let provisional: Bool; let provisionalDays: [String]; let note: String?; let noteEn: String?
                    }
                    Output.print(Output.json(R(from: t.iso8601, days: days, countedFrom: due.countedFrom.iso, due: due.date.iso,
                                               weekday: due.date.isoWeekday, provisional: due.isProvisional,
                                               provisionalDays: due.provisional.map(\.date.iso), note: due.note?.vi, noteEn: due.note?.en)))
                    return
                }
                Output.print(lang == .vi ? "Tiếp nhận \(date.vietnamese) \(time), \(days) ngày làm việc → hẹn trả \(due.vietnameseWithMark)"
                                         : "Received \(date.iso) \(time), \(days) working days → due \(due.date.iso)\(due.isProvisional ? DueDate.mark : "")")
                if let note = due.note {
                    let list = due.provisional.map(\.date.vietnamese).joined(separator: ", ")
                    Output.print("\(DueDate.mark) \(note.text(lang)) (\(list))")
                }
            }
        }
    }

    struct Announce: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ghi một ngày theo thông báo nghỉ lễ, Tết vào tệp lịch của bộ phận (add an announced day to the desk's calendar file).",
            discussion: """
            Thêm một dòng vào tệp lịch của bộ phận: --calendar-file, hoặc calendar.txt cạnh tệp cơ sở dữ liệu. \
            Chưa có tệp thì tệp mới bắt đầu bằng bản có sẵn trong chương trình (vì tệp của bộ phận thay cho bản đó). \
            Dòng được kiểm tra như khi chương trình đọc tệp; dòng sai thì không ghi gì.
            Adds one line to the desk's own file; a new file starts as a copy of the built-in one, since the
            desk's file replaces it. The line is checked as the program will read it; a bad line writes nothing.
            """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Ngày (date), YYYY-MM-DD hoặc DD/MM/YYYY") var date: String
        @Option(help: "Loại (kind): off | work | tet | national-day") var kind: String
        @Option(help: "Lý do, hiện cho cán bộ và trên bản in (reason)") var reason: String
        @Option(help: "Số hiệu văn bản công bố (source document), ví dụ \"Thông báo 9441/TB-BNV\"") var source: String = ""

        func run() throws {
            try runReporting(global) { lang in
                _ = try global.clock()
                let path = try global.deskCalendarPath()
                let exists = FileManager.default.fileExists(atPath: path)
                var text = CalendarAnnouncements.builtInText
                if exists {
                    guard let data = FileManager.default.contents(atPath: path) else {
                        throw FieldError(field: "calendar_file", label: Localized(vi: "Tệp lịch", en: "Calendar file"),
                                         problem: Localized(vi: "không đọc được '\(path)'", en: "cannot read '\(path)'"))
                    }
                    text = String(decoding: data, as: UTF8.self)
                }
                try Self.checkFields(date: date, kind: kind, source: source)
                let (newText, entry) = try CalendarAnnouncements.appending(to: text, fileName: path, date: date, kind: kind,
                                                                           reason: reason, source: source)
                try Self.refuseNoOp(entry, in: WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: text, fileName: path)))
                do {
                    // Atomic: a desk reading the file meanwhile sees the old or the new file, never half.
                    try Data(newText.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                } catch {
                    throw FieldError(field: "calendar_file", label: Localized(vi: "Tệp lịch", en: "Calendar file"),
                                     problem: Localized(vi: "không ghi được '\(path)': \(error.localizedDescription)",
                                                        en: "cannot write '\(path)': \(error.localizedDescription)"))
                }
                // A year's first `tet` line replaces all five default days: say how many are in.
                let tetCount = entry.kind == .tet
                    ? (try CalendarAnnouncements.parse(text: newText, fileName: path)).entries(year: entry.date.year).filter { $0.kind == .tet }.count
                    : nil
                if global.json {
                    struct R: JSONRow {
                        let file: String; let line: Int; let created: Bool; let date: String; let kind: String
                        let reason: String; let source: String; let tetDaysInYear: Int?
                    }
                    Output.print(Output.json(R(file: path, line: entry.line, created: !exists, date: entry.date.iso, kind: entry.kind.rawValue,
                                               reason: entry.reason, source: entry.source, tetDaysInYear: tetCount)))
                    return
                }
                if !exists {
                    Output.print(lang == .vi ? "Tạo tệp lịch \(path) từ bản có sẵn." : "Created \(path) from the built-in file.")
                }
                Output.print(lang == .vi ? "Đã ghi dòng \(entry.line): \(entry.fileLine)" : "Wrote line \(entry.line): \(entry.fileLine)")
                if let tetCount, tetCount < WorkingCalendar.wholeTetNotice {
                    Output.print(lang == .vi
                        ? "Tết \(entry.date.year) hiện có \(tetCount) ngày trong tệp; đến khi đủ \(WorkingCalendar.wholeTetNotice) ngày, ngày Tết mặc định (dự kiến) vẫn được dùng bên cạnh."
                        : "Tết \(entry.date.year) now has \(tetCount) day(s) in the file; until there are \(WorkingCalendar.wholeTetNotice), the default (provisional) Tết days still apply beside them.")
                }
            }
        }

        /// The options themselves, before any line is built: an error names the option the clerk
        /// typed, not a line of a file that was never written.
        static func checkFields(date: String, kind: String, source: String) throws {
            let d = date.trimmingCharacters(in: .whitespaces)
            let parts = d.split(separator: "/").compactMap { Int($0) }
            let isDMY = parts.count == 3 && LocalDate(year: parts[2], month: parts[1], day: parts[0]) != nil
            guard LocalDate(iso: d) != nil || isDMY else {
                throw FieldError(field: "date", label: Localized(vi: "--date", en: "--date"),
                                 problem: Localized(vi: "'\(date)' không phải ngày hợp lệ; dạng đúng YYYY-MM-DD hoặc DD/MM/YYYY",
                                                    en: "'\(date)' is not a valid date; expected YYYY-MM-DD or DD/MM/YYYY"))
            }
            let kinds = ["off", "work", "tet", "national-day"]
            guard kinds.contains(kind.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw FieldError(field: "kind", label: Localized(vi: "--kind", en: "--kind"),
                                 problem: Localized(vi: "'\(kind)' không hợp lệ; chọn \(kinds.joined(separator: ", "))",
                                                    en: "'\(kind)' is not valid; choose \(kinds.joined(separator: ", "))"))
            }
            guard !source.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw FieldError(field: "source", label: Localized(vi: "--source", en: "--source"),
                                 problem: Localized(vi: "bắt buộc: số hiệu văn bản công bố, ví dụ \"Thông báo 9441/TB-BNV\"",
                                                    en: "required: the announcing document, e.g. \"Thông báo 9441/TB-BNV\""))
            }
        }

        /// A line that changes nothing is a slip: a make-up `work` day that is already a working
        /// day, an `off` day that is already off (a public holiday), a `tet` day on a weekend
        /// (the notice lists the weekdays off; a weekend day is off anyway).
        static func refuseNoOp(_ entry: CalendarAnnouncement, in calendar: WorkingCalendar) throws {
            let label = Localized(vi: "Ngày", en: "Date")
            let d = entry.date
            switch entry.kind {
            case .work where calendar.isWorkingDay(d):
                throw FieldError(field: "date", label: label,
                                 problem: Localized(vi: "\(d.vietnamese) đã là ngày làm việc; 'work' dùng cho thứ Bảy làm bù hoặc ngày lễ vẫn làm việc",
                                                    en: "\(d.iso) is already a working day; 'work' is for a make-up Saturday or a holiday kept open"))
            case .off where !calendar.isWorkingDay(d):
                throw FieldError(field: "date", label: label,
                                 problem: Localized(vi: "\(d.vietnamese) đã là ngày nghỉ (\(calendar.day(d)?.reason.vi ?? "cuối tuần"))",
                                                    en: "\(d.iso) is already a day off (\(calendar.day(d)?.reason.en ?? "weekend"))"))
            case .tet where d.isWeekend:
                throw FieldError(field: "date", label: label,
                                 problem: Localized(vi: "\(d.vietnamese) là cuối tuần, vốn đã nghỉ; ghi các ngày thường được nghỉ (kể cả nghỉ bù)",
                                                    en: "\(d.iso) is a weekend day, off anyway; enter the weekdays off (nghỉ bù included)"))
            default:
                break
            }
        }
    }

    struct Lunar: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đổi ngày dương sang âm lịch (solar to lunar date, UTC+7).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Ngày dương (date), YYYY-MM-DD") var date: String
        func run() throws {
            try runReporting(global) { _ in
                let d = try CalendarCommand.parseDate(date, field: "date")
                guard (1900...2199).contains(d.year) else {
                    throw FieldError(field: "date", label: Localized(vi: "Ngày", en: "Date"),
                                     problem: Localized(vi: "năm phải từ 1900 đến 2199", en: "the year must be between 1900 and 2199"))
                }
                let l = LunarCalendar.lunarDate(for: d)
                if global.json {
                    struct R: Encodable { let date: String; let lunarYear: Int; let lunarMonth: Int; let lunarDay: Int; let leapMonth: Bool }
                    Output.print(Output.json(R(date: d.iso, lunarYear: l.year, lunarMonth: l.month, lunarDay: l.day, leapMonth: l.isLeapMonth)))
                    return
                }
                Output.print("\(d.vietnamese) → \(l)")
            }
        }
    }
}

extension GlobalOptions {
    /// The desk's own announcements file: `--calendar-file`, else `calendar.txt` beside the
    /// database, the same place `workingCalendar()` looks.
    func deskCalendarPath() throws -> String {
        if let calendarFile { return calendarFile }
        return URL(fileURLWithPath: try databasePath()).deletingLastPathComponent().appendingPathComponent("calendar.txt").path
    }
}
