import Foundation
import Testing
import MotCuaCore
import MotCuaStore

/// The appointments week grid in a real terminal (tmux, 80×24): the week of the make-up
/// Saturday 10/01/2026 shows six columns, the next week five, a Tết week names the holiday.
@Suite(.serialized) struct AppointmentTmuxTests {
    @Test func weekViewFitsEightyByTwentyFour() throws {
        try #require(DeskTmuxTests.hasTmux, "tmux is needed for the terminal tests (.ci/run installs it)")
        let tmux = try Tmux()
        defer { tmux.stop() }
        let db = tmux.folder.db
        do {
            // Booked as the CLI would, a few days before.
            let store = try AppDatabase(path: db)
            let clerk = Actor(user: "lan", counter: 1)
            let booked = VietnamTime.instant(try #require(LocalDateTime(parsing: "2026-01-05 08:00")))
            for (name, at) in [("Nguyễn Văn An", "2026-01-09 08:00"), ("Trần Thị Bình", "2026-01-09 08:00"), ("Lê Văn Cường", "2026-01-10 09:30")] {
                _ = try store.bookAppointment(BookingRequest(name: name, at: try #require(LocalDateTime(parsing: at)), kind: .guidance),
                                              waitlistIfFull: false, now: booked, actor: clerk, calendar: WorkingCalendar())
            }
        }
        try tmux.start("'\(MotcuaProcess.binary)' desk --db '\(db)' --counter 1 --now '2026-01-08 09:00'; echo EXITED-$?",
                       env: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "lan"])
        try tmux.step("the queue shows", shows: "Đang chờ (0)", seconds: 15)
        try tmux.keys("M-2")
        try tmux.step("M-2 opens the day list", shows: "Lịch hẹn — Thứ Năm 08/01/2026")
        try tmux.keys("w")
        // Waits for the whole grid (down to its legend), not a screen caught half drawn.
        let week = try tmux.step("w shows the week with the make-up Saturday") {
            $0.contains("làm bù T7 10/01") && $0.contains("Ô: số hẹn/chỗ còn trống") && $0.contains("Thoát")
        }
        let lines = week.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count >= 24, "\(week)")
        let header = try #require(lines.first { $0.contains("T2 05/01") }, "\(week)")
        #expect(header.contains("T6 09/01") && header.contains("T7 10/01"), "\(week)")
        #expect(lines.first { $0.hasPrefix(" 08:00") }?.contains("2/2") == true, "\(week)")
        #expect(lines.first { $0.hasPrefix(" 09:30") }?.hasSuffix("1/3") == true, "\(week)")
        #expect(lines.contains { $0.contains("Tổng") } && lines.contains { $0.contains("16:30") }, "\(week)")
        #expect(lines.count < 24 || lines[23].contains("Thoát"), "the key bar is not on the 24th row:\n\(week)")
        try tmux.keys("PgDn")
        // The whole grid of the new week, not a capture taken while ncurses was still drawing it
        // (the title new, the columns and the old title's tail not yet).
        let next = try tmux.step("PgDn: the week of 12/01, five days") {
            $0.contains("tuần 12/01–16/01/2026") && $0.contains("T2 12/01") && $0.contains("T6 16/01") && $0.contains("Ô: số hẹn")
                && !$0.contains("T2 05/01")
        }
        #expect(!next.contains("T7 "), "\(next)")
        try tmux.keys("g")
        try tmux.step("g asks for a date", shows: "Đến ngày")
        try tmux.keys("-l", "17/02")
        try tmux.keys("Enter")
        let tet = try tmux.step("the Tết week names the holiday") { $0.contains("Tết Bính Ngọ") && $0.contains("Ô: số hẹn") }
        #expect(tet.contains("T2 16/02") && tet.contains("T6 20/02"), "\(tet)")
        try tmux.keys("F10")
        try tmux.step("F10 quits with status 0", shows: "EXITED-0")
    }
}
