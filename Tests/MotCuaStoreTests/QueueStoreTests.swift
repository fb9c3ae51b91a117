import Foundation
import Testing
import MotCuaCore
import MotCuaStore

/// The queue through `DeskStore`, on a real SQLite file.
@Suite struct QueueStoreTests {
    let fx: StoreFixture
    init() throws { fx = try StoreFixture() }
    var db: any DeskStore { fx.store }
    let day = "2026-11-25"

    @Test func ticketsAreNumberedPerDayAndSeries() throws {
        let a = try db.walkIn("  Nguyễn   Văn An ", at: "2026-11-25 08:00")
        let b = try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:01")
        let p = try db.walkIn("Lê Văn Cụ", priority: "elderly", at: "2026-11-25 08:02")
        let next = try db.walkIn("Phạm Thu", at: "2026-11-26 07:30")
        #expect([a.code, b.code, p.code, next.code] == ["A001", "A002", "B001", "A001"])
        #expect(a.applicantName == "Nguyễn Văn An")
    }

    @Test func priorityIsCalledFirstThenIssueOrder() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:01")
        try db.walkIn("Lê Thị Cúc", priority: "pregnant", at: "2026-11-25 08:05")
        let first = try db.callNext(counter: 1, now: at("2026-11-25 08:10"), actor: clerk1)
        let second = try db.callNext(counter: 2, now: at("2026-11-25 08:11"), actor: clerk2)
        #expect(first.called?.code == "B001")
        #expect(first.called?.status == .called && first.called?.counter == 1)
        #expect(first.finished == nil)
        #expect(second.called?.code == "A001")
    }

    @Test func illegalTicketMoveIsRefusedWithReason() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        #expect(throws: RuleViolation.self) { try db.move("A001", .noShow, counter: 1, at: "2026-11-25 08:05") }
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:06"), actor: clerk1)
        let done = try db.move("a1", .done, counter: 1, at: "2026-11-25 08:20")
        #expect(done.status == .done)
        do {
            try db.move("A001", .recall, counter: 1, at: "2026-11-25 08:21")
            Issue.record("a closed ticket was recalled")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("A001") && e.message.vi.contains("'Xong'"), "\(e.message.vi)")
            #expect(e.message.en.contains("'Done'"), "\(e.message.en)")
        }
        #expect(try db.requireTicket("A001", on: day).status == .done)
    }

    @Test func badInputWritesNothing() throws {
        let before = try db.changeMark()
        let now = at("2026-11-25 08:00")
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "   "), now: now, actor: clerk1) }
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "An", phone: "091234567"), now: now, actor: clerk1) }
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "An", procedureCode: "NOPE"), now: now, actor: clerk1) }
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "An", priority: "other"), now: now, actor: clerk1) }
        // Regression: a CCCD typed into the name (the form wrapped round) became part of it.
        #expect(throws: FieldError.self) { _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Văn An001203012345"), now: now, actor: clerk1) }
        #expect(try db.changeMark() == before)
        #expect(try db.tickets(day: date(day)).isEmpty)
    }

    @Test func aReasonWithoutAPriorityGroupIsRefused() throws {
        do {
            _ = try db.addWalkIn(WalkInRequest(name: "An", priorityReason: "thương binh"), now: at("2026-11-25 08:00"), actor: clerk1)
            Issue.record("a reason without a group was dropped silently")
        } catch let e as FieldError {
            #expect(e.field == "priority_reason")
        }
        #expect(try db.tickets(day: date(day)).isEmpty)
    }

    @Test func aCounterOutsideTheProfileIsRefused() throws {
        let before = try db.changeMark()
        let ghost = Actor(user: "lan", counter: 99)
        do {
            _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Văn An"), now: at("2026-11-25 08:00"), actor: ghost)
            Issue.record("counter 99 accepted on a 2-counter desk")
        } catch let e as FieldError {
            #expect(e.field == "counter")
        }
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        let mark = try db.changeMark()
        #expect(mark > before)
        #expect(throws: FieldError.self) { _ = try db.callNext(counter: 99, now: at("2026-11-25 08:05"), actor: ghost) }
        #expect(throws: FieldError.self) { _ = try db.callNext(counter: 0, now: at("2026-11-25 08:05"), actor: clerk1) }
        #expect(try db.changeMark() == mark)
        #expect(try db.requireTicket("A001", on: day).status == .waiting)
    }

    @Test func everyChangeIsAudited() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:01"), actor: clerk1)
        let events = try db.events(entity: "ticket", key: "2026-11-25/A001")
        #expect(events.map(\.action) == ["register", "call"])
        #expect(events.allSatisfy { $0.actor.user == "lan" && $0.actor.counter == 1 })
        let call = EventData.parse(try #require(events.last).data)
        #expect(call.from == "waiting" && call.to == "called" && call.counter == 1)
    }

    /// Issue: calling the next ticket left the previous one "called" too, so a counter held two.
    @Test func callNextTwiceLeavesOneCalledTicketAtTheCounter() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:01")
        let first = try db.callNext(counter: 1, now: at("2026-11-25 08:10"), actor: clerk1)
        #expect(first.finished == nil && first.called?.code == "A001")
        let second = try db.callNext(counter: 1, now: at("2026-11-25 08:20"), actor: clerk1)
        #expect(second.finished?.code == "A001" && second.finished?.status == .done)
        #expect(second.called?.code == "A002" && second.called?.counter == 1)

        let atCounter = try db.tickets(day: date(day)).filter { $0.counter == 1 && $0.status.isAtCounter }
        #expect(atCounter.map(\.code) == ["A002"])
        let a1 = try db.requireTicket("A001", on: day)
        #expect(a1.status == .done && a1.finishedAt == at("2026-11-25 08:20"))
        #expect(try db.currentTicket(counter: 1, day: date(day))?.code == "A002")
        #expect(try db.actions("ticket", "2026-11-25/A001") == ["register", "call", "done"])
        #expect(try db.actions("ticket", "2026-11-25/A002") == ["register", "call"])

        // Nobody left: the current ticket is still finished, and nobody is called.
        let third = try db.callNext(counter: 1, now: at("2026-11-25 08:30"), actor: clerk1)
        #expect(third.finished?.code == "A002" && third.called == nil)
        #expect(try db.tickets(day: date(day)).allSatisfy { $0.status == .done })
    }

    /// Issue: `queue recall A001 --counter 2` took counter 1's ticket to counter 2 without a word.
    @Test func recallAtAnotherCounterIsRefusedAndTransferMovesIt() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:10"), actor: clerk1)
        let mark = try db.changeMark()
        do {
            try db.move("A001", .recall, counter: 2, at: "2026-11-25 08:12", actor: clerk2)
            Issue.record("a ticket at counter 1 was recalled to counter 2")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("quầy 1") && e.message.vi.contains("chuyển quầy"), "\(e.message.vi)")
            #expect(e.message.en.contains("transfer"), "\(e.message.en)")
        }
        #expect(try db.changeMark() == mark)
        var a1 = try db.requireTicket("A001", on: day)
        #expect(a1.counter == 1 && a1.status == .called && a1.recallCount == 0)

        let recalled = try db.move("A001", .recall, counter: 1, at: "2026-11-25 08:13")
        #expect(recalled.recallCount == 1 && recalled.counter == 1 && recalled.calledAt == at("2026-11-25 08:13"))

        let moved = try db.transfer("A001", from: 1, to: 2, now: at("2026-11-25 08:15"), actor: clerk1)
        // Transferred: waiting again, held for counter 2, which calls it first.
        #expect(moved.counter == 2 && moved.status == .waiting && moved.calledAt == nil)
        a1 = try db.requireTicket("A001", on: day)
        #expect(a1.counter == 2)
        let transfer = try #require(try db.events(entity: "ticket", key: "2026-11-25/A001").last)
        #expect(transfer.action == "transfer")
        let data = EventData.parse(transfer.data)
        #expect(data.fromCounter == 1 && data.toCounter == 2)
        // Counter 2 calls it before anyone else; counter 1 no longer can.
        let next = try db.callNext(counter: 2, now: at("2026-11-25 08:16"), actor: clerk2)
        #expect(next.called?.code == "A001" && next.called?.counter == 2)
        // Sending it to the counter that holds it is refused.
        #expect(throws: FieldError.self) { _ = try db.transfer("A001", from: 2, to: 2, now: at("2026-11-25 08:17"), actor: clerk2) }
    }

    /// Issue: `queue recall A002` on a waiting ticket marked it called, ahead of A001.
    @Test func recallOfAWaitingTicketIsRefusedAndItKeepsItsPlace() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:01")
        do {
            try db.move("A002", .recall, counter: 1, at: "2026-11-25 08:05")
            Issue.record("a waiting ticket was recalled")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("chưa được gọi"), "\(e.message.vi)")
        }
        let a2 = try db.requireTicket("A002", on: day)
        #expect(a2.status == .waiting && a2.calledAt == nil && a2.counter == nil)
        #expect(try db.callNext(counter: 1, now: at("2026-11-25 08:06"), actor: clerk1).called?.code == "A001")
    }

    /// Issue: a dossier could be received from a ticket still waiting in the hall.
    @Test func aDossierIsReceivedOnlyFromATicketCalledToThisCounter() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:01")
        try db.walkIn("Lê Văn Cụ", at: "2026-11-25 08:02")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:10"), actor: clerk1)
        let mark = try db.changeMark()
        do {
            try db.receive("Lê Văn Cụ", ticket: "A003", at: "2026-11-25 08:12")
            Issue.record("a dossier was received from a waiting ticket")
        } catch let e as FieldError {
            #expect(e.field == "ticket")
        }
        // A001 is at counter 1: counter 2 cannot take its dossier.
        #expect(throws: FieldError.self) { try db.receive("Nguyễn Văn An", ticket: "A001", at: "2026-11-25 08:12", actor: clerk2) }
        #expect(try db.changeMark() == mark)
        #expect(try db.requireTicket("A003", on: day).status == .waiting)
        #expect(try db.allDossiers().isEmpty)

        let d = try db.receive("Nguyễn Văn An", ticket: "a1", at: "2026-11-25 08:15")
        #expect(d.ticketCode == "A001" && d.counter == 1)
        #expect(try db.requireTicket("A001", on: day).status == .serving)
        #expect(try db.actions("ticket", "2026-11-25/A001") == ["register", "call", "serve"])
    }

    @Test func aNoShowBroughtBackWaitsInItsOriginalPlace() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:05")
        try db.walkIn("Lê Văn Cụ", at: "2026-11-25 08:10")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:20"), actor: clerk1)
        try db.move("A001", .noShow, counter: 1, at: "2026-11-25 08:25")
        #expect(try db.callNext(counter: 1, now: at("2026-11-25 08:26"), actor: clerk1).called?.code == "A002")

        // Refused for a ticket that is not a no-show.
        #expect(throws: RuleViolation.self) { try db.move("A003", .bringBack, at: "2026-11-25 08:30") }
        let back = try db.move("A001", .bringBack, at: "2026-11-25 08:40")
        #expect(back.status == .waiting && back.counter == nil && back.calledAt == nil && back.finishedAt == nil)
        #expect(back.issuedAt == at("2026-11-25 08:00"))
        let waiting = QueueRules.callingOrder(try db.tickets(day: date(day)), now: at("2026-11-25 08:41"), policy: PriorityPolicy())
            .filter { $0.status == .waiting }
        #expect(waiting.map(\.code) == ["A001", "A003"])
        // Counter 2 calls A001 before A003, issued later.
        #expect(try db.callNext(counter: 2, now: at("2026-11-25 08:45"), actor: clerk2).called?.code == "A001")
        #expect(try db.actions("ticket", "2026-11-25/A001") == ["register", "call", "no-show", "bring-back", "call"])
    }

    @Test func aNoShowOfAnotherDayIsNotBroughtBack() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-24 08:00")
        _ = try db.callNext(counter: 1, now: at("2026-11-24 08:10"), actor: clerk1)
        try db.move("A001", .noShow, counter: 1, at: "2026-11-24 08:15")
        #expect(throws: (any Error).self) { try db.move("A001", .bringBack, at: "2026-11-25 08:00") }
        #expect(try db.requireTicket("A001", on: "2026-11-24").status == .noShow)
    }

    @Test func aWalkInCorrectionKeepsTheOldValuesInTheLog() throws {
        try db.walkIn("Nguyen Van Ann", at: "2026-11-25 08:00")
        let fixed = try db.correctWalkIn(WalkInCorrection(ticketCode: "A001", name: "nguyễn văn an", priority: "elderly"),
                                         now: at("2026-11-25 08:03"), actor: clerk1)
        #expect(fixed.code == "A001")  // the number stays, even with a priority added
        #expect(fixed.applicantName == "Nguyễn Văn An" && fixed.priorityCode == "elderly")
        #expect(try db.requireTicket("A001", on: day).applicantName == "Nguyễn Văn An")
        let correct = try #require(try db.events(entity: "ticket", key: "2026-11-25/A001").last)
        #expect(correct.action == "correct")
        let data = EventData.parse(correct.data)
        #expect(data.before?["name"] == "Nguyen Van Ann" && data.after?["name"] == "Nguyễn Văn An")
        #expect(data.before?["priority"] == "" && data.after?["priority"] == "elderly")
        #expect(try db.searchTickets("ng van an", day: date(day), limit: 10).map(\.code) == ["A001"])
        // Nothing to change is said, not logged.
        #expect(throws: FieldError.self) {
            _ = try db.correctWalkIn(WalkInCorrection(ticketCode: "A001"), now: at("2026-11-25 08:04"), actor: clerk1)
        }
    }
}
