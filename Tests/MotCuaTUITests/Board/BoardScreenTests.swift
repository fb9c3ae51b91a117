import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// A board on a fresh store written by two desks: what the supervisor sees, through the shell.
final class BoardFlow {
    let desk: AppDatabase
    let session: BoardSession
    let term: MemoryTerminal
    let app: Shell
    let path = NSTemporaryDirectory() + "motcua-board-" + UUID().uuidString + ".sqlite"
    let lan = Actor(user: "lan", counter: 1), minh = Actor(user: "minh", counter: 2)

    init(at time: String = "2026-11-25 09:00", unicode: Bool = true) throws {
        term = MemoryTerminal(rows: 24, cols: 80, supportsUnicode: unicode)
        desk = try AppDatabase(path: path)
        func t(_ s: String) -> Date { VietnamTime.instant(LocalDateTime(parsing: "2026-11-25 " + s)!) }
        _ = try desk.addWalkIn(WalkInRequest(name: "Nguyễn Văn An", phone: "0912345678", idNumber: "001203012345"), now: t("08:00"), actor: lan)
        _ = try desk.addWalkIn(WalkInRequest(name: "Trần Thị Bình", priority: "elderly"), now: t("08:10"), actor: lan)
        _ = try desk.addWalkIn(WalkInRequest(name: "Lê Văn Cường"), now: t("08:20"), actor: lan)
        _ = try desk.addWalkIn(WalkInRequest(name: "Phạm Thị Dung"), now: t("08:40"), actor: lan)
        _ = try desk.callNext(counter: 1, now: t("08:30"), actor: lan)            // B001 at counter 1
        let overdue = try desk.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Đỗ Văn Em"),
                                              now: VietnamTime.instant(LocalDateTime(parsing: "2026-11-16 08:00")!), actor: lan,
                                              calendar: WorkingCalendar())
        #expect(overdue.lateAfter < LocalDate(iso: "2026-11-25")!)
        let board = try AppDatabase(path: path, readOnly: true)
        session = BoardSession(db: board, clock: FixedClock(try #require(LocalDateTime(parsing: time))), language: .vi)
        app = BoardApp.make(terminal: term, session: session)
    }

    var screen: String { app.currentGrid().dump().joined(separator: "\n") }
    func keys(_ script: String) throws { for k in try Key.script(script) { app.handle(k) } }

    deinit { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
}

@Suite("Board")
struct BoardScreenTests {
    @Test("one page at 80×24: counters, waiting by group with waits, no-shows, the dossiers to look into")
    func overview() throws {
        let f = try BoardFlow()
        let rows = f.app.currentGrid().dump()
        let s = rows.joined(separator: "\n")
        #expect(rows[0].contains("Bảng theo dõi (chỉ xem)"))
        #expect(rows[0].contains("Quá hạn 1") || rows[0].contains("Quá hạn: 1"), "\(rows[0])")
        let c1 = try #require(rows.first { $0.hasPrefix("  1 ") })
        #expect(c1.contains("lan") && c1.contains("B001 từ 08:30 (30 phút)"), "\(c1)")
        let c2 = try #require(rows.first { $0.hasPrefix("  2 ") })
        #expect(!c2.contains("A0"), "\(c2)")
        #expect(s.contains("Đang chờ: 3  (Thường 3)"), "\(s)")
        // Waits at 09:00: A001 60', A002 40', A003 20'.
        #expect(s.contains("lâu nhất 60 phút · trung vị 40 phút · vắng mặt hôm nay 0"), "\(s)")
        #expect(s.contains("Hồ sơ quá hạn") && s.contains("Kết quả đang gửi bưu chính"))
        #expect(rows.last?.contains("Chi tiết") == true && rows.last?.contains("Thoát") == true)
        #expect(rows.count == 24)
    }

    @Test("Enter opens who is waiting in calling order, Esc goes back; Down then Enter the late dossiers")
    func drillDown() throws {
        let f = try BoardFlow()
        try f.keys("Enter")
        var s = f.screen
        #expect(s.contains("Người đang chờ (theo thứ tự gọi) (3)"), "\(s)")
        let order = ["A001", "A002", "A003"].compactMap { code in s.range(of: code)?.lowerBound }
        #expect(order.count == 3 && order == order.sorted())
        #expect(s.contains("Nguyễn Văn An") && s.contains("đã chờ 60 phút"))
        try f.keys("Esc")
        #expect(f.screen.contains("Xem chi tiết (Enter):"))
        try f.keys("Down Enter")
        s = f.screen
        #expect(s.contains("Hồ sơ quá hạn (1)") && s.contains("Đỗ Văn Em") && s.contains("trễ"), "\(s)")
        try f.keys("Esc")
        #expect(f.screen.contains("Xem chi tiết (Enter):"))
    }

    @Test("another desk's write shows after the next look, without a key")
    func live() throws {
        let f = try BoardFlow()
        f.term.enqueue(perform: {
            _ = try? f.desk.callNext(counter: 2, now: VietnamTime.instant(LocalDateTime(parsing: "2026-11-25 08:59")!), actor: f.minh)
        })
        f.term.enqueueTimeout()
        f.app.run()
        let c2 = try #require(f.term.dump().first { $0.hasPrefix("  2 ") })
        #expect(c2.contains("minh") && c2.contains("A001"), "\(c2)")
    }

    @Test("help lists only what the board does: no undo, no input method, no desk views")
    func help() throws {
        let f = try BoardFlow()
        try f.keys("F1")
        let s = f.screen
        #expect(s.contains("Trợ giúp — Bảng theo dõi"))
        #expect(s.contains("Enter") && s.contains("Thoát chương trình"))
        for absent in ["Hoàn tác", "kiểu gõ", "Xem hàng chờ", "Cấp số", "[Telex]"] { #expect(!s.contains(absent), "help lists \(absent)") }
        // Every help line is carried out: walk the board's implemented set.
        #expect(BoardApp.implementedActions.isSuperset(of: f.app.available(on: try #require(f.app.top))))
    }

    @Test("--ascii asked for: no warning that the terminal is not UTF-8; a cut-off in ASCII is not a dot")
    func asciiChosen() throws {
        let f = try BoardFlow(unicode: false)
        #expect(f.screen.contains("Terminal không dùng UTF-8"), "not chosen: said")
        f.app.asciiChosen = true
        #expect(!f.screen.contains("UTF-8"), "\(f.screen)")
        #expect(Symbols.asciiFallback(Symbols.unicode.ellipsis) == "~")
        #expect(Symbols.asciiFallback(Symbols.unicode.ellipsis) != Symbols.ascii.dot)
    }

    @Test("labels say working days and the limit, the new date of an apology, tomorrow's appointments at night; lists line up")
    func labels() throws {
        let f = try BoardFlow(at: "2026-11-25 18:30")
        let t = { (s: String) in VietnamTime.instant(LocalDateTime(parsing: s)!) }
        f.term.enqueue(perform: {
            // Written while the board runs, as a desk would.
            guard let second = try? f.desk.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Bùi Thị Giang"), now: t("2026-11-17 08:00"),
                                                          actor: f.lan, calendar: WorkingCalendar()) else { return }
            _ = try? f.desk.apologize(second.code, newDueDate: LocalDate(iso: "2026-12-04")!, reason: "Chờ xác minh", now: t("2026-11-20 08:00"),
                                      actor: f.lan, calendar: WorkingCalendar())
            _ = try? f.desk.bookAppointment(BookingRequest(name: "Hồ Văn Khánh", phone: "0912000111", at: LocalDateTime(parsing: "2026-11-26 08:00")!,
                                                           kind: .guidance), waitlistIfFull: false, now: t("2026-11-25 08:00"), actor: f.lan,
                                            calendar: WorkingCalendar())
        })
        f.term.enqueueTimeout()
        f.app.run()
        let page = f.term.dump().joined(separator: "\n")
        #expect(page.contains("Lịch hẹn sắp tới: Thứ Năm 26/11: 08:00 Hồ Văn Khánh"), "\(page)")
        #expect(page.contains("Kết quả quá 5 ngày LV chưa có người nhận"), "\(page)")
        try f.keys("Down Enter")
        let rows = f.app.currentGrid().dump()
        let late = rows.filter { $0.contains("Đỗ Văn Em") || $0.contains("Bùi Thị Giang") }
        #expect(late.count == 2, "\(rows)")
        #expect(late.allSatisfy { $0.contains("ngày LV") }, "\(late)")
        #expect(late.contains { $0.contains("Bùi Thị Giang") && $0.contains("hẹn lại 04/12") }, "\(late)")
        // The names start in one column.
        let starts = late.compactMap { row in ["Đỗ Văn Em", "Bùi Thị Giang"].compactMap { row.range(of: $0) }.first.map { CellWidth.of(String(row[..<$0.lowerBound])) } }
        #expect(starts.count == 2 && Set(starts).count == 1, "\(late)")
    }

    @Test("many priority groups at 80×24: the waiting line wraps, no group is cut")
    func waitingWraps() throws {
        let f = try BoardFlow()
        let t = VietnamTime.instant(LocalDateTime(parsing: "2026-11-25 08:45")!)
        f.term.enqueue(perform: {
            for (i, group) in ["merit", "disabled", "child", "pregnant"].enumerated() {
                _ = try? f.desk.addWalkIn(WalkInRequest(name: "Người Thứ \(["Một", "Hai", "Ba", "Tư"][i])", priority: group), now: t, actor: f.lan)
            }
        })
        f.term.enqueueTimeout()
        f.app.run()
        let s = f.term.dump().joined(separator: "\n")
        let profile = try f.desk.profile()
        for code in ["merit", "disabled", "child", "pregnant"] {
            let label = try #require(profile.priority.group(code: code)?.label.vi)
            #expect(s.contains("\(label) 1"), "\(label) is cut:\n\(s)")
        }
        #expect(s.contains("Thường 3)"), "\(s)")
        let waiting = s.split(separator: "\n").drop { !$0.contains("Đang chờ: 7") }.prefix(3)
        #expect(!waiting.joined().contains("…"), "\(waiting)")
    }

    @Test("the database file deleted while the board runs: the status line says so")
    func fileGone() throws {
        let f = try BoardFlow()
        #expect(!f.screen.contains("không còn"))
        f.term.enqueue(perform: { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: f.path + suffix) } })
        f.term.enqueueTimeout()
        f.app.run()
        #expect(f.term.dump().joined(separator: "\n").contains("Tệp cơ sở dữ liệu"), "\(f.term.dump().joined(separator: "\n"))")
        #expect(f.term.dump().joined(separator: "\n").contains("không còn"))
    }

