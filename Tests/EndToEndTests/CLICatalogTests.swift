import Foundation
import GRDB
import Testing

/// Issue 7 through the command line: the unit in `procedures list`, in `--json`, in an import
/// file, and in the due date of `dossier receive`.
@Suite struct CLICatalogTests {
    @Test func unitShownListedImportedAndCounted() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let text = try desk.ok(["procedures", "list", "--search", "nuoi con nuoi"]).stdout
        #expect(text.contains("30 ngày") && !text.contains("30 ngày LV"), "\(text)")
        let xnhn = try desk.ok(["procedures", "list", "--search", "HT-XNHN"]).stdout
        #expect(xnhn.contains("3 ngày LV"), "\(xnhn)")
        let english = try desk.ok(["procedures", "list", "--search", "NCN-TN", "--lang", "en"]).stdout
        #expect(english.contains("30 days") && !english.contains("working"), "\(english)")

        let rows = try desk.rows(["procedures", "list"])
        let ncn = try #require(rows.first { $0["code"] as? String == "NCN-TN" })
        #expect(ncn["unit"] as? String == "days" && ncn["processing_days"] as? Int == 30)
        #expect(rows.allSatisfy { ($0["unit"] as? String).map { ["days", "working-days"].contains($0) } ?? false })
        #expect(rows.allSatisfy { $0["note"] is String })
        #expect(rows.first { $0["code"] as? String == "HT-XNHN" }?["unit"] as? String == "working-days")
        // Rows with a figure to confirm are flagged, in JSON and in the table.
        #expect(rows.first { $0["code"] as? String == "GN-HN" }?["needs_confirmation"] as? Bool == true)
        #expect(rows.first { $0["code"] as? String == "HT-XNHN" }?["needs_confirmation"] as? Bool == false)
        let poverty = try desk.ok(["procedures", "list", "--search", "GN-"]).stdout
        #expect(poverty.contains("GN-HN ?") && poverty.contains("? = có số liệu cần xác nhận"), "\(poverty)")
        #expect(!xnhn.contains("?"), "\(xnhn)")

        // Nuôi con nuôi received Fri 16/01/2026: day 30 is Sunday 15/02 in Tết week → Mon 23/02.
        let d = try desk.object(["dossier", "receive", "--procedure", "NCN-TN", "--name", "Trần Văn Bảy"], at: "2026-01-16 10:00")
        #expect(d["due_date"] as? String == "2026-02-23", "\(d)")

        // A file with the column; then the old header without it (working days).
        let csv = desk.folder.file("xa.csv")
        try Data("""
            code,name,field,processing_days,unit,cutoff,fee,fee_note,deliveries,effective_from,effective_to,legal_basis,note
            XA-1,Thủ tục riêng của xã,Khác,10,days,,0,Không thu phí,desk,,,Quyết định của UBND tỉnh,cần xác nhận thời hạn
            """.utf8).write(to: URL(fileURLWithPath: csv))
        #expect(try desk.object(["procedures", "import", csv])["added"] as? Int == 1)
        let mine = try #require(try desk.rows(["procedures", "list", "--search", "XA-1"]).first)
        #expect(mine["unit"] as? String == "days" && mine["note"] as? String == "cần xác nhận thời hạn")
        let received = try desk.object(["dossier", "receive", "--procedure", "XA-1", "--name", "Lê Thị Hoa"], at: "2026-11-04 09:00")
        #expect(received["due_date"] as? String == "2026-11-16", "\(received)")

