import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct AppointmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointment", abstract: "Hẹn giờ: hướng dẫn, nộp hồ sơ, trả kết quả tại nhà (appointments).",
        discussion: "Số lịch hẹn viết 12 hoặc #12. Ngày viết 2026-12-01 hoặc 01/12/2026; giờ hẹn \"2026-12-01 08:30\" hoặc \"01/12/2026 08:30\".",
        subcommands: [Book.self, List.self, Free.self, CheckIn.self, Reschedule.self, Cancel.self, NoShow.self, Serve.self,
                      Waitlist.self, WaitlistRemove.self, CallListCommand.self],
        defaultSubcommand: List.self)

    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Đặt lịch hẹn (book an appointment).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Họ và tên (full name)") var name: String
        @Option(help: "Số điện thoại (phone; needed for the waitlist)") var phone: String?
        @Option(name: .customLong("id-number"), help: "Số CCCD/CMND") var idNumber: String?
        @Option(help: "Giờ hẹn (time), \"YYYY-MM-DD HH:MM\" or \"DD/MM/YYYY HH:MM\"") var at: String
        @Option(help: "Loại hẹn (kind): guidance (hướng dẫn) | submission (nộp hồ sơ) | home (trả kết quả tại nhà)") var kind: String
        @Option(help: "Mã thủ tục, lặp lại được (procedure code, repeatable; a submission needs one)") var procedure: [String] = []
        @Option(help: "Mã hồ sơ có kết quả mang đến (home: the dossier whose result is brought)") var dossier: String?
        @Option(help: "Địa chỉ (home: where the result is brought; default the dossier's delivery address)") var address: String?
        @Option(help: "Ghi chú (note)") var note: String?
        @Flag(help: "Khi giờ đã kín, ghi vào danh sách chờ (when the slot is full, join the waitlist)") var waitlist = false

        func run() throws {
            try runReporting(global) { lang in
                let now = try global.clock().now()
                let today = VietnamTime.local(now).date
                let request = BookingRequest(name: name, phone: phone, idNumber: idNumber,
                                             at: try AppointmentInput.time(at, today: today),
                                             kind: try AppointmentInput.kind(kind), procedureCodes: procedure,
                                             dossierCode: dossier, address: address, note: note)
                let (calendar, _) = try global.workingCalendar()
                // A new file holds no dossier and no booking: every check runs before it is created.
                let db = try global.openDatabase { profile, lookup, _ in
                    let schedule = AppointmentSchedule(settings: profile.appointments, counters: profile.counters, calendar: calendar)
                    _ = try request.check(schedule: schedule, now: now, existingOn: { _ in [] }, procedure: lookup, dossier: { _ in nil })
                }
                let result = try db.bookAppointment(request, waitlistIfFull: waitlist, now: now,
                                                    actor: try global.actor(counter: nil), calendar: calendar)
                Output.warn(CitizenID.warning(for: idNumber), lang)
                if global.json { Output.print(Output.json(BookingJSON(result))); return }
                let vi = lang == .vi
                switch result {
                case .booked(let a):
                    Output.print(vi ? "Đã đặt lịch hẹn \(a.reference): \(a.kind.label.vi) — \(a.applicantName) — \(a.timeRange) \(CallList.dayName(a.day))."
                                    : "Booked \(a.reference): \(a.kind.label.en) — \(a.applicantName) — \(a.timeRange) \(a.day.iso).")
                    if a.kind == .home, let address = a.address {
                        Output.print(vi ? "Cán bộ vắng mặt tại quầy \(TimeOfDay.hhmm(a.busyFrom))–\(TimeOfDay.hhmm(a.busyUntil)) (kể cả đi đường). Địa chỉ: \(address)."
                                        : "The clerk is away \(TimeOfDay.hhmm(a.busyFrom))–\(TimeOfDay.hhmm(a.busyUntil)) (with travel). Address: \(address).")
                    }
                case .waitlisted(let w):
                    Output.print(vi ? "\(TimeOfDay.hhmm(w.wantedMinute)) \(CallList.dayName(w.day)) đã kín: đã ghi \(w.applicantName) vào danh sách chờ (\(w.reference)); khi có chỗ sẽ gọi \(w.phone)."
                                    : "\(TimeOfDay.hhmm(w.wantedMinute)) on \(w.day.iso) is full: \(w.applicantName) is on the waitlist (\(w.reference)); they will be phoned at \(w.phone) when a place frees up.")
                }
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lịch hẹn trong ngày (a day's appointments).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Ngày (date), default today") var date: String?

        func run() throws {
            try runReporting(global) { lang in
                let today = VietnamTime.local(try global.clock().now()).date
                let day = try AppointmentInput.date(date, today: today)
                let db = try global.openExistingDatabase()
                let (calendar, _) = try global.workingCalendar()
                let schedule = try db.appointmentSchedule(calendar: calendar)
                let list = try db.appointments(day: day)
                if global.json { Output.print(Output.json(list.map(AppointmentJSON.init))); return }
                let vi = lang == .vi
                Output.print(AppointmentInput.dayHeading(day, schedule: schedule, lang: lang, title: vi ? "Lịch hẹn" : "Appointments"))
                if list.isEmpty {
                    Output.print(vi ? "Không có lịch hẹn nào." : "No appointments.")
                } else {
                    let header = vi ? ["Giờ", "Số", "Loại", "Họ tên", "Điện thoại", "Trạng thái", "Phiếu"]
                                    : ["Time", "No.", "Kind", "Name", "Phone", "Status", "Ticket"]
                    Output.print(Output.table(header, list.map { a in
                        [a.timeRange, a.reference, a.kind.label.text(lang), a.applicantName, a.phone ?? "", a.status.label.text(lang), a.ticketCode ?? ""]
                    }))
                }
                let waiting = try db.waitlist(day: day).filter { $0.status != .closed }
                if !waiting.isEmpty {
                    Output.print(vi ? "Danh sách chờ: \(waiting.count) người (motcua appointment waitlist --date \(day.iso))."
                                    : "Waitlist: \(waiting.count) (motcua appointment waitlist --date \(day.iso)).")
                }
            }
        }
    }

    struct Free: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Giờ còn trống trong ngày (free places of a day).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Ngày (date), default today") var date: String?
        @Option(help: "Loại hẹn (kind): guidance | submission | home; default guidance") var kind: String?

        func run() throws {
            try runReporting(global) { lang in
                let now = try global.clock().now()
                let today = VietnamTime.local(now).date
                let day = try AppointmentInput.date(date, today: today)
                let k = try kind.map(AppointmentInput.kind) ?? .guidance
                let db = try global.openExistingDatabase()
                let (calendar, _) = try global.workingCalendar()
                let schedule = try db.appointmentSchedule(calendar: calendar)
                let slots = schedule.slots(on: day, kind: k, existing: try db.placesTaken(day: day))
                let closed = schedule.closure(day)
                let hours = schedule.openSpans(day).map(\.text)
                let length = schedule.minutes(kind: k)
                if global.json {
                    Output.print(Output.json(FreeDayJSON(day: day.iso, kind: k.rawValue, minutes: length, closed: closed?.reason.vi,
                                                         makeUpDay: schedule.isMakeUpDay(day), hours: hours, capacity: schedule.capacity,
                                                         slots: slots.map(SlotJSON.init))))
                    return
                }
                let vi = lang == .vi
                Output.print(AppointmentInput.dayHeading(day, schedule: schedule, lang: lang,
                                                         title: vi ? "Giờ trống" : "Free places"))
                if closed != nil { return }
                Output.print(vi ? "Giờ làm việc: \(hours.joined(separator: ", ")). \(k.label.vi) \(length) phút; \(schedule.capacity) chỗ cùng lúc."
                                : "Opening hours: \(hours.joined(separator: ", ")). \(k.label.en), \(length) minutes; \(schedule.capacity) at once.")
                // Six starts a line (`08:30 2/3`, `08:45 0/3` full), 80 columns; a start already past or
                // closer than the minimum notice says `qua`.
                let earliest = VietnamTime.local(now.addingTimeInterval(TimeInterval(schedule.settings.minNoticeMinutes * 60)))
                let cells = slots.map { s -> String in
                    let free = s.start < earliest ? (vi ? "qua" : "past") : "\(s.free)/\(s.capacity)"
                    return CellWidth.pad("\(s.timeText) \(free)", toCells: 11)
                }
                var line = 0
                while line * 6 < cells.count {
                    let part = cells[(line * 6)..<min(cells.count, line * 6 + 6)].joined(separator: "  ")
                    Output.print(String(part.reversed().drop(while: { $0 == " " }).reversed()))
                    line += 1
                }
                let open = slots.filter { $0.free > 0 && $0.start >= earliest }.count
                Output.print(vi ? "Còn \(open)/\(slots.count) giờ có chỗ." : "\(open) of \(slots.count) times have a place.")
            }
        }
    }

    struct Waitlist: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Danh sách chờ của một ngày (a day's waitlist).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Ngày (date), default today") var date: String?

        func run() throws {
            try runReporting(global) { lang in
                let today = VietnamTime.local(try global.clock().now()).date
                let day = try AppointmentInput.date(date, today: today)
                let db = try global.openExistingDatabase()
                let list = try db.waitlist(day: day)
                if global.json { Output.print(Output.json(list.map(WaitlistJSON.init))); return }
                let vi = lang == .vi
                Output.print(vi ? "Danh sách chờ \(CallList.dayName(day))" : "Waitlist \(day.iso)")
                if list.isEmpty { Output.print(vi ? "Không có ai trong danh sách chờ." : "Nobody is on the waitlist."); return }
                let header = vi ? ["Số", "Giờ muốn", "Loại", "Họ tên", "Điện thoại", "Trạng thái", "Chỗ báo"]
                                : ["No.", "Wanted", "Kind", "Name", "Phone", "Status", "Offered"]
                Output.print(Output.table(header, list.map { w in
                    [w.reference, TimeOfDay.hhmm(w.wantedMinute), w.kind.label.text(lang), w.applicantName, w.phone,
                     w.statusLabel.text(lang), w.offeredMinute.map(TimeOfDay.hhmm) ?? ""]
                }))
            }
        }
    }

    struct CallListCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "call-list",
            abstract: "Danh sách gọi điện: lịch hẹn của ngày và chỗ trống báo cho danh sách chờ, ghi ra tệp (phone list, written to a file).",
            discussion: "Tệp call-lists/goi-dien-YYYY-MM-DD.txt cạnh tệp cơ sở dữ liệu, 80 cột, UTF-8. Default date: the next working day after today.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Ngày của các lịch hẹn cần nhắc (date), default the next working day") var date: String?

        func run() throws {
            try runReporting(global) { lang in
                let now = try global.clock().now()
                let today = VietnamTime.local(now).date
                let db = try global.openExistingDatabase()
                let (calendar, _) = try global.workingCalendar()
                let schedule = try db.appointmentSchedule(calendar: calendar)
                let day = try date.map { try AppointmentInput.date($0, today: today) }
                    ?? CallListFile.defaultDay(after: today, schedule: schedule)
                let list = try CallListFile.make(db, day: day, now: now)
                let file = try CallListFile.write(list, besideDatabase: try global.databasePath())
                if global.json {
                    Output.print(Output.json(CallListJSON(day: day.iso, file: file.path, appointments: list.appointments.map(AppointmentJSON.init),
                                                          offers: list.offers.map(WaitlistJSON.init))))
                    return
                }
                Output.print(list.text)
                Output.print(lang == .vi ? "Đã ghi vào tệp: \(file.path)" : "Written to: \(file.path)")
            }
        }
    }
}