    @Test("q and F10, listed in the help as quitting, quit from the help too")
    func quitFromHelp() throws {
        for key in [Key.character("q"), .function(10)] {
            let f = try BoardFlow()
            f.term.enqueue(.function(1), key, .character("x")) // x is never read
            f.app.run()
            #expect(f.term.pendingSteps == 1, "\(key) only closed the help")
        }
    }

    @Test("wider and smaller: 120×30 draws, 60×20 asks to be enlarged, nothing crashes")
    func sizes() throws {
        let f = try BoardFlow()
        f.term.setSize(rows: 30, cols: 120)
        #expect(f.screen.contains("Đang chờ: 3"))
        f.term.setSize(rows: 20, cols: 60)
        #expect(f.screen.contains("quá nhỏ"))
    }
}

@Suite("Display")
struct DisplayScreenTests {
    static let calls = [TicketCall(id: 9, ticket: "A015", counter: 2, at: Date()), TicketCall(id: 8, ticket: "B002", counter: 1, at: Date())]

    func grid(rows: Int, cols: Int, ascii: Bool = false, data: DisplayData? = DisplayData(calls: calls, waiting: 7)) -> [String] {
        var g = CellGrid(rows: rows, cols: cols)
        DisplayView.render(data, title: "Bộ phận Một cửa — Xã Tân Lập", clock: "09:00 25/11/2026", language: .vi, ascii: ascii, into: &g)
        return g.dump()
    }

