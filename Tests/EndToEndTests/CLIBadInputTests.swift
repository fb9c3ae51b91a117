import Foundation
import Testing

/// Every refusal names the field and what is expected, exits 2 and writes nothing.
@Suite(.serialized) struct CLIBadInputTests {
    func expectRefused(_ args: [String], desk: CLIDesk, field: String?, mentions: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try desk.run(["queue", "list", "--all", "--json"]).stdout
        let dossiers = try desk.run(["dossier", "list", "--json"]).stdout
        let r = try desk.run(args, json: true)
        #expect(r.status == 2, "accepted or wrong exit (\(r.status)): \(args)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(mentions), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.object?["field"] as? String == field, "stdout: \(r.stdout)", sourceLocation: sourceLocation)
        #expect(r.object?["error"] is String, sourceLocation: sourceLocation)
        #expect(try desk.run(["queue", "list", "--all", "--json"]).stdout == before, sourceLocation: sourceLocation)
        #expect(try desk.run(["dossier", "list", "--json"]).stdout == dossiers, sourceLocation: sourceLocation)
    }

    @Test func fieldErrors() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"])
        try expectRefused(["walkin", "add", "--name", "An", "--id-number", "12345678901"], desk: desk, field: "id_number", mentions: "CCCD")
        try expectRefused(["walkin", "add", "--name", "An", "--id-number", "999203012345"], desk: desk, field: "id_number", mentions: "999")
        try expectRefused(["walkin", "add", "--name", "An", "--phone", "091234567"], desk: desk, field: "phone", mentions: "10")
        try expectRefused(["walkin", "add", "--name", "An", "--procedure", "KHONG-CO"], desk: desk, field: "procedure", mentions: "KHONG-CO")
        try expectRefused(["walkin", "add", "--name", "    "], desk: desk, field: "name", mentions: "Họ")
        try expectRefused(["walkin", "add", "--name", "An\u{1B}[31m"], desk: desk, field: "name", mentions: "ký tự điều khiển")
        try expectRefused(["walkin", "add", "--name", "An", "--priority", "vip"], desk: desk, field: "priority", mentions: "vip")
        try expectRefused(["calendar", "due", "--from", "2026-02-30", "--days", "3"], desk: desk, field: "from", mentions: "2026-02-30")
        try expectRefused(["queue", "no-show", "A001"], desk: desk, field: nil, mentions: "chưa được gọi")
    }

    /// Issue: input that is not UTF-8 became U+FFFD in the register.
    @Test func aNameThatIsNotUTF8IsRefused() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"])
        // What Swift makes of the bytes 4E FF 41: "N\u{FFFD}A".
        let garbled = String(decoding: [0x4e, 0xff, 0x41] as [UInt8], as: UTF8.self)
        #expect(garbled.unicodeScalars.contains("\u{FFFD}"))
        try expectRefused(["walkin", "add", "--name", garbled], desk: desk, field: "name", mentions: "UTF-8")
        try expectRefused(["dossier", "receive", "--procedure", "HT-XNHN", "--name", garbled], desk: desk, field: "name", mentions: "UTF-8")
        try expectRefused(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Nguyễn Văn An", "--address", "Ấp \(garbled)"],
                          desk: desk, field: "address", mentions: "UTF-8")
        // The raw bytes themselves, as a Latin-1 terminal would send them.
        let raw = try MotcuaProcess.run(executable: "/bin/sh",
                                        ["-c", "exec \"$0\" walkin add --name \"$(printf 'N\\377A')\" --db \"$1\" --json", MotcuaProcess.binary, desk.db])
        #expect(raw.status == 2, "\(raw.stdout) \(raw.stderr)")
        #expect(raw.object?["field"] as? String == "name")
        #expect(try desk.rows(["queue", "list", "--all"]).count == 1)
    }

    @Test func controlCharactersInNotesAreRefused() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"])
        try expectRefused(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy", "--notes", "a\u{1B}[2Jb"],
                          desk: desk, field: "notes", mentions: "U+001B")
        try expectRefused(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy", "--notes", "a\u{7}b"],
                          desk: desk, field: "notes", mentions: "U+0007")
    }

    @Test func aReasonNeedsAPriorityGroupAndCountersExist() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn An"])
        try expectRefused(["walkin", "add", "--name", "Trần Văn Bảy", "--reason", "thương binh"], desk: desk,
                          field: "priority_reason", mentions: "ưu tiên")
        try expectRefused(["walkin", "add", "--name", "Trần Văn Bảy", "--counter", "99"], desk: desk, field: "counter", mentions: "1 đến 2")
        try expectRefused(["queue", "call-next", "--counter", "99"], desk: desk, field: "counter", mentions: "1 đến 2")
        try expectRefused(["undo", "--counter", "99"], desk: desk, field: "counter", mentions: "1 đến 2")
        try expectRefused(["queue", "done", "A001", "--counter", "99"], desk: desk, field: "counter", mentions: "1 đến 2")
        try expectRefused(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Văn Bảy", "--counter", "3"],
                          desk: desk, field: "counter", mentions: "1 đến 2")
        // After setup with 3 counters, counter 3 exists.
        try desk.ok(["setup", "--counters", "3"])
        try desk.ok(["walkin", "add", "--name", "Trần Văn Bảy", "--counter", "3"])
    }

    /// Issue: a refused command on a new --db path left an empty database behind.
    @Test func aRefusedCommandOnANewPathLeavesNoFile() throws {
        let desk = try CLIDesk(now: "2026-11-25 09:00")
        defer { desk.remove() }
        let refusals: [[String]] = [
            ["walkin", "add", "--name", "An", "--reason", "thương binh"],
            ["walkin", "add", "--name", "An", "--counter", "99"],
            ["walkin", "add", "--name", String(decoding: [0x4e, 0xff, 0x41] as [UInt8], as: UTF8.self)],
            ["walkin", "add", "--name", "An", "--procedure", "KHONG-CO"],
            ["dossier", "receive", "--procedure", "HT-XNHN", "--name", "An", "--notes", "a\u{1B}[2Jb"],
            ["dossier", "receive", "--procedure", "HT-XNHN", "--name", "An", "--counter", "99"],
            ["dossier", "receive", "--procedure", "KHONG-CO", "--name", "An"],
            // No ticket can exist in a file not created yet.
            ["dossier", "receive", "--procedure", "HT-XNHN", "--name", "An", "--ticket", "A001"],
            ["walkin", "add", "--name", "An", "--clerk", "  "],
            ["setup", "--counters", "0"],
            ["setup", "--desk-code", "X"],
            ["setup", "--cutoff", "25:00"],
        ]
        for args in refusals {
            let r = try desk.run(args)
            #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
            #expect(desk.folder.contents.isEmpty, "\(args) left \(desk.folder.contents)")
        }
        // Commands on records that must exist do not create the file either.
        for args in [["queue", "call-next", "--counter", "1"], ["queue", "done", "A001"], ["dossier", "list"], ["undo"]] {
            let r = try desk.run(args)
            #expect(r.status == 2, "\(args): exit \(r.status) \(r.stderr)")
            #expect(desk.folder.contents.isEmpty, "\(args) left \(desk.folder.contents)")
        }
    }

    @Test func badClockIsRefused() throws {
        let desk = try CLIDesk(now: "2026-02-30 08:00")
        defer { desk.remove() }
        let r = try desk.run(["walkin", "add", "--name", "An"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--now") && r.stderr.contains("YYYY-MM-DD HH:MM"))
        #expect(desk.folder.contents.isEmpty)
    }

    @Test func databaseLocationProblems() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let missing = try MotcuaProcess.run(["walkin", "add", "--name", "An", "--db", folder.path + "/nope/desk.sqlite"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("không tồn tại") && missing.stderr.contains("/nope"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/nope"))
        // A command on records that must exist says there is no file, and creates nothing.
        let list = try MotcuaProcess.run(["queue", "list", "--db", folder.path + "/nope/desk.sqlite"])
        #expect(list.status == 2)
        #expect(list.stderr.contains("không có tệp"), "\(list.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/nope"))

        let notOurs = folder.file("so-tay.sqlite")
        try Data("Đây là sổ tay, không phải CSDL".utf8).write(to: URL(fileURLWithPath: notOurs))
        let refused = try MotcuaProcess.run(["walkin", "add", "--name", "An", "--db", notOurs])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("không phải cơ sở dữ liệu motcua"))
        #expect(try String(contentsOfFile: notOurs, encoding: .utf8) == "Đây là sổ tay, không phải CSDL")

        // /proc refuses new files even for root, like a read-only share would.
        let readOnly = try MotcuaProcess.run(["walkin", "add", "--name", "An", "--db", "/proc/motcua.sqlite"])
        #expect(readOnly.status != 0)
        #expect(readOnly.stderr.contains("/proc"))
    }

    @Test func englishMessages() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let r = try desk.run(["walkin", "add", "--name", "An", "--phone", "12", "--lang", "en"])
        #expect(r.status == 2)
        #expect(r.stderr.hasPrefix("Error: Phone"))
    }
}

/// The harness itself: a hung child is killed and named; a big output does not deadlock.
@Suite struct HarnessTests {
    @Test func aHungChildIsKilledAndNamed() throws {
        let start = Date()
        do {
            let r = try MotcuaProcess.run(executable: "/bin/sleep", ["30"], timeout: 1, name: ["sleep", "30"])
            Issue.record("sleep returned \(r.status)")
        } catch let e as MotcuaProcess.Timeout {
            #expect(e.description.contains("sleep 30") && e.description.contains("did not finish"))
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func bigOutputOnBothPipesDoesNotDeadlock() throws {
        // 1 MB on stderr first, then 1 MB on stdout: far beyond a pipe's buffer.
        let r = try MotcuaProcess.run(executable: "/bin/sh",
                                      ["-c", "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o"],
                                      timeout: 20)
        #expect(r.status == 0)
        #expect(r.stdout.utf8.count == 1_048_576 && r.stderr.utf8.count == 1_048_576)
    }
}
