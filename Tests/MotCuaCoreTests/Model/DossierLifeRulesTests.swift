import Foundation
import Testing
@testable import MotCuaCore

/// Issue 9's steps in the model: apology (form 04), the post's delivery and return, the fee,
/// the papers received, and lateness judged on the first due date.
@Suite struct DossierLifeRulesTests {
    let calendar = WorkingCalendar()
    func d(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }
    func time(_ iso: String, _ h: Int, _ m: Int = 0) -> Date { VietnamTime.instant(LocalDateTime(date: d(iso), hour: h, minute: m)) }

    func procedure(fee: Int) -> Procedure {
        Procedure(code: "HT-XNHN", name: "Xác nhận tình trạng hôn nhân", field: "Hộ tịch", processingDays: 3, cutoffMinuteOfDay: nil,
                  fee: fee, feeNote: "", deliveries: [.desk, .post], effectiveFrom: nil, effectiveTo: nil, legalBasis: "")
    }

    /// Received Wed 25/11/2026, due Mon 30/11/2026.
    func dossier(_ status: DossierStatus = .processing) -> Dossier {
        Dossier(id: 1, code: "MC-261125-001", procedureCode: "HT-XNHN", applicantName: "Nguyễn Hồng Sự", channel: .direct,
                receivedAt: time("2026-11-25", 9), dueDate: d("2026-11-30"), status: status)
    }

    func apologize(_ x: Dossier, to date: String, reason: String? = "Chờ xác minh nơi cư trú", on day: String = "2026-11-30") throws -> Dossier {
        try DossierRules.apply(DossierActionRequest(code: x.code, kind: .apologize, reason: reason, newDueDate: d(date)),
                               to: x, now: time(day, 10), calendar: calendar).dossier
    }

    @Test func anApologyMovesTheDateAndKeepsTheFirst() throws {
        let moved = try apologize(dossier(), to: "2026-12-03")
        #expect(moved.dueDate == d("2026-12-03") && moved.originalDueDate == d("2026-11-30"))
        #expect(moved.status == .processing && moved.apologyReason == "Chờ xác minh nơi cư trú")
        // A second apology moves it again; the first date stays the one promised first.
        let again = try apologize(moved, to: "2026-12-07", on: "2026-12-03")
        #expect(again.dueDate == d("2026-12-07") && again.originalDueDate == d("2026-11-30"))
        // The status it was taken in stays (a dossier waiting for a supplement too).
        #expect(try apologize(dossier(.needsSupplement), to: "2026-12-03").status == .needsSupplement)
    }

    @Test func anApologyDateNotAfterTheOldOneIsRefused() throws {
        for bad in ["2026-11-30", "2026-11-27"] {
            #expect(throws: FieldError.self) { try apologize(dossier(), to: bad) }
            do { _ = try apologize(dossier(), to: bad) } catch let e as FieldError {
                #expect(e.field == "new_due" && e.problem.vi.contains("không sau ngày hẹn hiện tại 30/11/2026"))
            }
        }
    }

    @Test func anApologyDateOnANonWorkingDayIsRefused() throws {
        // Sun 06/12/2026; Sat 05/12/2026; 01/01/2027 (New Year).
        for bad in ["2026-12-06", "2026-12-05", "2027-01-01"] {
            do {
                _ = try apologize(dossier(), to: bad)
                Issue.record("apology to \(bad) accepted")
            } catch let e as FieldError {
                #expect(e.field == "new_due" && e.problem.vi.contains("không phải ngày làm việc"))
            }
        }
        do { _ = try apologize(dossier(), to: "2026-12-06") } catch let e as FieldError {
            #expect(e.problem.vi.contains("07/12/2026"), "names the next working day")
        }
    }

    @Test func anApologyNeedsAReasonAndADossierInProgress() throws {
        #expect(throws: FieldError.self) { try apologize(dossier(), to: "2026-12-03", reason: "  ") }
        for status in [DossierStatus.ready, .returned, .posted, .rejected, .withdrawn] {
            #expect(throws: RuleViolation.self, "\(status)") { try apologize(dossier(status), to: "2026-12-03") }
        }
    }

    @Test func lateStaysLateAfterAnApology() throws {
        let moved = try apologize(dossier(), to: "2026-12-03")
        // Tue 01/12: past the first date (30/11), before the new one (03/12).
        #expect(moved.isOverdue(today: d("2026-12-01")))
        #expect(moved.timeliness(today: d("2026-12-01"), calendar: calendar) == .late(workingDays: 1))
        #expect(moved.lateAfter == d("2026-11-30"))
        // The first due day itself is still on time.
        #expect(!moved.isOverdue(today: d("2026-11-30")))
        #expect(moved.timeliness(today: d("2026-11-30"), calendar: calendar) == .dueToday)
        // Resolved after the first date: late, even before the new one.
        var done = moved
        done.readyAt = time("2026-12-02", 9); done.status = .ready
        #expect(done.resolution(calendar: calendar) == .late)
        var early = dossier(); early.readyAt = time("2026-11-27", 16)
        #expect(early.resolution(calendar: calendar) == .early)
        var onTime = dossier(); onTime.readyAt = time("2026-11-30", 23, 59)
        #expect(onTime.resolution(calendar: calendar) == .onTime)
    }

