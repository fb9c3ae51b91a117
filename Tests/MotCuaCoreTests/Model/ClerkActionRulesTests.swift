import Foundation
import Testing
@testable import MotCuaCore

/// The rules each clerk action goes through, in MotCuaCore, before any store writes.
@Suite struct TicketMoveRulesTests {
    let day = LocalDate(year: 2026, month: 11, day: 25)!
    let profile = DeskProfile(counters: 2)
    func time(_ h: Int, _ m: Int) -> Date { VietnamTime.instant(LocalDateTime(date: day, hour: h, minute: m)) }

    func ticket(_ n: Int, _ status: Ticket.Status = .waiting, counter: Int? = nil, issued: Int = 0) -> Ticket {
        Ticket(id: Int64(n), day: day, series: .ordinary, number: n, applicantName: "P\(n)", status: status, counter: counter,
               issuedAt: time(8, issued), calledAt: status == .waiting ? nil : time(8, 30))
    }

    func apply(_ move: TicketMove, _ t: Ticket, counter: Int? = nil, to: Int? = nil) throws -> Ticket {
        try QueueRules.apply(TicketMoveRequest(ticketCode: t.code, move: move, counter: counter, toCounter: to), to: t,
                             today: day, now: time(9, 0), clerk: "lan", profile: profile)
    }

    @Test func eachMoveAcceptsOnlyItsStatuses() throws {
        let allowed: [TicketMove: Set<Ticket.Status>] = [
            .recall: [.called], .serve: [.called], .done: [.called, .serving], .noShow: [.called],
            .left: [.waiting, .called, .serving], .bringBack: [.noShow], .transfer: [.called, .serving],
        ]
        for move in TicketMove.allCases {
            for status in Ticket.Status.allCases {
                let t = ticket(1, status, counter: status == .waiting ? nil : 1)
                let ok = (try? apply(move, t, counter: 1, to: 2)) != nil
                #expect(ok == allowed[move]?.contains(status), "\(move) from \(status)")
            }
        }
    }

    @Test func aMoveAtAnotherCounterIsRefused() {
        for move in [TicketMove.recall, .serve, .done, .noShow, .left, .transfer] {
            do {
                _ = try apply(move, ticket(1, .called, counter: 1), counter: 2, to: 1)
                Issue.record("\(move) at counter 2 of counter 1's ticket")
            } catch let e as RuleViolation {
                #expect(e.code == "ticket_\(move.rawValue)" && e.message.en.contains("use Transfer (command line: motcua queue transfer)"), "\(e.message.en)")
            } catch { Issue.record("\(move): \(error)") }
        }
    }

