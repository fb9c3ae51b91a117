import Foundation
import Testing

/// The real `motcua desk` in a real terminal (tmux, 80×24) on a temp database.
@Suite(.serialized) struct DeskTmuxTests {
    struct Tmux {
        let session = "motcua-e2e-\(UUID().uuidString.prefix(8))"

        /// Runs a tmux client. Its output goes through a file, not a pipe: the first client
        /// starts the tmux server, which may keep an inherited pipe open forever.
        @discardableResult
        func run(_ args: [String]) throws -> String {
            let out = NSTemporaryDirectory() + "motcua-tmux-\(UUID().uuidString).out"
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            defer { try? FileManager.default.removeItem(atPath: out) }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["tmux"] + args
            p.standardOutput = handle
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            try handle.close()
            return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        }

        /// Starts the session. The client that starts the tmux server hands it an inherited
        /// descriptor that Foundation's `waitUntilExit` watches, so that wait would last as long
        /// as the server: launch without waiting and poll `has-session` instead.
        func start(_ command: String, env: [String: String]) throws {
            let exports = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["tmux", "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "env \(exports) \(command); sleep 30"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if (try? run(["list-sessions", "-F", "#{session_name}"]))?.contains(session) == true { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }
        func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }
        func stop() { _ = try? run(["kill-session", "-t", session]) }

        /// Polls the screen until `text` shows (the desk redraws within a second).
        func waitFor(_ text: String, seconds: Double = 20) throws -> String {
            let deadline = Date().addingTimeInterval(seconds)
            var last = ""
            while Date() < deadline {
                last = try screen()
                if last.contains(text) { return last }
                Thread.sleep(forTimeInterval: 0.2)
            }
            return last
        }
    }

    static var hasTmux: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

    func deskCommand(_ db: String, extra: String = "") -> String {
        "'\(MotcuaProcess.binary)' desk --db '\(db)' --counter 1 \(extra)"
    }

    @Test func showsTheQueueUpdatesLiveAndQuitsCleanly() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests (.ci/run installs it)")
        let db = try TempFolder().db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Nguyễn Hồng Sự", "--db", db])
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start(deskCommand(db) + "; echo EXITED-$?", env: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "lan"])
        let first = try tmux.waitFor("Nguyễn Hồng Sự")
        #expect(first.contains("A001"))
        #expect(first.contains("Quầy 1"))
        #expect(first.contains("Thoát"))  // the key bar, compact at 80 columns

        // Another clerk's ticket shows up without a key press.
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Trần Thị Bình", "--priority", "elderly", "--db", db])
        let live = try tmux.waitFor("Trần Thị Bình", seconds: 5)
        #expect(live.contains("B001"))

