import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// What a new clerk found trying the appointments desk (README and F1 only, tmux 80×24), one
/// test per finding; each fails without its fix.
@Suite("Lịch hẹn: the clerk's trial findings")
struct AppointmentTrialTests {
    /// Two bookings fill 06/01 08:00; Phạm Văn Cường waits for it.
    func fullWithWaitlist() throws -> AppointmentFixture {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00", phone: "0912345678")
        try f.book("Trần Thị Bình", at: "2026-01-06 08:00")
        let full = BookingRequest(name: "Phạm Văn Cường", phone: "0987654321", idNumber: "001099012345",
                                  at: try #require(LocalDateTime(parsing: "2026-01-06 08:00")), kind: .guidance)
        _ = try f.db.bookAppointment(full, waitlistIfFull: true, now: f.session.now, actor: f.clerk, calendar: f.session.calendar)
        f.app.refresh()
        return f
    }

    @Test("1: a reschedule that frees a place shows the person to phone, as a cancel does")
    func rescheduleShowsOffer() throws {
        let f = try fullWithWaitlist()
        try f.keys("M-2 Right F6")
        #expect(f.screen.contains("Dời lịch hẹn #1"), "\(f.screen)")
        try f.keys("Enter")
        #expect(try f.db.appointment(id: 1)?.startMinute != 8 * 60)
        #expect(f.screen.contains("GỌI ĐIỆN: Phạm Văn Cường — 0987654321"), "\(f.screen)")
        #expect(f.message.contains("Phạm Văn Cường"), "\(f.message)")
        // The move itself is said on the offer page too (second trial: it was hidden).
        #expect(f.screen.contains("Đã dời hẹn #1 sang"), "\(f.screen)")
    }

    @Test("4: No at a question and Esc on the search line say nothing changed; Esc closes / at once")
    func noSaysNothingChanged() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00")
        try f.setClock("2026-01-06 07:50")
        try f.keys("M-2 F8")
        try f.setClock("2026-01-06 08:30")
        try f.keys("F8")
        #expect(f.top is ConfirmScreen)
        try f.keys("Esc")
        #expect(f.message == "Không thay đổi gì", "\(f.message)")
        #expect(!f.message.contains("Đã huỷ"))
        try f.keys("/")
        f.type("an")
        try f.keys("Esc")
        #expect(f.top is AppointmentsScreen, "\(f.screen)")
        #expect(f.message == "Không thay đổi gì", "\(f.message)")
    }

    @Test("5: F2 on the offer page opens the booking form filled for that person, with the held time; it books")
    func offerBooks() throws {
        let f = try fullWithWaitlist()
        try f.keys("M-2 Right Del")
        f.type("Baanj")
        try f.keys("Enter Enter")
        #expect(f.screen.contains("GỌI ĐIỆN: Phạm Văn Cường"), "\(f.screen)")
        try f.keys("F2")
        #expect(f.screen.contains("Đặt lịch hẹn"), "\(f.screen)")
        #expect(f.rows.first { $0.contains("Họ và tên") }?.contains("Phạm Văn Cường") == true, "\(f.screen)")
        #expect(f.rows.first { $0.contains("Điện thoại") }?.contains("0987654321") == true)
        #expect(f.rows.first { $0.contains("Số CCCD") }?.contains("001099012345") == true)
        #expect(f.rows.first { $0.contains("Hoặc giờ khác") }?.contains("06/01/2026 08:00") == true, "\(f.screen)")
        try f.keys("C-s")
        #expect(f.screen.contains("ĐÃ ĐẶT HẸN"), "\(f.screen)\n\(f.message)")
        let booked = try f.db.appointments(day: AppointmentFixture.day("2026-01-06")).filter { $0.applicantName == "Phạm Văn Cường" }
        #expect(booked.first?.startMinute == 8 * 60 && booked.first?.phone == "0987654321", "\(booked)")
        #expect(try f.db.waitlist(day: AppointmentFixture.day("2026-01-06")).allSatisfy { $0.status == .closed })
    }

