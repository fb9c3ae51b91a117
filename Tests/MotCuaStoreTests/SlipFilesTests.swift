import Foundation
import Testing
@testable import MotCuaCore
@testable import MotCuaStore

/// Slip files beside the database, the print command's parsing, and the profile's new field.
@Suite struct SlipFilesTests {
    @Test func printCommandSplitsOnSpacesAndKeepsQuotedArguments() throws {
        #expect(try PrintCommand.parse("lp -d quay1") == ["lp", "-d", "quay1"])
        #expect(try PrintCommand.parse("  lp   -d  \"Máy in quầy 1\" -o \"media=A5\" ") == ["lp", "-d", "Máy in quầy 1", "-o", "media=A5"])
        #expect(try PrintCommand.parse("lp -t \"a \\\"b\\\"\"") == ["lp", "-t", "a \"b\""])
        #expect(try PrintCommand.parse("lp \"\"") == ["lp", ""])
        #expect(throws: FieldError.self) { try PrintCommand.parse("lp -d \"quay1") }
        #expect(throws: FieldError.self) { try PrintCommand.parse("   ") }
        #expect(PrintCommand.display(["lp", "-d", "Máy in"]) == "lp -d \"Máy in\"")
    }

    @Test func slipsAreSavedInAFolderBesideTheDatabase() throws {
        let dir = NSTemporaryDirectory() + "motcua-slips-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/desk.sqlite"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let name = SlipFiles.fileName(code: "XTP-261125-007", form: "receipt")
        #expect(name == "XTP-261125-007-receipt.txt")
        #expect(SlipFiles.fileName(code: "../x", form: "control", ascii: true) == "___x-control-ascii.txt")
        let path = try SlipFiles.save("Giấy hẹn\n", name: name, databasePath: db)
        #expect(path == dir + "/slips/" + name)
        #expect(FileManager.default.contents(atPath: path) == Data("Giấy hẹn\n".utf8))
        // Written again: replaced whole.
        try SlipFiles.save("2\n", name: name, databasePath: db)
        #expect(FileManager.default.contents(atPath: path) == Data("2\n".utf8))
    }

    @Test func printingRunsTheProgramWithTheFileAppendedAndReportsFailures() throws {
        let dir = NSTemporaryDirectory() + "motcua-print-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let log = dir + "/args.txt"
        let ok = dir + "/fakelp"
        try "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done > \(log)\necho 'request id is quay1-1'\n".write(toFile: ok, atomically: true, encoding: .utf8)
        let bad = dir + "/badlp"
        try "#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let slow = dir + "/slowlp"
        try "#!/bin/sh\nexec /bin/sleep 5\n".write(toFile: slow, atomically: true, encoding: .utf8)
        for f in [ok, bad, slow] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: f) }

        let outcome = try PrintCommand.run(["fakelp", "-d", "Quầy 1"], file: "/tmp/slip.txt", environment: ["PATH": dir])
        #expect(outcome.output.contains("request id"))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "-d\nQuầy 1\n/tmp/slip.txt\n")

        do {
            try PrintCommand.run(["badlp"], file: "/tmp/slip.txt", environment: ["PATH": dir])
            Issue.record("a failing printer must throw")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("badlp") && e.message.vi.contains("does not exist") && e.message.vi.contains("/tmp/slip.txt"))
        }
        do {
            try PrintCommand.run(["nosuchlp", "-d", "x"], file: "/tmp/slip.txt", environment: ["PATH": dir])
            Issue.record("a missing printer must throw")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("Không tìm thấy lệnh in 'nosuchlp'"))
        }
        do {
            try PrintCommand.run(["slowlp"], file: "/tmp/slip.txt", timeout: 0.5, environment: ["PATH": dir])
            Issue.record("a hung printer must be stopped")
        } catch let e as StoreError {
            #expect(e.message.vi.contains("slowlp") && e.message.vi.contains("đã bị dừng"))
        }
        #expect(throws: StoreError.self) { try PrintCommand.run([], file: "/tmp/slip.txt") }
    }

    @Test func aProfileWithoutAPrintCommandStillDecodes() throws {
        let old = try JSONDecoder().decode(DeskProfile.self, from: Data(#"{"province":"Tỉnh A","version":3}"#.utf8))
        #expect(old.printCommand == nil && old.province == "Tỉnh A")
        var p = DeskProfile()
        p.printCommand = ["lp", "-d", "quay1"]
        let back = try JSONDecoder().decode(DeskProfile.self, from: JSONEncoder().encode(p))
        #expect(back.printCommand == ["lp", "-d", "quay1"] && back.version == DeskProfile.currentVersion)
    }

    /// Form 07 reads the period's dossiers through the index, with each one's applicant and its
    /// hand-over (an undone one left out), never the dossiers of other days.
    @Test func theRegisterReadsOnlyThePeriodWithItsHandOvers() throws {
        let fixture = try StoreFixture()
        let db = fixture.store
        let before = try db.receive("Lê Văn Trước", at: "2026-11-24 16:00")
        let first = try db.receive("Phạm Thị Một", idNumber: "001190012345", at: "2026-11-25 08:00")
        let second = try db.receive("Đỗ Văn Hai", at: "2026-11-26 23:30")
        _ = try db.receive("Ngô Văn Sau", at: "2026-11-27 00:00")
        _ = try db.send(first.code, to: "Phòng Tư pháp", now: at("2026-11-25 09:00"), actor: clerk1)
        _ = try db.send(second.code, to: "Sai chỗ", now: at("2026-11-27 08:00"), actor: clerk1)
        _ = try db.undoLast(now: at("2026-11-27 08:01"), actor: clerk1)
        let entries = try db.registerEntries(from: date("2026-11-25"), through: date("2026-11-26"))
        #expect(entries.map(\.dossier.code) == [first.code, second.code])
        #expect(!entries.contains { $0.dossier.code == before.code })
        #expect(entries[0].applicant?.idNumber == "001190012345" && entries[0].sentTo == "Phòng Tư pháp")
        #expect(entries[1].sentTo == nil && entries[1].sentAt == nil, "the undone send is not a hand-over")
    }
}