        let bad = desk.folder.file("bad.csv")
        try Data("code,name,field,processing_days,unit,fee,deliveries\nXA-2,Tên,Khác,3,tuần,0,desk\n".utf8).write(to: URL(fileURLWithPath: bad))
        let refused = try desk.run(["procedures", "import", bad], json: true)
        #expect(refused.status == 2, "\(refused.stdout) \(refused.stderr)")
        #expect((refused.stdout + refused.stderr).contains("unit"))
        #expect(try desk.rows(["procedures", "list", "--search", "XA-2"]).isEmpty)
    }

    /// A desk set up before the reform takes in the new rows with `--built-in`.
    @Test func importBuiltInAddsTheNewRows() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let before = try desk.rows(["procedures", "list"]).count
        // As a file made before the reform: without the new rows, nuôi con nuôi in working days.
        let q = try DatabaseQueue(path: desk.db)
        try q.write { db in
            try db.execute(sql: "DELETE FROM procedure_versions WHERE code IN ('HT-KH-NN', 'DD-TC')")
            try db.execute(sql: "DELETE FROM procedures WHERE code IN ('HT-KH-NN', 'DD-TC')")
            for table in ["procedures", "procedure_versions"] {
                try db.execute(sql: "UPDATE \(table) SET processing_days = 20, processing_unit = 'working-days' WHERE code = 'NCN-TN'")
            }
        }
        try q.close()
        let r = try desk.object(["procedures", "import", "--built-in"])
        // Two codes added, NCN-TN's version (same code, same effective-from) corrected, the rest as they were.
        #expect(r["added"] as? Int == 2 && r["corrected"] as? Int == 1 && r["unchanged"] as? Int == before - 3, "\(r)")
        let rows = try desk.rows(["procedures", "list"])
        #expect(rows.count == before)
        #expect(rows.first { $0["code"] as? String == "NCN-TN" }?["unit"] as? String == "days")
        #expect(rows.contains { $0["code"] as? String == "DD-TC" })
        let both = try desk.run(["procedures", "import", "x.csv", "--built-in"], json: true)
        #expect(both.status == 2 && both.object?["field"] as? String == "file")
        let neither = try desk.run(["procedures", "import"], json: true)
        #expect(neither.status == 2 && neither.object?["field"] as? String == "file")
    }

    /// Issue 9: a new version of HT-KS from 2027-03-01 beside the old one: listed today as the
    /// old, on the day as the new, both with `--all-versions`; dossiers take the one of their day.
    @Test func aNewVersionIsImportedListedAndUsedFromItsDay() throws {
        let desk = try CLIDesk(now: "2026-11-30 08:00")
        defer { desk.remove() }
        let csv = desk.folder.file("luat-moi.csv")
        try Data("""
            code,name,field,processing_days,unit,cutoff,fee,fee_note,deliveries,effective_from,effective_to,legal_basis,note
            HT-KS,Đăng ký khai sinh,Hộ tịch,3,working-days,,5000,,desk;post,2027-03-01,,Luật Hộ tịch sửa đổi,
            """.utf8).write(to: URL(fileURLWithPath: csv))
        let r = try desk.object(["procedures", "import", csv])
        #expect(r["added"] as? Int == 1 && r["corrected"] as? Int == 0, "\(r)")
        let text = try desk.ok(["procedures", "import", csv]).stdout
        #expect(text.contains("0 phiên bản mới") && text.contains("1 không đổi"), "\(text)")

        func ks(_ args: [String]) throws -> [[String: Any]] {
            try desk.rows(["procedures", "list"] + args).filter { $0["code"] as? String == "HT-KS" }
        }
        let today = try ks([])
        #expect(today.count == 1 && today.first?["processing_days"] as? Int == 0)
        let onDay = try ks(["--on", "2027-03-01"])
        #expect(onDay.count == 1 && onDay.first?["processing_days"] as? Int == 3 && onDay.first?["effective_from"] as? String == "2027-03-01")
        let all = try ks(["--all-versions"])
        #expect(all.map { $0["processing_days"] as? Int } == [0, 3])
        let table = try desk.ok(["procedures", "list", "--all-versions", "--search", "HT-KS", "--lang", "en"]).stdout
        #expect(table.contains("2027-03-01 – …") && table.contains("… – …") && table.contains("In force"), "\(table)")
        let badDay = try desk.run(["procedures", "list", "--on", "2027-02-30"], json: true)
        #expect(badDay.status == 2 && badDay.object?["field"] as? String == "on", "\(badDay.stdout)")

        let old = try desk.object(["dossier", "receive", "--procedure", "HT-KS", "--name", "Trần Văn Trước"], at: "2027-02-26 09:00")
        #expect(old["due_date"] as? String == "2027-02-26", "\(old)")
        let new = try desk.object(["dossier", "receive", "--procedure", "HT-KS", "--name", "Trần Văn Sau"], at: "2027-03-01 09:00")
        #expect(new["due_date"] as? String == "2027-03-04", "\(new)")

        // The same code and date twice in one file: refused, naming the line, nothing written.
        let twice = desk.folder.file("twice.csv")
        try Data("""
            code,name,field,processing_days,fee,deliveries,effective_from
            HT-KS,Đăng ký khai sinh,Hộ tịch,3,0,desk,2028-01-01
            HT-KS,Đăng ký khai sinh,Hộ tịch,4,0,desk,2028-01-01
            """.utf8).write(to: URL(fileURLWithPath: twice))
        let refused = try desk.run(["procedures", "import", twice], json: true)
        #expect(refused.status == 2 && (refused.stdout + refused.stderr).contains("twice.csv:3"), "\(refused.stdout) \(refused.stderr)")
        #expect(try ks(["--all-versions"]).count == 2)
        #expect(try desk.run(["check"]).status == 0)
    }
}
