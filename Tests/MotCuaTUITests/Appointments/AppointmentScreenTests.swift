import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

@Suite("Lịch hẹn: the appointments screens")
struct AppointmentScreenTests {
    @Test("M-2 opens the day list: time, #id, kind, name, phone, status, ticket, and the free places")
    func dayList() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00", phone: "0912345678")
        try f.book("Trần Thị Bình", at: "2026-01-06 08:00")
        try f.keys("M-2")
        #expect(f.top is AppointmentsScreen)
        #expect(f.screen.contains("Lịch hẹn — Thứ Hai 05/01/2026 (hôm nay) · 0 hẹn"), "\(f.screen)")
        #expect(f.screen.contains("(chưa có lịch hẹn)"))
        // From now (08:00) plus the desk's hour of notice: only bookable places (trial finding 6).
        let todayFree = try #require(f.rows.first { $0.contains("Còn trống") })
        #expect(todayFree.contains("Còn trống (") && todayFree.contains(": 09:00 (2)") && !todayFree.contains("08:"), "\(todayFree)")
        try f.keys("Right")
        #expect(f.screen.contains("Lịch hẹn — Thứ Ba 06/01/2026 · 2 hẹn"), "\(f.screen)")
        let an = try #require(f.rows.first { $0.contains("Nguyễn Văn An") })
        #expect(an.contains("08:00") && an.contains("#1") && an.contains("H Hướng dẫn") && an.contains("0912345678") && an.contains("Đã hẹn"))
        #expect(f.rows.contains { $0.contains("#2") && $0.contains("Trần Thị Bình") })
        // 08:00 is full (two places, two bookings): not among the free times.
        let free = try #require(f.rows.first { $0.contains("Còn trống") })
        #expect(free.contains("07:45 (2), 08:15 (2)"), "\(free)")
        #expect(!free.contains("08:00 ("))
        // Up/Down select an appointment.
        #expect(f.appointments?.selectedAppointment?.applicantName == "Nguyễn Văn An")
        try f.keys("Down")
        #expect(f.appointments?.selectedAppointment?.applicantName == "Trần Thị Bình")
        // The header fits: every column heading whole at 80 columns.
        #expect(f.rows.contains { $0.contains("Giờ") && $0.contains("Điện thoại") && $0.contains("Trạng thái") && $0.contains("Phiếu") })
    }

    @Test("the week of the make-up Saturday 10/01/2026 has six columns; the week of 12/01 five; all in 80×24")
    func weekGridMakeUpSaturday() throws {
        let f = try AppointmentFixture()
        try f.book("Lê Văn Cường", at: "2026-01-10 09:30", phone: "0987654321")
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00")
        try f.keys("M-2 w")
        let header = try #require(f.rows.first { $0.contains("T2 05/01") })
        for day in ["T2 05/01", "T3 06/01", "T4 07/01", "T5 08/01", "T6 09/01", "T7 10/01"] {
            #expect(header.contains(day), "\(day) missing: \(header)")
        }
        #expect(!header.contains("CN"))
        #expect(f.screen.contains("tuần 05/01–10/01/2026 · làm bù T7 10/01"), "\(f.screen)")
        // Rows by half hour over the opening hours, lunch left out, the totals and the legend.
        #expect(f.rows.contains { $0.hasPrefix(" 07:00") } && f.rows.contains { $0.hasPrefix(" 16:30") })
        #expect(!f.rows.contains { $0.hasPrefix(" 12:00") })
        let nine30 = try #require(f.rows.first { $0.hasPrefix(" 09:30") })
        #expect(nine30.hasSuffix("1/3"), "the Saturday booking at 09:30: \(nine30)")
        let eight = try #require(f.rows.first { $0.hasPrefix(" 08:00") })
        #expect(eight.contains("1/3"))
        #expect(f.rows.contains { $0.contains("Tổng") && $0.contains("1 hẹn") })
        #expect(f.rows[22].contains("Ô: số hẹn/chỗ còn trống") || f.screen.contains("Ô: số hẹn/chỗ còn trống"))
        #expect(f.rows.count == 24 && f.rows.allSatisfy { CellWidth.of($0) <= 80 })
        // A week later (PgDn): Monday 12/01 to Friday 16/01, no Saturday.
        try f.keys("PgDn")
        let next = try #require(f.rows.first { $0.contains("T2 12/01") })
        #expect(next.contains("T6 16/01") && !next.contains("T7"))
        #expect(f.screen.contains("tuần 12/01–16/01/2026") && !f.screen.contains("làm bù"))
        try f.keys("PgUp")
        #expect(f.rows.contains { $0.contains("T7 10/01") })
        // ←/→ in the grid move over the days it shows: Friday → the make-up Saturday → Monday.
        try f.keys("g")
        f.type("09/01")
        try f.keys("Enter Right")
        #expect(f.appointments?.day == AppointmentFixture.day("2026-01-10"))
        try f.keys("Right")
        #expect(f.appointments?.day == AppointmentFixture.day("2026-01-12"))
        try f.keys("w")
        #expect(f.screen.contains("Thứ Hai 12/01/2026"))
    }

    @Test("Tết 16–20/02/2026: the week grid names the holiday in every column, the day list says it is closed")
    func tetWeek() throws {
        let f = try AppointmentFixture(at: "2026-02-10 08:00")
        try f.keys("M-2 g")
        f.type("18/02")
        try f.keys("Enter")
        #expect(f.screen.contains("Nghỉ: Tết Bính Ngọ (mùng 2 tháng Giêng)"), "\(f.screen)")
        #expect(!f.screen.contains("Còn trống"))
        try f.keys("w")
        let first = try #require(f.rows.first { $0.hasPrefix(" 07:00") })
        #expect(first.components(separatedBy: "Tết Bính Ngọ").count == 6, "five closed columns: \(first)")
        #expect(f.rows.contains { $0.contains("Tổng") && $0.components(separatedBy: "nghỉ").count == 6 })
    }

    @Test("Giỗ Tổ 2026 falls on Sunday 26/04: Monday 27/04 is closed, by name, in the list and the grid")
    func gioTo() throws {
        let f = try AppointmentFixture(at: "2026-04-20 08:00")
        try f.keys("M-2 g")
        f.type("27/04/2026")
        try f.keys("Enter")
        #expect(f.screen.contains("Lịch hẹn — Thứ Hai 27/04/2026"))
        #expect(f.screen.contains("Nghỉ: Nghỉ bù Giỗ Tổ Hùng Vương"), "\(f.screen)")
        try f.keys("w")
        let header = try #require(f.rows.first { $0.contains("T2 27/04") })
        #expect(header.contains("T3 28/04"))
        #expect(f.rows.first { $0.hasPrefix(" 07:00") }?.contains("Nghỉ bù Giỗ") == true, "\(f.screen)")
        // Tuesday and Wednesday are open, 30/04 and 01/05 are holidays.
        #expect(f.rows.first { $0.hasPrefix(" 07:00") }?.contains("0/4") == true)
        #expect(f.screen.contains("Ngày Chiến") && f.screen.contains("Ngày Quốc tế"))
    }

    @Test("jump to a date: dd/mm, dd/mm/yyyy; a bad date is refused naming the expected form")
    func jumpToDate() throws {
        let f = try AppointmentFixture()
        try f.keys("M-2 g")
        #expect(f.top is PromptScreen)
        f.type("12/01")
        try f.keys("Enter")
        #expect(f.appointments?.day == AppointmentFixture.day("2026-01-12"))
        #expect(f.screen.contains("Thứ Hai 12/01/2026"))
        try f.keys("g")
        f.type("27/04/2026")
        try f.keys("Enter")
        #expect(f.appointments?.day == AppointmentFixture.day("2026-04-27"))
        for bad in ["31/02", "12-01", "hôm qua"] {
            try f.keys("g")
            f.type(bad)
            try f.keys("Enter")
            #expect(f.top is PromptScreen, "\(bad) was accepted")
            // A date written right that the calendar does not have is said so; other text, the form.
            let expected = bad == "31/02" ? "Không có ngày '31/02' trong lịch" : "cần dạng dd/mm hoặc dd/mm/yyyy"
            #expect(f.message.contains(expected), "\(bad): \(f.message)")
            try f.keys("C-u Esc")
            #expect(f.top is AppointmentsScreen)
        }
        #expect(f.appointments?.day == AppointmentFixture.day("2026-04-27"))
        try f.keys("t")
        #expect(f.appointments?.day == AppointmentFixture.day("2026-01-05"))
    }

    @Test("F2 books: the next free slot is offered, Enter books it, and it shows in the list")
    func bookFromForm() throws {
        let f = try AppointmentFixture()
        try f.keys("M-2 F2")
        #expect(f.screen.contains("Đặt lịch hẹn"))
        // Now 08:00 and an hour's notice: 09:00 today is the first free slot.
        let at = try #require(f.rows.first { $0.contains("Giờ hẹn") })
        #expect(at.contains("09:00 T2 05/01 (còn 2)"), "\(at)")
        try f.keys("Tab Tab")
        f.type("Nguyeenx Vawn An")
        try f.keys("Tab")
        f.type("0912345678")
        try f.keys("Enter")
        #expect(f.screen.contains("ĐÃ ĐẶT HẸN #1"), "\(f.screen)\n\(f.message)")
        let a = try #require(try f.db.appointments(day: AppointmentFixture.day("2026-01-05")).first)
        #expect(a.applicantName == "Nguyễn Văn An" && a.startMinute == 9 * 60 && a.phone == "0912345678" && a.kind == .guidance)
        try f.keys("Esc")
        #expect(f.top is AppointmentsScreen)
        #expect(f.rows.contains { $0.contains("09:00") && $0.contains("#1") && $0.contains("Nguyễn Văn An") })
    }

    @Test("a home delivery picks the open dossier; its delivery address and applicant fill in; the slot allows for travel")
    func bookHomeDelivery() throws {
        let f = try AppointmentFixture()
        let procedure = try #require(try f.db.procedures().first { $0.deliveries.contains(.home) })
        let d = try f.db.receiveDossier(ReceiveRequest(procedureCode: procedure.code, name: "Đỗ Thị Hường", phone: "0911222333",
                                                       delivery: "home", deliveryAddress: "Thôn 5, xã Tân Phú"),
                                        now: f.session.now.addingTimeInterval(-3600), actor: f.clerk, calendar: f.session.calendar)
        try f.keys("M-2 F2 Tab Right Right")
        #expect(f.rows.contains { $0.contains("Loại hẹn") && $0.contains("Trả tại nhà") })
        // Home: 30 minutes with 20 minutes' travel each way: 07:20, 07:50 … from 09:00 on.
        #expect(f.rows.first { $0.contains("Giờ hẹn") }?.contains("09:20 T2 05/01") == true, "\(f.screen)")
        try f.keys("Tab Tab Tab Tab")          // name, phone, CCCD, then the dossier (procedures passed over)
        #expect(f.rows.contains { $0.contains("Hồ sơ trả tại nhà") })
        f.type(String(d.code.prefix(6)))
        try f.keys("Enter")
        #expect(f.rows.first { $0.contains("Địa chỉ") }?.contains("Thôn 5, xã Tân Phú") == true, "\(f.screen)")
        #expect(f.rows.first { $0.contains("Họ và tên") }?.contains("Đỗ Thị Hường") == true)
        try f.keys("Enter")
        #expect(f.screen.contains("ĐÃ ĐẶT HẸN #1"), "\(f.screen)\n\(f.message)")
        let a = try #require(try f.db.appointment(id: 1))
        #expect(a.kind == .home && a.dossierCode == d.code && a.address == "Thôn 5, xã Tân Phú" && a.startMinute == 9 * 60 + 20)
        try f.keys("Esc")
        #expect(f.rows.contains { $0.contains("09:20") && $0.contains("T Trả tại nhà") && $0.contains("Đỗ Thị Hường") })
        // Nobody comes to the desk for it: F5 says what closes it instead.
        try f.keys("F5")
        #expect(f.message.contains("hẹn trả tại nhà") && f.message.contains("hồ sơ \(d.code) đã trả tại nhà"), "\(f.message)")
        #expect(try f.db.appointment(id: 1)?.status == .booked)
    }

    @Test("a submission needs a procedure; the error is shown beside the field and nothing is booked")
    func submissionNeedsProcedure() throws {
        let f = try AppointmentFixture()
        try f.keys("M-2 F2 Tab Right Tab")   // kind: Nộp hồ sơ
        f.type("Le Van Tam")
        try f.keys("Enter")
        let row = try #require(f.rows.first { $0.contains("Thủ tục 1") })
        #expect(row.contains("ít nhất một thủ tục") || f.screen.contains("ít nhất một thủ tục"), "\(f.screen)")
        #expect(try f.db.appointments(day: AppointmentFixture.day("2026-01-05")).isEmpty)
    }

    @Test("a full time typed by hand offers the waitlist; yes puts the citizen on it")
    func fullTimeOffersWaitlist() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00")
        try f.book("Trần Thị Bình", at: "2026-01-06 08:00")
        try f.keys("M-2 F2 Tab Tab")
        f.type("Phamj Vawn Cuwowngf")
        try f.keys("Tab")
        f.type("0987654321")
        for _ in 0..<6 { try f.keys("Tab") }    // CCCD, 3 procedures, the offered time, another time
        #expect(f.rows.contains { $0.contains("Hoặc giờ khác") })
        f.type("06/01 08:00")
        try f.keys("Enter")
        #expect(f.top is ConfirmScreen, "\(f.screen)")
        #expect(f.screen.contains("Giờ này đã kín") && f.screen.contains("Ghi vào danh sách chờ?"), "\(f.screen)")
        try f.keys("c")
        #expect(f.screen.contains("DANH SÁCH CHỜ C1"), "\(f.screen)\n\(f.message)")
        let w = try f.db.waitlist(day: AppointmentFixture.day("2026-01-06"))
        #expect(w.map(\.applicantName) == ["Phạm Văn Cường"] && w.first?.status == .waiting, "\(w)")
    }

    @Test("Del cancels with a reason and a yes; the freed place is offered to the first on the waitlist, name and phone shown")
    func cancelOffersWaitlist() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00", phone: "0912345678")
        try f.book("Trần Thị Bình", at: "2026-01-06 08:00")
        let full = BookingRequest(name: "Phạm Văn Cường", phone: "0987654321", at: try #require(LocalDateTime(parsing: "2026-01-06 08:00")), kind: .guidance)
        _ = try f.db.bookAppointment(full, waitlistIfFull: true, now: f.session.now, actor: f.clerk, calendar: f.session.calendar)
        try f.keys("M-2 Right")
        #expect(f.screen.contains("Danh sách chờ: 1 người đang chờ"), "\(f.screen)")
        try f.keys("Del")
        #expect(f.top is PromptScreen)
        f.type("Baanj vieecj")
        try f.keys("Enter")
        #expect(f.screen.contains("Huỷ lịch hẹn #1 08:00 Nguyễn Văn An"), "\(f.screen)")
        try f.keys("Enter")
        #expect(try f.db.appointment(id: 1)?.status == .cancelled)
        #expect(try f.db.appointment(id: 1)?.cancelReason == "Bận việc")
        #expect(f.screen.contains("GỌI ĐIỆN: Phạm Văn Cường — 0987654321"), "\(f.screen)")
        #expect(f.message.contains("Phạm Văn Cường") && f.message.contains("0987654321"))
        try f.keys("Esc")
        #expect(f.top is AppointmentsScreen)
        #expect(f.screen.contains("cần gọi: Phạm Văn Cường 0987654321"), "\(f.screen)")
        try f.keys("d")
        #expect(f.screen.contains("Danh sách chờ — 06/01/2026") && f.screen.contains("Có chỗ — cần gọi"), "\(f.screen)")
        try f.keys("Esc")
        // Undo works from here as elsewhere: the appointment is booked again.
        try f.keys("C-z")
        #expect(f.message.contains("Đã hoàn tác"), "\(f.message)")
        #expect(try f.db.appointment(id: 1)?.status == .booked)
    }

    @Test("F5 checks in and says the ticket H001; too late, the citizen queues as a walk-in and the desk says why")
    func checkIn() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00")
        try f.book("Trần Thị Bình", at: "2026-01-06 08:15")
        try f.setClock("2026-01-06 07:55")
        try f.keys("M-2 F5")
        #expect(f.message.contains("Nguyễn Văn An đã đến: cấp số H001"), "\(f.message)")
        #expect(f.rows.contains { $0.contains("#1") && $0.contains("Đã đến") && $0.contains("H001") })
        #expect(try f.db.ticket(code: "H001", day: f.session.today)?.appointmentId == 1)
        try f.setClock("2026-01-06 08:45")
        try f.keys("Down F5")
        // The question already says what will happen (trial finding 8); nothing is written before the yes.
        #expect(f.top is ConfirmScreen, "\(f.screen)")
        #expect(f.screen.contains("Đến muộn 30 phút") && f.screen.contains("vãng lai"), "\(f.screen)")
        #expect(try f.db.appointment(id: 2)?.status == .booked)
        try f.keys("Enter")
        #expect(f.message.contains("cấp số A001") && f.message.contains("Đến muộn 30 phút"), "\(f.message)")
        // A second F5 on a checked-in appointment is refused with the reason.
        try f.keys("F5")
        #expect(f.message.contains("Đã đến"), "\(f.message)")
    }

    @Test("/ checks in by name or phone: one match asks, yes gives the ticket")
    func checkInByName() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 09:15", phone: "0912345678")
        try f.book("Trần Thị Bình", at: "2026-01-06 09:00", phone: "0987654321")
        try f.setClock("2026-01-06 08:50")
        try f.keys("M-2 /")
        f.type("binh")
        try f.keys("Enter")
        #expect(f.screen.contains("Trần Thị Bình (hướng dẫn) đã đến?"), "\(f.screen)")
        try f.keys("Enter")
        #expect(f.message.contains("Trần Thị Bình đã đến: cấp số H001"), "\(f.message)")
        try f.keys("/")
        f.type("0912345678")
        try f.keys("Enter c")
        #expect(f.message.contains("Nguyễn Văn An đã đến: cấp số H002"), "\(f.message)")
        try f.keys("/")
        f.type("Ai Khac")
        try f.keys("Enter")
        #expect(f.top is PromptScreen)
        #expect(f.message.contains("không có lịch hẹn hôm nay"), "\(f.message)")
    }

    @Test("F6 moves an appointment to a free slot; F8 marks a no-show once the time has passed")
    func rescheduleAndNoShow() throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00")
        try f.keys("M-2 Right F6")
        #expect(f.screen.contains("Dời lịch hẹn #1"))
        let at = try #require(f.rows.first { $0.contains("Giờ hẹn") })
        #expect(at.contains("07:00 T3 06/01"), "\(at)")
        try f.keys("Right Right Enter")   // 07:00 → 07:15 → 07:30
        #expect(f.screen.contains("ĐÃ DỜI HẸN #1"), "\(f.screen)\n\(f.message)")
        #expect(try f.db.appointment(id: 1)?.startMinute == 7 * 60 + 30)
        try f.keys("Enter")
        #expect(f.rows.contains { $0.contains("07:30") && $0.contains("#1") })
        // Too early for a no-show: refused with the reason, nothing asked.
        try f.keys("F8")
        #expect(f.top is AppointmentsScreen && f.message.contains("chưa quá giờ hẹn"), "\(f.message)")
        try f.setClock("2026-01-06 08:00")
        try f.keys("F8")
        #expect(f.top is ConfirmScreen)
        try f.keys("Enter")
        #expect(try f.db.appointment(id: 1)?.status == .noShow)
        #expect(f.rows.contains { $0.contains("#1") && $0.contains("Không đến") })
    }

    @Test("c writes the call list beside the database: the next working day (the make-up Saturday) and the offers, with phones")
    func callList() throws {
        let f = try AppointmentFixture()
        try f.book("Lê Văn Cường", at: "2026-01-10 09:30", phone: "0987654321")
        try f.setClock("2026-01-09 10:00")
        try f.keys("M-2 c")
        let folder = ((f.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("call-lists")
        let file = (folder as NSString).appendingPathComponent("goi-dien-2026-01-10.txt")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // The same page as `motcua appointment call-list`.
        #expect(text.contains("Thứ Bảy 10/01/2026") && text.contains("Lê Văn Cường") && text.contains("0987654321"), "\(text)")
        #expect(text.contains("09:30–09:45") && text.contains("#1"))
        #expect(text.contains("DANH SÁCH CHỜ"))
        #expect(f.screen.contains("Danh sách gọi điện — đã ghi ra tệp"))
        #expect(f.screen.contains("goi-dien-2026-01-10.txt"))
        #expect(f.screen.contains("Lê Văn Cường") && f.screen.contains("0987654321"))
    }

    @Test("help on the appointments screen lists exactly what it implements, in each mode")
    func help() throws {
        let f = try AppointmentFixture()
        for script in ["M-2", "w"] {
            try f.keys(script)
            let top = try #require(f.top)
            let bound = f.app.available(on: top).filter { !f.app.keymap.keys(for: $0, in: top.keyContext).isEmpty }
            #expect(f.app.helpEntries(for: top).count == bound.count)
            // Each listed key does something here (the walk in HelpKeysWalkTests presses them all).
            for action in bound where top.keyContext == .appointments && AppointmentsScreen.actions.contains(action) {
                #expect(top.implementedActions.contains(action))
            }
        }
        try f.keys("F1")
        #expect(f.screen.contains("Trợ giúp — Lịch hẹn"))
        try f.keys("Esc")
        let weekTop = try #require(f.top)
        let week = f.app.helpEntries(for: weekTop).map(\.text).joined(separator: "\n")
        #expect(week.contains("Đặt lịch hẹn") && week.contains("Đến ngày gõ vào") && week.contains("Lùi một tuần"), "\(week)")
        // No appointment under the cursor in the grid: the steps on one are not promised there.
        #expect(!week.contains("Người có hẹn đã đến") && !week.contains("Gọi số tiếp theo"))
        try f.keys("w")
        let top = try #require(f.top)
        let day = f.app.helpEntries(for: top).map { "\($0.keys) \($0.text)" }.joined(separator: "\n")
        for text in ["F5 Người có hẹn đã đến", "F6 Dời lịch hẹn", "F8 Người có hẹn không đến", "Del Huỷ lịch hẹn",
                     "d Danh sách chờ của ngày", "c Danh sách gọi điện", "g Đến ngày gõ vào", "PgDn Tới một tuần", "Up Lên một dòng"] {
            #expect(day.contains(text), "\(text) not in help:\n\(day)")
        }
    }

    @Test("the queue shows the appointments due within the hour")
    func queueShowsUpcoming() throws {
        let f = try AppointmentFixture(at: "2026-01-06 07:00")
        try f.book("Nguyễn Văn An", at: "2026-01-06 09:00")
        try f.book("Trần Thị Bình", at: "2026-01-06 09:15", kind: .guidance)
        try f.book("Lê Văn Cường", at: "2026-01-06 11:00")
        #expect(!f.screen.contains("Hẹn sắp tới"))
        try f.setClock("2026-01-06 08:30")
        let line = try #require(f.rows.first { $0.contains("Hẹn sắp tới") })
        #expect(line.contains("09:00 Nguyễn Văn An (hướng dẫn) · 09:15 Trần Thị Bình (hướng dẫn)"), "\(line)")
        #expect(!line.contains("Lê Văn Cường"))
        #expect(f.rows[21] == line, "the line takes the last row of the queue")
    }
}

/// The appointments screens as whole 80×24 dumps (`Tests/Golden/appointments-*.screen`); after an
/// intended change: `MOTCUA_UPDATE_GOLDEN=1 swift test --filter AppointmentGoldenTests`.
@Suite("Golden screens: appointments", .serialized)
struct AppointmentGoldenTests {
    func fixture() throws -> AppointmentFixture {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-06 08:00", phone: "0912345678")
        try f.book("Trần Thị Bình", at: "2026-01-06 08:00", phone: "0987654321")
        try f.book("Lê Văn Cường", at: "2026-01-06 09:40", kind: .submission, phone: "0901234567",
                   procedures: [try #require(try f.db.procedures().first?.code)])
        try f.book("Phạm Thị Dung", at: "2026-01-10 09:30", phone: "0934567890")
        return f
    }

    @Test func dayList() throws {
        let f = try fixture()
        try f.setClock("2026-01-06 07:50")
        try f.keys("M-2 F5")
        try GoldenScreenTests().check("appointments-day", grid: f.grid)
    }

    @Test func weekGrid() throws {
        let f = try fixture()
        try f.keys("M-2 Right w")
        try GoldenScreenTests().check("appointments-week", grid: f.grid)
    }
}

@Suite("Lịch hẹn: no key, paste, date or resize crashes it")
struct AppointmentRobustnessTests {
    @Test("far and odd dates: the screen says closed or shows the grid, never crashes")
    func oddDates() throws {
        let f = try AppointmentFixture()
        try f.keys("M-2")
        for date in ["01/01/9999", "01/01/1", "29/02/2028", "31/12/1900", "1/1", "2026-03-01"] {
            try f.keys("g")
            f.type(date)
            try f.keys("Enter")
            _ = f.screen
            try f.keys("w")
            _ = f.screen
            try f.keys("Left Right PgUp PgDn w")
            #expect(f.top is AppointmentsScreen, "\(date): \(f.screen)")
        }
    }

    @Test("thousands of random keys, pastes and resizes on the appointments screens", arguments: [7, 8])
    func fuzz(seed: UInt64) throws {
        let f = try AppointmentFixture()
        try f.book("Nguyễn Văn An", at: "2026-01-05 09:00", phone: "0912345678")
        try f.book("Trần Thị Bình", at: "2026-01-05 09:00")
        var rng = SeededRandom(state: seed)
        let named: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown,
                            .home, .end, .delete, .backspace, .resize]
        let chars: [Character] = ["a", "g", "w", "t", "d", "c", "/", " ", "ễ", "1", "0", "/", ":", "😀", "\u{0301}"]
        try f.keys("M-2")
        for i in 0..<3000 {
            if i % 300 == 0 { try f.keys("Esc Esc Esc M-2") }
            switch Int.random(in: 0..<30, using: &rng) {
            case 0: f.term.resize(rows: Int.random(in: 20...40, using: &rng), cols: Int.random(in: 60...140, using: &rng))
            case 1: f.type("01/02/2026 08:30")  // a paste
            default:
                let k: Key
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: k = named.randomElement(using: &rng) ?? .enter
                case 1: k = .function(Int.random(in: 1...9, using: &rng))
                default: k = .character(chars.randomElement(using: &rng) ?? "x")
                }
                f.app.handle(k)
            }
            _ = f.grid
        }
        f.term.resize(rows: 24, cols: 80)
        _ = f.screen
    }
}
