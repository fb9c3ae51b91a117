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
            AppointmentActionRequest(id: id, kind: .cancel, reason: reason)
        }
    }

    struct NoShow: AppointmentStepCommand {
        static let configuration = CommandConfiguration(commandName: "no-show", abstract: "Quá giờ hẹn mà không đến (no-show).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số lịch hẹn (appointment)") var id: String
        func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest { AppointmentActionRequest(id: id, kind: .noShow) }
    }

    struct Serve: AppointmentStepCommand {
        static let configuration = CommandConfiguration(abstract: "Đã phục vụ, không cần số thứ tự, ví dụ đã trả kết quả tại nhà (mark served).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Số lịch hẹn (appointment)") var id: String
        func request(id: Int64, today: LocalDate) throws -> AppointmentActionRequest { AppointmentActionRequest(id: id, kind: .serve) }
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
            if let w = r.offer {
                lines.append(vi ? "Gọi điện báo chỗ trống: \(w.applicantName) — \(w.phone) (danh sách chờ \(w.reference))."
                                : "Phone about the free place: \(w.applicantName) — \(w.phone) (waitlist \(w.reference)).")
            }
        case .noShow, .serve:
            lines.append("\(a.reference) — \(a.applicantName): \(a.status.label.text(lang))")
        }
        if let m = r.message { lines.append((vi ? "Lưu ý: " : "Note: ") + m.text(lang)) }
        return lines.joined(separator: "\n")
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
