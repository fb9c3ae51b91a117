import Foundation
import Testing

/// Every refusal names the field and what is expected, exits non-zero and writes nothing.
@Suite(.serialized) struct CLIBadInputTests {
    func expectRefused(_ args: [String], db: String, field: String, mentions: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try MotcuaProcess.run(["queue", "list", "--all", "--json", "--db", db, "--now", "2026-11-25 09:00"]).stdout
        let r = try MotcuaProcess.run(args + ["--db", db, "--now", "2026-11-25 09:00", "--json"])
        #expect(r.status != 0, "accepted: \(args)", sourceLocation: sourceLocation)
        #expect(r.stderr.contains(mentions), "stderr: \(r.stderr)", sourceLocation: sourceLocation)
        let reported = (r.json as? [String: Any])?["field"] as? String
        #expect(reported == (field.isEmpty ? nil : field), "stdout: \(r.stdout)", sourceLocation: sourceLocation)
        #expect((r.json as? [String: Any])?["error"] != nil, sourceLocation: sourceLocation)
        let after = try MotcuaProcess.run(["queue", "list", "--all", "--json", "--db", db, "--now", "2026-11-25 09:00"]).stdout
        #expect(before == after, sourceLocation: sourceLocation)
    }

    @Test func fieldErrors() throws {
        let db = try TempFolder().db
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Nguyễn Văn An", "--db", db, "--now", "2026-11-25 08:00"])
        try expectRefused(["walkin", "add", "--name", "An", "--id-number", "12345678901"], db: db, field: "id_number", mentions: "CCCD")
        try expectRefused(["walkin", "add", "--name", "An", "--id-number", "999203012345"], db: db, field: "id_number", mentions: "999")
        try expectRefused(["walkin", "add", "--name", "An", "--phone", "091234567"], db: db, field: "phone", mentions: "10")
        try expectRefused(["walkin", "add", "--name", "An", "--procedure", "KHONG-CO"], db: db, field: "procedure", mentions: "KHONG-CO")
        try expectRefused(["walkin", "add", "--name", "    "], db: db, field: "name", mentions: "Họ")
        try expectRefused(["walkin", "add", "--name", "An\u{1B}[31m"], db: db, field: "name", mentions: "ký tự điều khiển")
        try expectRefused(["walkin", "add", "--name", "An", "--priority", "vip"], db: db, field: "priority", mentions: "vip")
        try expectRefused(["calendar", "due", "--from", "2026-02-30", "--days", "3"], db: db, field: "from", mentions: "2026-02-30")
        try expectRefused(["queue", "no-show", "A001"], db: db, field: "", mentions: "chưa được gọi")
    }

    @Test func badClockIsRefused() throws {
        let db = try TempFolder().db
        let r = try MotcuaProcess.run(["walkin", "add", "--name", "An", "--db", db, "--now", "2026-02-30 08:00"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--now") && r.stderr.contains("YYYY-MM-DD HH:MM"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func databaseLocationProblems() throws {
        let folder = try TempFolder()
        let missing = try MotcuaProcess.run(["queue", "list", "--db", folder.path + "/nope/desk.sqlite"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("không tồn tại"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/nope"))

        let notOurs = folder.path + "/so-tay.sqlite"
        try Data("Đây là sổ tay, không phải CSDL".utf8).write(to: URL(fileURLWithPath: notOurs))
        let refused = try MotcuaProcess.run(["walkin", "add", "--name", "An", "--db", notOurs])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("không phải cơ sở dữ liệu motcua"))
        #expect(try String(contentsOfFile: notOurs, encoding: .utf8) == "Đây là sổ tay, không phải CSDL")

        // /proc refuses new files even for root, like a read-only share would.
        let readOnly = try MotcuaProcess.run(["queue", "list", "--db", "/proc/motcua.sqlite"])
        #expect(readOnly.status != 0)
        #expect(readOnly.stderr.contains("/proc"))
    }

    @Test func englishMessages() throws {
        let db = try TempFolder().db
        let r = try MotcuaProcess.run(["walkin", "add", "--name", "An", "--phone", "12", "--lang", "en", "--db", db])
        #expect(r.status != 0)
        #expect(r.stderr.hasPrefix("Error: Phone"))
    }
}