    @Test func recallOfAWaitingTicketSaysItWasNotCalled() {
        do {
            _ = try apply(.recall, ticket(2))
            Issue.record("a waiting ticket was recalled")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("chưa được gọi") && e.message.en.contains("has not been called"))
        } catch { Issue.record("\(error)") }
    }

    @Test func onlyTodaysTicketsMove() {
        var old = ticket(1, .noShow, counter: 1)
        old.day = LocalDate(year: 2026, month: 11, day: 24)!
        #expect(throws: RuleViolation.self) { _ = try apply(.bringBack, old) }
    }

    @Test func aCounterOutsideTheProfileIsAFieldError() {
        do {
            _ = try apply(.done, ticket(1, .called, counter: 1), counter: 3)
            Issue.record("counter 3 of 2 accepted")
        } catch let e as FieldError {
            #expect(e.field == "counter")
        } catch { Issue.record("\(error)") }
    }

    @Test func transferNeedsAnotherExistingCounter() throws {
        let t = ticket(1, .serving, counter: 1)
        #expect(throws: FieldError.self) { _ = try apply(.transfer, t, counter: 1) }
        #expect(throws: FieldError.self) { _ = try apply(.transfer, t, counter: 1, to: 1) }
        #expect(throws: FieldError.self) { _ = try apply(.transfer, t, counter: 1, to: 5) }
        let moved = try apply(.transfer, t, counter: 1, to: 2)
        #expect(moved.counter == 2 && moved.status == .waiting && moved.calledAt == nil && moved.clerk == nil)
        // Held for counter 2: called there first, and not by counter 3.
        let other = ticket(2, issued: -30)          // waiting since before the transferred one
        #expect(QueueRules.nextToCall([moved, other], now: time(9, 5), policy: PriorityPolicy(), counter: 2)?.number == 1)
        #expect(QueueRules.nextToCall([moved, other], now: time(9, 5), policy: PriorityPolicy(), counter: 3)?.number == 2)
    }

    @Test func recallCountsAndDoneFinishes() throws {
        let recalled = try apply(.recall, ticket(1, .called, counter: 1), counter: 1)
        #expect(recalled.recallCount == 1 && recalled.calledAt == time(9, 0) && recalled.clerk == "lan")
        let done = try apply(.done, ticket(1, .serving, counter: 1))
        #expect(done.status == .done && done.finishedAt == time(9, 0))
    }

    @Test func bringBackKeepsTheIssueTime() throws {
        var t = ticket(1, .noShow, counter: 1, issued: 5)
        t.finishedAt = time(8, 40); t.clerk = "lan"
        let back = try apply(.bringBack, t)
        #expect(back.status == .waiting && back.issuedAt == time(8, 5))
        #expect(back.counter == nil && back.calledAt == nil && back.finishedAt == nil && back.clerk == nil)
        let later = ticket(2, issued: 10)
        #expect(QueueRules.nextToCall([later, back], now: time(9, 1), policy: PriorityPolicy())?.number == 1)
    }

    @Test func callNextFinishesTheCurrentTicketFirst() throws {
        let list = [ticket(1, .serving, counter: 1), ticket(2, issued: 1), ticket(3, .called, counter: 2), ticket(4, issued: 2)]
        let r = try QueueRules.callNext(counter: 1, tickets: list, now: time(9, 0), clerk: "lan", profile: profile)
        #expect(r.finished?.number == 1 && r.finished?.status == .done && r.finished?.finishedAt == time(9, 0))
        #expect(r.called?.number == 2 && r.called?.status == .called && r.called?.counter == 1 && r.called?.clerk == "lan")
        // Counter 2's ticket is not touched by counter 1.
        #expect(QueueRules.currentTicket(counter: 2, in: list)?.number == 3)
        let empty = try QueueRules.callNext(counter: 2, tickets: [ticket(3, .called, counter: 2)], now: time(9, 0), clerk: "minh", profile: profile)
        #expect(empty.finished?.number == 3 && empty.called == nil)
        #expect(throws: FieldError.self) { _ = try QueueRules.callNext(counter: 9, tickets: list, now: time(9, 0), clerk: "lan", profile: profile) }
    }

    @Test func theLatestCalledIsTheCurrentOneOnAnOldFile() {
        var a = ticket(1, .called, counter: 1); a.calledAt = time(8, 10)
        var b = ticket(2, .called, counter: 1); b.calledAt = time(8, 20)
        #expect(QueueRules.currentTicket(counter: 1, in: [b, a])?.number == 2)
        #expect(QueueRules.currentTicket(counter: 2, in: [a, b]) == nil)
    }
}

@Suite struct WalkInCorrectionTests {
    let day = LocalDate(year: 2026, month: 11, day: 25)!
    func ticket(_ status: Ticket.Status = .waiting) -> Ticket {
        Ticket(id: 1, day: day, series: .ordinary, number: 1, applicantName: "Nguyen Van Ann", phone: "0912345678",
               status: status, issuedAt: VietnamTime.instant(LocalDateTime(date: day, hour: 8, minute: 0)))
    }
    func apply(_ c: WalkInCorrection, to t: Ticket) throws -> Ticket {
        try c.applied(to: t, policy: PriorityPolicy(), on: day) { _ in nil }
    }

