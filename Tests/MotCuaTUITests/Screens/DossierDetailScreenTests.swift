import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

@Suite("Screens: dossier detail")
struct ScreensDossierDetailTests {
    @Test("every field: procedure, applicant's CCCD, phone, address, due state, notes")
    func fields() throws {
        let f = try ScreenFixture()
        f.app.push(DossierDetailScreen(session: f.session, code: f.sự))
        let text = f.screenText
        #expect(text.contains("Mã hồ sơ        \(f.sự)"))
        #expect(text.contains("Trạng thái      Đã tiếp nhận"))
        #expect(text.contains("\(f.threeDays.code) — "))
        #expect(text.contains("Người nộp       Nguyễn Hồng Sự"))
        #expect(text.contains("001203012345") && text.contains("0912345678"))
        #expect(text.contains("Thôn Đông, xã Tân Lập"))
        #expect(text.contains("Ngày nhận       09:00 16/11/2026"))
        #expect(text.contains("Hẹn trả         19/11/2026"))
        // Due Thu 19/11: 20, 23 and 25/11 are working days; Tue 24/11 is Ngày Văn hoá Việt Nam.
        #expect(text.contains("QUÁ HẠN 3 ngày làm việc"), "\(text)")
        #expect(text.contains("Trực tiếp") && text.contains("Tại quầy"))
        #expect(text.contains("lan · quầy 1"))
        #expect(text.contains("Lịch sử xử lý (1)"))
        let overdueRow = try #require(f.row(containing: "QUÁ HẠN"))
        let col = try #require(f.rows[overdueRow].range(of: "QUÁ HẠN")).lowerBound.utf16Offset(in: f.rows[overdueRow])
        #expect(f.grid[overdueRow, col].style.role == .warning)
    }

    @Test("due text: days left, today, overdue, closed on time or late")
    func dueText() throws {
        let cal = WorkingCalendar()
        func d(_ due: Int, status: DossierStatus = .received, closed: Date? = nil) -> Dossier {
            Dossier(code: "X", procedureCode: "P", applicantName: "A", channel: .direct, receivedAt: ScreenFixture.at(16, 9),
                    dueDate: ScreenFixture.day(due), status: status, closedAt: closed)
        }
        let today = ScreenFixture.day(25)
        #expect(DossierDetailScreen.dueText(d(30), today: today, calendar: cal, language: .vi).text == "còn 3 ngày làm việc")
        #expect(DossierDetailScreen.dueText(d(25), today: today, calendar: cal, language: .vi).text == "hẹn trả hôm nay")
        #expect(DossierDetailScreen.dueText(d(23), today: today, calendar: cal, language: .vi) == ("QUÁ HẠN 1 ngày làm việc", true))
        #expect(DossierDetailScreen.dueText(d(24), today: today, calendar: cal, language: .vi) == ("QUÁ HẠN 1 ngày làm việc", true))
        #expect(DossierDetailScreen.dueText(d(20), today: today, calendar: cal, language: .en) == ("OVERDUE 2 working days", true))
        #expect(DossierDetailScreen.dueText(d(26), today: today, calendar: cal, language: .en).text == "1 working day left")
        #expect(DossierDetailScreen.dueText(d(24, status: .returned, closed: ScreenFixture.at(24, 15)), today: today,
                                            calendar: cal, language: .vi).text == "kết thúc đúng hạn")
        #expect(DossierDetailScreen.dueText(d(20, status: .returned, closed: ScreenFixture.at(24, 15)), today: today,
                                            calendar: cal, language: .vi).text == "kết thúc trễ 1 ngày làm việc") // 24/11 is a day off
    }

    @Test("the history grows with each action and scrolls")
    func historyAndActions() throws {
        let f = try ScreenFixture()
        let detail = DossierDetailScreen(session: f.session, code: f.bảy)
        f.app.push(detail)
        #expect(f.rows.contains { $0.contains("Bản sao 2 tờ") })
        #expect(f.rows.contains { $0.contains("còn 3 ngày làm việc") })
        try f.keys("F7")
        f.type("Thiếu tờ khai")
        try f.keys("Enter")
        #expect(f.top === detail)
        #expect(detail.dossier?.status == .needsSupplement)
        #expect(detail.events.map(\.action) == ["receive", "supplement"])
        #expect(f.rows.contains { $0.contains("Yêu cầu bổ sung") && $0.contains("Cần bổ sung: Thiếu tờ khai") })
        try f.keys("F6") // not ready: refused
        #expect(f.message.contains("không thể chuyển"))
        // Walk the dossier further so the history is longer than the screen.
        for _ in 0..<6 {
            _ = try f.db.actOnDossier(DossierActionRequest(code: f.bảy, kind: .resume), now: ScreenFixture.at(25, 10), actor: f.clerk)
            _ = try f.db.requestSupplement(f.bảy, missing: ["lần nữa"], now: ScreenFixture.at(25, 10), actor: f.clerk)
        }
        detail.refresh(host: f.app)
        #expect(detail.events.count == 14)
        _ = f.rows
        try f.keys("End")
        #expect(detail.offset > 0)
        #expect(f.rows.contains { $0.contains("lần nữa") })
        #expect(f.rows[1].contains("↑↓"))
        try f.keys("Home")
        #expect(detail.offset == 0)
        try f.keys("Down PgDn Up")
        #expect(detail.offset > 0)
        try f.keys("Esc")
        #expect(f.top is QueueScreen)
    }

    @Test("a missing dossier says so")
    func missing() throws {
        let f = try ScreenFixture()
        f.app.push(DossierDetailScreen(session: f.session, code: "MC-000000-999"))
        #expect(f.rows.contains { $0.contains("Không tìm thấy hồ sơ MC-000000-999") })
        try f.keys("F5")
        #expect(f.message.contains("Không tìm thấy") || f.message.contains("Chưa chọn"))
        try f.keys("Down End")
    }

    @Test("2000 random keys never crash the detail screen")
    func fuzz() throws {
        let f = try ScreenFixture()
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<2000 {
            if f.top is QueueScreen {
                let codes = [f.sự, f.hưng, f.mận, f.bảy]
                f.app.push(DossierDetailScreen(session: f.session, code: codes[Int(rng.next() % 4)]))
            }
            f.app.handle(fuzzKeys[Int(rng.next() % UInt64(fuzzKeys.count))])
            #expect(f.app.currentGrid().rows == 24)
        }
    }
}
