import Foundation
import Testing

/// The human output of `setup` and `dossier show`: every row shown (the first one used to be
/// dropped with the table's empty header), in the user's language, and the clerks list.
@Suite struct CLIDeskProfileTests {
    @Test func setupShowsEveryRowAndTheClerks() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let r = try desk.ok(["setup", "--province", "Tỉnh Đồng Nai", "--clerks", "nguyễn thị lan; Trần Văn Hùng"])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Tỉnh") == true && lines.first?.contains("Tỉnh Đồng Nai") == true, "\(r.stdout)")
        #expect(lines.contains { $0.hasPrefix("Cán bộ") && $0.contains("Nguyễn Thị Lan; Trần Văn Hùng") }, "\(r.stdout)")
        // Group labels, not codes, in a Vietnamese line.
        #expect(lines.contains { $0.contains("Người có công › Người khuyết tật") })
        #expect(!r.stdout.contains("merit"))
        let bad = try desk.run(["setup", "--clerks", "A;B;C;D;E;F;G;H;I;J"])
        #expect(bad.status == 2 && bad.stderr.contains("tối đa 9"))
    }

    @Test func dossierShowStartsWithTheCode() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let rec = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Phạm Văn Đồng"], at: "2026-11-02 09:00")
        let code = try #require(rec["code"] as? String)
        let show = try desk.ok(["dossier", "show", code])
        #expect(show.stdout.split(separator: "\n").first?.hasPrefix("Mã hồ sơ") == true, "\(show.stdout)")
    }

    @Test func setupJSONHasEveryKeyAndLabelsInErrors() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let p = try desk.object(["setup"])
        for key in ["province", "commune", "desk_name", "desk_code", "counters", "cutoff", "clerks", "priority_groups", "priority_rule_source"] {
            #expect(p.keys.contains(key), "setup --json lacks \(key)")
        }
        #expect(p["cutoff"] is NSNull)
        let set = try desk.object(["setup", "--cutoff", "15:30"])
        #expect(set["cutoff"] as? String == "15:30")
        let bad = try desk.run(["setup", "--commune", ""])
        #expect(bad.status == 2 && bad.stderr.contains("Xã: bắt buộc nhập"), "\(bad.stderr)")
    }
}

/// Issue 7: identity numbers at reception through the command line.
@Suite struct CLIIdentityTests {
    @Test func cmndWarnsAndAFutureBirthYearIsRefused() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let old = try desk.run(["walkin", "add", "--name", "Trần Văn Cũ", "--id-number", "012345678"], at: "2026-11-25 08:00")
        #expect(old.status == 0 && old.stderr.contains("Cảnh báo: CMND 9 số"), "\(old.stderr)")
        let future = try desk.run(["walkin", "add", "--name", "Nguyễn Văn An", "--id-number", "001230012345"], at: "2026-11-25 08:05")
        #expect(future.status == 2 && future.stderr.contains("2030"), "\(future.stderr)")
    }
}

/// Issue 7: the CLI shows a due date across an unannounced Tết with its mark and note.
@Suite struct CLIProvisionalDueTests {
    @Test func receiveAndShowCarryTheMark() throws {
        let desk = try CLIDesk()
        defer { desk.remove() }
        let r = try desk.ok(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Lê Văn Tám"], at: "2027-02-03 09:00")
        #expect(r.stdout.contains("Ngày hẹn trả: 15/02/2027*") && r.stdout.contains("* dự kiến — chưa có thông báo nghỉ Tết 2027"), "\(r.stdout)")
        let json = try desk.object(["dossier", "show", "MC-270203-001"], at: "2027-02-03 10:00")
        let d = try #require(json["dossier"] as? [String: Any])
        #expect(d["due_date_provisional"] as? Bool == true && (d["due_date_note"] as? String)?.contains("Tết 2027") == true)
        let rows = try desk.rows(["dossier", "list"], at: "2027-02-03 10:00")
        #expect(rows.first?["due_date_provisional"] as? Bool == true, "\(rows)")
        let text = try desk.ok(["dossier", "list"], at: "2027-02-03 10:00")
        #expect(text.stdout.contains("15/02/2027*") && text.stdout.contains("* dự kiến"), "\(text.stdout)")
    }
}
