import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// Regressions from the issue "One rule, one place" (desk polish), each named after what broke.
@Suite("Desk polish regressions")
struct DeskPolishTests {
    @Test("register: after a / search the selection is on the first match (M-3 End / hoa Enter, then F5)")
    func searchSelectsFirstMatch() throws {
        let f = try ScreenFixture()
        let cal = WorkingCalendar()
        let hoa1 = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Nguyễn Thị Hoa"),
                                           now: ScreenFixture.at(20, 9), actor: f.clerk, calendar: cal).code
        let hoa2 = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Lê Văn Hoà"),
                                           now: ScreenFixture.at(24, 9), actor: f.clerk, calendar: cal).code
        try f.keys("M-3 End")
        let list = try #require(f.top as? DossierListScreen)
        #expect(list.model.selected == list.model.rows.count - 1)
        try f.keys("/ h o a Enter")
        let first = try #require(list.model.rows.first)
        #expect(Set(list.model.rows.map(\.code)) == [hoa1, hoa2])
        #expect(list.selectedDossier?.code == first.code, "the selection stayed on row \(list.model.selected)")
        try f.keys("F5 Enter")
        #expect(try f.status(first.code) == .ready)
        #expect(try f.status(list.model.rows.map(\.code).first { $0 != first.code } ?? "") == .received)
    }

    @Test("after ready the hint follows the delivery: post names M-p, the desk F6")
    func readyHintFollowsDelivery() throws {
        let f = try ScreenFixture()
        let post = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Đỗ Văn Bưu", address: "Thôn Tây",
                                                          delivery: "post"),
                                           now: ScreenFixture.at(24, 9), actor: f.clerk, calendar: WorkingCalendar()).code
        try f.openList(selecting: post)
        try f.keys("F5 Enter")
        #expect(f.message.contains("M-p để gửi qua bưu chính"), "\(f.message)")
        #expect(!f.message.contains("F6"))
        try f.openList(selecting: f.bảy)
        try f.keys("F5 Enter")
        #expect(f.message.hasSuffix("F6 để trả tại quầy"))
        // The keys come from the keymap: rebound, the hint says so.
        let (map, _) = Keymap.parse("include default\nbind dossiers F12 dossier.return\nunbind dossiers F6\n", file: "k")
        let app = DeskApp.make(terminal: MemoryTerminal(), session: f.session, keymap: map)
        let d = try #require(try f.db.dossier(code: f.mận))
        #expect(DossierActions.nextStepHint(d, host: app) == "F12 để trả tại quầy")
    }

    @Test("the ticket panel has its own key bar, and a letter typed there starts the next walk-in with it")
    func resultPanelTyping() throws {
        let f = try ScreenFixture()
        try f.keys("F2")
        f.type("An")
        try f.keys("Enter")
        #expect(f.screenText.contains("SỐ THỨ TỰ"))
        // Issue 9: the panel offers the ticket slip (F5), after the keys it always had.
        #expect(f.rows[23] == "Enter Người sau  Esc Quay lại  F5 In số  F10 Thoát")
        #expect(!f.rows[23].contains("Ô sau") && !f.rows[23].contains("Lưu"))
        f.type("Traanf")
        #expect(f.top is WalkInFormScreen)
        #expect(f.rows.contains { $0.contains("Họ và tên") && $0.contains("Trần") }, "\(f.screenText)")
        try f.keys("Enter")
        #expect(try f.db.tickets(day: f.session.today).map(\.applicantName).contains("Trần"))
    }

    @Test("retyping a pre-filled procedure replaces it instead of appending")
    func prefilledPickerSelectsAll() throws {
        let f = try ScreenFixture()
        _ = try f.db.addWalkIn(WalkInRequest(name: "Vũ Thị Thu", procedureCode: f.sameDay.code), now: ScreenFixture.at(25, 8, 40),
                               actor: f.clerk)
        f.app.refresh()
        try f.keys("F5 F4")
        let form = try #require(f.top as? ReceiveDossierScreen)
        #expect(form.form.focusedID == "procedure")
        #expect(form.form.value(of: "procedure") == f.sameDay.code)
        f.type("ks")
        #expect(form.form.text(of: "procedure") == "ks")
        try f.keys("C-u")
        #expect(form.form.text(of: "procedure") == "")
    }

    @Test("a delivery the procedure does not offer says why on the status line")
    func deliveryRefusalExplained() throws {
        let f = try ScreenFixture()
        let deskOnly = try #require(try f.db.procedures().first { $0.deliveries == [.desk] })
        _ = try f.db.addWalkIn(WalkInRequest(name: "Vũ Thị Thu", procedureCode: deskOnly.code), now: ScreenFixture.at(25, 8, 40),
                               actor: f.clerk)
        f.app.refresh()
        try f.keys("F5 F4 Tab Tab Tab Right")
        #expect(f.message == "Thủ tục \(deskOnly.name) chỉ trả kết quả: Tại quầy", "\(f.message)")
    }

    @Test("t shows today's finished and no-show tickets in the queue, t again hides them")
    func showFinished() throws {
        let f = try ScreenFixture()
        try f.keys("F5 F7")
        #expect(!f.screenText.contains("Đã xong hôm nay"))
        let body = { f.rows[1..<22] }
        #expect(!body().contains { $0.contains("A001") })
        try f.keys("t")
        #expect(f.screenText.contains("Đã xong hôm nay (1)"))
        #expect(body().contains { $0.contains("A001") && $0.contains("Xong") }, "\(f.screenText)")
        try f.keys("t")
        #expect(!f.screenText.contains("Đã xong hôm nay"))
    }

    @Test("M-1 from a dossier goes to the queue (not back one); root views are not stacked")
    func rootViewsReplaceTheStack() throws {
        let f = try ScreenFixture()
        try f.keys("M-3 Enter")
        #expect(f.top is DossierDetailScreen)
        try f.keys("M-1")
        #expect(f.top is QueueScreen && f.app.screens.count == 1)
        try f.keys("M-3 M-3 M-3")
        #expect(f.app.screens.count == 1)
        try f.keys("Esc")
        #expect(f.top is QueueScreen)
    }

    @Test("quit from a form with typed text asks first (default No); switching views too")
    func quitAsks() throws {
        let f = try ScreenFixture()
        try f.keys("F2")
        f.type("An")
        f.term.enqueue(.function(10), .enter)                       // No: the form stays
        f.term.enqueue(perform: { #expect(f.rows.contains { $0.contains("Họ và tên") && $0.contains("An") }) })
        f.term.enqueue(.function(10), .character("c"), .character("x")) // yes: x is never read
        f.app.run()
        #expect(f.term.pendingSteps == 1)

        let g = try ScreenFixture()
        try g.keys("F2")
        g.type("An")
        try g.keys("M-3")
        #expect(g.top is ConfirmScreen)
        try g.keys("Enter")                                          // default No
        #expect(g.top is WalkInFormScreen)
        try g.keys("M-3 c")
        #expect(g.top is DossierListScreen)
    }

    @Test("forms take Enter, Tab and Esc from the keymap: a keymap can rebind them")
    func formKeysFromTheKeymap() throws {
        let f = try ScreenFixture()
        let (map, diags) = Keymap.parse("""
            include default
            unbind form Enter
            unbind form F2
            bind form C-j form.submit
            bind form C-n field.next
            """, file: "mine.keys")
        #expect(diags.isEmpty)
        let app = DeskApp.make(terminal: f.term, session: f.session, keymap: map)
        for k in try Key.script("F2 A n Enter") { app.handle(k) }
        #expect(try f.db.tickets(day: f.session.today).count == 1)   // Enter no longer saves
        #expect(app.top is WalkInFormScreen)
        for k in try Key.script("C-n") { app.handle(k) }
        #expect((app.top as? WalkInFormScreen)?.form.focusedID == "priority")
        #expect(app.currentGrid().rowText(23).contains("C-j Lưu"))
        for k in try Key.script("C-j") { app.handle(k) }
        #expect(try f.db.tickets(day: f.session.today).count == 2)
        #expect(app.currentGrid().rowText(23).hasPrefix("C-j Người sau"))
    }

    @Test("without Unicode the desk draws ASCII symbols: > for this counter's ticket, +-| boxes")
    func asciiSymbols() throws {
        let f = try ScreenFixture(unicode: false)
        try f.keys("F5")
        #expect(f.rows.contains { $0.hasPrefix(" >A001") })
        try f.keys("F8")
        #expect(f.rows.contains { $0.contains("+- Vắng mặt -") })
        #expect(!f.screenText.contains("─") && !f.screenText.contains("▸"))
    }
}

/// Trial: letters typed into the phone field vanished without a word.
@Suite("A character a field does not take is said")
struct RefusedCharacterTests {
    @Test func aLetterInThePhoneFieldIsSaid() throws {
        let f = try ScreenFixture()
        try f.keys("F2")
        f.type("Lê Văn Tư")
        try f.keys("Tab Tab Tab")
        let form = try #require(f.top as? FormScreen)
        #expect(form.form.focusedID == "phone")
        f.type("k")
        #expect(f.message == "Điện thoại: không nhận 'k', chỉ gõ chữ số (và + - . ( ) dấu cách)", "\(f.message)")
        f.type("0912")
        #expect(f.message.isEmpty)
        #expect(form.form.value(of: "phone") == "0912")
    }
}
