import Foundation
import Testing

/// `motcua report` end to end: text within 80 columns, CSV with a BOM and CRLF, JSON, English
/// headings, and bad periods or files refused with the option named and nothing created.
@Suite struct CLIReportTests {
    /// November 2026: Bình in person on Mon 2/11 (3 working days, ready 3/11: early), An online
    /// on 4/11 (open, due 9/11: overdue on 25/11), one walk-in on 25/11 called after 10 minutes.
    func november() throws -> CLIDesk {
        let desk = try CLIDesk()
        try desk.ok(["setup", "--province", "Tỉnh Đồng Nai", "--commune", "Xã Tân Phú", "--desk-code", "XTP"], at: "2026-11-02 08:00")
        let b = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Trần Thị Bình"], at: "2026-11-02 09:00")
        try desk.ok(["dossier", "ready", try #require(b["code"] as? String)], at: "2026-11-03 10:00")
        try desk.ok(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Lê Văn An", "--channel", "online"], at: "2026-11-04 09:00")
        try desk.ok(["walkin", "add", "--name", "Nguyễn Văn Cường"], at: "2026-11-25 08:00")
        try desk.ok(["queue", "call-next", "--counter", "1"], at: "2026-11-25 08:10")
        desk.now = "2026-11-25 16:00"
        return desk
    }

    @Test func textFitsEightyColumnsWithTheFigures() throws {
        let desk = try november(); defer { desk.remove() }
        let r = try desk.ok(["report", "--month", "2026-11"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "BÁO CÁO THỐNG KÊ — THÁNG 11/2026")
        #expect(lines.contains("Từ 01/11/2026 đến 30/11/2026; số liệu đến hết ngày 25/11/2026"))
        #expect(lines.contains("Hộ tịch       2         0           1          1          0"), "\(r.stdout)")
        #expect(lines.contains("Hộ tịch       1          1         0        0          100,0%"), "\(r.stdout)")
        #expect(lines.contains("Hộ tịch       1          0        1    0        0"), "\(r.stdout)")
        #expect(lines.contains("Khách vãng lai: 1 lượt; đã gọi 1; vắng mặt 0 (0,0%)"))
        #expect(lines.contains("Chờ đến lượt: trung vị 10 phút; 90% không quá 10 phút"))
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        let byProcedure = try desk.ok(["report", "--month", "2026-11", "--by", "procedure", "--lang", "en"])
        #expect(byProcedure.stdout.hasPrefix("STATISTICS — NOVEMBER 2026\n"))
        #expect(byProcedure.stdout.contains("HT-XNHN ") && byProcedure.stdout.contains("DOSSIERS — IN PROGRESS AT THE END"))
        #expect(byProcedure.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        // From/to in the Vietnamese way, a quarter, a year: the same dossiers.
        for period in [["--from", "01/11/2026", "--to", "2026-11-30"], ["--quarter", "2026-Q4"], ["--year", "2026"]] {
            let other = try desk.ok(["report"] + period)
            #expect(other.stdout.contains("Tổng cộng     2"), "\(period): \(other.stdout)")
        }
    }

    @Test func csvHasTheByteOrderMarkAndCRLF() throws {
        let desk = try november(); defer { desk.remove() }
        let r = try desk.ok(["report", "--month", "2026-11", "--csv"])
        #expect(r.stdout.hasPrefix("\u{FEFF}Báo cáo,Tháng 11/2026,01/11/2026,30/11/2026,Số liệu đến 25/11/2026\r\n"))
        #expect(r.stdout.hasSuffix("\r\n"))
        #expect(!r.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(r.stdout.contains("\r\nHộ tịch,,,2,0,1,1,0,1,1,0,0,\"100,0\",1,0,1,0,0\r\n"), "\(r.stdout)")
        #expect(r.stdout.contains("\r\n25/11/2026,1\r\n") && r.stdout.contains("\r\n08:00,1\r\n"))
    }

    @Test func jsonHasEveryFigureUnderStableKeys() throws {
        let desk = try november(); defer { desk.remove() }
        let o = try desk.object(["report", "--month", "2026-11"])
        let period = try #require(o["period"] as? [String: Any])
        #expect(period["start"] as? String == "2026-11-01" && period["as_of"] as? String == "2026-11-25")
        let total = try #require(o["total"] as? [String: Any])
        #expect(total["received"] as? Int == 2 && total["new_online"] as? Int == 1 && total["early"] as? Int == 1)
        #expect(total["overdue"] as? Int == 1 && total["on_time_rate"] as? Double == 1.0)
        let fields = try #require(o["by_field"] as? [[String: Any]])
        #expect(fields.count == 1 && fields.first?["field"] as? String == "Hộ tịch" && fields.first?["procedure"] is NSNull)
        let procedures = try #require(o["by_procedure"] as? [[String: Any]])
        #expect(procedures.first?["procedure"] as? String == "HT-XNHN")
        let queue = try #require(o["queue"] as? [String: Any])
        #expect(queue["walk_ins"] as? Int == 1 && queue["wait_median_minutes"] as? Int == 10)
        let appointments = try #require(queue["appointments"] as? [String: Any])
        #expect(appointments["booked"] as? Int == 0 && appointments["kept_rate"] is NSNull)
    }

    @Test func langChangesNoJSONValueAndAMissingFileNamesDb() throws {
        let desk = try november(); defer { desk.remove() }
        let vi = try desk.ok(["report", "--month", "2026-11", "--json", "--lang", "vi"])
        let en = try desk.ok(["report", "--month", "2026-11", "--json", "--lang", "en"])
        #expect(vi.stdout == en.stdout)
        let o = try desk.object(["report", "--quarter", "2026-Q4", "--lang", "en"])
        #expect((o["period"] as? [String: Any])?["title"] as? String == "2026-Q4")
        #expect((o["total"] as? [String: Any])?["name"] as? String == "Tổng cộng")
        let empty = try TempFolder(); defer { empty.remove() }
        let missing = try MotcuaProcess.run(["report", "--db", empty.file("missing.sqlite"), "--json"])
        #expect(missing.status == 2)
        let error = try JSONSerialization.jsonObject(with: Data(missing.stdout.utf8)) as? [String: Any]
        #expect(error?["field"] as? String == "db", "\(missing.stdout)")
        #expect(empty.contents.isEmpty)
    }

    @Test func badPeriodsAndFilesAreRefusedAndNothingIsCreated() throws {
        let desk = try november(); defer { desk.remove() }
        let m13 = try desk.run(["report", "--month", "2026-13"])
        #expect(m13.status == 2 && m13.stderr == "Lỗi: --month: '2026-13': không có tháng 13; tháng từ 01 đến 12\n", "\(m13.stderr)")
        let back = try desk.run(["report", "--from", "2026-11-20", "--to", "2026-11-01", "--lang", "en"], json: true)
        #expect(back.status == 2 && back.stderr.contains("--to: the period ends on 2026-11-01 before it starts"))
        #expect(back.object?["field"] as? String == "to")
        let q5 = try desk.run(["report", "--quarter", "2026-Q5"])
        #expect(q5.status == 2 && q5.stderr.contains("--quarter") && q5.stderr.contains("quý 5"))
        let by = try desk.run(["report", "--by", "counter"])
        #expect(by.status == 2 && by.stderr.contains("--by"))

        let empty = try TempFolder(); defer { empty.remove() }
        for args in [["--month", "2026-13"], ["--month", "2026-11"]] {
            let r = try MotcuaProcess.run(["report", "--db", empty.db] + args)
            #expect(r.status == 2)
            #expect(empty.contents.isEmpty, "\(args) created \(empty.contents)")
        }
        #expect(try MotcuaProcess.run(["report", "--db", empty.db]).stderr.contains("không có tệp"))
        let foreign = empty.file("notes.sqlite")
        try Data("ghi chú, không phải cơ sở dữ liệu\n".utf8).write(to: URL(fileURLWithPath: foreign))
        let r = try MotcuaProcess.run(["report", "--db", foreign])
        #expect(r.status == 2 && r.stderr.contains("không phải cơ sở dữ liệu motcua"))
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "ghi chú, không phải cơ sở dữ liệu\n")
        #expect(empty.contents == ["notes.sqlite"])
    }
}
