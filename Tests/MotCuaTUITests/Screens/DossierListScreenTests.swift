import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

@Suite("Screens: dossier register")
struct ScreensDossierListTests {
    @Test("opens on all open dossiers by urgency, overdue marked in the warning role")
    func openDossiers() throws {
        let f = try ScreenFixture()
        try f.openList()
        let rows = f.rows
        #expect(rows[1].contains("Sổ theo dõi hồ sơ — Tất cả đang mở (1/4)"), "\(f.screenText)")
        #expect(rows[2].hasPrefix(" 1 Đang mở 2 Hôm nay 3 Hẹn hôm nay 4 Quá hạn 5 Chờ trả 6 Trạng thái 7 Lĩnh vực"))
        #expect(rows[4].contains("Mã hồ sơ") && rows[4].contains("Trạng thái"))
        // Urgency: overdue, due today, due later, then the ready result (resolved, waiting to be collected).
        let order = [f.sự, f.mận, f.bảy, f.hưng].map { code in f.row(containing: code) ?? -1 }
        #expect(order == [5, 6, 7, 8])
        #expect(rows[5].contains("Nguyễn Hồng Sự") && rows[5].contains("16/11/26") && rows[5].contains("!19/11/26")
                && rows[5].contains("Đã tiếp nhận"))
        #expect(rows[6].contains(" 25/11/26") && !rows[6].contains("!"))
        let g = f.grid
        // The selected first row is reversed; its overdue due date stays in the warning role.
        #expect(g[5, 1].style.isReverse)
        #expect((0..<80).contains { g[5, $0].text == "!" && g[5, $0].style.role == .warning })
        #expect(!g[6, 1].style.isReverse)
        for label in ["Trợ giúp", "Có KQ", "Trả KQ", "Bổ sung", "Từ chối", "Thoát"] { #expect(rows[23].contains(label)) }
    }

    @Test("filters: 4 shows only overdue, 2 today's, 3 due today, 5 ready; Left/Right cycle")
    func filters() throws {
        let f = try ScreenFixture()
        let list = try f.openList()
        try f.keys("4")
        #expect(list.filter == .overdue)
        var shown = Set(list.model.rows.map(\.code))
        // Hưng's result is ready (on its due date): resolved, not overdue, though not collected.
        #expect(shown == [f.sự])
        #expect(f.rows[1].contains("Quá hạn (1/1)"))
        #expect(f.row(containing: f.mận) == nil && f.row(containing: f.bảy) == nil)
        let g = f.grid
        #expect(f.rows[2].contains("4 Quá hạn"))
        let chipCol = try #require(f.rows[2].range(of: "4 Quá hạn")).lowerBound.utf16Offset(in: f.rows[2])
        #expect(g[2, chipCol].style.isReverse)

        try f.keys("2")
        #expect(list.model.rows.map(\.code) == [f.bảy])
        try f.keys("3")
        #expect(list.model.rows.map(\.code) == [f.mận])
        try f.keys("5")
        #expect(list.model.rows.map(\.code) == [f.hưng])
        try f.keys("Left")
        #expect(list.filter == .overdue)
        try f.keys("Right Right")
        #expect(list.filter == .status(.received))
        shown = Set(list.model.rows.map(\.code))
        #expect(shown == [f.sự, f.mận, f.bảy])
        try f.keys("6")
        #expect(list.filter == .status(.processing))
        #expect(list.model.rows.isEmpty)
        #expect(f.rows.contains { $0.contains("(không có hồ sơ nào)") })
        try f.keys("7")
        guard case .field(let field) = list.filter else { Issue.record("not a field filter"); return }
        #expect(f.rows[1].contains("Lĩnh vực: \(field)"))
        try f.keys("Right")
        #expect(list.filter == .open)
        try f.keys("Left Left")
        #expect(list.filter == .status(.processing)) // remembered
    }