    @Test func postReturnedGoesBackToReadyAndDeliveredStaysPosted() throws {
        var posted = dossier(.posted)
        posted.readyAt = time("2026-11-27", 9); posted.trackingNumber = "EC136431858VN"; posted.closedAt = time("2026-11-27", 10)
        let back = try DossierRules.apply(DossierActionRequest(code: posted.code, kind: .postReturned), to: posted, now: time("2026-12-01", 9)).dossier
        #expect(back.status == .ready && back.closedAt == nil && back.postReturnedAt == time("2026-12-01", 9))
        #expect(back.readyAt == time("2026-11-27", 9), "the day the result came is kept for on time / late")
        // Listed to phone at once, whatever the days.
        #expect(back.uncollected(today: d("2026-12-01"), days: 5, calendar: calendar) == time("2026-12-01", 9))

        let delivered = try DossierRules.apply(DossierActionRequest(code: posted.code, kind: .postDelivered), to: posted, now: time("2026-11-30", 15)).dossier
        #expect(delivered.status == .posted && delivered.postDeliveredAt == time("2026-11-30", 15))
        #expect(delivered.closedAt == time("2026-11-27", 10), "still closed when it was posted")
        // A second delivery, or a return after delivery, is refused.
        for kind in [DossierActionKind.postDelivered, .postReturned] {
            do {
                _ = try DossierRules.apply(DossierActionRequest(code: posted.code, kind: kind), to: delivered, now: time("2026-12-01", 9))
                Issue.record("\(kind) after delivery")
            } catch let e as RuleViolation { #expect(e.message.vi.contains("đã phát")) }
        }
        // Only a posted dossier.
        for status in [DossierStatus.ready, .processing, .returned] {
            #expect(throws: RuleViolation.self) {
                try DossierRules.apply(DossierActionRequest(code: posted.code, kind: .postReturned), to: dossier(status), now: time("2026-12-01", 9))
            }
        }
    }

    @Test func uncollectedAfterMoreThanNWorkingDays() {
        var ready = dossier(.ready)
        ready.readyAt = time("2026-11-27", 9)   // Fri
        // Fri 27/11 + 5 working days = Fri 04/12: not yet more than 5; Mon 07/12 is the 6th.
        #expect(ready.uncollected(today: d("2026-12-04"), days: 5, calendar: calendar) == nil)
        #expect(ready.uncollected(today: d("2026-12-07"), days: 5, calendar: calendar) == time("2026-11-27", 9))
        #expect(ready.uncollected(today: d("2026-11-30"), days: 0, calendar: calendar) != nil)
    }

