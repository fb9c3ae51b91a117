import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// Issue 9 at the desk: nothing late unseen (the header's counts, the register by urgency, the
/// results nobody came for) and the fee shown where the clerk collects it.
@Suite("Screens: workload, urgency, fee, uncollected results")
struct WorkloadScreenTests {
    /// The fixture with its commune set, as a configured desk has it.
    func configured() throws -> ScreenFixture {
        let f = try ScreenFixture()
        var p = try f.db.profile()
        p.commune = "Xã Tân Lập"
        try f.db.saveProfile(p, now: f.session.now, actor: f.clerk)
        f.app.refresh()
        return f
    }

    func column(of text: String, in row: String) -> Int? {
        row.range(of: text).map { CellWidth.of(String(row[..<$0.lowerBound])) }
    }

    @Test("80×24 header: one dossier due today and one overdue, the overdue count in the warning style; the commune, counter and clerk still show")
    func headerCounts() throws {
        let f = try configured()
        let header = f.rows[0]
        #expect(header.hasPrefix(" Xã Tân Lập · Quầy 1 · Cán bộ: lan "), "\(header)")
        #expect(header.hasSuffix(" Đến hạn 1 · Quá hạn 1  [Telex] 09:00 25/11"), "\(header)")
        #expect(CellWidth.of(header) <= 80)
        let g = f.grid
        let late = try #require(column(of: "Quá hạn 1", in: header))
        for c in late..<(late + CellWidth.of("Quá hạn 1")) { #expect(g[0, c].style.role == .warning, "col \(c)") }
        let due = try #require(column(of: "Đến hạn 1", in: header))
        #expect(g[0, due].style.role == .header)
        // Wider, the full wording and the year come back, and the desk's name too.
        f.term.setSize(rows: 24, cols: 120)
        let wide = f.rows[0]
        #expect(wide.contains("Bộ phận Một cửa — Xã Tân Lập · Quầy 1 · Cán bộ: lan"), "\(wide)")
        #expect(wide.hasSuffix("Hạn hôm nay: 1 · Quá hạn: 1  [Telex] 09:00 25/11/2026"), "\(wide)")
        // Nothing due and nothing late: the header is as it was, the date whole.
        var h = try #require(f.session.header())
        h.inputMethod = "Telex"
        h.workload = .counts(dueToday: 0, overdue: 0)
        var g0 = CellGrid(rows: 1, cols: 80)
        ShellChrome.renderHeader(into: &g0, header: h, language: .vi, symbols: .unicode)
        #expect(g0.rowText(0) == " Bộ phận Một cửa — Xã Tân Lập · Quầy 1 · Cán bộ: lan   [Telex] 09:00 25/11/2026", "\(g0.rowText(0))")
    }

    @Test("at every width from 80 to 160, with a long clerk name and big counts, nothing overlaps and the counts and the counter show")
    func headerWidths() {
        for (clerk, commune) in [("lan", "Xã Tân Lập"), ("Nguyễn Thị Hồng Nhung Phương Thảo", "Xã Ea Kuăng Krông Pắc"), ("An", "")] {
            for cols in 80...160 {
                let h = DeskHeader(desk: "Trung tâm Phục vụ hành chính công", commune: commune, counter: 12, clerk: clerk,
                                   clock: "09:00 25/11/2026", inputMethod: "Telex", shortClock: "09:00 25/11",
                                   workload: .counts(dueToday: 123, overdue: 4567))
                var g = CellGrid(rows: 1, cols: cols)
                ShellChrome.renderHeader(into: &g, header: h, language: .vi, symbols: .unicode)
                let line = g.rowText(0)
                #expect(CellWidth.of(line) <= cols)
                #expect(line.contains("Quầy 12 · Cán bộ: "), "\(cols): \(line)")
                #expect(line.contains("123 · Quá hạn") && line.contains("4567") && line.contains("[Telex] 09:00 25/11"), "\(cols): \(line)")
                // The left part ends before the counts begin (at least one blank between).
                let counts = line.range(of: "Đến hạn") ?? line.range(of: "Hạn hôm nay")
                if let counts { #expect(line[..<counts.lowerBound].hasSuffix(" "), "\(cols): \(line)") }
                else { Issue.record("\(cols): no counts in \(line)") }
            }
        }
    }

    @Test("the desk says on opening what is late and where to see it")
    func openingNote() throws {
        let f = try ScreenFixture()
        #expect(f.message == "Hôm nay: 1 hồ sơ quá hạn, 1 hồ sơ đến hạn trả hôm nay — M-3 rồi 4 để xem", "\(f.message)")
        #expect(f.app.messageIsWarning)
        #expect(f.rows[22].contains("1 hồ sơ quá hạn"))
        // Nothing late or due: nothing said.
        #expect(DeskApp.morningNote(.counts(dueToday: 0, overdue: 0), language: .vi, keymap: .standard) == nil)
        let due = try #require(DeskApp.morningNote(.counts(dueToday: 2, overdue: 0), language: .en, keymap: .standard))
        #expect(due.text == "Today: 2 due today — M-3 then 3 to see them" && !due.warning)
    }

    @Test("the counts follow another counter's writes with the change poll; no longer warned when nothing is late")
    func headerRefreshes() throws {
        let f = try configured()
        #expect(f.rows[0].contains("Quá hạn 1"))
        // Counter 2 gets the late dossier's result back: resolved, so not overdue any more.
        _ = try f.db.markReady(f.sự, now: ScreenFixture.at(25, 9), actor: Actor(user: "minh", counter: 2))
        try f.keys("Down") // any key; the poll after it sees the write
        let header = f.rows[0]
        #expect(header.contains("Đến hạn 1 · Quá hạn 0"), "\(header)")
        let late = try #require(column(of: "Quá hạn 0", in: header))
        #expect(f.grid[0, late].style.role == .header)
        // A new dossier received late (yesterday's paper record) is counted at once.
        _ = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Đỗ Văn Cũ"), now: ScreenFixture.at(9, 9),
                                    actor: Actor(user: "minh", counter: 2), calendar: WorkingCalendar())
        try f.keys("Down")
        #expect(f.rows[0].contains("Quá hạn 1"))
    }

    @Test("a store that cannot count shows ? in the header, never 0")
    func headerUnreadable() throws {
        let db = try AppDatabase(path: NSTemporaryDirectory() + "motcua-workload-" + UUID().uuidString + ".sqlite")
        defer { removeDatabaseFiles(db.path) }
        let store = FailingStore(db)
        store.failWorkload = true
        let session = DeskSession(db: store, clock: FixedClock(ScreenFixture.now), counter: 1, language: .vi,
                                  actor: Actor(user: "lan", counter: 1))
        let app = DeskApp.make(terminal: MemoryTerminal(rows: 24, cols: 80), session: session)
        let header = app.currentGrid().rowText(0)
        #expect(header.contains("Đến hạn ? · Quá hạn ?"), "\(header)")
        #expect(!header.contains("Quá hạn 0"))
    }

    @Test("the register by urgency: overdue (most late first), due today, by due date, ready results; the selection stays on its dossier across refreshes")
    func registerOrder() throws {
        let f = try ScreenFixture()
        let list = try f.openList()
        #expect(list.model.rows.map(\.code) == [f.sự, f.mận, f.bảy, f.hưng])
        #expect(f.rows[1].hasSuffix("s: theo độ gấp"), "\(f.rows[1])")
        try f.keys("Down")
        #expect(list.selectedDossier?.code == f.mận)
        // Another counter receives yesterday's paper record, later than any: it goes first …
        let other = Actor(user: "minh", counter: 2)
        let old = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Đỗ Văn Cũ"), now: ScreenFixture.at(9, 9),
                                          actor: other, calendar: WorkingCalendar()).code
        // … and gets Sự's result back: resolved, it moves down among the ready ones.
        _ = try f.db.markReady(f.sự, now: ScreenFixture.at(25, 9), actor: other)
        f.app.refresh()
        #expect(list.model.rows.map(\.code) == [old, f.mận, f.bảy, f.hưng, f.sự])
        // The highlight stayed on Mận, wherever the new order put it.
        #expect(list.selectedDossier?.code == f.mận)
        let r = try #require(f.row(containing: f.mận))
        #expect(f.grid[r, 1].style.isReverse)
        #expect(f.row(containing: old) == 5 && f.rows[5].contains("!"))
    }