    @Test("field filter lists the open dossiers of the field's procedures")
    func fieldFilter() throws {
        let f = try ScreenFixture()
        let list = DossierListScreen(session: f.session, filter: .field(f.threeDays.field))
        f.app.push(list)
        let expected = Set([f.sự, f.mận, f.bảy] + (f.sameDay.field == f.threeDays.field ? [f.hưng] : []))
        #expect(Set(list.model.rows.map(\.code)) == expected)
    }

    @Test("/ + name finds by folded word prefixes; Esc clears the search")
    func searchBox() throws {
        let f = try ScreenFixture()
        let list = try f.openList()
        try f.keys("/")
        #expect(list.isTyping)
        f.type("ng hong su")
        #expect(list.model.rows.map(\.code) == [f.sự])
        #expect(f.rows[3].contains("Tìm: ng hong su"))
        // q and digits are typed while searching, not quit or filters.
        try f.keys("Backspace Backspace")
        #expect(list.model.search == "ng hong ")
        try f.keys("Enter")
        #expect(!list.isTyping)
        #expect(list.model.rows.map(\.code) == [f.sự])
        try f.keys("Esc")
        #expect(list.model.search.isEmpty)
        #expect(list.model.rows.count == 4)
        #expect(f.top === list) // the first Esc cleared the search, it did not close the register
        try f.keys("/")
        f.type("q")
        #expect(f.top === list && list.model.search == "q")
        try f.keys("Esc")
        // A code prefix and a code part with digits also find.
        try f.keys("/")
        f.type(String(f.bảy.suffix(3)))
        #expect(list.model.rows.map(\.code).contains(f.bảy))
        try f.keys("Esc Esc")
        #expect(f.top is QueueScreen) // Esc with nothing to clear closes the register
    }

    @Test("s toggles the order: urgency, newest received, code")
    func sort() throws {
        let f = try ScreenFixture()
        let list = try f.openList()
        try f.keys("s")
        #expect(list.model.sort == .received)
        #expect(list.model.rows.map(\.code) == [f.bảy, f.hưng, f.mận, f.sự])
        #expect(f.rows[1].contains("s: theo mới nhận"))
        try f.keys("s")
        #expect(list.model.rows.map(\.code) == [f.sự, f.mận, f.hưng, f.bảy].sorted())
        try f.keys("s")
        #expect(list.model.sort == .urgency)
    }

