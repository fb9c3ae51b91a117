import Foundation
import Testing

/// The real binary on a failing place: a write limit (`ulimit -f`), a full small file system and
/// a read-only mount (both in a private mount namespace, `unshare -rm`, when the kernel allows
/// it without root), and a damaged file.
@Suite struct DiskFaultTests {
    /// `unshare -rm`: a user and mount namespace of our own, where tmpfs can be mounted without
    /// being root. Missing or refused (some containers): those tests say so and skip.
    static let namespaces: Bool = {
        (try? MotcuaProcess.run(executable: "/usr/bin/unshare", ["-rm", "true"], timeout: 10).status) == 0
    }()

    /// Runs a shell script (`$B` is the binary) inside a private namespace with a small tmpfs at `$M`.
    func inNamespace(_ script: String, mount: String, sizeKB: Int, folder: TempFolder) throws -> MotcuaProcess.Result {
        try MotcuaProcess.run(executable: "/usr/bin/unshare",
                              ["-rm", "/bin/sh", "-c", "mount -t tmpfs -o size=\(sizeKB)k tmpfs \"$M\" && " + script],
                              env: ["B": MotcuaProcess.binary, "M": mount, "SEED": folder.db], timeout: 60)
    }

    @Test func aWriteLimitIsAFullDiskInTheUsersLanguageAndNothingReportedIsLost() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["setup"])
        // 64 KiB: below the file's own size, so the WAL or its checkpoint soon writes past it;
        // SIGXFSZ must not kill the program.
        let script = """
            ulimit -f 64
            i=0
            while [ $i -lt 200 ]; do
              i=$((i+1))
              out=$("$B" walkin add --name "Người $i" --db "$1" --now '2026-11-25 08:00' --json 2>"$2") || { echo "rc=$?"; exit 0; }
              echo "$out" | grep '"ticket"'
            done
            echo "no failure"
            """
        let r = try MotcuaProcess.run(executable: "/bin/sh", ["-c", script, "sh", desk.db, desk.folder.file("err")],
                                      env: ["B": MotcuaProcess.binary], timeout: 60)
        #expect(r.stdout.contains("rc=4"), "\(r.stdout)")
        let message = try String(contentsOfFile: desk.folder.file("err"), encoding: .utf8)
        #expect(message.contains("chưa lưu gì") && message.contains("giải phóng dung lượng"), "\(message)")
        #expect(!message.contains("SQLite error"))
        let reported = Set(r.stdout.split(separator: "\n").compactMap { $0.firstMatch(of: /"(A\d{3})"/).map { String($0.1) } })
        // The next start, without the limit, works and holds every ticket that was reported.
        let listed = Set(try desk.rows(["queue", "list"]).compactMap { $0["ticket"] as? String })
        // How many fit before the limit depends on the pages a first write of the day touches.
        #expect(reported.isSubset(of: listed))
        try desk.ok(["walkin", "add", "--name", "Lê Văn Sau"])
        let en = try MotcuaProcess.run(executable: "/bin/sh", ["-c", "ulimit -f 1; exec \"$0\" walkin add --name X --db \"$1\" --lang en",
                                                                MotcuaProcess.binary, desk.db])
        if en.status != 0 {
            #expect(en.status == 4 && en.stderr.contains("nothing was saved"), "\(en.stderr)")
        }
        #expect(try desk.run(["check"]).status == 0)
    }

    @Test func aFullFileSystemAtZeroBytesStillReadsAndWorksOnceSpaceIsFreed() throws {
        guard Self.namespaces else { print("skipped: unshare -rm is not available here"); return }
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Trần Thị Đầu"])
        let mount = desk.folder.file("small")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: false)
        let r = try inNamespace("""
            cp "$SEED" "$M/desk.sqlite"
            dd if=/dev/zero of="$M/fill" bs=4k 2>/dev/null
            "$B" walkin add --name 'Lê Văn Tám' --db "$M/desk.sqlite" --now '2026-11-25 09:00'; echo "write=$?"
            "$B" queue list --db "$M/desk.sqlite" --now '2026-11-25 09:00' --lang en; echo "read=$?"
            rm "$M/fill"
            "$B" walkin add --name 'Lê Văn Tám' --db "$M/desk.sqlite" --now '2026-11-25 09:00'; echo "after=$?"
            """, mount: mount, sizeKB: 1024, folder: desk.folder)
        #expect(r.stdout.contains("write=4") && r.stdout.contains("read=0") && r.stdout.contains("after=0"), "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("chưa lưu gì") && !r.stderr.contains("disk I/O error"), "\(r.stderr)")
        #expect(r.stdout.contains("Trần Thị Đầu") && r.stdout.contains("A002"))
    }

    @Test func aReadOnlyMountIsSaidPlainlyAndTheViewingCommandsWork() throws {
        guard Self.namespaces else { print("skipped: unshare -rm is not available here"); return }
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Trần Thị Đầu"])
        try desk.ok(["dossier", "receive", "--procedure", "HT-KS", "--name", "Trần Thị Đầu"])
        let mount = desk.folder.file("ro")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: false)
        let r = try inNamespace("""
            cp "$SEED" "$M/desk.sqlite" && mount -o remount,ro "$M"
            for c in "dossier list" "queue list" "check" "report"; do
              "$B" $c --db "$M/desk.sqlite" --now '2026-11-25 09:00' >/dev/null; echo "$c=$?"
            done
            "$B" walkin add --name 'Lê Văn Tám' --db "$M/desk.sqlite" --now '2026-11-25 09:00'; echo "write=$?"
            "$B" walkin add --name 'Lê Văn Tám' --db "$M/desk.sqlite" --now '2026-11-25 09:00' --lang en
            ls "$M"
            """, mount: mount, sizeKB: 2048, folder: desk.folder)
        for c in ["dossier list", "queue list", "check", "report"] { #expect(r.stdout.contains("\(c)=0"), "\(c): \(r.stdout) \(r.stderr)") }
        #expect(r.stdout.contains("write=4"))
        #expect(r.stderr.contains("nơi chỉ đọc") && r.stderr.contains("read-only place") && !r.stderr.contains("SQLite error"), "\(r.stderr)")
        #expect(!r.stdout.contains("desk.sqlite-"), "companion files appeared: \(r.stdout)")
    }

    @Test func aDamagedCopyIsSaidDamagedAndCheckReportsTheDamage() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        for i in 1...30 { try desk.ok(["walkin", "add", "--name", "Người \(i)"]) }
        let copy = desk.folder.file("copy.sqlite")
        try desk.ok(["backup", copy])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        let damaged = desk.folder.file("damaged.sqlite")
        try bytes.prefix(bytes.count * 2 / 3).write(to: URL(fileURLWithPath: damaged))
        let list = try MotcuaProcess.run(["queue", "list", "--db", damaged])
        #expect(list.status == 4 && list.stderr.contains("bị hỏng") && list.stderr.contains("motcua restore"), "\(list.stderr)")
        let check = try MotcuaProcess.run(["check", "--db", damaged, "--lang", "en"])
        #expect(check.status == 3 && check.stdout.contains("damaged") && check.stdout.contains("truncated"), "\(check.stdout)")
        let json = try MotcuaProcess.run(["check", "--db", damaged, "--json"])
        let obj = try #require(json.object)
        #expect(obj["ok"] as? Bool == false && obj["damaged"] as? Bool == true)
        #expect(!(obj["problems"] as? [String] ?? []).isEmpty)
    }

    /// Trial: `check` on a cut copy of a live (WAL) database created -wal/-shm beside it, and the
    /// second run lost the truncation finding.
    @Test func checkingADamagedFileTwiceSaysTheSameAndCreatesNothing() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        for i in 1...30 { try desk.ok(["walkin", "add", "--name", "Người \(i)"]) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: desk.db))
        let damaged = desk.folder.file("cut.sqlite")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: damaged))
        let first = try MotcuaProcess.run(["check", "--db", damaged])
        let second = try MotcuaProcess.run(["check", "--db", damaged])
        #expect(first.status == 3 && first.stdout.contains("truncated"), "\(first.stdout)")
        #expect(second.stdout == first.stdout)
        for suffix in ["-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: damaged + suffix), "\(suffix) created") }
    }
}
