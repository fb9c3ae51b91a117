import Foundation
import Testing

/// The real `motcua desk` in a real terminal (tmux, 80×24) on a temp database. Each wait is a
/// named step (`Tmux.step`): a screen that does not appear fails at once, naming the step.
@Suite(.serialized) struct DeskTmuxTests {
    static var hasTmux: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    func deskCommand(_ db: String, extra: String = "") -> String {
        "'\(MotcuaProcess.binary)' desk --db '\(db)' --counter 1 \(extra)"
    }

    @Test func showsTheQueueUpdatesLiveAndQuitsCleanly() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests (.ci/run installs it)")
        let tmux = try Tmux()
        defer { tmux.stop() }
        let db = tmux.folder.db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Nguyễn Hồng Sự", "--db", db])
        try tmux.start(deskCommand(db) + "; echo EXITED-$?", env: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "lan"])
        _ = try tmux.step("the queue shows the walk-in", shows: "Nguyễn Hồng Sự", seconds: 15)
        // Waits for the key bar too: under load tmux can be read while the first screen is
        // still being written.
        let first = try tmux.step("the key bar is drawn", shows: "Thoát", seconds: 5)
        #expect(first.contains("A001"))
        #expect(first.contains("Quầy 1"))
        #expect(first.contains("Thoát"))  // the key bar, compact at 80 columns

        // Another clerk's ticket shows up without a key press.
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Trần Thị Bình", "--priority", "elderly", "--db", db])
        let live = try tmux.step("another clerk's walk-in shows without a key", shows: "Trần Thị Bình", seconds: 5)
        #expect(live.contains("B001"))

        try tmux.keys("F10")
        let after = try tmux.step("F10 quits with status 0", shows: "EXITED-0")
        #expect(after.contains("EXITED-0"))
        #expect(!after.contains("Trần Thị Bình"), "the screen was not restored:\n\(after)")
    }

    /// Trial: a counter opened over SSH without its --db silently worked on a new empty file.
    @Test func aDeskOnANewFileSaysItCreatedIt() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests (.ci/run installs it)")
        let tmux = try Tmux()
        defer { tmux.stop() }
        let db = tmux.folder.db
        try tmux.start(deskCommand(db), env: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "lan"])
        let screen = try tmux.step("the new file is said", shows: "Đã tạo cơ sở dữ liệu mới", seconds: 15)
        #expect(screen.contains("Đã tạo cơ sở dữ liệu mới"))
        try tmux.keys("F10")
    }

    /// Terminals without an alternate screen (vt100, the Linux console) kept the clerk's queue
    /// on screen after quitting: the desk blanks it before ending.
    @Test(arguments: ["vt100", "linux"])
    func worksInMonochromeAndQuitsCleanlyWithQ(term: String) throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let tmux = try Tmux()
        defer { tmux.stop() }
        let db = tmux.folder.db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Lê Văn Tám", "--db", db])
        try tmux.start(deskCommand(db) + "; echo EXITED-$?", env: ["LANG": "C.UTF-8", "TERM": term, "NO_COLOR": "1"])
        do { let screen = try tmux.step("TERM=\(term): the queue shows the walk-in", shows: "Lê Văn Tám", seconds: 15); #expect(screen.contains("A001"), "\(screen)") }
        try tmux.keys("q")
        let screen = try tmux.step("TERM=\(term): q quits with status 0", shows: "EXITED-0")
        #expect(screen.contains("EXITED-0"), "\(screen)")
        #expect(!screen.contains("Lê Văn Tám") && !screen.contains("Đang chờ"), "TERM=\(term) left the desk on screen:\n\(screen)")
    }

    @Test func nonUTF8LocaleFallsBackToPlainLetters() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let tmux = try Tmux()
        defer { tmux.stop() }
        let db = tmux.folder.db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Đỗ Thị Hường", "--db", db])
        try tmux.start(deskCommand(db) + " 2>'\(tmux.errorFile)'; echo EXITED-$?", env: ["LANG": "C", "LC_ALL": "C", "TERM": "xterm"])
        let screen = try tmux.step("the name shows without diacritics", shows: "Do Thi Huong", seconds: 15)
        #expect(screen.contains("Do Thi Huong"), "\(screen)")
        // Symbols fall back to ASCII too: no `?` where a box line, `…` or `▸` could not be shown.
        #expect(!screen.contains("?"), "\(screen)")
        try tmux.keys("F5")
        do {
            let called = try tmux.step("F5 calls A001", shows: ">A001")
            #expect(called.contains(">A001"), "\(called)")
        }
        try tmux.keys("F8")
        do {
            let dialog = try tmux.step("F8 opens the no-show question in ASCII boxes", shows: "+-")
            #expect(dialog.contains("+- Vang mat -") && dialog.contains("|"), "\(dialog)")
        }
        try tmux.keys("Escape")
        try tmux.step("Esc closes the question") { !$0.contains("+- Vang mat -") }
        try tmux.keys("F10")
        do { let screen = try tmux.step("F10 quits with status 0", shows: "EXITED-0"); #expect(screen.contains("EXITED-0"), "\(screen)") }
        let notice = (try? String(contentsOfFile: tmux.errorFile, encoding: .utf8)) ?? ""
        #expect(notice.contains("UTF-8"))
        // Stored text is unchanged.
        let list = try MotcuaProcess.run(["queue", "list", "--json", "--db", db])
        #expect(list.stdout.contains("Đỗ Thị Hường"))
    }

    @Test func aWalkInTypedInTelexIsCalledAndHisDossierReceived() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let tmux = try Tmux()
        defer { tmux.stop() }
        let db = tmux.folder.db
        try tmux.start(deskCommand(db, extra: "--now '2026-11-25 09:00'") + "; echo EXITED-$?",
                       env: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "lan"])
        try tmux.step("the empty queue shows", shows: "Đang chờ (0)", seconds: 15)
        try tmux.keys("F2")
        try tmux.step("F2 opens the walk-in form", shows: "Cấp số thứ tự")
        try tmux.keys("-l", "Nguyeenx Hoongf Suwj")
        do { let screen = try tmux.step("the name typed in Telex shows composed", shows: "Nguyễn Hồng Sự"); #expect(screen.contains("Nguyễn Hồng Sự"), "\(screen)") }
        // A resize in the middle of the form keeps what was typed.
        // Regression: under tmux SIGWINCH arrived blocked and the desk kept drawing at the old size.
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "60", "-y", "20"])
        do { let screen = try tmux.step("60×20 is too small and says so", shows: "Cửa sổ quá nhỏ"); #expect(screen.contains("(60×20)"), "\(screen)") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "100", "-y", "30"])
        do {
            let screen = try tmux.step("at 100×30 the form is back", shows: "Họ và tên")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= 30 && lines[29].contains("Huỷ"), "the key bar is not on the 30th row:\n\(screen)")
        }
        do { let screen = try tmux.step("the typed name survived the resize", shows: "Nguyễn Hồng Sự"); #expect(screen.contains("Họ và tên"), "\(screen)") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "80", "-y", "24"])
        try tmux.keys("Enter")
        do { let screen = try tmux.step("Enter issues ticket A001", shows: "A001"); #expect(screen.contains("SỐ THỨ TỰ"), "\(screen)") }
        try tmux.keys("Escape")
        try tmux.step("Esc: one waiting in the queue", shows: "Đang chờ (1)")
        try tmux.keys("F5")
        do { let screen = try tmux.step("F5 calls A001", shows: "Mời số A001"); #expect(screen.contains("Nguyễn Hồng Sự"), "\(screen)") }
        try tmux.keys("F4")
        try tmux.step("F4 opens the receive form", shows: "Tiếp nhận hồ sơ")
        try tmux.keys("-l", "xac nhan tinh trang")
        try tmux.step("the procedure picker finds it", shows: "Cấp Giấy xác nhận")
        try tmux.keys("Enter")
        do { let screen = try tmux.step("the due date shows before saving", shows: "30/11/2026"); #expect(screen.contains("Ngày hẹn trả"), "\(screen)") }
        try tmux.keys("Enter")
        do { let screen = try tmux.step("Enter saves and shows the dossier code", shows: "MÃ HỒ SƠ"); #expect(screen.contains("MC-261125-001"), "\(screen)") }
        try tmux.keys("Escape")
        try tmux.step("Esc: A001 is being served", shows: "Đang phục vụ (1)")
        try tmux.keys("F7")
        try tmux.step("F7 finishes A001", shows: "đã xong")
        try tmux.keys("F10")
        do { let screen = try tmux.step("F10 quits with status 0", shows: "EXITED-0"); #expect(screen.contains("EXITED-0"), "\(screen)") }

        let dossiers = try MotcuaProcess.run(["dossier", "list", "--json", "--db", db, "--now", "2026-11-25 09:30"])
        let d = try #require((dossiers.json as? [[String: Any]])?.first)
        #expect(d["code"] as? String == "MC-261125-001")
        #expect(d["applicant"] as? String == "Nguyễn Hồng Sự")
        #expect(d["ticket"] as? String == "A001")
        #expect(d["due_date"] as? String == "2026-11-30")
        let queue = try MotcuaProcess.run(["queue", "list", "--all", "--json", "--db", db, "--now", "2026-11-25 09:30"])
        let t = try #require((queue.json as? [[String: Any]])?.first)
        #expect(t["status"] as? String == "done")
        #expect(t["clerk"] as? String == "lan")
    }

    @Test func aSignalLeavesTheTerminalSane() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let tmux = try Tmux()
        defer { tmux.stop() }
        let db = tmux.folder.db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Phan Văn Khỏe", "--db", db])
        let pidFile = tmux.folder.file("desk.pid")
        try tmux.start("sh -c 'echo $$ > \(pidFile); exec \(deskCommand(db))'; echo EXITED-$?; stty -a | grep -o ' echo ' ; stty -a | grep -o ' icanon'",
                       env: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        try tmux.step("the queue shows the walk-in", shows: "Phan Văn Khỏe", seconds: 15)
        let pid = try #require(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGTERM)
        let after = try tmux.step("after SIGTERM the shell runs stty", shows: "icanon")
        #expect(after.contains("EXITED-143"))
        #expect(after.contains("\n echo"), "echo is off after the signal:\n\(after)")
        #expect(!after.contains("Phan Văn Khỏe"), "the desk's screen was left behind")
    }
}
