import Foundation
import Testing

/// The working calendar from the command line: provisional Tết, `calendar announce`, and the
/// calendar warnings of `check`.
@Suite struct CLICalendarTests {
    /// Received 03/02/2027 with one working day: the default Tết Đinh Mùi (04–10/02) is not
    /// announced yet, so the due date 11/02 is marked and the note names the missing notice.
    @Test func provisionalTetIsMarked() throws {
        let desk = try CLIDesk(now: "2026-11-30 09:00")
        defer { desk.remove() }
        let due = try desk.object(["calendar", "due", "--from", "2027-02-03", "--days", "1"])
        #expect(due["due"] as? String == "2027-02-11")
        #expect(due["provisional"] as? Bool == true)
        #expect(due["note"] as? String == "dự kiến — chưa có thông báo nghỉ Tết 2027")
        #expect(due["provisional_days"] as? [String] == ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"])
        let text = try desk.ok(["calendar", "due", "--from", "2027-02-03", "--days", "1"]).stdout
        #expect(text.contains("hẹn trả 11/02/2027*"), "\(text)")
        #expect(text.contains("* dự kiến — chưa có thông báo nghỉ Tết 2027"), "\(text)")
        // An announced year: no mark, `null` note.
        let announced = try desk.object(["calendar", "due", "--from", "2026-02-13", "--days", "1"])
        #expect(announced["provisional"] as? Bool == false && announced["note"] is NSNull)

        let rows = try desk.rows(["calendar", "holidays", "--year", "2027"])
        let provisional = rows.filter { $0["provisional"] as? Bool == true }.compactMap { $0["date"] as? String }
        #expect(provisional == ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-09-03"])
        let listed = try desk.ok(["calendar", "holidays", "--year", "2027"]).stdout
        #expect(listed.contains("nghỉ*") && listed.contains("* dự kiến — chưa có thông báo nghỉ Tết 2027; Quốc khánh 2027"), "\(listed)")
    }

    /// `calendar announce` writes the desk's own file beside the database, starting from the
    /// built-in one; the program reads it back; bad lines are refused and write nothing.
    @Test func announceRoundTrip() throws {
        let desk = try CLIDesk(now: "2026-11-30 09:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--province", "Tỉnh Thử", "--commune", "Xã Thử", "--desk-name", "Một cửa", "--desk-code", "XTH", "--counters", "1"])
        let file = desk.folder.file("calendar.txt")
        // Refused: nothing written; a bad option is named as the option typed (not a line of a
        // file never written), a rule of the file format as file:line.
        for (args, says, fileLine) in [
            (["--date", "2027-02-30", "--kind", "tet", "--reason", "Tết", "--source", "TB 1"], "--date: '2027-02-30' không phải ngày hợp lệ", false),
            (["--date", "2027-02-06", "--kind", "off", "--reason", "Nghỉ", "--source", "TB 1"], "06/02/2027 là thứ Bảy", true),
            (["--date", "2027-02-04", "--kind", "tet", "--reason", "Tết"], "--source: bắt buộc", false),
        ] {
            let r = try desk.run(["calendar", "announce"] + args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(says) && r.stderr.contains("\(file):") == fileLine, "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: file))
        }
        for (iso, label) in [("2027-02-04", "28 tháng Chạp"), ("2027-02-05", "29 tháng Chạp"), ("2027-02-08", "mùng 3 tháng Giêng"),
                             ("2027-02-09", "mùng 4 tháng Giêng"), ("2027-02-10", "mùng 5 tháng Giêng")] {
            let r = try desk.object(["calendar", "announce", "--date", iso, "--kind", "tet",
                                     "--reason", "Tết Đinh Mùi (\(label))", "--source", "Thông báo 99/TB-THU"])
            #expect(r["date"] as? String == iso && r["file"] as? String == file)
        }
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasSuffix("2027-02-10 tet Tết Đinh Mùi (mùng 5 tháng Giêng) | Thông báo 99/TB-THU\n"))
        #expect(written.contains("2026-02-16 tet"), "the desk's file starts from the built-in one")
        // Duplicate date refused, file unchanged.
        let dup = try desk.run(["calendar", "announce", "--date", "2027-02-04", "--kind", "tet", "--reason", "x", "--source", "y"])
        #expect(dup.status == 2 && dup.stderr.contains("đã có ở dòng"), "\(dup.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == written)
        // The program reads the file: the due date is no longer provisional.
        let show = try desk.object(["calendar", "show"])
        #expect(show["file"] as? String == file)
        let due = try desk.object(["calendar", "due", "--from", "2027-02-03", "--days", "1"])
        #expect(due["due"] as? String == "2027-02-11" && due["provisional"] as? Bool == false)
        // `--calendar-file` names another file.
        let other = desk.folder.file("other.txt")
        try desk.ok(["calendar", "announce", "--calendar-file", other, "--date", "2027-03-01", "--kind", "off", "--reason", "Nghỉ", "--source", "QĐ 1"])
        #expect(try String(contentsOfFile: other, encoding: .utf8).hasSuffix("2027-03-01 off Nghỉ | QĐ 1\n"))
    }

    /// `check` warns (exit 0) while Tết 2027 is not announced and while the 24/11 line says its
    /// basis is unconfirmed; removing the line and announcing Tết silences both.
    @Test func checkWarnsWithoutFailing() throws {
        let desk = try CLIDesk(now: "2026-11-30 09:00")
        defer { desk.remove() }
        try desk.ok(["setup", "--province", "Tỉnh Thử", "--commune", "Xã Thử", "--desk-name", "Một cửa", "--desk-code", "XTH", "--counters", "1"])
        let check = try desk.object(["check"])
        #expect(check["ok"] as? Bool == true)
        let warnings = try #require(check["warnings"] as? [[String: Any]])
        #expect(warnings.compactMap { $0["kind"] as? String } == ["announcement-missing", "basis-unconfirmed", "basis-unconfirmed"])
        #expect((warnings[0]["message"] as? String)?.hasPrefix("Chưa có thông báo nghỉ Tết 2027") == true)
        #expect((warnings[1]["message"] as? String)?.contains("24/11/2026") == true)
        #expect(warnings[1]["file"] as? String == "holidays-vn.txt" && warnings[1]["line"] is Int)
        // The built-in file cannot be edited in place: the advice is to start the desk's own.
        #expect((warnings[1]["message"] as? String)?.contains("tạo tệp lịch của bộ phận (calendar.txt") == true, "\(warnings[1])")
        let human = try desk.ok(["check"]).stdout
        #expect(human.contains("Lưu ý (3):") && human.contains("Chưa có thông báo nghỉ Tết 2027"), "\(human)")

        // The desk's own file without the 24/11 lines and with Tết 2027: no warnings.
        let file = desk.folder.file("calendar.txt")
        let builtIn = try desk.ok(["calendar", "show"]).stdout
        #expect(builtIn.contains("có sẵn"))
        var lines = try #require(String(data: try Data(contentsOf: URL(fileURLWithPath: Self.builtInPath)), encoding: .utf8))
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.contains("CHƯA XÁC NHẬN") && !$0.hasPrefix("#") }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        for iso in ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"] {
            try desk.ok(["calendar", "announce", "--date", iso, "--kind", "tet", "--reason", "Tết Đinh Mùi", "--source", "Thông báo 99/TB-THU"])
        }
        let quiet = try desk.object(["check"])
        #expect((quiet["warnings"] as? [Any])?.isEmpty == true, "\(quiet)")
        // The 24/11 day is gone with its line.
        let due = try desk.object(["calendar", "due", "--from", "2027-11-23", "--days", "1"])
        #expect(due["due"] as? String == "2027-11-24")
        // A broken calendar file is a problem of the check (exit 3), named file:line.
        try "2027-02-31 off x | y\n".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = try desk.run(["check"], json: true)
        #expect(broken.status == 3)
        #expect((broken.object?["problems"] as? [String])?.first?.hasPrefix("\(file):1:") == true, "\(broken.stdout)")
    }

    /// The built-in file in the source tree (the test runs from the package folder).
    static var builtInPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/MotCuaCore/Data/holidays-vn.txt").path
    }
}

