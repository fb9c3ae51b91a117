import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

@Suite struct QueueStoreTests {
    @Test func ticketsAreNumberedPerDayAndSeries() throws {
        let db = try AppDatabase(path: try TempDir().file("q.sqlite"))
        let a = try db.addWalkIn(WalkInRequest(name: "  Nguyễn   Văn An "), now: at("2026-11-25 08:00"), actor: clerk1)
        let b = try db.addWalkIn(WalkInRequest(name: "Trần Thị Bình"), now: at("2026-11-25 08:01"), actor: clerk1)
        let p = try db.addWalkIn(WalkInRequest(name: "Lê Văn Cụ", priority: "elderly"), now: at("2026-11-25 08:02"), actor: clerk1)
        let next = try db.addWalkIn(WalkInRequest(name: "Phạm Thu"), now: at("2026-11-26 07:30"), actor: clerk1)
        #expect([a.code, b.code, p.code, next.code] == ["A001", "A002", "B001", "A001"])
        #expect(a.applicantName == "Nguyễn Văn An")
    }

    @Test func priorityIsCalledFirstThenIssueOrder() throws {
        let db = try AppDatabase(path: try TempDir().file("q.sqlite"))
        _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Văn An"), now: at("2026-11-25 08:00"), actor: clerk1)
        _ = try db.addWalkIn(WalkInRequest(name: "Trần Thị Bình"), now: at("2026-11-25 08:01"), actor: clerk1)
        _ = try db.addWalkIn(WalkInRequest(name: "Lê Thị Cúc", priority: "pregnant"), now: at("2026-11-25 08:05"), actor: clerk1)
        let first = try db.callNext(counter: 1, now: at("2026-11-25 08:10"), actor: clerk1)
        let second = try db.callNext(counter: 2, now: at("2026-11-25 08:11"), actor: clerk1)
        #expect(first?.code == "B001")
        #expect(first?.status == .called && first?.counter == 1)
        #expect(second?.code == "A001")
    }

    @Test func illegalTicketMoveIsRefusedWithReason() throws {
        let db = try AppDatabase(path: try TempDir().file("q.sqlite"))
        _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Văn An"), now: at("2026-11-25 08:00"), actor: clerk1)
        let day = LocalDate(year: 2026, month: 11, day: 25)!
        #expect(throws: RuleViolation.self) {
            _ = try db.changeTicket(code: "A001", day: day, to: .noShow, counter: 1, now: at("2026-11-25 08:05"), actor: clerk1)
        }
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:06"), actor: clerk1)
        let done = try db.changeTicket(code: "a1", day: day, to: .done, counter: 1, now: at("2026-11-25 08:20"), actor: clerk1)
        #expect(done.status == .done)
        do {
            _ = try db.changeTicket(code: "A001", day: day, to: .called, counter: 1, now: at("2026-11-25 08:21"), actor: clerk1)
            Issue.record("a closed ticket was recalled")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("đã kết thúc"))
        }
    }

    @Test func badInputWritesNothing() throws {
        let db = try AppDatabase(path: try TempDir().file("q.sqlite"))
        let before = try db.changeMark()
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "   "), now: at("2026-11-25 08:00"), actor: clerk1) }
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "An", phone: "091234567"), now: at("2026-11-25 08:00"), actor: clerk1) }
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "An", procedureCode: "NOPE"), now: at("2026-11-25 08:00"), actor: clerk1) }
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "An", priority: "other"), now: at("2026-11-25 08:00"), actor: clerk1) }
        // Regression: a CCCD typed into the name (the form wrapped round) became part of it.
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Văn An001203012345"), now: at("2026-11-25 08:00"), actor: clerk1) }
        #expect(try db.changeMark() == before)
        #expect(try db.tickets(day: LocalDate(year: 2026, month: 11, day: 25)!).isEmpty)
    }

    @Test func everyChangeIsAudited() throws {
        let db = try AppDatabase(path: try TempDir().file("q.sqlite"))
        _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Văn An"), now: at("2026-11-25 08:00"), actor: clerk1)
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:01"), actor: clerk1)
        let events = try db.events(entity: "ticket", key: "2026-11-25/A001")
        #expect(events.map(\.action) == ["register", "call"])
        #expect(events.allSatisfy { $0.actor.user == "lan" && $0.actor.counter == 1 })
    }
}
