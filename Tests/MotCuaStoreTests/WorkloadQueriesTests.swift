import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

/// Issue 9, "late, before it happens": the header's counts of dossiers due today and overdue.
@Suite("Store: dossiers due today and overdue")
struct WorkloadQueriesTests {
    @Test("counted by the model's rule: in progress only (a ready result and a closed dossier are not), due today vs before today")
    func counts() throws {
        let fx = try StoreFixture()
        let db = fx.store
        // Xác nhận tình trạng hôn nhân: 3 working days (Tue 24/11/2026 is a day off).
        let late = try db.receive("Nguyễn Hồng Sự", at: "2026-11-16 09:00")          // due 19/11: overdue
        let dueToday = try db.receive("Lê Thị Mận", at: "2026-11-19 09:00")          // due 25/11
        _ = try db.receive("Trần Văn Bảy", at: "2026-11-25 08:30")                   // due 30/11
        let waiting = try db.receive("Đỗ Thị Bổ Sung", at: "2026-11-16 09:10")       // overdue, waiting on the citizen
        _ = try db.requestSupplement(waiting.code, missing: ["Bản sao CCCD"], now: at("2026-11-17 09:00"), actor: clerk1)
        let ready = try db.receive("Phạm Quốc Hưng", at: "2026-11-16 09:20")         // resolved: not overdue
        _ = try db.markReady(ready.code, now: at("2026-11-20 09:00"), actor: clerk1)
        let rejected = try db.receive("Võ Văn Từ Chối", at: "2026-11-16 09:30")
        _ = try db.reject(rejected.code, reason: "Sai thủ tục", now: at("2026-11-16 10:00"), actor: clerk1)
        #expect(try db.requireDossier(dueToday.code).dueDate == date("2026-11-25"))
        #expect(try db.requireDossier(late.code).dueDate == date("2026-11-19"))

        let today = date("2026-11-25")
        let counts = try db.dueCounts(today: today)
        #expect(counts.dueToday == 1 && counts.overdue == 2, "\(counts)")
        // The same as the model's one definition applied to every dossier.
        let all = try db.allDossiers()
        #expect(counts.overdue == all.filter { $0.isOverdue(today: today) }.count)
        #expect(counts.dueToday == all.filter { $0.status.isInProgress && $0.dueDate == today }.count)
        // The day after: Mận is late too, nothing falls due on 26/11.
        let tomorrow = try db.dueCounts(today: date("2026-11-26"))
        #expect(tomorrow.dueToday == 0 && tomorrow.overdue == 3)
        // An empty register counts zero, not nothing.
        let empty = try StoreFixture()
        let none = try empty.store.dueCounts(today: today)
        #expect(none.dueToday == 0 && none.overdue == 0)
    }

    @Test("the count reads the status/due-date index, not the table")
    func usesTheIndex() throws {
        let fx = try StoreFixture()
        let db = try #require(fx.store as? AppDatabase)
        let plan = try db.dueCountsPlan(today: date("2026-11-25")).joined(separator: " | ")
        #expect(plan.contains("dossiers_status_late"), "\(plan)")
        // A search on the expression index: only in-progress rows due by today are read (the
        // day's workload), never the history.
        #expect(plan.contains("SEARCH dossiers USING"), "\(plan)")
        #expect(!plan.contains("SCAN dossiers") || plan.contains("USING"), "\(plan)")
    }
}