/// A due date promised on the default Tết, then a notice that differs: `check` says which
/// open dossiers now have another legal due date.
@Suite struct CLIDueDateChangedTests {
    @Test func checkFlagsPromisesTheNoticeChanged() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        try desk.ok(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Lê Văn Tám"], at: "2027-02-03 09:00")
        #expect(try desk.object(["check"], at: "2027-02-03 10:00")["warnings"].map { "\($0)" }?.contains("due-date-changed") == false)
        // The notice gives a longer break than the default: 04–12/02 off.
        for d in ["04", "05", "08", "09", "10", "11", "12"] {
            try desk.ok(["calendar", "announce", "--date", "2027-02-\(d)", "--kind", "tet", "--reason", "Tết Đinh Mùi",
                         "--source", "Thông báo 1/TB-TEST"], at: "2027-02-03 10:00")
        }
        let check = try desk.object(["check"], at: "2027-02-03 11:00")
        let warnings = try #require(check["warnings"] as? [[String: Any]])
        let changed = warnings.filter { $0["kind"] as? String == "due-date-changed" }
        #expect(changed.count == 1, "\(warnings)")
        #expect((changed.first?["message"] as? String)?.contains("hẹn trả 15/02/2027 nhưng theo lịch và danh mục hiện hành là 17/02/2027") == true,
                "\(changed)")
        #expect(check["ok"] as? Bool == true)
    }
}

/// `calendar announce` refuses a line that would change nothing (a slip), naming the date field.
@Suite struct CLIAnnounceNoOpTests {
    @Test func slipsAreRefused() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let cases: [([String], String)] = [
            (["--date", "2027-02-03", "--kind", "work"], "đã là ngày làm việc"),      // an ordinary Wednesday
            (["--date", "2027-04-30", "--kind", "off"], "đã là ngày nghỉ"),           // already a public holiday
            (["--date", "2027-02-06", "--kind", "tet"], "cuối tuần"),                 // Saturday mùng 1
        ]
        for (args, expected) in cases {
            let r = try desk.run(["calendar", "announce"] + args + ["--reason", "x", "--source", "QĐ 1", "--json"], at: "2027-01-20 09:00")
            #expect(r.status == 2 && r.stderr.contains(expected) && r.stdout.contains("\"field\":\"date\""), "\(args): \(r.stderr) \(r.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: desk.folder.file("calendar.txt")))
    }
}
