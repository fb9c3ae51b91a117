import Foundation
import MotCuaStore
import Testing

/// `backup` while desks write, the daily rotation, `restore` with its refusals, and a demo
/// killed half-way.
@Suite struct BackupRestoreTests {
    @Test func aBackupTakenWhileADeskWritesPassesCheck() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["setup"])
        let script = "for i in $(seq 1 40); do \"$2\" walkin add --name \"Người $i\" --db \"$1\" --now '2026-11-25 08:00' >/dev/null || exit 1; done"
        let db = desk.db, binary = MotcuaProcess.binary
        let writing = DispatchGroup()
        DispatchQueue.global().async(group: writing) {
            _ = try? MotcuaProcess.run(executable: "/bin/sh", ["-c", script, "sh", db, binary], timeout: 60)
        }
        for n in 1...4 {
            let copy = desk.folder.file("copy-\(n).sqlite")
            let r = try desk.object(["backup", copy])
            #expect(r["file"] as? String == copy)
            #expect(try MotcuaProcess.run(["check", "--db", copy, "--now", "2026-11-25 09:00"]).status == 0)
        }
        writing.wait()
    }

    @Test func theDailyRotationKeepsTheNewestN() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["setup"])
        let dir = desk.folder.file("backups")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        try Data("other".utf8).write(to: URL(fileURLWithPath: dir + "/notes.txt"))
        for day in 20...25 { try desk.ok(["backup", "--dir", dir, "--keep", "3"], at: "2026-11-\(day) 23:00") }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ["desk-2026-11-23.sqlite", "desk-2026-11-24.sqlite", "desk-2026-11-25.sqlite", "notes.txt"])
        let bad = try desk.run(["backup", "--dir", dir, "--keep", "0"])
        #expect(bad.status == 2 && bad.stderr.contains("--keep"))
        let exists = try desk.run(["backup", dir + "/desk-2026-11-25.sqlite"])
        #expect(exists.status == 2 && exists.stderr.contains("--force"))
    }

    /// Trial: with the PC's clock behind, the copy just made sorted oldest and was deleted at
    /// once; a copy someone checked left -wal/-shm files that stayed after it was rotated out.
    @Test func theCopyJustMadeIsKeptAndLeavesNoCompanions() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["setup"])
        let dir = desk.folder.file("backups")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        for day in [1, 2] { try desk.ok(["backup", "--dir", dir, "--keep", "2"], at: "2026-12-0\(day) 18:00") }
        // Checking a backup opens it: nothing is left beside it.
        try desk.ok(["check", "--db", dir + "/desk-2026-12-01.sqlite"])
        let behind = try desk.object(["backup", "--dir", dir, "--keep", "2"], at: "2026-11-20 18:00")
        #expect(behind["file"] as? String == dir + "/desk-2026-11-20.sqlite")
        #expect((behind["bytes"] as? Int ?? 0) > 0)
        #expect(behind["removed"] as? [String] == [dir + "/desk-2026-12-01.sqlite"], "\(behind)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == ["desk-2026-11-20.sqlite", "desk-2026-12-02.sqlite"], "\(names)")
        // Neither a file nor --dir; a folder that is not there.
        let neither = try desk.run(["backup"])
        #expect(neither.status == 2 && neither.stderr.contains("cần nơi ghi"), "\(neither.stderr)")
        let missing = try desk.run(["backup", desk.folder.file("usb/x.sqlite")])
        #expect(missing.status == 2 && missing.stderr.contains("không tồn tại"), "\(missing.stderr)")
    }

    @Test func restoreAsksChecksTheBackupAndKeepsTheReplacedFileAside() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Trước Sao Lưu"])
        let copy = desk.folder.file("copy.sqlite")
        try desk.ok(["backup", copy])
        try desk.ok(["walkin", "add", "--name", "Sau Sao Lưu"])
        let refused = try desk.run(["restore", copy])
        #expect(refused.status == 3 && refused.stderr.contains("--yes"), "\(refused.stderr)")
        #expect(try desk.rows(["queue", "list"]).count == 2)
        let foreign = desk.folder.file("notes.txt")
        try Data("không phải".utf8).write(to: URL(fileURLWithPath: foreign))
        let bad = try desk.run(["restore", foreign, "--yes"])
        #expect(bad.status == 2 && bad.stderr.contains("không dùng được"), "\(bad.stderr)")
        let done = try desk.object(["restore", copy, "--yes"], at: "2026-11-25 10:30")
        let aside = try #require(done["kept_aside"] as? String)
        #expect(aside == desk.db + ".before-restore-20261125-103000")
        #expect(try desk.rows(["queue", "list"]).compactMap { $0["name"] as? String } == ["Trước Sao Lưu"])
        let kept = try MotcuaProcess.run(["queue", "list", "--db", aside, "--now", "2026-11-25 10:30", "--json"])
        #expect((kept.rows ?? []).count == 2)
    }

    @Test func restoreReplacesADamagedFile() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        for i in 1...20 { try desk.ok(["walkin", "add", "--name", "Người \(i)"]) }
        let copy = desk.folder.file("copy.sqlite")
        try desk.ok(["backup", copy])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: desk.db))
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: desk.db + suffix) }
        #expect(try desk.run(["queue", "list"]).status == 4)
        try desk.ok(["restore", copy, "--yes"])
        #expect(try desk.rows(["queue", "list"]).count == 20)
        #expect(desk.folder.contents.contains { $0.hasPrefix("desk.sqlite.before-restore-") })
    }

    @Test func aKilledDemoLeavesNothingAndRunsAgain() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        // What a whole demo makes: a kill that lands after its one transaction committed (while
        // it prints its summary) leaves exactly that, never a part of it.
        let whole = folder.file("whole.sqlite")
        #expect(try MotcuaProcess.run(["demo", "--db", whole, "--now", "2026-11-25 10:00"]).status == 0)
        let wholeCount = try MotcuaProcess.run(["dossier", "list", "--db", whole, "--json"]).rows?.count ?? -1
        #expect(wholeCount > 0)
        var killedEmpty: String?
        for (n, delay) in [0.05, 0.1, 0.2, 0.3, 0.6].enumerated() {
            let db = folder.file("demo-\(n).sqlite")
            let p = try ChildProcess(MotcuaProcess.binary, ["demo", "--db", db, "--now", "2026-11-25 10:00"])
            Thread.sleep(forTimeInterval: delay)
            kill(p.pid, SIGKILL)
            p.waitUntilExit()
            // A demo that finished before the kill proves nothing here.
            guard p.wasSignaled else { continue }
            guard FileManager.default.fileExists(atPath: db) else { killedEmpty = db; continue }
            let list = try MotcuaProcess.run(["dossier", "list", "--db", db, "--json"])
            let count = list.rows?.count ?? -1
            #expect(count == 0 || count == wholeCount, "a killed demo left \(count) of \(wholeCount) dossiers: \(list.stderr)")
            if count == 0 { killedEmpty = db }
        }
        let db = try #require(killedEmpty, "no demo was killed before its transaction")
        let r = try MotcuaProcess.run(["demo", "--db", db, "--now", "2026-11-25 10:00"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try MotcuaProcess.run(["check", "--db", db, "--now", "2026-11-25 10:00"]).status == 0)
    }
}