    @Test("the latest call big, its sentence, the earlier calls, the people waiting, the time")
    func content() {
        let rows = grid(rows: 24, cols: 80)
        let s = rows.joined(separator: "\n")
        #expect(s.contains("Mời số A015 đến quầy 2"))
        #expect(s.contains("Vừa gọi: B002 → quầy 1"))
        #expect(s.contains("Số người đang chờ: 7"))
        #expect(rows[0].contains("09:00"))
        #expect(rows.filter { $0.contains("█") }.count >= 10, "the digits fill the room (scaled)")
        let ascii = grid(rows: 24, cols: 80, ascii: true).joined(separator: "\n")
        #expect(!ascii.contains("█") && ascii.contains("#") && ascii.contains("B002 -> quầy 1"))
    }

    @Test("any size: big on a large screen, the sentence alone on a tiny one, nothing on none",
          arguments: [(0, 0), (1, 1), (1, 40), (3, 20), (6, 30), (8, 12), (12, 40), (50, 200)])
    func sizes(rows: Int, cols: Int) {
        let g = grid(rows: rows, cols: cols)
        #expect(g.count == rows)
        if rows >= 3 && cols >= 22 { #expect(g.joined().contains("Mời số A015"), "\(rows)×\(cols): \(g)") }
    }

    @Test("the loop speaks each new call once in order, none from before it started, and redraws")
    func loopSpeaks() {
        final class Recorder: CallSpeaker {
            var said: [String] = []
            var isBusy: Bool { false }
            func announce(_ call: TicketCall) { said.append(call.spoken) }
        }
        var data = DisplayData(calls: [TicketCall(id: 1, ticket: "A001", counter: 1, at: Date())], waiting: 3)
        var changed = true
        let term = MemoryTerminal(rows: 24, cols: 80)
        let speaker = Recorder()
        let app = DisplayApp(terminal: term, language: .vi, ascii: false, speaker: speaker, title: { "Xã Tân Lập" }, clock: { "09:00" },
                             load: { data }, changes: { defer { changed = false }; return changed })
        term.enqueue(perform: {
            // Two counters call at the same moment.
            data.calls.insert(contentsOf: [TicketCall(id: 3, ticket: "B001", counter: 2, at: Date()),
                                           TicketCall(id: 2, ticket: "A002", counter: 1, at: Date())], at: 0)
            changed = true
        })
        term.enqueueTimeout(3)
        term.enqueue(.character("q"))
        app.run()
        #expect(speaker.said == ["Mời số A hai đến quầy một", "Mời số bê một đến quầy hai"])
        #expect(term.dump().joined(separator: "\n").contains("Mời số B001 đến quầy 2"))
    }

    @Test("without a speech program the bell rings once per call")
    func bell() {
        let term = MemoryTerminal()
        let bell = BellSpeaker(terminal: term)
        bell.announce(TicketCall(id: 1, ticket: "A001", counter: 1, at: Date()))
        #expect(term.bellCount == 1)
    }
}

@Suite("Board: the month's statistics (M-5)")
struct BoardReportsTests {
    @Test("M-5 shows the desk's month report on the board, read-only; Esc goes back to the board")
    func reportsOnTheBoard() throws {
        let f = try BoardFlow()
        #expect(f.app.currentGrid().dump().last?.contains("M-5") == true, "the bar offers it: \(f.screen)")
        try f.keys("M-5")
        let reports = try #require(f.app.screens.last as? ReportsScreen)
        #expect(reports.period == .month(containing: LocalDate(iso: "2026-11-25")!))
        #expect(f.screen.contains("Báo cáo tháng 11/2026"), "\(f.screen)")
        #expect(reports.report?.total.received == 1, "the overdue dossier received this month")
        #expect(f.app.currentGrid().dump().last?.contains("Esc") == true, "\(f.screen)")
        try f.keys("Left")
        #expect(reports.period == .month(containing: LocalDate(iso: "2026-10-01")!))
        try f.keys("Esc")
        #expect(f.app.screens.last is BoardScreen)
    }
}