    @Test func correctsWhatIsGivenAndClearsWhatIsEmpty() throws {
        let t = try apply(WalkInCorrection(ticketCode: "A001", name: "nguyễn văn an", phone: "", priority: "elderly"), to: ticket())
        #expect(t.applicantName == "Nguyễn Văn An" && t.phone == nil && t.priorityCode == "elderly")
        #expect(t.code == "A001")
    }

    @Test func nothingToChangeAndClosedTicketsAreRefused() {
        #expect(throws: FieldError.self) { _ = try apply(WalkInCorrection(ticketCode: "A001"), to: ticket()) }
        for closed in [Ticket.Status.noShow, .left, .cancelled] {
            #expect(throws: RuleViolation.self) { _ = try apply(WalkInCorrection(ticketCode: "A001", name: "An"), to: ticket(closed)) }
        }
        // A served walk-in's name can still be put right.
        #expect((try? apply(WalkInCorrection(ticketCode: "A001", name: "An"), to: ticket(.done)))?.applicantName == "An")
        // The same rules as registering.
        #expect(throws: FieldError.self) { _ = try apply(WalkInCorrection(ticketCode: "A001", procedureCode: "NOPE"), to: ticket()) }
        #expect(throws: FieldError.self) { _ = try apply(WalkInCorrection(ticketCode: "A001", priorityReason: "x"), to: ticket()) }
    }
}

