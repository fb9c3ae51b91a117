import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// The acceptance test for "help says one thing, the keys do another": on every screen
/// of the desk, every key its help lists is pressed; none answers "not available" and none
/// falls through to nothing (the shell's record of an inert key).
@Suite("Help keys walk")
struct HelpKeysWalkTests {
    /// How to reach each screen from the queue, as key scripts.
    static let screens: [(name: String, script: String)] = [
        ("queue", ""),
        ("queue with a called ticket", "F5"),
        ("walk-in form", "F2 a"),
        ("walk-in result", "F2 A n Enter"),
        ("receive form", "F5 F4"),
        ("register", "M-3"),
        ("register, typing a search", "M-3 /"),
        ("dossier detail", "M-3 Enter"),
        ("search", "F3 n g"),
        ("procedure picker with suggestions", "F2 Tab Tab Tab k s"),
        ("prompt (supplement reason)", "M-3 F7"),
        // Issue 9: the form to print, its preview, the apology's date prompt.
        ("print: which form", "M-3 C-p"),
        ("print: preview", "M-3 C-p Enter"),
        ("apology date prompt", "M-3 M-a"),
        ("confirm (no-show)", "F5 F8"),
        ("transfer prompt", "F5 C-t"),
        ("appointments, day list", "M-2"),
        ("appointments, week grid", "M-2 w"),
        ("appointments, booking form", "M-2 F2 a"),
        ("appointments, date prompt", "M-2 g"),
        ("appointments, waitlist page", "M-2 d"),
        // 26/11 09:00 is full and Phạm Văn Cường waits for it (see the setup in `walk`).
        ("appointments, waitlist page with someone", "M-2 Right d"),
        // Issue 10: the reports view.
        ("reports", "M-5"),
    ]

    static let lies = ["không dùng ở màn hình này", "not available", "chưa có trong bản này"]

    @Test("every key listed in help works on its screen", arguments: screens.map(\.name))
    func walk(screen name: String) throws {
        let script = try #require(Self.screens.first { $0.name == name }).script
        let f = try ScreenFixture()
        var profile = try f.db.profile(); profile.counters = 3
        try f.db.saveProfile(profile, now: f.session.now, actor: f.session.actor)
        // Enough people waiting that every reopening can call one (a key may close a ticket).
        for i in 0..<60 {
            _ = try f.db.addWalkIn(WalkInRequest(name: "Người chờ \(i)"), now: ScreenFixture.at(25, 8, i % 60), actor: f.clerk)
        }
        // Two bookings fill 26/11 09:00; a third person waits for it.
        for (name, phone, waitlist) in [("Nguyễn Văn An", "0912345671", false), ("Trần Thị Bình", "0912345672", false),
                                        ("Phạm Văn Cường", "0912345673", true)] {
            _ = try f.db.bookAppointment(BookingRequest(name: name, phone: phone, at: LocalDateTime(date: ScreenFixture.day(26), hour: 9, minute: 0),
                                                        kind: .guidance),
                                         waitlistIfFull: waitlist, now: f.session.now, actor: f.clerk, calendar: f.session.calendar)
        }
        f.app.refresh()
        func open() throws {
            f.app.reset(to: .viewQueue)
            try f.keys(script)
        }
        try open()
        let top = try #require(f.top)
        let context = top.keyContext
        let keys = f.app.available(on: top).flatMap { f.app.keymap.keys(for: $0, in: context) }
        #expect(!keys.isEmpty)
        // What help shows is what is walked: each key's action is on the help page.
        let help = f.app.helpEntries(for: top)
        for key in keys {
            try open()
            let before = try #require(f.top)
            #expect(help.contains { $0.keys.contains(HelpOverlay.spoken(key, .vi)) }, "\(name): \(key.name) not in help")
            f.app.handle(key)
            #expect(!f.app.lastKeyWasInert, "\(name): \(key.name) is in help but did nothing")
            let status = f.rows[21...22].joined(separator: " ")
            for lie in Self.lies {
                #expect(!f.message.contains(lie) && !status.contains(lie),
                        "\(name): \(key.name) (\(f.app.keymap.action(for: key, in: before.keyContext)?.rawValue ?? "?")) said: \(f.message)")
            }
        }
    }

    @Test("the reports view is in help now that it is built (M-5 opens it); C-z undoes")
    func inertKeys() throws {
        let f = try ScreenFixture()
        try f.keys("F1")
        let help = f.rows.joined(separator: "\n")
        #expect(help.contains("Alt+5") && help.contains("Xem báo cáo, thống kê"))
        #expect(help.contains("Alt+2") && help.contains("Xem lịch hẹn"))
        #expect(help.contains("Ctrl+Z") && help.contains("Hoàn tác"))
        try f.keys("Esc")
        try f.keys("M-5")
        #expect(f.top is ReportsScreen)
        #expect(!f.app.lastKeyWasInert)
        try f.keys("M-1")
        // The fixture's last change at this counter is the walk-in A001: C-z cancels it and says so.
        try f.keys("C-z")
        #expect(!f.app.lastKeyWasInert)
        #expect(f.message.contains("Đã hoàn tác") && f.message.contains("A001"), "\(f.message)")
        #expect(try f.db.ticket(code: "A001", day: ScreenFixture.day(25))?.status == .cancelled)
        // Nothing else of today to undo: C-z says so instead of staying silent.
        try f.keys("C-z")
        #expect(f.message.contains("Không có thao tác nào hôm nay") || f.message.contains("Không hoàn tác được"), "\(f.message)")
    }
}
