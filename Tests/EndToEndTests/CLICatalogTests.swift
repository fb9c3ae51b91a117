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
            try db.execute(sql: "DELETE FROM procedures WHERE code IN ('HT-KH-NN', 'DD-TC')")
            try db.execute(sql: "UPDATE procedures SET processing_days = 20, processing_unit = 'working-days' WHERE code = 'NCN-TN'")
        }
        try q.close()
        let r = try desk.object(["procedures", "import", "--built-in"])
        #expect(r["added"] as? Int == 2 && r["updated"] as? Int == before - 2)
        let rows = try desk.rows(["procedures", "list"])
        #expect(rows.count == before)
        #expect(rows.first { $0["code"] as? String == "NCN-TN" }?["unit"] as? String == "days")
        #expect(rows.contains { $0["code"] as? String == "DD-TC" })
        let both = try desk.run(["procedures", "import", "x.csv", "--built-in"], json: true)
        #expect(both.status == 2 && both.object?["field"] as? String == "file")
        let neither = try desk.run(["procedures", "import"], json: true)
        #expect(neither.status == 2 && neither.object?["field"] as? String == "file")
    }
}
