import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// The reports view (`M-5`) on the fixture's desk (Wed 25/11/2026 09:00): Sự received 16/11 and
/// overdue, Hưng received and ready 23/11 (same-day procedure: on time), Mận due today, Bảy
/// received this morning (all but Hưng in Bảo trợ xã hội, Hưng in Chứng thực); one walk-in, A001, not called yet.
@Suite("Reports view")
struct ReportsScreenTests {
    @Test("M-5 shows this month's figures and bars in 80×24; ← goes to October, t back")
    func thisMonth() throws {
        let f = try ScreenFixture()
        try f.keys("M-5")
        let screen = try #require(f.top as? ReportsScreen)
        let rows = f.rows
        #expect(rows.allSatisfy { CellWidth.of($0) <= 80 })
        #expect(rows[1].contains("Báo cáo tháng 11/2026 (01/11–30/11 · đến 25/11)"), "\(f.screenText)")
        #expect(rows[2].contains("Hồ sơ nhận 4: kỳ trước 0 · trực tiếp 4 · trực tuyến 0 · bưu chính 0"), "\(f.screenText)")
        #expect(rows[3].contains("Đã giải quyết 1: trước hạn 0 · đúng hạn 1 · trễ hạn 0 · đúng hạn 100,0%"), "\(f.screenText)")
        #expect(rows[4].trimmingCharacters(in: .whitespaces) == "Đang giải quyết 3: trong hạn 2 · quá hạn 1", "\(f.screenText)")
        #expect(rows[5].contains("Dừng giải quyết: rút 0 · từ chối 0"), "withdrawn and rejected apart: \(f.screenText)")
        // Sự, Mận and Bảy under one procedure's field, Hưng under the other's; the busier field
        // has the full bar, the other a third of it (29 cells: 9 whole and ⅝).
        let busy = try #require(f.row(containing: "Bảo trợ xã hội"), "\(f.screenText)")
        #expect(rows[busy].contains("3     0       1        –  " + String(repeating: "█", count: 29)), "\(rows[busy])")
        let other = try #require(f.row(containing: "Chứng thực"), "\(f.screenText)")
        #expect(rows[other].contains("1     1       0   100,0%  █████████▋"), "\(rows[other])")
        #expect(f.grid.styleDump()[busy].hasPrefix(" B"), "an overdue field stands out")
        #expect(f.screenText.contains("Vãng lai 1 lượt"))
        #expect(f.screenText.contains("Lượt khách vãng lai theo giờ"))
        #expect(f.screenText.contains("08:00 █"), "\(f.screenText)")
        #expect(rows[23].contains("Tháng trước") && rows[23].contains("Tháng sau"), "\(rows[23])")
        try f.keys("Left")
        #expect(screen.period.start == LocalDate(year: 2026, month: 10, day: 1))
        #expect(f.rows[1].contains("tháng 10/2026"))
        #expect(f.screenText.contains("Không có hồ sơ nào trong kỳ"))
        try f.keys("t")
        #expect(f.rows[1].contains("tháng 11/2026"))
        try f.keys("Right")
        #expect(f.rows[1].contains("tháng 12/2026") && f.rows[1].contains("chưa bắt đầu"))
        #expect(f.rows[2].contains("Hồ sơ nhận 0:") && f.screenText.contains("Không có hồ sơ nào trong kỳ"), "\(f.screenText)")
        // Help lists the view and its keys.
        try f.keys("F1")
        let help = f.screenText
        #expect(help.contains("Báo cáo tháng trước") && help.contains("Alt+5"), "\(help)")
    }

    @Test("a read-only view: C-z does nothing here and the help does not offer undo")
    func noUndo() throws {
        let f = try ScreenFixture()
        try f.keys("M-5")
        try f.keys("C-z")
        #expect(f.app.lastKeyWasInert)
        #expect(try f.db.ticket(code: "A001", day: ScreenFixture.day(25))?.status == .waiting, "undo changed the queue")
        try f.keys("F1")
        #expect(!f.screenText.contains("Hoàn tác"), "\(f.screenText)")
    }

    @Test("without Unicode the bars are # and English headings come with --lang en")
    func asciiAndEnglish() throws {
        let f = try ScreenFixture(language: .en, unicode: false)
        try f.keys("M-5")
        let text = f.screenText
        #expect(f.rows[1].contains("Report: November 2026 (01/11–30/11 · to 25/11)"), "\(text)")
        #expect(text.contains("Received 4: carried 0"))
        #expect(text.contains("Walk-ins by hour"))
        #expect(text.contains("08:00 #"), "\(text)")
        #expect(!text.contains("█") && !text.contains("▏"))
    }

    @Test("bars: whole cells and eighths, never empty for a figure above zero")
    func bars() {
        #expect(BarChart.bar(8, maximum: 8, width: 4, unicode: true) == "████")
        #expect(BarChart.bar(3, maximum: 8, width: 4, unicode: true) == "█▌")
        #expect(BarChart.bar(1, maximum: 1000, width: 10, unicode: true) == "▏")
        #expect(BarChart.bar(0, maximum: 8, width: 4, unicode: true) == "")
        #expect(BarChart.bar(3, maximum: 8, width: 4, unicode: false) == "##")
        #expect(BarChart.bar(1, maximum: 1000, width: 10, unicode: false) == "#")
    }
}

@Suite("Reports view: a store that cannot be read")
struct ReportsFailureTests {
    @Test("the figures stay and the status line says it cannot read")
    func failing() throws {
        let f = try ScreenFixture()
        let store = FailingStore(f.db)
        let session = DeskSession(db: store, clock: FixedClock(ScreenFixture.now), counter: 1, language: .vi,
                                  actor: Actor(user: "lan", counter: 1))
        let screen = ReportsScreen(session: session)
        #expect(screen.report?.total.received == 4)
        store.failReports = true
        screen.reload()
        #expect(screen.loadFailed)
        #expect(screen.report?.total.received == 4)
        let host = Shell(terminal: MemoryTerminal(), language: .vi, roots: RootViews(), home: .viewQueue)
        #expect(screen.statusNote(host: host)?.warning == true)
    }
}