        try tmux.keys("F10")
        let after = try tmux.waitFor("EXITED-0")
        #expect(after.contains("EXITED-0"))
        #expect(!after.contains("Trần Thị Bình"), "the screen was not restored:\n\(after)")
    }

    /// Terminals without an alternate screen (vt100, the Linux console) kept the clerk's queue
    /// on screen after quitting: the desk blanks it before ending.
    @Test(arguments: ["vt100", "linux"])
    func worksInMonochromeAndQuitsCleanlyWithQ(term: String) throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let db = try TempFolder().db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Lê Văn Tám", "--db", db])
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start(deskCommand(db) + "; echo EXITED-$?", env: ["LANG": "C.UTF-8", "TERM": term, "NO_COLOR": "1"])
        do { let screen = try tmux.waitFor("Lê Văn Tám"); #expect(screen.contains("A001"), "\(screen)") }
        try tmux.keys("q")
        let screen = try tmux.waitFor("EXITED-0")
        #expect(screen.contains("EXITED-0"), "\(screen)")
        #expect(!screen.contains("Lê Văn Tám") && !screen.contains("Đang chờ"), "TERM=\(term) left the desk on screen:\n\(screen)")
    }

    @Test func nonUTF8LocaleFallsBackToPlainLetters() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let db = try TempFolder().db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Đỗ Thị Hường", "--db", db])
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start(deskCommand(db) + " 2>/tmp/\(tmux.session).err; echo EXITED-$?", env: ["LANG": "C", "LC_ALL": "C", "TERM": "xterm"])
        let screen = try tmux.waitFor("Do Thi Huong")
        #expect(screen.contains("Do Thi Huong"), "\(screen)")
        // Symbols fall back to ASCII too: no `?` where a box line, `…` or `▸` could not be shown.
        #expect(!screen.contains("?"), "\(screen)")
        try tmux.keys("F5")
        do {
            let called = try tmux.waitFor(">A001")
            #expect(called.contains(">A001"), "\(called)")
        }
        try tmux.keys("F8")
        do {
            let dialog = try tmux.waitFor("+-")
            #expect(dialog.contains("+- Vang mat -") && dialog.contains("|"), "\(dialog)")
        }
        try tmux.keys("Escape")
        try tmux.keys("F10")
        do { let screen = try tmux.waitFor("EXITED-0"); #expect(screen.contains("EXITED-0"), "\(screen)") }
        let notice = (try? String(contentsOfFile: "/tmp/\(tmux.session).err", encoding: .utf8)) ?? ""
        #expect(notice.contains("UTF-8"))
        // Stored text is unchanged.
        let list = try MotcuaProcess.run(["queue", "list", "--json", "--db", db])
        #expect(list.stdout.contains("Đỗ Thị Hường"))
    }

    @Test func aWalkInTypedInTelexIsCalledAndHisDossierReceived() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let db = try TempFolder().db
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start(deskCommand(db, extra: "--now '2026-11-25 09:00'") + "; echo EXITED-$?",
                       env: ["LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "lan"])
        _ = try tmux.waitFor("Đang chờ (0)")
        try tmux.keys("F2")
        _ = try tmux.waitFor("Cấp số thứ tự")
        try tmux.keys("-l", "Nguyeenx Hoongf Suwj")
        do { let screen = try tmux.waitFor("Nguyễn Hồng Sự"); #expect(screen.contains("Nguyễn Hồng Sự"), "\(screen)") }
        // A resize in the middle of the form keeps what was typed.
        // Regression: under tmux SIGWINCH arrived blocked and the desk kept drawing at the old size.
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "60", "-y", "20"])
        do { let screen = try tmux.waitFor("Cửa sổ quá nhỏ"); #expect(screen.contains("(60×20)"), "\(screen)") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "100", "-y", "30"])
        do {
            let screen = try tmux.waitFor("Họ và tên")
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count >= 30 && lines[29].contains("Huỷ"), "the key bar is not on the 30th row:\n\(screen)")
        }
        do { let screen = try tmux.waitFor("Nguyễn Hồng Sự"); #expect(screen.contains("Họ và tên"), "\(screen)") }
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "80", "-y", "24"])
        try tmux.keys("Enter")
        do { let screen = try tmux.waitFor("A001"); #expect(screen.contains("SỐ THỨ TỰ"), "\(screen)") }
        try tmux.keys("Escape")
        _ = try tmux.waitFor("Đang chờ (1)")
        try tmux.keys("F5")
        do { let screen = try tmux.waitFor("Mời số A001"); #expect(screen.contains("Nguyễn Hồng Sự"), "\(screen)") }
        try tmux.keys("F4")
        _ = try tmux.waitFor("Tiếp nhận hồ sơ")
        try tmux.keys("-l", "xac nhan tinh trang")
        _ = try tmux.waitFor("Cấp Giấy xác nhận")
        try tmux.keys("Enter")
        do { let screen = try tmux.waitFor("30/11/2026"); #expect(screen.contains("Ngày hẹn trả"), "\(screen)") }
        try tmux.keys("Enter")
        do { let screen = try tmux.waitFor("MÃ HỒ SƠ"); #expect(screen.contains("MC-261125-001"), "\(screen)") }
        try tmux.keys("Escape")
        _ = try tmux.waitFor("Đang phục vụ (1)")
        try tmux.keys("F7")
        _ = try tmux.waitFor("đã xong")
        try tmux.keys("F10")
        do { let screen = try tmux.waitFor("EXITED-0"); #expect(screen.contains("EXITED-0"), "\(screen)") }

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
        let folder = try TempFolder()
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Phan Văn Khỏe", "--db", folder.db])
        let pidFile = folder.path + "/desk.pid"
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("sh -c 'echo $$ > \(pidFile); exec \(deskCommand(folder.db))'; echo EXITED-$?; stty -a | grep -o ' echo ' ; stty -a | grep -o ' icanon'",
                       env: ["LANG": "C.UTF-8", "TERM": "xterm-256color"])
        _ = try tmux.waitFor("Phan Văn Khỏe")
        let pid = try #require(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
        kill(pid, SIGTERM)
        let after = try tmux.waitFor("icanon")
        #expect(after.contains("EXITED-143"))
        #expect(after.contains("\n echo"), "echo is off after the signal:\n\(after)")
        #expect(!after.contains("Phan Văn Khỏe"), "the desk's screen was left behind")
    }
}
