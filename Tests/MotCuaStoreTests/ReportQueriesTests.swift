import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

/// `reportRows` on a real file, through the clerk's own steps: only the dossiers that can count
/// in the period are read, the figures come out as counted by hand, and the read writes nothing.
@Suite("Report queries")
struct ReportQueriesTests {
    let f: StoreFixture
    let november = ReportPeriod.month(containing: date("2026-11-01"))
    var store: any DeskStore { f.store }

    init() throws { f = try StoreFixture() }

    func receive(_ procedure: String, _ name: String, at time: String, channel: String = "direct") throws -> String {
        try store.receiveDossier(ReceiveRequest(procedureCode: procedure, name: name, channel: channel), now: at(time),
                                 actor: clerk1, calendar: testCalendar).code
    }

    /// - Bình: received 26/10, ready 28/10: finished before November, not read.
    /// - Chi: received Thu 29/10, due Tue 3/11, ready 2/11: carried over, early.
    /// - Dũng: received Mon 2/11, due Thu 5/11, apology on 5/11 to Tue 10/11, ready 9/11: late.
    /// - Giang: received 3/11, withdrawn 4/11.
    /// - Hà: by post on Mon 30/11 08:00, same-day procedure: due 30/11, within time at the end.
    /// - Khoa: received 1/12: not read.
    func fill() throws -> [String: String] {
        var codes: [String: String] = [:]
        codes["Bình"] = try receive(P.xnhn, "Lê Văn Bình", at: "2026-10-26 09:00")
        _ = try store.markReady(codes["Bình"] ?? "", now: at("2026-10-28 10:00"), actor: clerk1)
        codes["Chi"] = try receive(P.xnhn, "Trần Thị Chi", at: "2026-10-29 09:00")
        _ = try store.markReady(codes["Chi"] ?? "", now: at("2026-11-02 10:00"), actor: clerk1)
        codes["Dũng"] = try receive(P.xnhn, "Phạm Văn Dũng", at: "2026-11-02 09:00")
        _ = try store.apologize(codes["Dũng"] ?? "", newDueDate: date("2026-11-10"), reason: "Chờ xác minh", now: at("2026-11-05 14:00"),
                                actor: clerk1, calendar: testCalendar)
        _ = try store.markReady(codes["Dũng"] ?? "", now: at("2026-11-09 10:00"), actor: clerk1)
        codes["Giang"] = try receive(P.xnhn, "Võ Thị Giang", at: "2026-11-03 09:00")
        _ = try store.withdraw(codes["Giang"] ?? "", reason: "Không cần nữa", now: at("2026-11-04 09:00"), actor: clerk1)
        codes["Hà"] = try receive(P.ks, "Đỗ Thu Hà", at: "2026-11-30 08:00", channel: "post")
        codes["Khoa"] = try receive(P.xnhn, "Bùi Đăng Khoa", at: "2026-12-01 09:00")
        _ = try store.addWalkIn(WalkInRequest(name: "Nguyễn Văn An"), now: at("2026-11-02 08:00"), actor: clerk1)
        _ = try store.callNext(counter: 1, now: at("2026-11-02 08:10"), actor: clerk1)
        return codes
    }

    @Test("reads only what can count in November, and the figures match the hand count")
    func figures() throws {
        let codes = try fill()
        let rows = try store.reportRows(period: november)
        #expect(Set(rows.dossiers.map(\.dossier.code)) == Set(["Chi", "Dũng", "Giang", "Hà"].compactMap { codes[$0] }))
        #expect(rows.dossiers.allSatisfy { $0.field == "Hộ tịch" })
        let r = try store.report(period: november, today: date("2026-12-05"), calendar: testCalendar)
        var expected = DossierCounts()
        expected.carriedOver = 1; expected.newDirect = 2; expected.newByPost = 1
        expected.early = 1; expected.late = 1; expected.withinTime = 1; expected.withdrawn = 1
        #expect(r.total == expected)
        #expect(r.total.onTimeRate == 0.5)
        #expect(r.queue.walkIns == 1 && r.queue.called == 1 && r.queue.waitMedian == 10)
    }

    @Test("a read-only store gives the same figures and nothing is written")
    func readsOnly() throws {
        _ = try fill()
        let before = try store.changeMark()
        let reader = try AppDatabase(path: f.dir.file("desk.sqlite"), readOnly: true)
        let r = try reader.report(period: november, today: date("2026-12-05"), calendar: testCalendar)
        #expect(r.total.received == 4)
        #expect(try store.changeMark() == before)
    }

    @Test("the dossier read goes through the received_at and finished indexes, never a scan of the table")
    func plan() throws {
        let db = try #require(store as? AppDatabase)
        let plan = try db.reportQueryPlan(period: november)
        #expect(plan.contains { $0.contains("dossiers_received") }, "\(plan)")
        #expect(plan.filter { $0.contains("dossiers_finished") }.count == 2, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains("INDEX") }, "\(plan)")
    }
}