/// How the command line reads an appointment's number, a date, a time and a kind; a bad value is
/// named as the option typed.
enum AppointmentInput {
    /// `12` or `#12`.
    static func id(_ raw: String) throws -> Int64 {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard let n = Int64(t.hasPrefix("#") ? String(t.dropFirst()) : t), n > 0 else {
            throw FieldError(field: "appointment", label: Localized(vi: "Số lịch hẹn", en: "Appointment"),
                             problem: Localized(vi: "'\(raw)' không hợp lệ; dạng đúng như 12 hoặc #12", en: "'\(raw)' is not valid; expected e.g. 12 or #12"))
        }
        return n
    }

    static func date(_ raw: String?, today: LocalDate) throws -> LocalDate {
        guard let raw else { return today }
        guard let d = DateInput.parse(raw, today: today) else {
            throw FieldError(field: "date", label: Localized(vi: "--date", en: "--date"),
                             problem: Localized(vi: "'\(raw)' không phải ngày hợp lệ; dạng đúng 2026-12-01 hoặc 01/12/2026",
                                                en: "'\(raw)' is not a valid date; expected 2026-12-01 or 01/12/2026"))
        }
        return d
    }

    static func time(_ raw: String, today: LocalDate) throws -> LocalDateTime {
        do { return try BookingRequest.parseTime(raw, today: today) } catch let e as FieldError {
            throw FieldError(field: e.field, label: Localized(vi: "--at", en: "--at"), problem: e.problem)
        }
    }

    static func kind(_ raw: String) throws -> AppointmentKind {
        do { return try AppointmentKind.parse(raw) } catch let e as FieldError {
            throw FieldError(field: e.field, label: Localized(vi: "--kind", en: "--kind"), problem: e.problem)
        }
    }

    /// `Lịch hẹn Thứ Ba 17/02/2026: không nhận hẹn — Tết Bính Ngọ (mùng 1 tháng Giêng)`
    static func dayHeading(_ day: LocalDate, schedule: AppointmentSchedule, lang: Language, title: String) -> String {
        let vi = lang == .vi
        var s = vi ? "\(title) \(CallList.dayName(day))" : "\(title) \(day.iso)"
        if let closed = schedule.closure(day) {
            s += vi ? ": không nhận hẹn — \(closed.reason.vi)" : ": closed — \(closed.reason.en)"
        } else if schedule.isMakeUpDay(day) {
            s += vi ? " (ngày làm bù: \(schedule.calendar.day(day)?.reason.vi ?? ""))" : " (make-up working day)"
        }
        return s
    }
}