    @Test func sendNeedsWhereAndFeeAndPostageAreChecked() throws {
        let received = dossier(.received)
        #expect(throws: FieldError.self) {
            try DossierRules.apply(DossierActionRequest(code: received.code, kind: .send, sentTo: " "), to: received, now: time("2026-11-25", 10))
        }
        let sent = try DossierRules.apply(DossierActionRequest(code: received.code, kind: .send, sentTo: "Công chức Tư pháp - Hộ tịch"),
                                          to: received, now: time("2026-11-25", 10)).dossier
        #expect(sent.status == .processing && sent.sentTo == "Công chức Tư pháp - Hộ tịch" && sent.sentAt == time("2026-11-25", 10))
        var ready = dossier(.ready)
        ready.procedureSnapshot = ProcedureSnapshot(procedure(fee: 3000))
        let returned = try DossierRules.apply(DossierActionRequest(code: ready.code, kind: .return, receiverName: "Nguyễn Hồng Sự"),
                                              to: ready, now: time("2026-11-30", 9)).dossier
        #expect(returned.feeCollected == 3000, "the snapshot's fee by default")
        let free = try DossierRules.apply(DossierActionRequest(code: ready.code, kind: .return, receiverName: "Nguyễn Hồng Sự", feeCollected: 0),
                                          to: ready, now: time("2026-11-30", 9)).dossier
        #expect(free.feeCollected == 0)
        #expect(throws: FieldError.self) {
            try DossierRules.apply(DossierActionRequest(code: ready.code, kind: .return, receiverName: "Nguyễn Hồng Sự", feeCollected: -1),
                                   to: ready, now: time("2026-11-30", 9))
        }
        var withAddress = dossier(.ready); withAddress.deliveryAddress = "Thôn 2, xã Phú Hòa"
        #expect(throws: FieldError.self) {
            try DossierRules.apply(DossierActionRequest(code: ready.code, kind: .post, trackingNumber: "EC136431858VN", postage: -5),
                                   to: withAddress, now: time("2026-11-30", 9))
        }
        let posted = try DossierRules.apply(DossierActionRequest(code: ready.code, kind: .post, trackingNumber: "EC136431858VN", postage: 25000),
                                            to: withAddress, now: time("2026-11-30", 9)).dossier
        #expect(posted.postage == 25000 && posted.status == .posted)
    }

    @Test func documentsParseAndValidate() throws {
        #expect(try ReceivedDocument.parse("Tờ khai:1:0").validated() == ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0))
        #expect(try ReceivedDocument.parse("Bản sao CCCD").validated() == ReceivedDocument(name: "Bản sao CCCD", originals: 0, copies: 1))
        for bad in ["Tờ khai:1", "Tờ khai:x:0", ":1:0", "Tờ khai:0:0", "Tờ khai:21:0", "Tờ khai:-1:2", "  :0:1"] {
            #expect(throws: FieldError.self, "\(bad)") { try ReceivedDocument.parse(bad).validated() }
        }
        let request = ReceiveRequest(procedureCode: "HT-XNHN", name: "Nguyễn Hồng Sự",
                                     documents: [ReceivedDocument(name: "  Tờ   khai ", originals: 1, copies: 0)])
        let p = procedure(fee: 0)
        let valid = try request.validated(on: d("2026-11-25")) { _ in p }
        #expect(valid.documents == [ReceivedDocument(name: "Tờ khai", originals: 1, copies: 0)])
    }

    @Test func theLookUpSaysTheApologyAndThePostsReturn() throws {
        let moved = try apologize(dossier(), to: "2026-12-03")
        let said = DossierLookup.plainWords(moved, procedureName: nil, today: d("2026-12-01"), calendar: calendar).map(\.vi).joined(separator: " ")
        #expect(said.contains("hẹn lần đầu ngày 30/11/2026") && said.contains("hẹn lại ngày 03/12/2026"), "\(said)")
        var back = dossier(.ready)
        back.delivery = .post; back.readyAt = time("2026-11-27", 9); back.postReturnedAt = time("2026-12-01", 9)
        let words = DossierLookup.plainWords(back, procedureName: nil, today: d("2026-12-01"), calendar: calendar).map(\.vi).joined(separator: " ")
        #expect(words.contains("Bưu điện đã trả kết quả về Bộ phận Một cửa ngày 01/12/2026") && !words.contains("sẽ gửi qua bưu chính"))
    }

    @Test func amountsAreWrittenTheVietnameseWay() {
        #expect(VND.text(0) == "0 đ" && VND.text(3000) == "3.000 đ" && VND.text(1_250_000) == "1.250.000 đ")
    }

    @Test func amountsAreReadAsAClerkTypesThem() {
        for (typed, amount) in [("25000", 25000), ("25.000", 25000), ("25 000", 25000), ("25.000 đ", 25000), ("0", 0),
                                ("1.250.000đ", 1_250_000), (" 8000 d ", 8000)] {
            #expect(VND.parse(typed) == amount, "\(typed)")
        }
        for bad in ["", "hai mươi", "-5", "25,5", "1.000.000.000", "đ"] { #expect(VND.parse(bad) == nil, "\(bad)") }
    }

    /// The fee reaches the register however the result reaches the citizen: the post worker
    /// collects it on delivery, the clerk at the door; what was recorded already is kept.
    @Test func theFeeIsCollectedByThePostAndAtHomeToo() throws {
        var posted = dossier(.posted)
        posted.procedureSnapshot = ProcedureSnapshot(procedure(fee: 3000)); posted.trackingNumber = "EC136431858VN"
        let delivered = try DossierRules.apply(DossierActionRequest(code: posted.code, kind: .postDelivered), to: posted,
                                               now: time("2026-11-30", 15)).dossier
        #expect(delivered.feeCollected == 3000)
        let free = try DossierRules.apply(DossierActionRequest(code: posted.code, kind: .postDelivered, feeCollected: 0), to: posted,
                                          now: time("2026-11-30", 15)).dossier
        #expect(free.feeCollected == 0)
        var ready = dossier(.ready)
        ready.procedureSnapshot = ProcedureSnapshot(procedure(fee: 3000)); ready.feeCollected = 1000
        let home = try DossierRules.apply(DossierActionRequest(code: ready.code, kind: .deliverHome, receiverName: "Nguyễn Hồng Sự"),
                                          to: ready, procedure: procedure(fee: 3000).withDeliveries([.desk, .home]),
                                          now: time("2026-11-30", 15)).dossier
        #expect(home.feeCollected == 1000, "what was recorded already")
    }
}

extension Procedure {
    func withDeliveries(_ d: Set<Delivery>) -> Procedure { var p = self; p.deliveries = d; return p }
}
