import Foundation
import Testing

/// The argument parser's refusals in the user's language, naming the option and what it wants.
@Suite struct ParserMessageTests {
    @Test(arguments: [
        (["walkin", "add", "--name"], "tùy chọn --name cần một giá trị", "option --name needs a value"),
        (["queue", "list", "--jsn"], "không có tùy chọn --jsn; có phải là --json?", "has no option --jsn; did you mean --json?"),
        (["calendar", "due", "--from", "2026-11-25", "--days", "abc"], "'abc' không phải giá trị hợp lệ cho --days", "'abc' is not a valid value for --days"),
        (["dossier", "show"], "thiếu <code>", "<code> is missing"),
        (["queue", "list", "thừa"], "thừa 'thừa'", "unexpected 'thừa'"),
        (["walkin", "add"], "thiếu tùy chọn bắt buộc --name", "the option --name <name> is required"),
    ])
    func unparseableLinesExit64InBothLanguages(args: [String], vi: String, en: String) throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let r = try MotcuaProcess.run(args + ["--db", folder.db])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Lỗi: ") && r.stderr.contains(vi), "\(r.stderr)")
        #expect(r.stderr.contains("Cách dùng: motcua"))
        let e = try MotcuaProcess.run(args + ["--db", folder.db, "--lang", "en"])
        #expect(e.status == 64 && e.stderr.hasPrefix("Error: ") && e.stderr.contains(en), "\(e.stderr)")
        #expect(folder.contents.isEmpty)
    }

    @Test func aNegativeValueReachesTheModelsOwnRangeCheck() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["setup"])
        let days = try desk.run(["dossier", "uncollected", "--days", "-1"])
        #expect(days.status == 2 && days.stderr.contains("--days") && !days.stderr.contains("Missing value"), "\(days.stderr)")
        let en = try desk.run(["dossier", "uncollected", "--days", "-1", "--lang", "en"])
        #expect(en.status == 2 && en.stderr.contains("-1 is not valid"), "\(en.stderr)")
        let postage = try desk.run(["dossier", "post", "TP-0", "--tracking-number", "EC136431858VN", "--postage", "-5000"])
        #expect(postage.status == 2 && !postage.stderr.contains("Missing value"), "\(postage.stderr)")
    }

    @Test func anEmptyDatabasePathIsNamed() throws {
        let r = try MotcuaProcess.run(["queue", "list", "--db", ""])
        #expect(r.status == 2 && r.stderr.contains("--db") && r.stderr.contains("không được để trống"), "\(r.stderr)")
        let e = try MotcuaProcess.run(["setup", "--db", "", "--lang", "en"])
        #expect(e.status == 2 && e.stderr.contains("not an empty value"), "\(e.stderr)")
    }

    @Test func helpIsNotAnError() throws {
        let r = try MotcuaProcess.run(["backup", "--help"])
        #expect(r.status == 0 && r.stdout.contains("--keep"))
    }
}

/// Trial: `motcua frobnicate` got the desk's usage line ("thừa 'frobnicate'").
@Suite struct UnknownCommandTests {
    @Test func anUnknownCommandIsSaidAndTheCommandsListed() throws {
        let vi = try MotcuaProcess.run(["frobnicate"])
        #expect(vi.status == 64 && vi.stderr.contains("'frobnicate' không phải lệnh của motcua") && vi.stderr.contains("dossier, report"),
                "\(vi.stderr)")
        let en = try MotcuaProcess.run(["frobnicate", "--lang", "en"])
        #expect(en.status == 64 && en.stderr.contains("is not a motcua command"), "\(en.stderr)")
        #expect(try MotcuaProcess.run(["help"]).status == 0)
    }
}