    @Test("movement: Down, End, Home, PgDn on a long list scrolls with the selection")
    func scrolling() throws {
        let f = try ScreenFixture()
        for i in 0..<40 {
            _ = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Công dân số \(i)"),
                                        now: ScreenFixture.at(25, 7, i), actor: f.clerk, calendar: WorkingCalendar())
        }
        let list = try f.openList()
        try f.keys("Down Down")
        #expect(list.model.selected == 2)
        try f.keys("End")
        #expect(list.model.selected == 43)
        let rows = f.rows
        #expect(rows[1].contains("(44/44)"))
        let last = try #require(list.selectedDossier)
        let r = try #require(f.row(containing: last.code))
        #expect(r == 21) // the last body row
        #expect(f.grid[21, 1].style.isReverse)
        try f.keys("Home")
        #expect(list.model.selected == 0 && f.row(containing: f.sự) == 5)
        try f.keys("PgDn")
        #expect(list.model.selected == 16)
        try f.keys("PgUp PgUp Up")
        #expect(list.model.selected == 0)
    }

    @Test("Enter opens the detail with its history; Esc comes back")
    func enterOpensDetail() throws {
        let f = try ScreenFixture()
        let list = try f.openList(selecting: f.hưng)
        try f.keys("Enter")
        let detail = try #require(f.top as? DossierDetailScreen)
        #expect(detail.code == f.hưng)
        let rows = f.rows
        #expect(rows[1].hasPrefix(" Hồ sơ \(f.hưng)"))
        #expect(rows.contains { $0.contains("Phạm Quốc Hưng") })
        #expect(rows.contains { $0.contains("Lịch sử xử lý (2)") })
        #expect(rows.contains { $0.contains("23/11/26 09:00") && $0.contains("Tiếp nhận") && $0.contains("lan") })
        #expect(rows.contains { $0.contains("23/11/26 10:00") && $0.contains("Có kết quả") && $0.contains("từ Đã tiếp nhận") })
        // Due Mon 23/11, ready at 10:00 that day: resolved on time, though not yet collected.
        #expect(rows.contains { $0.contains("có kết quả đúng hạn") })
        try f.keys("Esc")
        #expect(f.top === list)
    }

    @Test("F5 marks the result ready, then F6 returns it; both in the audit log")
    func readyThenReturn() throws {
        let f = try ScreenFixture()
        let list = try f.openList(selecting: f.bảy)
        try f.keys("F5")
        // "Ready" has no undo yet: it asks first, Enter (Có) confirms.
        #expect(f.top is ConfirmScreen)
        #expect(f.rows.contains { $0.contains("đã có kết quả?") })
        #expect(try f.status(f.bảy) == .received)
        try f.keys("Enter")
        #expect(try f.status(f.bảy) == .ready)
        #expect(f.message.contains("Hồ sơ \(f.bảy): đã có kết quả — F6 để trả tại quầy"))
        #expect(list.selectedDossier?.status == .ready)
        #expect(f.rows.contains { $0.contains(f.bảy) && $0.contains("Có kết quả") })
        try f.keys("F6")
        // Who takes the result is asked, with the applicant's name offered.
        #expect(f.rows.contains { $0.contains("Người nhận kết quả") })
        #expect(try f.status(f.bảy) == .ready)
        try f.keys("Enter")
        #expect(try f.status(f.bảy) == .returned)
        #expect(f.message.contains("đã trả kết quả tại quầy cho Trần Văn Bảy"))
        #expect(try f.actions(f.bảy) == ["receive", "ready", "return"])
        // Returned is closed: it leaves the "all open" register.
        #expect(!list.model.rows.contains { $0.code == f.bảy })
        let events = try f.db.events(entity: "dossier", key: f.bảy)
        #expect(events.last?.actor == Actor(user: "lan", counter: 1))
    }

    @Test("F6 on a dossier that is not ready says why and changes nothing")
    func returnRefused() throws {
        let f = try ScreenFixture()
        try f.openList(selecting: f.mận)
        try f.keys("F6")
        #expect(try f.status(f.mận) == .received)
        #expect(f.message.contains("chỉ trả kết quả khi hồ sơ đã có kết quả"), "\(f.message)")
        #expect(f.app.messageIsWarning)
        #expect(f.message.contains("không thể chuyển từ 'Đã tiếp nhận' sang 'Đã trả tại quầy'"))
        // The refusal is long: it takes the row above the status line rather than lose its end.
        #expect(f.rows[21].hasPrefix(" Hồ sơ \(f.mận): không thể chuyển"))
        #expect(f.rows[22].contains("có kết quả"))
        #expect(try f.actions(f.mận) == ["receive"])
    }

    @Test("F8 asks a reason; Esc cancels without a change")
    func rejectCancelled() throws {
        let f = try ScreenFixture()
        let list = try f.openList(selecting: f.mận)
        try f.keys("F8")
        let prompt = try #require(f.top as? PromptScreen)
        #expect(f.rows.contains { $0.contains("Từ chối hồ sơ \(f.mận)") })
        #expect(f.rows.contains { $0.contains("Lý do từ chối:") })
        f.type("thiếu giấy tờ")
        #expect(prompt.text == "thiếu giấy tờ")
        #expect(f.rows.contains { $0.contains("thiếu giấy tờ") })
        // Something was typed: Esc asks first; Không keeps the reason, Esc then Có discards it.
        try f.keys("Esc")
        #expect(f.top is ConfirmScreen && f.rows.contains { $0.contains("Bỏ những gì đã nhập?") })
        f.type("k")
        #expect(f.top === prompt && prompt.text == "thiếu giấy tờ")
        try f.keys("Esc Enter")
        #expect(f.top === list)
        #expect(f.message == "Không thay đổi gì")
        #expect(try f.status(f.mận) == .received)
        #expect(try f.actions(f.mận) == ["receive"])
    }

    @Test("F8: an empty reason is refused; the confirmation defaults to no; c rejects")
    func rejectConfirmed() throws {
        let f = try ScreenFixture()
        let list = try f.openList(selecting: f.mận)
        try f.keys("F8 Enter")
        let prompt = try #require(f.top as? PromptScreen)
        #expect(prompt.error == "Cần nhập lý do")
        f.type("Không đúng thẩm quyền")
        try f.keys("Enter")
        #expect(f.top is ConfirmScreen)
        #expect(f.rows.contains { $0.contains("[ Có ]") && $0.contains("[ Không ]") })
        try f.keys("Enter") // default is no
        #expect(f.top === list)
        #expect(try f.status(f.mận) == .received)
        try f.keys("F8")
        f.type("Không đúng thẩm quyền")
        try f.keys("Enter")
        f.type("c")
        #expect(try f.status(f.mận) == .rejected)
        #expect(f.message.contains("đã từ chối (Không đúng thẩm quyền)"))
        let last = try #require(try f.db.events(entity: "dossier", key: f.mận).last)
        #expect(last.action == "reject" && last.data.contains("Không đúng thẩm quyền"))
    }

    @Test("F7 asks what is missing and records it")
    func supplement() throws {
        let f = try ScreenFixture()
        try f.openList(selecting: f.sự)
        try f.keys("F7")
        // Typed in Telex on a console without an IME.
        f.type("Banr sao giaasy khai sinh")
        #expect((f.top as? PromptScreen)?.text == "Bản sao giấy khai sinh")
        try f.keys("Enter")
        #expect(try f.status(f.sự) == .needsSupplement)
        #expect(try f.db.events(entity: "dossier", key: f.sự).last?.data.contains("Bản sao giấy khai sinh") == true)
        // Asked again: refused by the model before any reason is asked, saying it already is.
        try f.keys("F7")
        #expect(!(f.top is PromptScreen))
        #expect(f.message.contains("đã ở trạng thái 'Chờ bổ sung'"))
    }

    @Test("M-p asks the tracking number and warns on a bad check digit")
    func post() throws {
        let f = try ScreenFixture()
        try f.openList(selecting: f.hưng)
        try f.keys("M-p")
        #expect(f.top is PromptScreen)
        f.type("EC136431859VN")
        try f.keys("Enter")
        #expect(f.top is ConfirmScreen)
        #expect(f.rows.contains { $0.contains("số kiểm tra sai") })
        f.type("k")
        #expect(try f.status(f.hưng) == .ready)
        #expect(f.message.contains("số thứ 11 phải là 8"))
        // Không goes back to the code as typed, to correct it.
        #expect((f.top as? PromptScreen)?.text == "EC136431859VN")
        try f.keys("C-u")
        f.type("ec 136431858 vn")
        try f.keys("Enter")
        // Then the postage: a typo is said at once, an amount with dots is taken.
        #expect((f.top as? PromptScreen)?.label.contains("Cước bưu chính") == true)
        #expect(try f.status(f.hưng) == .ready)
        f.type("hai muoi")
        try f.keys("Enter")
        #expect(f.rows.joined().contains("không phải số tiền"), "\(f.rows)")
        try f.keys("C-u")
        f.type("25.000")
        try f.keys("Enter")
        #expect(try f.status(f.hưng) == .posted)
        #expect(try f.db.dossier(code: f.hưng)?.trackingNumber == "EC136431858VN")
        #expect(try f.db.dossier(code: f.hưng)?.postage == 25_000)
        #expect(f.message.contains("mã vận đơn EC136431858VN"))
    }

    @Test("M-p: a code of another format is taken as typed; M-h delivers home")
    func postOtherFormatAndHome() throws {
        let f = try ScreenFixture()
        _ = try f.db.markReady(f.bảy, now: ScreenFixture.at(25, 8, 50), actor: f.clerk)
        try f.openList(selecting: f.bảy)
        try f.keys("M-p")
        f.type("VNP123")
        try f.keys("Enter")
        // The postage may be left empty: not known yet.
        try f.keys("Enter")
        #expect(try f.db.dossier(code: f.bảy)?.trackingNumber == "VNP123")
        #expect(try f.db.dossier(code: f.bảy)?.postage == nil)
        try f.keys("Esc")
        // Home delivery needs a procedure that offers it (the catalog's deliveries).
        _ = try f.db.markReady(f.mận, now: ScreenFixture.at(25, 8, 55), actor: f.clerk)
        try f.openList(selecting: f.mận)
        try f.keys("M-h")
        try f.keys("Esc")                      // Esc on the recipient prompt changes nothing
        #expect(try f.status(f.mận) == .ready)
        try f.keys("M-h Enter")
        #expect(try f.status(f.mận) == .deliveredHome)
        #expect(try f.db.events(entity: "dossier", key: f.mận).last?.data.contains("\"receiver_name\":\"Lê Thị Mận\"") == true)
        #expect(f.message.contains("đã trả kết quả tại nhà"))
        // A procedure that returns only at the desk refuses home delivery, saying why.
        try f.openList(selecting: f.hưng)
        try f.keys("M-h Enter")
        #expect(try f.status(f.hưng) == .ready)
    }

    @Test("an empty register: actions say nothing is selected")
    func emptyList() throws {
        let f = try ScreenFixture()
        let list = try f.openList()
        try f.keys("3 / z z z Enter F5")
        #expect(list.model.rows.isEmpty)
        #expect(f.message == "Chưa chọn hồ sơ nào")
        try f.keys("Enter")
        #expect(f.top === list)
    }

    @Test("English labels")
    func english() throws {
        let f = try ScreenFixture(language: .en)
        try f.openList(selecting: f.mận)
        #expect(f.rows[1].contains("Dossier register — All open"))
        try f.keys("F6")
        #expect(f.message.contains("a result can only leave once the dossier is ready"))
        try f.keys("F5 Enter")
        #expect(f.message.contains("result ready — F6 returns it at the desk"))
    }

    @Test("2000 random keys never crash the register and its dialogs")
    func fuzz() throws {
        let f = try ScreenFixture()
        try f.openList()
        var rng = SeededGenerator(seed: 20261125)
        let keys = fuzzKeys
        for _ in 0..<2000 {
            let k = keys[Int(rng.next() % UInt64(keys.count))]
            f.app.handle(k)
            if f.top is QueueScreen { f.app.push(DossierListScreen(session: f.session)) }
            let g = f.app.currentGrid()
            #expect(g.rows == 24)
        }
        for size in [(24, 80), (30, 120), (24, 100)] {
            f.term.setSize(rows: size.0, cols: size.1)
            _ = f.app.currentGrid()
        }
    }
}

/// Keys for the fuzz tests: everything bound, movement, typing, Vietnamese, wide and odd characters.
let fuzzKeys: [Key] = {
    var k: [Key] = (1...12).map(Key.function)
    k += [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
          .insert, .delete, .backspace, .resize, .unknown, .meta("p"), .meta("h"), .meta("a"), .meta("3"), .meta("4"),
          .ctrl("z"), .ctrl("t")]
    k += ["q", "/", "s", "1", "2", "3", "4", "5", "6", "7", "c", "k", "y", "n", "a", " ", "ễ", "Đ", "漢", "-", "?", "0", "E", "V", "N"]
        .map { Key.character($0) }
    // Down, Up and typing more often than the rest.
    k += [.down, .down, .up, .character("n"), .character("g")]
    return k
}()
