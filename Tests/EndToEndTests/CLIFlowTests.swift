import Foundation
import Testing

@Suite(.serialized) struct CLIFlowTests {
    @Test func walkInCallReceiveAndShow() throws {
        let db = try TempFolder().db
        let now = ["--db", db, "--now", "2026-11-25 08:00"]
        let a = try MotcuaProcess.run(["walkin", "add", "--name", "Nguyễn Hồng Sự", "--phone", "0912 345 678"] + now)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(a.stdout.contains("Số thứ tự: A001"))
        _ = try MotcuaProcess.run(["walkin", "add", "--name", "Lê Thị Cúc", "--priority", "elderly"] + now)
        let list = try MotcuaProcess.run(["queue", "list", "--json"] + now)
        let rows = try #require(list.json as? [[String: Any]])
        #expect(rows.map { $0["ticket"] as? String } == ["B001", "A001"])
        #expect(rows.first?["priority"] as? String == "elderly")
        #expect(rows.last?["issued_at"] as? String == "2026-11-25T08:00:00+07:00")

        let call = try MotcuaProcess.run(["queue", "call-next", "--counter", "1", "--json", "--db", db, "--now", "2026-11-25 08:10"])
        #expect((call.json as? [String: Any])?["ticket"] as? String == "B001")
        let code = try #require(try firstProcedure(db, processingDays: 3))
        let rec = try MotcuaProcess.run(["dossier", "receive", "--procedure", code, "--name", "Lê Thị Cúc", "--ticket", "B001",
                                         "--json", "--db", db, "--now", "2026-11-25 08:20"])
        #expect(rec.status == 0, "\(rec.stderr)")
        let dossier = try #require(rec.json as? [String: Any])
        #expect(dossier["code"] as? String == "MC-261125-001")
        #expect(dossier["due_date"] as? String == "2026-11-30")
        let done = try MotcuaProcess.run(["queue", "done", "B001", "--db", db, "--now", "2026-11-25 08:25"])
        #expect(done.status == 0, "\(done.stderr)")
        let show = try MotcuaProcess.run(["dossier", "show", "MC-261125-001", "--db", db, "--now", "2026-11-25 08:30"])
        #expect(show.stdout.contains("Ngày hẹn trả") && show.stdout.contains("30/11/2026"))
        #expect(show.stdout.contains("receive"))
    }

    @Test func dossierLifecycleAndOverdue() throws {
        let db = try TempFolder().db
        let code = try #require(try firstProcedure(db, processingDays: 3))
        let rec = try MotcuaProcess.run(["dossier", "receive", "--procedure", code, "--name", "Phạm Văn Đồng", "--json",
                                         "--db", db, "--now", "2026-11-02 09:00"])
        let dcode = try #require((rec.json as? [String: Any])?["code"] as? String)
        let early = try MotcuaProcess.run(["dossier", "set-status", dcode, "returned", "--db", db, "--now", "2026-11-03 09:00"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("chỉ trả kết quả khi hồ sơ đã có kết quả"))
        let overdue = try MotcuaProcess.run(["dossier", "list", "--overdue", "--json", "--db", db, "--now", "2026-11-25 09:00"])
        #expect((overdue.json as? [[String: Any]])?.map { $0["code"] as? String } == [dcode])
        _ = try MotcuaProcess.run(["dossier", "set-status", dcode, "ready", "--db", db, "--now", "2026-11-25 09:05"])
        let posted = try MotcuaProcess.run(["dossier", "set-status", dcode, "posted", "--tracking-number", "EC136431858VN", "--json",
                                            "--db", db, "--now", "2026-11-25 09:10"])
        #expect((posted.json as? [String: Any])?["status"] as? String == "posted")
        let none = try MotcuaProcess.run(["dossier", "list", "--overdue", "--json", "--db", db, "--now", "2026-11-25 09:15"])
        #expect((none.json as? [[String: Any]])?.isEmpty == true)
    }

    @Test func calendarAnswersFromTheCommandLine() throws {
        let db = try TempFolder().db
        let due = try MotcuaProcess.run(["calendar", "due", "--from", "2026-02-13", "--days", "1", "--json", "--db", db])
        #expect((due.json as? [String: Any])?["due"] as? String == "2026-02-23")
        let holidays = try MotcuaProcess.run(["calendar", "holidays", "--year", "2026", "--json", "--db", db])
        let dates = (holidays.json as? [[String: Any]])?.compactMap { $0["date"] as? String } ?? []
        #expect(dates.contains("2026-02-17") && dates.contains("2026-04-27") && dates.contains("2026-11-24"))
        let lunar = try MotcuaProcess.run(["calendar", "lunar", "2026-04-26", "--json", "--db", db])
        #expect((lunar.json as? [String: Any])?["lunar_month"] as? Int == 3)
        #expect((lunar.json as? [String: Any])?["lunar_day"] as? Int == 10)
    }

    @Test func demoThenCheck() throws {
        let db = try TempFolder().db
        let demo = try MotcuaProcess.run(["demo", "--db", db, "--now", "2026-11-25 10:30"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let check = try MotcuaProcess.run(["check", "--json", "--db", db])
        #expect((check.json as? [String: Any])?["ok"] as? Bool == true, "\(check.stdout)")
        let overdue = try MotcuaProcess.run(["dossier", "list", "--overdue", "--json", "--db", db, "--now", "2026-11-25 10:30"])
        #expect(((overdue.json as? [[String: Any]])?.count ?? 0) > 0)
        let queue = try MotcuaProcess.run(["queue", "list", "--json", "--db", db, "--now", "2026-11-25 10:30"])
        #expect(((queue.json as? [[String: Any]])?.count ?? 0) > 0)
        let again = try MotcuaProcess.run(["demo", "--db", db, "--now", "2026-11-25 10:30"])
        #expect(again.status != 0)
    }

    func firstProcedure(_ db: String, processingDays: Int) throws -> String? {
        let r = try MotcuaProcess.run(["procedures", "list", "--json", "--db", db])
        let list = r.json as? [[String: Any]] ?? []
        return list.first { $0["processing_days"] as? Int == processingDays && (($0["deliveries"] as? [String])?.contains("post") ?? false) }?["code"] as? String
    }
}
