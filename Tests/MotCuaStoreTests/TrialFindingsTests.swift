import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

/// What two new-clerk trials found in the store's rules, each pinned by a test.
@Suite struct TrialFindingsTests {
    let f: StoreFixture
    init() throws { f = try StoreFixture() }
    var clerk: Actor { Actor(user: "lan", counter: 1) }

    func readyDossier() throws -> Dossier {
        let d = try f.store.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Võ Văn Cường", idNumber: "001190000022"),
                                           now: at("2026-11-20 09:00"), actor: clerk, calendar: WorkingCalendar())
        _ = try f.store.markReady(d.code, now: at("2026-11-24 09:00"), actor: clerk)
        return d
    }

    @Test func someoneElseShowingTheApplicantsOwnCCCDIsRefused() throws {
        let d = try readyDossier()
        do {
            _ = try f.store.returnResult(d.code, receivedBy: "Võ Thị Hoa", idNumber: "001190000022", now: at("2026-11-25 09:00"), actor: clerk)
            Issue.record("accepted the applicant's CCCD for someone else")
        } catch let e as FieldError {
            #expect(e.field == "receiver_id_number" && e.problem.vi.contains("CCCD của người nộp"))
        }
        #expect(try f.store.dossier(code: d.code)?.status == .ready)
        // A malformed receiver CCCD names the receiver's field, not the applicant's.
        do {
            _ = try f.store.returnResult(d.code, receivedBy: "Võ Thị Hoa", idNumber: "12", now: at("2026-11-25 09:00"), actor: clerk)
            Issue.record("accepted a 2-digit CCCD")
        } catch let e as FieldError { #expect(e.field == "receiver_id_number") }
    }

    @Test func aMissingTicketNamesTheTicketField() throws {
        do {
            _ = try f.store.moveTicket(TicketMoveRequest(ticketCode: "A999", move: .recall, counter: 1), now: at("2026-11-25 09:00"), actor: clerk)
            Issue.record("no error")
        } catch let e as FieldError {
            #expect(e.field == "ticket" && e.problem.vi == "không có số A999 ngày 25/11/2026")
        }
    }

    @Test func namesRefuseSymbolsButKeepOrganisations() throws {
        #expect(throws: FieldError.self) { _ = try WalkInRequest.personName("Nguyen 123 @#") }
        #expect(try WalkInRequest.personName("công ty TNHH 3A") == "Công Ty TNHH 3A")
        #expect(try WalkInRequest.personName("O'Neil Trần-Lê") == "O'Neil Trần-Lê")
    }

    @Test func aCCCDOrPhoneFindsTheCitizensDossiers() throws {
        let d = try f.store.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Võ Văn Cường", idNumber: "001190000022",
                                                          phone: "0912345678"),
                                           now: at("2026-11-20 09:00"), actor: clerk, calendar: WorkingCalendar())
        _ = try f.store.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Lê Thị Năm", idNumber: "001303012345"),
                                       now: at("2026-11-20 09:10"), actor: clerk, calendar: WorkingCalendar())
        #expect(try f.store.searchDossiers("001190000", limit: 10).map(\.code) == [d.code])
        #expect(try f.store.searchDossiers("0912345678", limit: 10).map(\.code) == [d.code])
        #expect(try f.store.searchDossiers("009900000", limit: 10).isEmpty)
        // As people write numbers: spaces, dots, +84.
        #expect(try f.store.searchDossiers("0912 345 678", limit: 10).map(\.code) == [d.code])
        #expect(try f.store.searchDossiers("+84 912.345.678", limit: 10).map(\.code) == [d.code])
        #expect(try f.store.searchApplicants("0912 345 678", limit: 10).map(\.name) == ["Võ Văn Cường"])
    }

    @Test func aCCCDGivenOnTodaysTicketIsCheckedAtReceipt() throws {
        _ = try f.store.addWalkIn(WalkInRequest(name: "Nguyễn Văn An", idNumber: "001085012345"), now: at("2026-12-01 08:00"), actor: clerk)
        let em = ReceiveRequest(procedureCode: "HT-XNHN", name: "Hoàng Văn Em", idNumber: "001085012345")
        do {
            _ = try f.store.receiveDossier(em, now: at("2026-12-01 08:30"), actor: clerk, calendar: WorkingCalendar())
            Issue.record("a CCCD on An's ticket was filed under Em without a question")
        } catch let q as ConfirmationNeeded {
            #expect(q.kind == .identityConflict && q.nameOnFile == "Nguyễn Văn An" && q.message.vi.contains("A001"))
        }
        #expect(try f.store.dossiers(matching: DossierQuery()).isEmpty)
        var answered = em
        answered.identity = .useRecordOnFile
        let d = try f.store.receiveDossier(answered, now: at("2026-12-01 08:31"), actor: clerk, calendar: WorkingCalendar())
        #expect(d.applicantName == "Nguyễn Văn An")
        // An's own dossier from his ticket asks nothing.
        _ = try f.store.callNext(counter: 1, now: at("2026-12-01 08:40"), actor: clerk)
        let own = try f.store.receiveDossier(ReceiveRequest(procedureCode: "HT-KS", name: "Nguyễn Văn An", idNumber: "001085012345", ticketCode: "A001"),
                                             now: at("2026-12-01 08:41"), actor: clerk, calendar: WorkingCalendar())
        #expect(own.applicantName == "Nguyễn Văn An")
    }

    @Test func aReadyResultNotYetCollectedIsNotOverdue() throws {
        let d = try readyDossier()                       // due 25/11/2026, ready 24/11
        let later = date("2026-12-02")
        #expect(try f.store.dossiers(matching: .overdue(on: later)).isEmpty)
        let stored = try #require(try f.store.dossier(code: d.code))
        #expect(!stored.isOverdue(today: later) && stored.timeliness(today: later, calendar: WorkingCalendar()) == .closed)
        // Still being resolved, it would be.
        let open = try f.store.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Lê Thị Năm"),
                                              now: at("2026-11-20 10:00"), actor: clerk, calendar: WorkingCalendar())
        #expect(try f.store.dossiers(matching: .overdue(on: later)).map(\.code) == [open.code])
    }

    @Test func aCancelledTicketStopsWaitingAndAReadyDossierSaysSo() throws {
        _ = try f.store.addWalkIn(WalkInRequest(name: "Bùi Văn Bảy"), now: at("2026-12-01 08:00"), actor: clerk)
        _ = try f.store.undoLast(now: at("2026-12-01 08:05"), actor: clerk)
        let t = try #require(try f.store.ticket(code: "A001", day: date("2026-12-01")))
        #expect(t.status == .cancelled && t.waitedMinutes(now: at("2026-12-01 09:00")) == 5)
        let d = try readyDossier()
        do {
            _ = try f.store.markReady(d.code, now: at("2026-11-25 09:00"), actor: clerk)
            Issue.record("ready twice")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("đã ở trạng thái 'Có kết quả'"))
        }
    }
}
