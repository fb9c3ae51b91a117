import Foundation
import Testing
import MotCuaCore
import MotCuaStore

/// Issue 9: dossiers walked to the citizen's hands through `DeskStore` — send, post, the post's
/// return, an apology, the fee, the uncollected list and the desk header's counts.
@Suite struct DossierLifeStoreTests {
    let fx: StoreFixture
    init() throws { fx = try StoreFixture() }
    var db: any DeskStore { fx.store }

    /// The desk header's counts on `day`: [due today, overdue].
    func counts(_ day: String) throws -> [Int] {
        let w = try db.dueCounts(today: date(day))
        return [w.dueToday, w.overdue]
    }

    /// Chứng thực hợp đồng: 2 working days, fee 50.000 đ, desk or post.
    static let contract = "CT-HD"

    @Test func everyPathFromReceiptToTheCitizen() throws {
        let received = try db.receiveDossier(
            ReceiveRequest(procedureCode: Self.contract, name: "Lê Thị Mai", phone: "0912000444", address: "Thôn 2, xã Phú Hòa",
                           documents: [ReceivedDocument(name: "Hợp đồng", originals: 2, copies: 0), ReceivedDocument(name: "Bản sao CCCD")]),
            now: at("2026-11-25 09:00"), actor: clerk1, calendar: testCalendar)
        #expect(received.documents.count == 2)
        #expect(try db.requireDossier(received.code).documents == [ReceivedDocument(name: "Hợp đồng", originals: 2, copies: 0),
                                                                   ReceivedDocument(name: "Bản sao CCCD", originals: 0, copies: 1)])
        let code = received.code
        let sent = try db.send(code, to: "Công chức Tư pháp - Hộ tịch", now: at("2026-11-25 09:30"), actor: clerk1).dossier
        #expect(sent.status == .processing && sent.sentTo == "Công chức Tư pháp - Hộ tịch" && sent.sentAt == at("2026-11-25 09:30"))
        _ = try db.markReady(code, now: at("2026-11-26 15:00"), actor: clerk1)
        let posted = try db.post(code, trackingNumber: "EC136431858VN", postage: 28000, now: at("2026-11-26 16:00"), actor: clerk1)
        #expect(posted.warnings.isEmpty && posted.dossier.postage == 28000 && posted.dossier.deliveryAddress == "Thôn 2, xã Phú Hòa")
        let back = try db.postReturned(code, now: at("2026-11-30 10:00"), actor: clerk2).dossier
        #expect(back.status == .ready && back.closedAt == nil && back.postReturnedAt == at("2026-11-30 10:00"))
        // Listed to phone at once, with the phone on file.
        let calls = try db.uncollectedDossiers(today: date("2026-11-30"), calendar: testCalendar)
        #expect(calls.map(\.dossier.code) == [code])
        #expect(calls.first?.phone == "0912000444" && calls.first?.returnedByPost == true)
        // The citizen comes: the fee as received is recorded.
        let done = try db.returnResult(code, receivedBy: "Lê Thị Mai", now: at("2026-12-01 08:30"), actor: clerk1).dossier
        #expect(done.status == .returned && done.feeCollected == 50000)
        #expect(try db.uncollectedDossiers(today: date("2026-12-01"), calendar: testCalendar).isEmpty)
        #expect(try db.actions("dossier", code) == ["receive", "send", "ready", "post", "post-returned", "return"])
        // Typed event data, never prose.
        let events = try db.events(entity: "dossier", key: code)
        let data = events.map { EventData.parse($0.data) }
        #expect(data[0].documents?.count == 2)
        #expect(data[1].sentTo == "Công chức Tư pháp - Hộ tịch")
        #expect(data[3].postage == 28000 && data[3].trackingNumber == "EC136431858VN")
        #expect(data[4].from == "posted" && data[4].to == "ready")
        #expect(data[5].feeCollected == 50000)
        // Stored as read back.
        let stored = try db.requireDossier(code)
        #expect(stored.sentTo == sent.sentTo && stored.postage == 28000 && stored.postReturnedAt == at("2026-11-30 10:00")
                && stored.feeCollected == 50000 && stored.readyAt == at("2026-11-26 15:00"))
        #expect(stored.resolution(calendar: testCalendar) == .early)
    }

    @Test func postDeliveredOnceAndUndoPutsThePostReturnBack() throws {
        let d = try db.receive("Đỗ Văn Nam", procedure: Self.contract, delivery: "post", address: "Ấp 3, xã Tân Phú", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-25 14:00"), actor: clerk1)
        _ = try db.post(d.code, trackingNumber: "EC136431858VN", now: at("2026-11-25 15:00"), actor: clerk1)
        let delivered = try db.postDelivered(d.code, now: at("2026-11-27 10:00"), actor: clerk1).dossier
        #expect(delivered.status == .posted && delivered.postDeliveredAt == at("2026-11-27 10:00"))
        let mark = try db.changeMark()
        #expect(throws: RuleViolation.self) { try db.postDelivered(d.code, now: at("2026-11-27 11:00"), actor: clerk1) }
        #expect(throws: RuleViolation.self) { try db.postReturned(d.code, now: at("2026-11-27 11:00"), actor: clerk1) }
        #expect(try db.changeMark() == mark, "nothing half-written")
        // Undo the delivery: posted, not delivered; then the post may still bring it back.
        _ = try db.undoLast(now: at("2026-11-27 11:05"), actor: clerk1)
        #expect(try db.requireDossier(d.code).postDeliveredAt == nil)
        _ = try db.postReturned(d.code, now: at("2026-11-27 11:10"), actor: clerk1)
        _ = try db.undoLast(now: at("2026-11-27 11:15"), actor: clerk1)
        let undone = try db.requireDossier(d.code)
        #expect(undone.status == .posted && undone.postReturnedAt == nil && undone.closedAt == at("2026-11-25 15:00"))
    }

    @Test func anApologyMovesTheDateAndTheDossierStaysLate() throws {
        // Wed 25/11/2026 + 3 working days = Mon 30/11/2026.
        let d = try db.receive("Phan Văn Tài", at: "2026-11-25 09:00")
        #expect(d.dueDate == date("2026-11-30"))
        // Before the old date, and on a Sunday: refused, nothing written.
        let mark = try db.changeMark()
        for bad in ["2026-11-27", "2026-12-06"] {
            do {
                _ = try db.apologize(d.code, newDueDate: date(bad), reason: "Chờ xác minh", now: at("2026-11-30 10:00"), actor: clerk1,
                                     calendar: testCalendar)
                Issue.record("apology to \(bad) accepted")
            } catch let e as FieldError { #expect(e.field == "new_due") }
        }
        #expect(try db.changeMark() == mark)
        let moved = try db.apologize(d.code, newDueDate: date("2026-12-03"), reason: "Chờ xác minh nơi cư trú",
                                     now: at("2026-11-30 10:00"), actor: clerk1, calendar: testCalendar).dossier
        #expect(moved.dueDate == date("2026-12-03") && moved.originalDueDate == date("2026-11-30"))
        let event = try #require(try db.events(entity: "dossier", key: d.code).last)
        let data = EventData.parse(event.data)
        #expect(event.action == "apologize" && data.dueDate == "2026-12-03" && data.previousDueDate == "2026-11-30"
                && data.reason == "Chờ xác minh nơi cư trú")
        // Tue 01/12: past the first date, before the new one: overdue in the store and the model.
        let today = date("2026-12-01")
        #expect(try db.dossiers(matching: .overdue(on: today)).map(\.code) == [d.code])
        #expect(try db.requireDossier(d.code).isOverdue(today: today))
        #expect(try counts("2026-12-01") == [0, 1])
        #expect(try counts("2026-11-30") == [1, 0])
        // Ready before the new date but after the first: resolved late.
        let ready = try db.markReady(d.code, now: at("2026-12-02 09:00"), actor: clerk1).dossier
        #expect(ready.resolution(calendar: testCalendar) == .late)
        #expect(try counts("2026-12-01") == [0, 0])
    }

    @Test func undoAnApologyPutsTheDateBack() throws {
        let d = try db.receive("Vũ Thị Hạnh", at: "2026-11-25 09:00")
        _ = try db.apologize(d.code, newDueDate: date("2026-12-03"), reason: "Chờ ý kiến cơ quan khác",
                             now: at("2026-11-30 10:00"), actor: clerk1, calendar: testCalendar)
        let undo = try db.undoLast(now: at("2026-11-30 10:05"), actor: clerk1)
        #expect(undo.action == "apologize")
        let back = try db.requireDossier(d.code)
        #expect(back.dueDate == date("2026-11-30") && back.originalDueDate == nil && back.apologyReason == nil)
    }

    @Test func aWithdrawnDossierLeavesEveryCount() throws {
        let d = try db.receive("Trịnh Văn Quý", at: "2026-11-25 09:00")
        _ = try db.send(d.code, to: "Phòng Văn hóa - Xã hội", now: at("2026-11-25 10:00"), actor: clerk1)
        #expect(try counts("2026-12-01") == [0, 1])
        let w = try db.withdraw(d.code, reason: "Người nộp xin rút", now: at("2026-12-01 09:00"), actor: clerk1).dossier
        #expect(w.status == .withdrawn && w.closedAt == at("2026-12-01 09:00"))
        #expect(try counts("2026-12-01") == [0, 0])
        #expect(throws: RuleViolation.self) {
            try db.apologize(d.code, newDueDate: date("2026-12-03"), reason: "x", now: at("2026-12-01 10:00"), actor: clerk1, calendar: testCalendar)
        }
        #expect(try db.actions("dossier", d.code) == ["receive", "send", "withdraw"])
    }

    /// Across New Year 2027: received Wed 30/12/2026, 3 working days skip Fri 01/01 → Tue 05/01.
    @Test func lateAndOnTimeAtTheDayBoundaryAcrossAHoliday() throws {
        let a = try db.receive("Một", at: "2026-12-30 09:00")
        let b = try db.receive("Hai", at: "2026-12-30 09:05")
        let c = try db.receive("Ba", at: "2026-12-30 09:10")
        #expect(a.dueDate == date("2027-01-05"))
        // The due day itself: due today, not overdue.
        #expect(try counts("2027-01-05") == [3, 0])
        #expect(try db.dossiers(matching: .dueToday(date("2027-01-05"))).count == 3)
        // Ready at 23:59 of the due day: on time; just after midnight: late.
        let onTime = try db.markReady(a.code, now: at("2027-01-05 23:59"), actor: clerk1).dossier
        let late = try db.markReady(b.code, now: at("2027-01-06 00:00"), actor: clerk1).dossier
        #expect(onTime.resolution(calendar: testCalendar) == .onTime && late.resolution(calendar: testCalendar) == .late)
        #expect(try counts("2027-01-06") == [0, 1])
        #expect(try db.dossiers(matching: .overdue(on: date("2027-01-06"))).map(\.code) == [c.code])
        // Mon 04/01 (after the holiday): still one working day left.
        let open = try db.requireDossier(c.code)
        #expect(open.timeliness(today: date("2027-01-04"), calendar: testCalendar) == .dueIn(workingDays: 1))
        #expect(open.timeliness(today: date("2027-01-06"), calendar: testCalendar) == .late(workingDays: 1))
        // The store and the model agree.
        for day in ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-08"] {
            let today = date(day)
            #expect(try db.dossiers(matching: .overdue(on: today)).map(\.code).sorted()
                    == db.allDossiers().filter { $0.isOverdue(today: today) }.map(\.code).sorted(), "\(day)")
        }
    }

    @Test func uncollectedListsResultsReadyMoreThanNWorkingDays() throws {
        let old = try db.receiveDossier(ReceiveRequest(procedureCode: P.xnhn, name: "Cũ", phone: "0987654321"),
                                        now: at("2026-11-16 09:00"), actor: clerk1, calendar: testCalendar)
        let recent = try db.receive("Mới", at: "2026-11-25 09:00")
        let collected = try db.receive("Đã lấy", at: "2026-11-16 09:30")
        _ = try db.markReady(old.code, now: at("2026-11-18 09:00"), actor: clerk1)       // Wed
        _ = try db.markReady(recent.code, now: at("2026-11-27 09:00"), actor: clerk1)
        _ = try db.markReady(collected.code, now: at("2026-11-18 09:00"), actor: clerk1)
        _ = try db.returnResult(collected.code, receivedBy: "Đã lấy", now: at("2026-11-19 09:00"), actor: clerk1)
        // Mon 30/11: Wed 18/11 is 7 working days back (24/11 a day off in the data); 27/11 is 1.
        let list = try db.uncollectedDossiers(today: date("2026-11-30"), days: 5, calendar: testCalendar)
        #expect(list.map(\.dossier.code) == [old.code])
        #expect(list.first?.phone == "0987654321" && list.first?.since == at("2026-11-18 09:00") && list.first?.returnedByPost == false)
        #expect(try db.uncollectedDossiers(today: date("2026-11-30"), days: 0, calendar: testCalendar).map(\.dossier.code)
                == [old.code, recent.code])
    }

    @Test func theCountsAndTheOverdueListGoThroughTheIndex() throws {
        try db.receive("Một", at: "2026-11-25 09:00")
        let sql = "SELECT COUNT(*) FROM dossiers WHERE status IN ('needs-supplement','processing','received') AND COALESCE(original_due_date, due_date) < ?"
        let plan = try rawFetch(fx.dir.file("desk.sqlite"), "EXPLAIN QUERY PLAN " + sql, ["2026-12-01"]).map { $0["detail"] as String? ?? "" }
        #expect(plan.contains { $0.contains("dossiers_status_late") }, "\(plan)")
        let ready = try rawFetch(fx.dir.file("desk.sqlite"), "EXPLAIN QUERY PLAN SELECT * FROM dossiers WHERE status = 'ready'")
            .map { $0["detail"] as String? ?? "" }
        #expect(ready.contains { $0.contains("USING INDEX") }, "\(ready)")
    }

    @Test func documentsAreCheckedAtReceipt() throws {
        let mark = try db.changeMark()
        for bad in [ReceivedDocument(name: " ", originals: 1, copies: 0), ReceivedDocument(name: "Tờ khai", originals: 0, copies: 0),
                    ReceivedDocument(name: "Tờ khai", originals: 21, copies: 0)] {
            #expect(throws: FieldError.self) {
                try db.receiveDossier(ReceiveRequest(procedureCode: P.xnhn, name: "Bảy", documents: [bad]),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: testCalendar)
            }
        }
        #expect(try db.changeMark() == mark)
    }
}
