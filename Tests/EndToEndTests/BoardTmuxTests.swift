import Foundation
import Testing

/// `motcua board` and `motcua display` in a real terminal (tmux, 80×24) while CLI processes,
/// standing in for the desks, write the same database.
@Suite(.serialized) struct BoardTmuxTests {
    static var hasTmux: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }
    static let env = ["LANG": "C.UTF-8", "TERM": "xterm-256color", "USER": "e2e"]

    /// Runs a desk's CLI command and returns when it has exited (its write committed).
    func write(_ desk: CLIDesk, _ args: [String]) throws { try desk.ok(args) }

    /// Waits for `shown` and fails when it took more than a second after the write returned.
    func within(_ tmux: Tmux, _ step: String, since: Date, _ shown: @escaping (String) -> Bool) throws {
        let screen = try tmux.step(step, seconds: 5, shown)
        let took = Date().timeIntervalSince(since)
        #expect(took < 1.0, "\(step): took \(String(format: "%.2f", took)) s\n\(screen)")
    }

    @Test func theBoardShowsEachDesksWriteWithinASecond() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests (.ci/run installs it)")
        let desk = try CLIDesk()
        defer { desk.remove() }
        try write(desk, ["setup", "--counters", "2"])
        let tmux = try Tmux()
        defer { tmux.stop() }
        try tmux.start("'\(MotcuaProcess.binary)' board --db '\(desk.db)' --now '\(desk.now)'; echo EXITED-$?", env: Self.env)
        try tmux.step("the board opens", shows: "Xem chi tiết", seconds: 15)
        let before = try tmux.screen()
        #expect(before.contains("Bảng theo dõi (chỉ xem)") && before.contains("Đang chờ: 0"), "\(before)")

        var t = Date()
        try write(desk, ["walkin", "add", "--name", "Nguyễn Văn An", "--counter", "1"])
        try within(tmux, "desk 1's walk-in", since: t) { $0.contains("Đang chờ: 1") }
        t = Date()
        try write(desk, ["walkin", "add", "--name", "Trần Thị Bình", "--priority", "elderly", "--counter", "2"])
        try within(tmux, "desk 2's priority walk-in", since: t) { $0.contains("Đang chờ: 2") && $0.contains("Người cao tuổi 1") }
        t = Date()
        try write(desk, ["queue", "call-next", "--counter", "1"])
        try within(tmux, "desk 1 calls B001", since: t) { s in s.split(separator: "\n").contains { $0.hasPrefix("  1 ") && $0.contains("B001") } }
        t = Date()
        try write(desk, ["queue", "call-next", "--counter", "2"])
        try within(tmux, "desk 2 calls A001", since: t) { s in s.split(separator: "\n").contains { $0.hasPrefix("  2 ") && $0.contains("A001") } }

        // Two desks at the same moment.
        t = Date()
        let group = DispatchGroup()
        let (db, now) = (desk.db, desk.now)
        for (name, counter) in [("Lê Văn Cường", "1"), ("Phạm Thị Dung", "2")] {
            group.enter()
            Thread.detachNewThread {
                _ = try? MotcuaProcess.run(["walkin", "add", "--name", name, "--counter", counter, "--db", db, "--now", now])
                group.leave()
            }
        }
        group.wait()
        try within(tmux, "both desks' walk-ins", since: t) { $0.contains("Đang chờ: 2  (Thường 2)") }
        let screen = try tmux.screen()
        #expect(!screen.contains("Lỗi") && !screen.contains("Không đọc được"), "\(screen)")

        // Enter: who is waiting; Esc: back.
        try tmux.keys("Enter")
        try tmux.step("Enter shows who waits", shows: "Phạm Thị Dung")
        try tmux.keys("Escape")
        try tmux.step("Esc goes back", shows: "Xem chi tiết")
        try tmux.keys("q")
        try tmux.step("q quits with status 0", shows: "EXITED-0")
    }

    @Test func theBoardRefusesAMissingOrForeignFileAndCreatesNothing() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let missing = try MotcuaProcess.run(["board", "--db", folder.file("none.sqlite")])
        #expect(missing.status == 2 && missing.stderr.contains("không có tệp"), "\(missing.stderr)")
        try Data("not a database, a letter".utf8).write(to: URL(fileURLWithPath: folder.file("letter.txt")))
        let foreign = try MotcuaProcess.run(["display", "--db", folder.file("letter.txt")])
        #expect(foreign.status == 2 && foreign.stderr.contains("không phải cơ sở dữ liệu motcua"), "\(foreign.stderr)")
        #expect(folder.contents == ["letter.txt"])
    }

    @Test func theDisplaySpeaksEachCallOnceInOrderAndShowsNoPersonalData() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let desk = try CLIDesk()
        defer { desk.remove() }
        try write(desk, ["setup", "--counters", "3"])
        let people = [("Nguyễn Văn An", "0912345678", "001203012345"), ("Trần Thị Bình", "0987654321", "001203004567"),
                      ("Lê Văn Cường", "0901234567", "001303012345"), ("Phạm Thị Dung", "0934567890", "079203001234")]
        for p in people { try write(desk, ["walkin", "add", "--name", p.0, "--phone", p.1, "--id-number", p.2]) }
        // A call before the display starts: history, never spoken.
        try write(desk, ["queue", "call-next", "--counter", "1"])

        let tmux = try Tmux()
        defer { tmux.stop() }
        let bin = tmux.folder.file("bin"), spoken = tmux.folder.file("spoken.txt")
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        // A fake espeak-ng: records its arguments one call a line, and talks on stdout and stderr
        // (which must never reach the screen).
        let script = "#!/bin/sh\nprintf '%s|' \"$@\" >> '\(spoken)'\necho >> '\(spoken)'\necho ESPEAK-NOISE\necho ESPEAK-NOISE >&2\nsleep 0.3\n"
        try Data(script.utf8).write(to: URL(fileURLWithPath: bin + "/espeak-ng"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/espeak-ng")
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        try tmux.start("env PATH='\(path)' '\(MotcuaProcess.binary)' display --db '\(desk.db)' --now '\(desk.now)'; echo EXITED-$?",
                       env: Self.env)
        try tmux.step("the display shows the call made before it", shows: "Mời số A001 đến quầy 1", seconds: 15)

        // Two counters call at the same moment, then one calls again.
        try write(desk, ["queue", "call-next", "--counter", "2"])
        try write(desk, ["queue", "call-next", "--counter", "3"])
        try tmux.step("the latest call shows", shows: "Mời số A003 đến quầy 3")
        try write(desk, ["queue", "recall", "A002", "--counter", "2"])
        try tmux.step("the call again shows", shows: "Mời số A002 đến quầy 2")
        let expected = ["-v|vi|Mời số A hai đến quầy hai|", "-v|vi|Mời số A ba đến quầy ba|", "-v|vi|Mời số A hai đến quầy hai|"]
        let deadline = Date().addingTimeInterval(8)
        var lines: [String] = []
        while Date() < deadline {
            lines = ((try? String(contentsOfFile: spoken, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            if lines.count >= expected.count { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        Thread.sleep(forTimeInterval: 1.5) // nothing more may come
        lines = ((try? String(contentsOfFile: spoken, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        #expect(lines == expected)

        let screen = try tmux.screen()
        #expect(!screen.contains("ESPEAK-NOISE"), "\(screen)")
        for p in people {
            for secret in [p.0, p.1, p.2] + p.0.split(separator: " ").suffix(1).map(String.init) {
                #expect(!screen.contains(secret), "the display shows \(secret):\n\(screen)")
            }
        }
        try tmux.keys("q")
        try tmux.step("q quits with status 0", shows: "EXITED-0")
    }
}
