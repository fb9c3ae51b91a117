import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

/// A subcommand that makes one step on one appointment (`DeskStore.actOnAppointment`); `run` is shared.
protocol AppointmentStepCommand: ParsableCommand {
    var global: GlobalOptions { get }
    var id: String { get }
    func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest
}

extension AppointmentStepCommand {
    func run() throws {
        try runReporting(global) { lang in
            let now = try global.clock().now()
            let request = try request(id: try AppointmentInput.id(id), today: VietnamTime.local(now).date)
            let db = try global.openExistingDatabase()
            let (calendar, _) = try global.workingCalendar()
            let result = try db.actOnAppointment(request, now: now, actor: try global.actor(counter: nil), calendar: calendar)
            if global.json { Output.print(Output.json(AppointmentActionJSON(result, now: now))); return }
            Output.print(AppointmentStepText.describe(request.kind, result, lang: lang))
        }
    }
}

extension AppointmentCommand {
    struct CheckIn: AppointmentStepCommand {
        static let configuration = CommandConfiguration(commandName: "check-in",
            abstract: "Người hẹn đã đến: cấp số thứ tự H… (check in: issue the appointment's ticket; too late: a walk-in's).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số lịch hẹn, ví dụ 12 hoặc #12 (appointment)") var id: String
        func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest { AppointmentActionRequest(id: id, kind: .checkIn) }
    }

    struct Reschedule: AppointmentStepCommand {
        static let configuration = CommandConfiguration(abstract: "Dời lịch hẹn sang giờ khác (reschedule; the old time stays in the history).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số lịch hẹn (appointment)") var id: String
        @Option(help: "Giờ hẹn mới (new time), \"YYYY-MM-DD HH:MM\"") var at: String
        func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest {
            AppointmentActionRequest(id: id, kind: .reschedule, newTime: try AppointmentInput.time(at, today: today))
        }
    }

    struct Cancel: AppointmentStepCommand {
        static let configuration = CommandConfiguration(abstract: "Huỷ lịch hẹn; chỗ trống báo cho người đầu danh sách chờ (cancel; the place is offered to the waitlist).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số lịch hẹn (appointment)") var id: String
        @Option(help: "Lý do huỷ (reason, required)") var reason: String?
        func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest {
            guard TextInput.nonBlank(reason) != nil else {
                throw FieldError(field: "reason", label: Localized(vi: "--reason", en: "--reason"),
                                 problem: Localized(vi: "bắt buộc: lý do huỷ hẹn, ví dụ --reason \"Bận việc gia đình\"",
                                                    en: "required: why it is cancelled, e.g. --reason \"Family matters\""))
            }
            return AppointmentActionRequest(id: id, kind: .cancel, reason: reason)
        }
    }

    struct NoShow: AppointmentStepCommand {
        static let configuration = CommandConfiguration(commandName: "no-show", abstract: "Quá giờ hẹn mà không đến (no-show).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số lịch hẹn (appointment)") var id: String
        func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest { AppointmentActionRequest(id: id, kind: .noShow) }
    }

    struct Serve: AppointmentStepCommand {
        static let configuration = CommandConfiguration(abstract: "Đã phục vụ tại quầy hôm nay, không cần số thứ tự (mark served; a home delivery ends with dossier deliver-home).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số lịch hẹn (appointment)") var id: String
        func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest { AppointmentActionRequest(id: id, kind: .serve) }
    }
}