@Suite struct DossierActionRulesTests {
    let now = VietnamTime.instant(LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 26)!, hour: 10, minute: 0))
    func dossier(_ status: DossierStatus, address: String? = nil) -> Dossier {
        Dossier(id: 1, code: "MC-261125-001", procedureCode: "HT-XNHN", applicantName: "Trần Văn Bảy", channel: .direct,
                deliveryAddress: address, receivedAt: now.addingTimeInterval(-86_400),
                dueDate: LocalDate(year: 2026, month: 11, day: 30)!, status: status)
    }
    func apply(_ r: DossierActionRequest, _ d: Dossier) throws -> DossierActionResult { try DossierRules.apply(r, to: d, now: now) }

    @Test func eachStepLeadsToItsStatus() throws {
        #expect(try apply(DossierActionRequest(code: "X", kind: .ready), dossier(.processing)).dossier.readyAt == now)
        #expect(try apply(DossierActionRequest(code: "X", kind: .process), dossier(.received)).dossier.status == .processing)
        let closed = try apply(DossierActionRequest(code: "X", kind: .withdraw, reason: "Xin rút"), dossier(.ready)).dossier
        #expect(closed.status == .withdrawn && closed.closedAt == now && closed.reason == "Xin rút")
        #expect(DossierActionKind.allCases.filter(\.isIrreversible) == [.reject, .withdraw])
        // A result leaves only once ready.
        #expect(throws: RuleViolation.self) { _ = try apply(DossierActionRequest(code: "X", kind: .return, receiverName: "Trần Văn Bảy"), dossier(.processing)) }
    }

    @Test func aReturnToSomeoneElseNeedsTheirCCCD() throws {
        do {
            _ = try apply(DossierActionRequest(code: "X", kind: .return, receiverName: "Lê Thị Tám"), dossier(.ready))
            Issue.record("no CCCD asked")
        } catch let e as FieldError { #expect(e.field == "receiver_id_number") }
        #expect(throws: FieldError.self) { _ = try apply(DossierActionRequest(code: "X", kind: .return, receiverName: ""), dossier(.ready)) }
        #expect(throws: FieldError.self) {
            _ = try apply(DossierActionRequest(code: "X", kind: .return, receiverName: "Lê Thị Tám", receiverIdNumber: "123"), dossier(.ready))
        }
        let other = try apply(DossierActionRequest(code: "X", kind: .return, receiverName: "Lê Thị Tám", receiverIdNumber: "001303012345"), dossier(.ready))
        #expect(other.dossier.resultReceiver == "Lê Thị Tám" && other.dossier.resultReceiverId == "001303012345")
        // The applicant, however the name is typed, needs none.
        let own = try apply(DossierActionRequest(code: "X", kind: .return, receiverName: "tran van bay"), dossier(.ready))
        #expect(own.dossier.resultReceiver == "Tran Van Bay" && own.dossier.status == .returned)
    }

    @Test func postNormalisesTheTrackingNumberAndWarnsOnABadCheckDigit() throws {
        #expect(throws: FieldError.self) { _ = try apply(DossierActionRequest(code: "X", kind: .post, trackingNumber: "EC136431858VN"), dossier(.ready)) }
        #expect(throws: FieldError.self) { _ = try apply(DossierActionRequest(code: "X", kind: .post, address: "Ấp 3", trackingNumber: " - "), dossier(.ready)) }
        let good = try apply(DossierActionRequest(code: "X", kind: .post, trackingNumber: "ec 136-431-858 vn"), dossier(.ready, address: "Ấp 3"))
        #expect(good.dossier.trackingNumber == "EC136431858VN" && good.dossier.deliveryAddress == "Ấp 3" && good.warnings.isEmpty)
        // A wrong check digit is a question first (nothing changes), kept once the clerk says so.
        let asked = #expect(throws: ConfirmationNeeded.self) {
            _ = try apply(DossierActionRequest(code: "X", kind: .post, address: "Ấp 4", trackingNumber: "EC136431859VN"), dossier(.ready, address: "Ấp 3"))
        }
        #expect(asked?.kind == .trackingCheckDigit && asked?.message.vi.contains("Chưa lưu gì") == true)
        var confirmed = DossierActionRequest(code: "X", kind: .post, address: "Ấp 4", trackingNumber: "EC136431859VN")
        confirmed.acceptsCheckDigitWarning = true
        let bad = try apply(confirmed, dossier(.ready, address: "Ấp 3"))
        #expect(bad.dossier.trackingNumber == "EC136431859VN" && bad.dossier.deliveryAddress == "Ấp 4" && bad.warnings.count == 1)
        // Other formats are taken as typed, without a warning; a slip (too short, not letters and digits) is refused.
        let other = try apply(DossierActionRequest(code: "X", kind: .post, address: "Ấp 3", trackingNumber: "vnp 123456"), dossier(.ready))
        #expect(other.dossier.trackingNumber == "VNP123456" && other.warnings.isEmpty)
        for slip in ["x", "vn123", "abc def!"] {
            #expect(throws: FieldError.self) { _ = try apply(DossierActionRequest(code: "X", kind: .post, address: "Ấp 3", trackingNumber: slip), dossier(.ready)) }
        }
    }

    @Test func aResultLeavesOnlyByAWayTheProcedureAllows() throws {
        let deskOnly = Procedure(code: "HT-KH", name: "Đăng ký kết hôn", field: "Hộ tịch", processingDays: 0, cutoffMinuteOfDay: nil,
                                 fee: 0, feeNote: "", deliveries: [.desk], effectiveFrom: nil, effectiveTo: nil, legalBasis: "")
        let post = DossierActionRequest(code: "X", kind: .post, address: "Ấp 3", trackingNumber: "EC136431858VN")
        #expect(throws: RuleViolation.self) { _ = try DossierRules.apply(post, to: dossier(.ready), procedure: deskOnly, now: now) }
        #expect(throws: RuleViolation.self) {
            _ = try DossierRules.apply(DossierActionRequest(code: "X", kind: .deliverHome, receiverName: "Trần Văn Bảy"), to: dossier(.ready),
                                       procedure: deskOnly, now: now)
        }
        // The way chosen at receipt stands even if the catalog row changed since.
        var chosen = dossier(.ready, address: "Ấp 3"); chosen.delivery = .post
        #expect(try DossierRules.apply(post, to: chosen, procedure: deskOnly, now: now).dossier.status == .posted)
        // Without the procedure (an old caller), only the dossier's own state is checked.
        #expect(try DossierRules.apply(post, to: dossier(.ready), now: now).dossier.status == .posted)
    }

    @Test func rejectSupplementAndResumeCarryTheirFields() throws {
        for reason in [nil, "", "  ", "a\u{1B}b"] as [String?] {
            do {
                _ = try apply(DossierActionRequest(code: "X", kind: .reject, reason: reason), dossier(.received))
                Issue.record("rejected with reason \(String(describing: reason))")
            } catch let e as FieldError { #expect(e.field == "reason") }
        }
        #expect(throws: FieldError.self) { _ = try apply(DossierActionRequest(code: "X", kind: .supplement, missing: [" "]), dossier(.processing)) }
        let s = try apply(DossierActionRequest(code: "X", kind: .supplement, missing: ["Tờ khai", "", "Bản sao"]), dossier(.processing))
        #expect(s.dossier.missingItems == ["Tờ khai", "Bản sao"] && s.dossier.status == .needsSupplement)
        let r = try apply(DossierActionRequest(code: "X", kind: .resume), s.dossier)
        #expect(r.dossier.missingItems.isEmpty && r.dossier.status == .processing)
    }

    @Test func timelinessInWorkingDays() {
        let cal = WorkingCalendar()
        let d = dossier(.processing)  // due Mon 30/11/2026
        #expect(d.timeliness(today: LocalDate(year: 2026, month: 11, day: 30)!, calendar: cal) == .dueToday)
        #expect(d.timeliness(today: LocalDate(year: 2026, month: 11, day: 26)!, calendar: cal) == .dueIn(workingDays: 2))
        #expect(d.timeliness(today: LocalDate(year: 2026, month: 12, day: 2)!, calendar: cal) == .late(workingDays: 2))
        #expect(dossier(.returned).timeliness(today: LocalDate(year: 2026, month: 12, day: 2)!, calendar: cal) == .closed)
        #expect(Timeliness.late(workingDays: 2).isLate && !Timeliness.dueToday.isLate)
    }
}