    @Test("urgency order in the model: finished last, ready ones longest waiting first, equal rows by code")
    func urgencyModel() throws {
        let today = ScreenFixture.day(25)
        func dossier(_ code: String, due: Int, _ status: DossierStatus = .received, readyOn: Int? = nil) -> Dossier {
            var d = Dossier(code: code, procedureCode: "X", applicantName: code, channel: .direct, receivedAt: ScreenFixture.at(2, 8),
                            dueDate: ScreenFixture.day(due), status: status)
            d.readyAt = readyOn.map { ScreenFixture.at($0, 9) }
            return d
        }
        var model = DossierListModel()
        model.setLoaded([
            dossier("RETURNED", due: 10, .returned), dossier("LATER", due: 30), dossier("READY-NEW", due: 27, .ready, readyOn: 24),
            dossier("TODAY", due: 25, .processing), dossier("LATE-2", due: 20, .needsSupplement), dossier("READY-OLD", due: 28, .ready, readyOn: 3),
            dossier("LATE-1", due: 12), dossier("SOON", due: 26), dossier("LATE-1B", due: 12), dossier("REJECTED", due: 1, .rejected),
        ], today: today)
        #expect(model.rows.map(\.code) == ["LATE-1", "LATE-1B", "LATE-2", "TODAY", "SOON", "LATER", "READY-OLD", "READY-NEW",
                                           "REJECTED", "RETURNED"])
        // Trial: an apology moves the due date, not the lateness; the dossier first due on the
        // 10th is the most late even with a new date on the 27th.
        var apologised = dossier("APOLOGISED", due: 27)
        apologised.originalDueDate = ScreenFixture.day(10)
        model.setLoaded([dossier("LATE-1", due: 12), apologised, dossier("SOON", due: 26)], today: today)
        #expect(model.rows.map(\.code) == ["APOLOGISED", "LATE-1", "SOON"])
    }

    /// A procedure with a fee and a note, and a free one without, added to the catalog.
    func addFeeProcedures(_ f: ScreenFixture, fee: Int = 8000) throws {
        func p(_ code: String, _ name: String, _ fee: Int, _ note: String) -> Procedure {
            Procedure(code: code, name: name, field: "Chứng thực", processingDays: 3, cutoffMinuteOfDay: nil, fee: fee, feeNote: note,
                      deliveries: [.desk, .post], effectiveFrom: nil, effectiveTo: nil, legalBasis: "")
        }
        _ = try f.db.importProcedures([p("TN-PHI", "Thủ tục thử có lệ phí", fee, "theo Nghị quyết HĐND tỉnh"),
                                       p("TN-MIEN", "Thủ tục thử miễn phí", 0, "")],
                                      source: "test", now: f.session.now, actor: f.clerk)
    }

    @Test("the receive form shows the chosen procedure's fee and note; the detail shows the dossier's, kept when the catalog changes")
    func fee() throws {
        let f = try ScreenFixture()
        try addFeeProcedures(f)
        try f.keys("F5 F4")
        func feeRow() -> String? { f.rows.first { $0.contains("Lệ phí") } }
        try f.keys("Tab") // off the procedure: its suggestions close
        #expect(feeRow()?.contains("(theo thủ tục)") == true, "\(f.screenText)")
        try f.keys("BackTab")
        f.type("thu tuc thu mien")
        try f.keys("Enter")
        #expect(feeRow()?.hasSuffix("Miễn lệ phí") == true, "\(f.screenText)")
        try f.keys("C-u") // still on the procedure: clear it and choose the other
        f.type("thu tuc thu co le")
        try f.keys("Enter")
        #expect(feeRow()?.contains("Lệ phí            8.000 đ — theo Nghị quyết HĐND tỉnh") == true, "\(f.screenText)")
        #expect(f.rows.contains { $0.contains("Ngày hẹn trả") && $0.contains("30/11/2026") })
        try f.keys("F2")
        let saved = try #require(try f.db.dossiers(matching: DossierQuery(procedureCodes: ["TN-PHI"])).first)
        #expect(saved.procedureSnapshot?.fee == 8000)

        // The province sets the fee anew: the dossier keeps what it was received with.
        try addFeeProcedures(f, fee: 10000)
        f.app.push(DossierDetailScreen(session: f.session, code: saved.code))
        let detail = try #require(f.rows.first { $0.hasPrefix(" Lệ phí") })
        #expect(detail == " Lệ phí          8.000 đ — theo Nghị quyết HĐND tỉnh", "\(f.screenText)")
        #expect(f.rows.contains { $0.contains("TN-PHI — Thủ tục thử có lệ phí") })
    }

    @Test("the detail of a free procedure says how it is set; a long note is cut on its line, the amount first")
    func feeInDetail() throws {
        let f = try ScreenFixture()
        f.app.push(DossierDetailScreen(session: f.session, code: f.sự))
        #expect(f.rows.contains { $0 == " Lệ phí          Không thu phí" }, "\(f.screenText)")
        // Chứng thực bản sao: an amount per page, a cap and the circular, longer than one line.
        let copy = try #require(try f.db.procedures().first { $0.code == "CT-BS" })
        let d = try f.db.receiveDossier(ReceiveRequest(procedureCode: copy.code, name: "Hà Văn Sao"), now: ScreenFixture.at(25, 8, 40),
                                        actor: f.clerk, calendar: WorkingCalendar())
        f.app.push(DossierDetailScreen(session: f.session, code: d.code))
        let row = try #require(f.row(containing: " Lệ phí "))
        #expect(f.rows[row].hasPrefix(" Lệ phí          2.000 đ/trang") && f.rows[row].hasSuffix("…"), "\(f.screenText)")
        #expect(f.rows.contains { $0.contains("Lịch sử xử lý (1)") })
        for r in f.rows { #expect(CellWidth.of(r) <= 80) }
    }

    @Test("VND with dots between thousands; free and note-only fees")
    func feeText() {
        #expect(FeeText.vnd(0) == "0 đ")
        #expect(FeeText.vnd(8000) == "8.000 đ")
        #expect(FeeText.vnd(400_000) == "400.000 đ")
        #expect(FeeText.vnd(1_234_567) == "1.234.567 đ")
        #expect(FeeText.vnd(999) == "999 đ")
        #expect(FeeText.text(fee: 8000, note: "theo Nghị quyết HĐND tỉnh", language: .vi) == "8.000 đ — theo Nghị quyết HĐND tỉnh")
        #expect(FeeText.text(fee: 8000, note: "8.000 đ/bản sao trích lục", language: .vi) == "8.000 đ/bản sao trích lục")
        #expect(FeeText.text(fee: 50000, note: "", language: .vi) == "50.000 đ")
        #expect(FeeText.text(fee: 0, note: "", language: .vi) == "Miễn lệ phí")
        #expect(FeeText.text(fee: 0, note: "Lệ phí theo Nghị quyết HĐND tỉnh", language: .vi) == "Lệ phí theo Nghị quyết HĐND tỉnh")
    }

    @Test("u follows the desk's own limit of working days")
    func uncollectedLimitFromTheProfile() throws {
        let f = try ScreenFixture()
        var profile = try f.db.profile()
        profile.uncollectedAfterDays = 0
        try f.db.saveProfile(profile, now: ScreenFixture.at(25, 8), actor: f.clerk)
        // Hưng's result has waited 1 working day (ready Mon 23/11; 24/11 is a day off): over none,
        // under the default five.
        let list = try f.openList()
        try f.keys("u")
        #expect(list.filter == .uncollected(days: 0))
        #expect(list.model.rows.map(\.code) == [f.hưng])
        #expect(f.rows[1].contains("Kết quả chưa nhận quá 0 ngày LV"), "\(f.screenText)")
    }

    @Test("u lists the results ready for more than 5 working days, with the phone to call; u again goes back")
    func uncollected() throws {
        let f = try ScreenFixture()
        let cal = WorkingCalendar()
        // Ready on Tue 10/11: 10 working days by 25/11 (24/11 is a day off).
        let old = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Ngô Thị Lâu", phone: "0987654321"),
                                          now: ScreenFixture.at(9, 9), actor: f.clerk, calendar: cal).code
        _ = try f.db.markReady(old, now: ScreenFixture.at(10, 9), actor: f.clerk)
        // Ready on Wed 18/11: 5 working days (19, 20, 23, 25 … and 18 itself does not count): not yet.
        let recent = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.threeDays.code, name: "Lý Văn Mới", phone: "0911111111"),
                                             now: ScreenFixture.at(16, 9), actor: f.clerk, calendar: cal).code
        _ = try f.db.markReady(recent, now: ScreenFixture.at(17, 15), actor: f.clerk)
        #expect(cal.workingDaysBetween(ScreenFixture.day(17), ScreenFixture.day(25)) == 5)
        let list = try f.openList()
        try f.keys("4")
        try f.keys("u")
        #expect(list.filter == .uncollected(days: 5))
        #expect(list.model.rows.map(\.code) == [old], "Hưng's (2 days) and Mới's (5 days) are not listed")
        #expect(f.message == "1 kết quả cần gọi điện mời đến nhận")
        let rows = f.rows
        #expect(rows[1].contains("Sổ theo dõi hồ sơ — Kết quả chưa nhận quá 5 ngày LV (1/1)"), "\(f.screenText)")
        #expect(rows[3].contains("Gọi điện mời đến nhận kết quả") && rows[3].contains("F6: trả KQ") && rows[3].contains("u: quay lại"))
        #expect(rows[4].contains("Điện thoại") && rows[4].contains("Có KQ") && rows[4].contains("Đã chờ"))
        let r = try #require(f.row(containing: old))
        #expect(rows[r].contains("Ngô Thị Lâu") && rows[r].contains("0987654321") && rows[r].contains("10/11/26")
                && rows[r].contains("10 ngày LV") && rows[r].contains("Tại quầy"), "\(rows[r])")
        for row in rows { #expect(CellWidth.of(row) <= 80) }
        // Enter opens it; F6 returns it as on the register.
        try f.keys("Enter")
        #expect((f.top as? DossierDetailScreen)?.code == old)
        try f.keys("Esc u")
        #expect(list.filter == .overdue) // back where the clerk was
        // Nothing waiting that long: said, not an empty page without a word.
        _ = try f.db.returnResult(old, receivedBy: "Ngô Thị Lâu", now: f.session.now, actor: f.clerk)
        try f.keys("u")
        #expect(list.model.rows.isEmpty)
        #expect(f.message == "Không có kết quả nào chờ nhận quá 5 ngày làm việc")
    }

    @Test("help lists u on the register with its meaning")
    func helpListsUncollected() throws {
        let f = try ScreenFixture()
        try f.keys("M-3 F1")
        let help = f.rows.joined(separator: "\n") + "\n" + (try helpPages(f))
        #expect(help.contains("Kết quả chờ quá số ngày làm việc đã đặt (mặc định 5)"), "\(help)")
    }

    /// The rest of the help pages (PgDn until nothing changes).
    func helpPages(_ f: ScreenFixture) throws -> String {
        var seen = ""
        var last = ""
        for _ in 0..<10 {
            try f.keys("PgDn")
            let page = f.rows.joined(separator: "\n")
            if page == last { break }
            seen += page + "\n"
            last = page
        }
        return seen
    }
}