extension AppointmentCommand {
    struct WaitlistRemove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "waitlist-remove",
            abstract: "Xoá một người khỏi danh sách chờ; chỗ đang giữ cho họ chuyển cho người tiếp theo (take someone off the waitlist).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số trong danh sách chờ, ví dụ C3 hoặc 3 (waitlist entry)") var id: String
        @Option(help: "Lý do (reason), ví dụ không liên lạc được") var reason: String?

        func run() throws {
            try runReporting(global) { lang in
                let t = id.trimmingCharacters(in: .whitespaces).uppercased()
                guard let n = Int64(t.hasPrefix("C") ? String(t.dropFirst()) : t), n > 0 else {
                    throw FieldError(field: "waitlist", label: Localized(vi: "Số trong danh sách chờ", en: "Waitlist entry"),
                                     problem: Localized(vi: "'\(id)' không hợp lệ; dạng đúng như C3 hoặc 3", en: "'\(id)' is not valid; expected e.g. C3 or 3"))
                }
                let now = try global.clock().now()
                let db = try global.openExistingDatabase()
                let r = try db.removeFromWaitlist(n, reason: reason, now: now, actor: try global.actor(counter: nil))
                if global.json { Output.print(Output.json(WaitlistRemovalJSON(r))); return }
                var lines = [lang == .vi ? "Đã xoá \(r.entry.reference) — \(r.entry.applicantName) — khỏi danh sách chờ."
                                         : "Took \(r.entry.reference) — \(r.entry.applicantName) — off the waitlist."]
                if let w = r.offer { lines += AppointmentStepText.offerLines(w, lang: lang) }
                Output.print(lines.joined(separator: "\n"))
            }
        }
    }
}

enum AppointmentStepText {
    static func describe(_ kind: AppointmentActionKind, _ r: AppointmentActionResult, lang: Language) -> String {
        let a = r.appointment
        let vi = lang == .vi
        var lines: [String] = []
        switch kind {
        case .checkIn:
            if let t = r.ticket {
                lines.append(vi ? "Lịch hẹn \(a.reference) — \(a.applicantName) — hẹn \(TimeOfDay.hhmm(a.startMinute)). Số thứ tự:"
                                : "Appointment \(a.reference) — \(a.applicantName) — at \(TimeOfDay.hhmm(a.startMinute)). Ticket:")
                lines.append(contentsOf: bigTicket(t.code))
            }
        case .reschedule:
            lines.append(vi ? "Đã dời lịch hẹn \(a.reference) — \(a.applicantName) — sang \(a.timeRange) \(CallList.dayName(a.day))."
                            : "Moved \(a.reference) — \(a.applicantName) — to \(a.timeRange) \(a.day.iso).")
        case .cancel:
            lines.append(vi ? "Đã huỷ lịch hẹn \(a.reference) — \(a.applicantName) — \(a.timeRange) \(CallList.dayName(a.day))."
                            : "Cancelled \(a.reference) — \(a.applicantName) — \(a.timeRange) \(a.day.iso).")
        case .noShow, .serve:
            lines.append("\(a.reference) — \(a.applicantName): \(a.status.label.text(lang))")
        }
        if let w = r.offer {
            lines.append(contentsOf: offerLines(w, lang: lang))
        } else if let m = r.message {
            lines.append((vi ? "Lưu ý: " : "Note: ") + m.text(lang))
        }
        return lines.joined(separator: "\n")
    }

    /// A freed place held for someone on the waitlist: who to phone, once.
    static func offerLines(_ w: WaitlistEntry, lang: Language) -> [String] {
        let time = TimeOfDay.hhmm(w.offeredMinute ?? w.wantedMinute)
        return lang == .vi
            ? ["Chỗ \(time) \(CallList.dayName(w.day)) được giữ cho người trong danh sách chờ \(w.reference).",
               "GỌI ĐIỆN: \(w.applicantName) — \(w.phone). Đồng ý thì đặt hẹn cho họ vào giờ đó; không liên lạc được thì",
               "  motcua appointment waitlist-remove \(w.reference) (chỗ chuyển cho người chờ tiếp theo)."]
            : ["The place at \(time) \(w.day.iso) is held for \(w.reference) on the waitlist.",
               "PHONE: \(w.applicantName) — \(w.phone). If they accept, book them at that time; if unreachable,",
               "  motcua appointment waitlist-remove \(w.reference) (the place goes to the next person waiting)."]
    }

    /// The ticket number spaced out in a box, to read across the counter.
    static func bigTicket(_ code: String) -> [String] {
        let spaced = code.map(String.init).joined(separator: "  ")
        let inner = CellWidth.of(spaced) + 6
        return ["    ╔" + String(repeating: "═", count: inner) + "╗",
                "    ║   " + spaced + "   ║",
                "    ╚" + String(repeating: "═", count: inner) + "╝"]
    }
}
