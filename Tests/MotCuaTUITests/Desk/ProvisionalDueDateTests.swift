import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// Issue 7: a due date across a Tết not announced yet is shown with a mark and its note at the
/// desk, before saving and on the result panel (the receipt the clerk reads out).
@Suite("Desk: a due date across a provisional Tết is marked")
struct ProvisionalDueDateTests {
    @Test("receiving on 3/2/2027: the preview and the result show 15/02/2027* and the note")
    func markedAtReceipt() throws {
        let f = try DeskFlow(at: "2027-02-03 09:00")
        try f.keys("F4 Tab")                      // past the lookup, to the name
        f.type("Le Van Tam")
        try f.keys("Tab Tab Tab Tab")             // CCCD, phone, address, procedure
        f.type("xac nhan tinh trang")
        try f.keys("Enter")
        #expect(f.rows.contains { $0.contains("Ngày hẹn trả") && $0.contains("15/02/2027*") }, "\(f.screen)")
        #expect(f.screen.contains("chưa có thông báo nghỉ Tết 2027"))
        try f.keys("Enter")
        let d = try #require(try f.db.dossiers(matching: DossierQuery()).first)
        #expect(d.dueDate == LocalDate(year: 2027, month: 2, day: 15))
        #expect(f.screen.contains("Ngày hẹn trả: 15/02/2027*") && f.screen.contains("* dự kiến — chưa có thông báo nghỉ Tết 2027"), "\(f.screen)")
    }

    @Test("an ordinary week has no mark")
    func noMarkOtherwise() throws {
        let f = try DeskFlow(at: "2026-11-25 09:00")
        try f.keys("F4 Tab Tab Tab Tab Tab")
        f.type("xac nhan tinh trang")
        try f.keys("Enter")
        #expect(f.rows.contains { $0.contains("Ngày hẹn trả") && $0.contains("30/11/2026") && !$0.contains("*") }, "SCREEN\n\(f.screen)")
    }

    @Test("a notice entered while the desk is open applies at once: the mark goes")
    func noticeEnteredWhileOpen() throws {
        let f = try DeskFlow(at: "2027-02-03 09:00")
        let file = NSTemporaryDirectory() + "motcua-cal-" + UUID().uuidString + ".txt"
        defer { try? FileManager.default.removeItem(atPath: file) }
        f.session.watchCalendar(file: file) {
            let text = CalendarAnnouncements.builtInText + "\n" + ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
            return WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: text, fileName: file))
        }
        try f.keys("F4 Tab Tab Tab Tab Tab")
        f.type("xac nhan tinh trang")
        try f.keys("Enter")
        #expect(f.rows.contains { $0.contains("15/02/2027*") }, "\(f.screen)")
        let notice = ["04", "05", "08", "09", "10"].map { "2027-02-\($0) tet Tết Đinh Mùi | Thông báo 1/TB-TEST" }.joined(separator: "\n")
        try notice.write(toFile: file, atomically: true, encoding: .utf8)
        try f.keys("Esc Enter F4 Tab Tab Tab Tab Tab")   // close the form (asks: Có), open it again
        f.type("xac nhan tinh trang")
        try f.keys("Enter")
        #expect(f.rows.contains { $0.contains("Ngày hẹn trả") && $0.contains("15/02/2027") && !$0.contains("*") }, "\(f.screen)")
    }
}

@Suite("Desk: the due date after the cut-off")
struct AfterCutoffPreviewTests {
    @Test("received at 15:01 a same-day procedure says where the count starts, not just 'trong ngày'")
    func afterCutoff() throws {
        let f = try DeskFlow(at: "2026-11-25 15:01")
        try f.keys("F4 Tab Tab Tab Tab Tab")
        f.type("chung thuc ban sao tu ban chinh giay to")
        try f.keys("Enter")
        #expect(f.rows.contains { $0.contains("Ngày hẹn trả") && $0.contains("26/11/2026") && $0.contains("tính từ 26/11/2026") }, "\(f.screen)")
    }
}

@Suite("Register: the provisional mark")
struct RegisterProvisionalMarkTests {
    @Test("the register shows 15/02/27* for a dossier whose due date rests on the unannounced Tết")
    func registerMark() throws {
        let f = try DeskFlow(at: "2027-02-03 09:00")
        _ = try f.db.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Lê Văn Tám"), now: f.session.now,
                                    actor: f.session.actor, calendar: f.session.calendar)
        try f.keys("M-3")
        #expect(f.rows.contains { $0.contains("Lê Văn Tám") && $0.contains("15/02/27*") }, "\(f.screen)")
    }
}

@Suite("Desk: a calendar file that does not read")
struct CalendarFileProblemTests {
    @Test("a bad hand-edited line is said on the queue and the calendar in force stays")
    func badLineIsSaid() throws {
        let f = try DeskFlow(at: "2027-02-03 09:00")
        let file = NSTemporaryDirectory() + "motcua-cal-" + UUID().uuidString + ".txt"
        defer { try? FileManager.default.removeItem(atPath: file) }
        f.session.watchCalendar(file: file) {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            return WorkingCalendar(announcements: try CalendarAnnouncements.parse(text: text, fileName: file))
        }
        try "2027-02-30 off Ngày sai | QĐ 1\n".write(toFile: file, atomically: true, encoding: .utf8)
        try f.keys("Down")                         // any key: the shell polls for changes after it
        #expect(f.session.calendarProblem?.contains(file) == true)
        #expect(f.rows[20...22].joined().contains("Tệp lịch chưa áp dụng"), "\(f.screen)")
        #expect(!f.session.calendar.isWorkingDay(LocalDate(year: 2027, month: 2, day: 5) ?? LocalDate(julianDay: 0)))
    }
}

