import Foundation
import Testing
import MotCuaCore
import MotCuaStore

/// `undoLast`: the clerk's last change of today taken back by new events, never by deleting any.
@Suite struct UndoStoreTests {
    let fx: StoreFixture
    init() throws { fx = try StoreFixture() }
    var db: any DeskStore { fx.store }
    let day = "2026-11-25"

    func undo(_ time: String, actor: Actor = clerk1) throws -> UndoResult {
        try db.undoLast(now: at(time), actor: actor)
    }

    /// Expects the undo to be refused and to write nothing.
    func expectRefused(_ time: String, actor: Actor = clerk1, mentioning text: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mark = try db.changeMark()
        do {
            let r = try undo(time, actor: actor)
            Issue.record("undo accepted: \(r.message.vi)", sourceLocation: sourceLocation)
        } catch let e as RuleViolation {
            if let text { #expect(e.message.vi.contains(text), "\(e.message.vi)", sourceLocation: sourceLocation) }
        }
        #expect(try db.changeMark() == mark, "a refused undo wrote something", sourceLocation: sourceLocation)
    }

    @Test func nothingToUndo() throws {
        try expectRefused("2026-11-25 08:00")
        // Yesterday's work is not today's to undo.
        try db.walkIn("Nguyễn Văn An", at: "2026-11-24 16:00")
        try expectRefused("2026-11-25 08:00")
        #expect(try db.requireTicket("A001", on: "2026-11-24").status == .waiting)
    }

    @Test func undoingCallNextRestoresBothTickets() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:01")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:10"), actor: clerk1)
        let calledA1 = try db.requireTicket("A001", on: day)
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:20"), actor: clerk1)

        let r = try undo("2026-11-25 08:21")
        #expect(r.action == "call" && r.subject == "A002")
        let a1 = try db.requireTicket("A001", on: day), a2 = try db.requireTicket("A002", on: day)
        #expect(a1 == calledA1)
        #expect(a1.status == .called && a1.counter == 1 && a1.finishedAt == nil)
        #expect(a2.status == .waiting && a2.counter == nil && a2.calledAt == nil && a2.clerk == nil)
        // Nothing deleted: the undone events stay, each followed by its undo.
        #expect(try db.actions("ticket", "2026-11-25/A001") == ["register", "call", "done", "undo"])
        #expect(try db.actions("ticket", "2026-11-25/A002") == ["register", "call", "undo"])
        let undoEvent = try #require(try db.events(entity: "ticket", key: "2026-11-25/A002").last)
        let data = EventData.parse(undoEvent.data)
        #expect(data.from == "called" && data.to == "waiting" && data.undoes != nil)
        #expect(undoEvent.actor == clerk1)

        // The next undo takes back the first call; then there is nothing left but registrations.
        _ = try undo("2026-11-25 08:22")
        #expect(try db.requireTicket("A001", on: day).status == .waiting)
        #expect(try db.callNext(counter: 1, now: at("2026-11-25 08:23"), actor: clerk1).called?.code == "A001")
    }

    @Test func anotherClerksChangeIsNotMine() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00", actor: clerk2)
        _ = try db.callNext(counter: 2, now: at("2026-11-25 08:10"), actor: clerk2)
        try expectRefused("2026-11-25 08:11", actor: clerk1)
        #expect(try db.requireTicket("A001", on: day).status == .called)
    }

    @Test func undoingARegistrationCancelsTheTicket() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        let r = try undo("2026-11-25 08:01")
        #expect(r.action == "register" && r.subject == "A001")
        let a1 = try db.requireTicket("A001", on: day)
        #expect(a1.status == .cancelled && a1.finishedAt == at("2026-11-25 08:01"))
        #expect(try db.actions("ticket", "2026-11-25/A001") == ["register", "undo"])
        // The number is never given twice, and a cancelled ticket is never called.
        #expect(try db.walkIn("Trần Thị Bình", at: "2026-11-25 08:02").code == "A002")
        #expect(try db.callNext(counter: 1, now: at("2026-11-25 08:03"), actor: clerk1).called?.code == "A002")
        #expect(try db.requireTicket("A001", on: day).status == .cancelled)
    }

    @Test func aRegistrationWhoseDossierWasReceivedIsNotUndone() throws {
        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 08:00")
        _ = try db.callNext(counter: 2, now: at("2026-11-25 08:05"), actor: clerk2)
        let d = try db.receive("Nguyễn Văn An", ticket: "A001", at: "2026-11-25 08:10", actor: clerk2)
        try expectRefused("2026-11-25 08:15", actor: clerk1)
        #expect(try db.requireTicket("A001", on: day).status == .serving)
        #expect(try db.requireDossier(d.code).status == .received)
        // The receipt itself cannot be undone either: it has a code and a slip.
        try expectRefused("2026-11-25 08:16", actor: clerk2, mentioning: "Rút hồ sơ")
        #expect(try db.requireDossier(d.code).status == .received)
    }

    @Test func undoingReadyPutsTheDossierBack() throws {
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-25 10:00"), actor: clerk1)
        let r = try undo("2026-11-25 10:01")
        #expect(r.action == "ready" && r.subject == d.code)
        let back = try db.requireDossier(d.code)
        #expect(back.status == .received && back.readyAt == nil)
        #expect(try db.actions("dossier", d.code) == ["receive", "ready", "undo"])
        let data = EventData.parse(try #require(try db.events(entity: "dossier", key: d.code).last).data)
        #expect(data.from == "ready" && data.to == "received")
        // What is left is the receipt: refused.
        try expectRefused("2026-11-25 10:02")
        // And it can be made ready again.
        #expect(try db.markReady(d.code, now: at("2026-11-25 11:00"), actor: clerk1).dossier.status == .ready)
    }

    @Test func undoingAReturnKeepsNoReceiver() throws {
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-25 10:00"), actor: clerk1)
        _ = try db.returnResult(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-25 11:00"), actor: clerk1)
        _ = try undo("2026-11-25 11:01")
        let back = try db.requireDossier(d.code)
        #expect(back.status == .ready && back.closedAt == nil && back.resultReceiver == nil)
    }

    @Test func rejectAndWithdrawAreNotUndone() throws {
        let a = try db.receive("Một", at: "2026-11-25 09:00")
        let b = try db.receive("Hai", at: "2026-11-25 09:01")
        _ = try db.reject(a.code, reason: "Không thuộc thẩm quyền", now: at("2026-11-25 09:30"), actor: clerk1)
        try expectRefused("2026-11-25 09:31", mentioning: "không thể hoàn tác")
        #expect(try db.requireDossier(a.code).status == .rejected)
        _ = try db.withdraw(b.code, reason: "Người nộp xin rút", now: at("2026-11-25 09:40"), actor: clerk1)
        try expectRefused("2026-11-25 09:41", mentioning: "không thể hoàn tác")
        #expect(try db.requireDossier(b.code).status == .withdrawn)
    }

    @Test func aLaterChangeOnTheSameRecordBlocksTheUndo() throws {
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-25 10:00"), actor: clerk1)
        _ = try db.returnResult(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-25 10:30"), actor: clerk2)
        try expectRefused("2026-11-25 10:31", actor: clerk1, mentioning: "Trả tại quầy")
        #expect(try db.requireDossier(d.code).status == .returned)

        try db.walkIn("Nguyễn Văn An", at: "2026-11-25 11:00")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 11:05"), actor: clerk1)
        try db.move("A001", .serve, counter: 1, at: "2026-11-25 11:06", actor: Actor(user: "hoa", counter: 1))
        try expectRefused("2026-11-25 11:07", actor: clerk1)
        #expect(try db.requireTicket("A001", on: day).status == .serving)
    }

    @Test func undoingACorrectionPutsTheOldNameBack() throws {
        try db.walkIn("Nguyen Van Ann", at: "2026-11-25 08:00")
        _ = try db.correctWalkIn(WalkInCorrection(ticketCode: "A001", name: "Nguyễn Văn An"), now: at("2026-11-25 08:01"), actor: clerk1)
        _ = try undo("2026-11-25 08:02")
        #expect(try db.requireTicket("A001", on: day).applicantName == "Nguyen Van Ann")
        #expect(try db.actions("ticket", "2026-11-25/A001") == ["register", "correct", "undo"])
    }
}
