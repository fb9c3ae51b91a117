import Foundation
import Testing

/// A citizen who phones or comes back: their dossier in plain words, by code or by name and
/// CCCD together.
@Suite struct CLILookupTests {
    @Test func byCodeOrByNameAndIDTogether() throws {
        let desk = try CLIDesk(now: "2026-11-25 08:00")
        defer { desk.remove() }
        let rec = try desk.object(["dossier", "receive", "--procedure", "HT-XNHN", "--name", "Nguyễn Hồng Sự",
                                   "--id-number", "001203012345"], at: "2026-11-25 08:10")
        let code = try #require(rec["code"] as? String)
        let byCode = try desk.ok(["dossier", "lookup", "--code", code.lowercased()], at: "2026-11-26 09:00").stdout
        #expect(byCode.contains("Đã tiếp nhận, đang chuyển giải quyết; hẹn trả ngày 30/11/2026 (còn 2 ngày làm việc)"), "\(byCode)")
        #expect(byCode.contains("Nguyễn Hồng Sự") && byCode.contains(code))
        try desk.ok(["dossier", "ready", code], at: "2026-11-27 09:00")
        let ready = try desk.ok(["dossier", "lookup", "--name", "nguyen hong su", "--id-number", "001203012345"], at: "2026-11-27 10:00").stdout
        #expect(ready.contains("Đã có kết quả từ ngày 27/11/2026") && ready.contains("mang giấy hẹn và CCCD"), "\(ready)")
        let wrongName = try desk.ok(["dossier", "lookup", "--name", "Trần Văn Khác", "--id-number", "001203012345"]).stdout
        #expect(wrongName.contains("Không tìm thấy hồ sơ nào"), "\(wrongName)")
        let onlyName = try desk.run(["dossier", "lookup", "--name", "Nguyễn Hồng Sự"], json: true)
        #expect(onlyName.status == 2 && onlyName.stderr.contains("--id-number"))
        let json = try desk.rows(["dossier", "lookup", "--code", code], at: "2026-11-27 10:00")
        #expect((json.first?["said"] as? [String])?.count == 2)
        // The same dossier reads the same through lookup and show (trial: null against false).
        let shown = try #require(try desk.object(["dossier", "show", code], at: "2026-11-27 10:00")["dossier"] as? [String: Any])
        let looked = try #require(json.first?["dossier"] as? [String: Any])
        #expect(looked["due_date_provisional"] as? Bool == shown["due_date_provisional"] as? Bool)
        #expect(looked["due_date_provisional"] as? Bool == false)
    }
}
