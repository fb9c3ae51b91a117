import Foundation
import MotCuaStore
import Testing

/// The documented exit codes: 2 refused, 3 needs the clerk's confirmation, 4 SQLite failed (busy,
/// damaged file): nothing written, a retry may succeed. The sqlite3 shell plays the other desk.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 shell"))
struct CLIExitCodeTests {
    func sqlite3(_ db: String, _ sql: String) throws -> String {
        let r = try MotcuaProcess.run(executable: "/usr/bin/sqlite3", [db, sql], name: ["sqlite3", sql])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Issue: a desk that could not open the file because another held the write lock exited 2
    /// ("cannot open"), as if the clerk's input were wrong, instead of 4 ("busy, try again").
    @Test func busyWhileOpeningIsASQLiteFailure() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"])
        let locked = desk.folder.file("LOCKED"), release = desk.folder.file("RELEASE")
        // Another writer takes the write lock and keeps it (past the 10 s busy timeout) until
        // the test says RELEASE, or 40 s at most.
        let holder = try ChildProcess("/bin/sh", ["-c", """
            (echo "BEGIN EXCLUSIVE;"; echo "INSERT INTO settings (key, value) VALUES ('held', 'x');"; echo ".shell touch '\(locked)'"; \
            n=0; while [ ! -e '\(release)' ] && [ $n -lt 400 ]; do sleep 0.1; n=$((n+1)); done; echo "ROLLBACK;") | /usr/bin/sqlite3 '\(desk.db)'
            """])
        func releaseLock() {
            _ = FileManager.default.createFile(atPath: release, contents: nil)
            holder.waitUntilExit()
        }
        defer { releaseLock() }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: locked) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try #require(FileManager.default.fileExists(atPath: locked), "the sqlite3 shell did not take the lock")

        let busy = try desk.run(["walkin", "add", "--name", "Trần Thị Bình"], json: true)
        #expect(busy.status == 4, "\(busy.stderr)")
        #expect(busy.stderr.contains("đang bận") && busy.stderr.contains("thử lại"), "\(busy.stderr)")
        releaseLock()
        // Nothing was written; the retry succeeds.
        #expect(try desk.rows(["queue", "list"]).map { $0["ticket"] as? String } == ["A001"])
        #expect(try desk.object(["walkin", "add", "--name", "Trần Thị Bình"])["ticket"] as? String == "A002")
    }

    /// `check` exits 3 when it finds problems, and names them.
    @Test func checkFindsAValueItCannotRead() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"])
        #expect(try desk.object(["check"])["ok"] as? Bool == true)
        _ = try sqlite3(desk.db, "UPDATE tickets SET status = 'lost'")
        let check = try desk.run(["check"], json: true)
        #expect(check.status == 3, "\(check.stderr)")
        #expect(check.object?["ok"] as? Bool == false)
        #expect((check.object?["problems"] as? [String])?.contains { $0.contains("A1") && $0.contains("unknown status") } == true, "\(check.stdout)")
        // Reading the queue says which record and value, instead of showing it as waiting.
        let list = try desk.run(["queue", "list"], json: true)
        #expect(list.status == 2 && list.stderr.contains("'lost'"), "\(list.stderr)")
    }

    @Test func aDamagedTableIsASQLiteFailure() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"])
        let page = try #require(Int(try sqlite3(desk.db, "SELECT rootpage FROM sqlite_master WHERE name = 'tickets'")))
        #expect(try sqlite3(desk.db, "PRAGMA page_size") == "4096")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: desk.db))
        try handle.seek(toOffset: UInt64((page - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
        for args in [["queue", "list"], ["walkin", "add", "--name", "Trần Thị Bình"]] {
            let r = try desk.run(args, json: true)
            #expect(r.status == 4, "\(args): \(r.status) \(r.stderr)")
            #expect(r.object?["error"] is String)
        }
        let check = try desk.run(["check"], json: true)
        #expect(check.status != 0)
    }
}