    @Test("5: the waitlist page is a list: F2 books the selected entry, Del takes it off with a reason; help lists both")
    func waitlistPage() throws {
        let f = try fullWithWaitlist()
        try f.keys("M-2 Right d")
        #expect(f.top is WaitlistScreen, "\(f.screen)")
        #expect(f.screen.contains("Phạm Văn Cường"))
        let help = f.app.helpEntries(for: try #require(f.top)).map { "\($0.keys) \($0.text)" }.joined(separator: "\n")
        #expect(help.contains("F2") && help.contains("Del Bỏ người đang chọn khỏi danh sách chờ"), "\(help)")
        try f.keys("F1")
        #expect(f.screen.contains("Trợ giúp — Danh sách chờ"), "\(f.screen)")
        try f.keys("Esc F2")
        #expect(f.rows.first { $0.contains("Họ và tên") }?.contains("Phạm Văn Cường") == true, "\(f.screen)")
        try f.keys("Esc")
        if f.top is ConfirmScreen { try f.keys("Enter") }
        #expect(f.top is WaitlistScreen, "\(f.screen)")
        try f.keys("Del")
        #expect(f.top is PromptScreen)
        f.type("Khoong caanf nuwax")
        try f.keys("Enter")
        #expect(f.message.contains("Đã bỏ C1 Phạm Văn Cường"), "\(f.message)")
        #expect(try f.db.waitlist(day: AppointmentFixture.day("2026-01-06")).first?.status == .closed)
        #expect(!f.screen.contains("0987654321"), "\(f.screen)")
    }

    @Test("5: taking an offered person off passes the held place to the next, whose offer page opens")
    func removalPassesThePlaceOn() throws {
        let f = try fullWithWaitlist()
        let second = BookingRequest(name: "Đỗ Thị Hoa", phone: "0911000222",
                                    at: try #require(LocalDateTime(parsing: "2026-01-06 08:00")), kind: .guidance)
        _ = try f.db.bookAppointment(second, waitlistIfFull: true, now: f.session.now, actor: f.clerk, calendar: f.session.calendar)
        _ = try f.db.actOnAppointment(AppointmentActionRequest(id: 1, kind: .cancel, reason: "Bận"), now: f.session.now,
                                      actor: f.clerk, calendar: f.session.calendar)
        try f.keys("M-2 Right d")
        #expect(f.screen.contains("Phạm Văn Cường"), "\(f.screen)")
        try f.keys("Del")
        f.type("Khoong nghe may")
        try f.keys("Enter")
        #expect(f.screen.contains("GỌI ĐIỆN: Đỗ Thị Hoa — 0911000222"), "\(f.screen)\n\(f.message)")
    }

    @Test("8: / on a late citizen: the question says late by N minutes, queued as a walk-in")
    func lateCheckInQuestion() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00", phone: "0912345678")
        try f.setClock("2026-01-06 08:40")
        try f.keys("M-2 /")
        f.type("0912345678")
        try f.keys("Enter")
        #expect(f.top is ConfirmScreen)
        #expect(f.screen.contains("Đến muộn 40 phút"), "\(f.screen)")
    }

    @Test("9: the call list on screen keeps its columns and its 80-character rule on one line")
    func callListVerbatim() throws {
        let f = try AppointmentFixture()
        try f.book("Lê Văn Cường", at: "2026-01-10 09:30", phone: "0987654321")
        try f.setClock("2026-01-09 10:00")
        try f.keys("M-2 c")
        let folder = ((f.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("call-lists")
        let text = try String(contentsOfFile: (folder as NSString).appendingPathComponent("goi-dien-2026-01-10.txt"), encoding: .utf8)
        let row = try #require(text.split(separator: "\n").map(String.init).first { $0.contains("Lê Văn Cường") })
        // The row as written, spacing kept (cut to the screen's 78 columns at most).
        #expect(f.rows.contains { $0.contains(CellWidth.truncate(row, toCells: 70)) }, "\(row)\n\(f.screen)")
        // No line of '=' wrapped onto a second row.
        #expect(!f.rows.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("==") && $0.trimmingCharacters(in: .whitespaces).count < 10 },
                "\(f.screen)")
    }

    @Test("12: picking the dossier of a home delivery fills the applicant's phone")
    func homeDeliveryPhone() throws {
        let f = try AppointmentFixture()
        let procedure = try #require(try f.db.procedures().first { $0.deliveries.contains(.home) })
        let d = try f.db.receiveDossier(ReceiveRequest(procedureCode: procedure.code, name: "Đỗ Thị Hường", phone: "0911222333",
                                                       delivery: "home", deliveryAddress: "Thôn 5, xã Tân Phú"),
                                        now: f.session.now.addingTimeInterval(-3600), actor: f.clerk, calendar: f.session.calendar)
        try f.keys("M-2 F2 Tab Right Right Tab Tab Tab Tab")
        f.type(String(d.code.prefix(6)))
        try f.keys("Enter")
        #expect(f.rows.first { $0.contains("Điện thoại") }?.contains("0911222333") == true, "\(f.screen)")
    }

    @Test("10: F5 on a home delivery says its refusal once")
    func homeRefusalOnce() throws {
        let f = try AppointmentFixture()
        let procedure = try #require(try f.db.procedures().first { $0.deliveries.contains(.home) })
        let d = try f.db.receiveDossier(ReceiveRequest(procedureCode: procedure.code, name: "Đỗ Thị Hường", phone: "0911222333",
                                                       delivery: "home", deliveryAddress: "Thôn 5, xã Tân Phú"),
                                        now: f.session.now.addingTimeInterval(-3600), actor: f.clerk, calendar: f.session.calendar)
        let at = try #require(LocalDateTime(parsing: "2026-01-05 09:20"))
        _ = try f.db.bookAppointment(BookingRequest(name: "Đỗ Thị Hường", at: at, kind: .home, dossierCode: d.code, address: "Thôn 5"),
                                     waitlistIfFull: false, now: f.session.now, actor: f.clerk, calendar: f.session.calendar)
        try f.keys("M-2 F5")
        let said = f.screen.components(separatedBy: "hẹn trả tại nhà").count - 1
        #expect(said == 1, "\(f.screen)")
    }

    @Test("2: a procedure the catalogue does not know is refused, naming the field; nothing is written")
    func unknownProcedureRefused() throws {
        let f = try AppointmentFixture()
        try f.keys("M-2 F2 Tab Right Tab")   // kind: Nộp hồ sơ
        f.type("Le Van Tam")
        try f.keys("Tab")
        f.type("0912345678")
        try f.keys("Tab Tab")
        f.type("ks")
        try f.keys("Tab")
        #expect(f.form?.form.value(of: "procedure") != nil, "\(f.screen)")
        f.type("xyzq")
        #expect(f.screen.contains("không tìm thấy"), "\(f.screen)")
        try f.keys("Tab Enter")
        #expect(!f.screen.contains("ĐÃ ĐẶT HẸN"), "\(f.screen)")
        #expect(f.screen.contains("'xyzq' không có trong danh mục") || f.message.contains("Thủ tục 2: 'xyzq' không có trong danh mục"),
                "\(f.screen)\n\(f.message)")
        #expect(try f.db.appointments(day: AppointmentFixture.day("2026-01-05")).isEmpty)
        #expect(try f.db.appointments(day: AppointmentFixture.day("2026-01-06")).isEmpty)
    }

    @Test("3: typing on the slot choice goes to 'Hoặc giờ khác' (the choice never steps); a time alone is on the chosen day")
    func typingOnSlotChoice() throws {
        let f = try AppointmentFixture()
        try f.keys("M-2 F2 Tab Tab")
        f.type("Nguyeenx Vawn An")
        try f.keys("Tab")
        f.type("0912345678")
        for _ in 0..<5 { try f.keys("Tab") }   // CCCD, 3 procedures, the slot choice
        let form = try #require(f.form)
        #expect(form.form.focusedID == "at")
        let chosen = form.form.value(of: "at")
        f.type("10h30")
        #expect(form.form.value(of: "at") == chosen, "the choice stepped")
        #expect(form.form.focusedID == "at_text" && form.form.value(of: "at_text") == "10h30", "\(f.screen)")
        try f.keys("Enter")
        #expect(f.screen.contains("ĐÃ ĐẶT HẸN"), "\(f.screen)\n\(f.message)")
        let a = try #require(try f.db.appointments(day: AppointmentFixture.day("2026-01-05")).first)
        #expect(a.startMinute == 10 * 60 + 30)
    }

    @Test("3: 'Hoặc giờ khác' takes 8h30, 08:30, 8:30 (the chosen day), dd/mm HH:MM and dd/mm/yyyy HH:MM")
    func otherTimeForms() throws {
        let today = AppointmentFixture.day("2026-01-05")
        var form = Form(title: Localized(vi: "t", en: "t"), fields: [.choice(SlotFields.choice([], language: .vi)), SlotFields.otherField],
                        language: .vi)
        for (typed, want) in [("8h30", "2026-01-07 08:30"), ("08:30", "2026-01-07 08:30"), ("8:30", "2026-01-07 08:30"),
                              ("09/01 10:00", "2026-01-09 10:00"), ("09/01/2026 10:15", "2026-01-09 10:15")] {
            form.setText(typed, of: "at_text")
            let at = try SlotFields.time(form, today: today, day: AppointmentFixture.day("2026-01-07"))
            #expect(at == LocalDateTime(parsing: want), "\(typed) → \(at)")
        }
    }

    @Test("6: the week grid never shows gone-by rows as free; places held for an offer count as taken")
    func weekGridPastAndHeld() throws {
        let f = try fullWithWaitlist()
        try f.keys("M-2 w")
        // Monday 05/01 at 08:00 with an hour's notice: 07:00–08:30 are gone by.
        let r0700 = try #require(f.rows.first { $0.hasPrefix(" 07:00") })
        #expect(r0700.contains(" –") && !r0700.hasPrefix(" 07:00  0/4"), "\(r0700)")
        let r0900 = try #require(f.rows.first { $0.hasPrefix(" 09:00") })
        #expect(r0900.hasPrefix(" 09:00  0/4"), "\(r0900)")
        // Cancel #1: its place is held for Phạm Văn Cường, so 06/01 08:00 stays full.
        _ = try f.db.actOnAppointment(AppointmentActionRequest(id: 1, kind: .cancel, reason: "Bận"), now: f.session.now,
                                      actor: f.clerk, calendar: f.session.calendar)
        f.app.refresh()
        let r0800 = try #require(f.rows.first { $0.hasPrefix(" 08:00") })
        #expect(r0800.contains("1/2"), "\(r0800)")   // 08:00 full, 08:15 both free
        try f.keys("w Right")
        let free = try #require(f.rows.first { $0.contains("Còn trống") })
        #expect(!free.contains("08:00 ("), "\(free)")
    }

    @Test("7: queue: an H ticket shows its time; a long wait is whole; headings apart; 'Hẹn sắp tới' only what is still to come")
    func queueColumnsAndUpcoming() throws {
        let f = try AppointmentFixture(at: "2026-01-06 07:00")
        _ = try f.db.addWalkIn(WalkInRequest(name: "Người chờ lâu"), now: f.session.now,
                               actor: f.clerk)
        try f.book("Nguyễn Văn An", at: "2026-01-06 09:00", phone: "0912345678")
        try f.book("Trần Thị Bình", at: "2026-01-06 09:15")
        try f.book("Lê Văn Cường", at: "2026-01-06 09:30")
        try f.setClock("2026-01-06 09:05")
        try f.keys("M-2")
        try f.keys("Right Left")
        _ = try f.db.actOnAppointment(AppointmentActionRequest(id: 2, kind: .checkIn), now: f.session.now, actor: f.clerk,
                                      calendar: f.session.calendar)
        try f.keys("M-1")
        let header = try #require(f.rows.first { $0.contains("Ưu tiên") })
        #expect(header.contains("Ưu tiên  ") && !header.contains("Ưu tiên Thủ tục"), "\(header)")
        let h = try #require(f.rows.first { $0.contains("Trần Thị Bình") })
        #expect(h.contains("hẹn 09:15"), "\(h)")
        let long = try #require(f.rows.first { $0.contains("A001") }, "\(f.screen)")
        #expect(long.hasSuffix("!125 ph"), "\(long)")   // waiting since 07:00, whole
        let line = try #require(f.rows.first { $0.contains("Hẹn sắp tới") })
        // 09:00 has passed (not checked in), 09:15 is checked in: only 09:30 is still to come.
        #expect(line.contains("09:30 Lê Văn Cường") && !line.contains("09:00") && !line.contains("Trần Thị Bình"), "\(line)")
    }

    @Test("11: help on the appointments screens fits 80 columns; PgDn pages it; the footer says how to scroll")
    func helpFitsAndPages() throws {
        let f = try fullWithWaitlist()
        for script in ["M-2", "w", "w Right d", "Esc F2", "Esc"] {
            try f.keys(script)
            if f.top is ConfirmScreen { try f.keys("Enter") }
            let top = try #require(f.top)
            let entries = f.app.helpEntries(for: top)
            let keyWidth = min(24, max(8, entries.map { CellWidth.of($0.keys) }.max() ?? 8))
            for e in entries {
                #expect(CellWidth.of(e.text) <= 80 - 4 - keyWidth, "\(script): '\(e.keys) \(e.text)' is cut at 80 columns")
            }
        }
        try f.keys("M-2 F1")
        #expect(f.screen.contains("PgDn/PgUp để cuộn"), "\(f.screen)")
        let first = f.rows[4]
        let day = f.appointments?.day
        try f.keys("PgDn")
        #expect(f.app.isShowingHelp && f.rows[4] != first, "\(f.screen)")
        #expect(f.appointments?.day == day, "PgDn changed the week under the help")
        try f.keys("PgUp")
        #expect(f.rows[4] == first)
    }
}