@Suite struct DeskDataTests {
    @Test func textInputRefusesWhatIsNotText() throws {
        let label = Localized(vi: "Ghi chú", en: "Notes")
        #expect(throws: FieldError.self) { _ = try TextInput.optional("N\u{FFFD}A", field: "notes", label: label) }
        #expect(throws: FieldError.self) { _ = try TextInput.optional("a\u{1B}[2Jb", field: "notes", label: label) }
        #expect(try TextInput.optional("   ", field: "notes", label: label) == nil)
        #expect(try TextInput.optional("  Bản   sao ", field: "notes", label: label) == "Bản sao")
        #expect(throws: FieldError.self) { _ = try WalkInRequest.personName(String(decoding: [0x4e, 0xff, 0x41] as [UInt8], as: UTF8.self)) }
        #expect(TextInput.capitalizingWords("nguyễn văn an") == "Nguyễn Văn An")
        #expect(TextInput.capitalizingWords("công ty 3A McDonald") == "Công Ty 3A McDonald")
    }

    @Test func eventDataRoundTripsWithSnakeCaseKeys() throws {
        let day = LocalDate(year: 2026, month: 11, day: 25)!
        var e = EventData(from: "called", to: "done")
        e.receiverIdNumber = "001303012345"
        e.before = ["name": "Nguyen Van Ann"]
        e.ticketBefore = Ticket(id: 7, day: day, series: .priority, number: 3, applicantName: "Lê Thị Cúc", priorityCode: "elderly",
                                status: .called, counter: 1, issuedAt: VietnamTime.instant(LocalDateTime(date: day, hour: 8, minute: 5)))
        let json = e.json()
        #expect(json.contains("\"receiver_id_number\":\"001303012345\"") && json.contains("\"ticket_before\""), "\(json)")
        #expect(json.contains("2026-11-25T08:05:00+07:00"))
        #expect(EventData.parse(json) == e)
        // Data written before typed events (a flat map) still reads.
        let old = EventData.parse(#"{"from":"received","to":"ready","reason":"Người nhận: Phạm Quốc Hưng"}"#)
        #expect(old.from == "received" && old.to == "ready" && old.reason == "Người nhận: Phạm Quốc Hưng")
        // An old call event kept its counter as text: not typed, kept as it was.
        let call = EventData.parse(#"{"counter":"1"}"#)
        #expect(call.counter == nil && call.extra?["counter"] == "1")
        #expect(EventData.parse("not json") == EventData())
    }

    @Test func theProfileDecodesFieldByField() throws {
        let old = try JSONDecoder().decode(DeskProfile.self, from: Data(#"{"deskCode":"XTP","counters":3,"province":"Tỉnh Đồng Nai"}"#.utf8))
        #expect(old.deskCode == "XTP" && old.counters == 3 && old.province == "Tỉnh Đồng Nai")
        #expect(old.clerks.isEmpty && old.version == 1 && old.commune == DeskProfile().commune)
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(DeskProfile.self, from: Data(#"{"counters":"ba"}"#.utf8)) }
        var p = DeskProfile(deskCode: "XTP", counters: 4)
        p.clerks = ["Lan", "Minh"]
        let back = try JSONDecoder().decode(DeskProfile.self, from: try JSONEncoder().encode(p))
        #expect(back == p && back.version == DeskProfile.currentVersion)
    }

    @Test func auditActionsAreWordedFromTheirCodeNames() {
        #expect(AuditActionLabel.label("call").vi == "Gọi số")
        #expect(AuditActionLabel.label("no-show").en == "No-show")
        #expect(AuditActionLabel.label("return").vi == "Trả tại quầy")
        #expect(AuditActionLabel.label("undo").en == "Undone")
        // Written by older versions (`set-status`): the status's own label.
        #expect(AuditActionLabel.label("delivered-home").vi == DossierStatus.deliveredHome.label.vi)
        #expect(AuditActionLabel.label("something-new").en == "something-new")
    }
}

/// A dossier received from a ticket: the rule both front ends use (the desk's form opens with
/// these values; `dossier receive --ticket` takes them).
@Suite struct ReceiveFromTicketTests {
    let ticket = Ticket(day: LocalDate(year: 2026, month: 11, day: 25)!, series: .ordinary, number: 1,
                        applicantName: "Nguyễn Hồng Sự", phone: "0912345678", idNumber: "001203012345",
                        procedureCode: "HT-XNHN", issuedAt: Date(timeIntervalSince1970: 0))

    @Test func whatWasNotEnteredComesFromTheTicket() {
        let r = ReceiveRequest(procedureCode: "", name: " ", idNumber: nil, phone: "").filledIn(from: ticket)
        #expect(r.name == "Nguyễn Hồng Sự")
        #expect(r.idNumber == "001203012345")
        #expect(r.phone == "0912345678")
        #expect(r.procedureCode == "HT-XNHN")
        #expect(r.ticketCode == "A001")
    }

    @Test func whatWasEnteredWins() {
        let r = ReceiveRequest(procedureCode: "HT-KS", name: "Nguyễn Hồng Sơn", idNumber: "001203099999", phone: "0987654321",
                               ticketCode: "a001").filledIn(from: ticket)
        #expect(r.name == "Nguyễn Hồng Sơn")
        #expect(r.idNumber == "001203099999")
        #expect(r.phone == "0987654321")
        #expect(r.procedureCode == "HT-KS")
        #expect(r.ticketCode == "a001")
    }
}
