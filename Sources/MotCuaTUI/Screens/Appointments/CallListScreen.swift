import Foundation
import MotCuaCore
import MotCuaStore

/// Danh sách gọi điện (`c` on the appointments screen): the next working day's appointments and
/// the places freed today for people on the waitlist, with their phone numbers, written to a
/// text file in `call-lists/` beside the database (no SMS gateway offline) and shown on screen.
/// A small renderer of the desk's own until the command line's is shared.
enum CallListScreen {
    struct Content {
        var day: LocalDate?
        var lines: [String]
    }

    /// The first day after `today` the desk takes appointments, within a month.
    static func nextWorkingDay(after today: LocalDate, _ schedule: AppointmentSchedule) -> LocalDate? {
        (1...31).lazy.map { today.adding(days: $0) }.first { !schedule.openSpans($0).isEmpty }
    }

    static func render(session: DeskSession, language: Language) throws -> Content {
        let en = language == .en
        let schedule = try session.appointmentSchedule()
        let now = VietnamTime.local(session.now)
        var lines = [en ? "CALL LIST — made \(now.hhmm) \(now.date.iso)" : "DANH SÁCH GỌI ĐIỆN — lập lúc \(now.hhmm) \(now.date.vietnamese)", ""]
        let next = nextWorkingDay(after: now.date, schedule)
        if let next {
            let name = "\(OpeningHours.weekdayName(next.isoWeekday)) \(next.vietnamese)"
            lines.append(en ? "Appointments on the next working day, \(next.iso):" : "Lịch hẹn ngày làm việc kế tiếp, \(name):")
            let booked = try session.db.appointments(day: next).filter { $0.status == .booked }
            if booked.isEmpty { lines.append(en ? "  (none)" : "  (không có)") }
            for a in booked {
                let place = a.kind == .home ? " — " + (a.address ?? "") : ""
                lines.append("  \(TimeOfDay.hhmm(a.startMinute)) \(a.reference) \(a.applicantName) · \(a.phone ?? (en ? "no phone" : "không có số")) · "
                             + a.kind.label.text(language) + place)
            }
        } else {
            lines.append(en ? "No working day in the next month." : "Không có ngày làm việc nào trong tháng tới.")
        }
        lines.append("")
        lines.append(en ? "Freed places to offer (waitlist):" : "Chỗ trống cần báo (danh sách chờ):")
        let offers = try session.db.waitlistOffers(from: now.date)
        if offers.isEmpty { lines.append(en ? "  (none)" : "  (không có)") }
        for w in offers {
            let at = TimeOfDay.hhmm(w.offeredMinute ?? w.wantedMinute)
            lines.append("  \(w.reference) \(w.applicantName) · \(w.phone) · \(at) \(w.day.vietnamese) · " + w.kind.label.text(language))
        }
        return Content(day: next, lines: lines)
    }

    /// `…/call-lists/` beside the database (nil when the store is not a file).
    static func folder(_ session: DeskSession) -> URL? {
        let path = session.db.path
        guard !path.isEmpty, path != ":memory:" else { return nil }
        return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("call-lists", isDirectory: true)
    }

    /// Writes the list and returns the page that shows it with the file's path.
    static func make(session: DeskSession, language: Language) throws -> Screen {
        let en = language == .en
        let content = try render(session: session, language: language)
        guard let folder = folder(session) else {
            return TextPanelScreen(title: en ? "Call list (not written: no database file)" : "Danh sách gọi điện (chưa ghi tệp: không có tệp dữ liệu)",
                                   lines: content.lines)
        }
        let name = "call-list-\((content.day ?? session.today).iso).txt"
        let file = folder.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data((content.lines.joined(separator: "\n") + "\n").utf8).write(to: file, options: .atomic)
        } catch {
            throw StoreError("Không ghi được danh sách gọi điện vào \(file.path): \(error.localizedDescription)",
                             "Cannot write the call list to \(file.path): \(error.localizedDescription)")
        }
        return TextPanelScreen(title: en ? "Call list — written to a file" : "Danh sách gọi điện — đã ghi ra tệp",
                               lines: [(en ? "File: " : "Tệp: ") + name, (en ? "Folder: " : "Thư mục: ") + folder.path, ""]
                                   + content.lines)
    }
}
