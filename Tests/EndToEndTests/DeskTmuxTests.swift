import Foundation
import Testing

/// The real `motcua desk` in a real terminal (tmux, 80×24) on a temp database.
@Suite(.serialized) struct DeskTmuxTests {
    struct Tmux {
        let session = "motcua-e2e-\(UUID().uuidString.prefix(8))"

        @discardableResult
        func run(_ args: [String]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["tmux"] + args
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }

        func start(_ command: String, env: [String: String]) throws {
            let exports = env.map { "\($0.key)='\($0.value)'" }.sorted().joined(separator: " ")
            try run(["new-session", "-d", "-s", session, "-x", "80", "-y", "24", "env \(exports) \(command); sleep 30"])
        }

        func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }
        func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }
        func stop() { _ = try? run(["kill-session", "-t", session]) }

        /// Polls the screen until `text` shows (the desk redraws within a second).
        func waitFor(_ text: String, seconds: Double = 8) throws -> String {
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

    @Test func worksInMonochromeAndQuitsWithQ() throws {
        try #require(Self.hasTmux, "tmux is needed for the terminal tests")
        let db = try TempFolder().db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Lê Văn Tám", "--db", db])
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start(deskCommand(db) + "; echo EXITED-$?", env: ["LANG": "C.UTF-8", "TERM": "vt100", "NO_COLOR": "1"])
        #expect(try tmux.waitFor("Lê Văn Tám").contains("A001"))
        try tmux.keys("q")
        #expect(try tmux.waitFor("EXITED-0").contains("EXITED-0"))
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
        try tmux.keys("F10")
        #expect(try tmux.waitFor("EXITED-0").contains("EXITED-0"))
        let notice = (try? String(contentsOfFile: "/tmp/\(tmux.session).err", encoding: .utf8)) ?? ""
        #expect(notice.contains("UTF-8"))
        // Stored text is unchanged.
        let list = try MotcuaProcess.run(["queue", "list", "--json", "--db", db])
        #expect(list.stdout.contains("Đỗ Thị Hường"))
    }
}
