import Foundation
import Testing
import MotCuaCore
@testable import MotCuaStore

@Suite struct DossierStoreTests {
    func anyProcedure(_ db: AppDatabase, days: Int) throws -> Procedure {
        try #require(try db.procedures().first { $0.processingDays == days && $0.deliveries.contains(.desk) })
    }

    @Test func receiveGivesCodeDueDateAndHistory() throws {
        let db = try AppDatabase(path: try TempDir().file("d.sqlite"))
        var profile = try db.profile(); profile.deskCode = "XTP"
        try db.saveProfile(profile, now: at("2026-11-25 07:00"), actor: clerk1)
        let p = try anyProcedure(db, days: 3)
        let d = try db.receiveDossier(ReceiveRequest(procedureCode: p.code.lowercased(), name: "Nguyễn Hồng Sự", idNumber: "001203012345"),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: WorkingCalendar())
        #expect(d.code == "XTP-261125-001")
        // Wed 25/11/2026 + 3 working days = Mon 30/11/2026.
        #expect(d.dueDate == LocalDate(year: 2026, month: 11, day: 30))
        let again = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Nguyễn Hồng Sự", idNumber: "001203012345"),
                                          now: at("2026-11-25 09:30"), actor: clerk1, calendar: WorkingCalendar())
        #expect(again.code == "XTP-261125-002")
        #expect(again.applicantId == d.applicantId)
        #expect(try db.searchApplicants("ng hong su").map(\.name) == ["Nguyễn Hồng Sự"])
        #expect(try db.searchApplicants("%").isEmpty)
        #expect(try db.searchApplicants("0012030").map(\.name) == ["Nguyễn Hồng Sự"])
        #expect(try db.events(entity: "dossier", key: d.code).map(\.action) == ["receive"])
    }

    @Test func statusMachineRefusesReturnBeforeReady() throws {
        let db = try AppDatabase(path: try TempDir().file("d.sqlite"))
        let p = try anyProcedure(db, days: 3)
        let d = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Trần Văn Bảy"), now: at("2026-11-25 09:00"),
                                      actor: clerk1, calendar: WorkingCalendar())
        do {
            _ = try db.changeDossier(code: d.code, to: .returned, now: at("2026-11-25 10:00"), actor: clerk1)
            Issue.record("returned before ready")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("Đã tiếp nhận") && e.message.vi.contains("Đã trả tại quầy"))
        }
        _ = try db.changeDossier(code: d.code, to: .processing, now: at("2026-11-25 10:00"), actor: clerk1)
        _ = try db.changeDossier(code: d.code, to: .ready, now: at("2026-11-26 10:00"), actor: clerk1)
        let done = try db.changeDossier(code: d.code, to: .returned, now: at("2026-11-26 11:00"), actor: clerk1)
        #expect(done.status == .returned && done.closedAt != nil)
        #expect(try db.events(entity: "dossier", key: d.code).map(\.action) == ["receive", "processing", "ready", "returned"])
    }

    @Test func overdueListsOnlyOpenDossiersPastTheirDate() throws {
        let db = try AppDatabase(path: try TempDir().file("d.sqlite"))
        let p = try anyProcedure(db, days: 3)
        let a = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Một"), now: at("2026-11-02 09:00"), actor: clerk1, calendar: WorkingCalendar())
        let b = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Hai"), now: at("2026-11-02 09:05"), actor: clerk1, calendar: WorkingCalendar())
        _ = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Ba"), now: at("2026-11-25 09:00"), actor: clerk1, calendar: WorkingCalendar())
        _ = try db.changeDossier(code: b.code, to: .ready, now: at("2026-11-03 09:00"), actor: clerk1)
        _ = try db.changeDossier(code: b.code, to: .returned, now: at("2026-11-03 10:00"), actor: clerk1)
        let overdue = try db.dossiers(DossierFilter(overdueOn: LocalDate(year: 2026, month: 11, day: 25)))
        #expect(overdue.map(\.code) == [a.code])
    }

    @Test func deliveryByPostNeedsAnAddress() throws {
        let db = try AppDatabase(path: try TempDir().file("d.sqlite"))
        let p = try #require(try db.procedures().first { $0.deliveries.contains(.post) })
        do {
            _ = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Bốn", delivery: "post"), now: at("2026-11-25 09:00"),
                                      actor: clerk1, calendar: WorkingCalendar())
            Issue.record("post without address accepted")
        } catch let e as FieldError {
            #expect(e.field == "delivery_address")
        }
        let d = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Bốn", address: "Ấp 3, xã Tân Phú", delivery: "post"),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: WorkingCalendar())
        #expect(d.deliveryAddress == "Ấp 3, xã Tân Phú")
        // An address typed for post, then the desk chosen: the address is not kept.
        let atDesk = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Năm", delivery: "desk", deliveryAddress: "Ấp 4"),
                                           now: at("2026-11-25 09:05"), actor: clerk1, calendar: WorkingCalendar())
        #expect(atDesk.deliveryAddress == nil)
    }

    @Test func aTicketHolderSubmitsInPerson() throws {
        let db = try AppDatabase(path: try TempDir().file("d.sqlite"))
        let p = try anyProcedure(db, days: 3)
        _ = try db.addWalkIn(WalkInRequest(name: "Sáu"), now: at("2026-11-25 08:00"), actor: clerk1)
        do {
            _ = try db.receiveDossier(ReceiveRequest(procedureCode: p.code, name: "Sáu", ticketCode: "A001", channel: "post"),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: WorkingCalendar())
            Issue.record("a ticket holder's dossier was taken as posted")
        } catch let e as FieldError {
            #expect(e.field == "channel")
        }
    }
}

/// Regression: the search once narrowed by the first word only and cut at 500 candidates, so
/// "ng van" found nobody when 500 "… Ngọc …" names sorted before "Nguyễn Văn".
@Suite struct ApplicantSearchRegressionTests {
    @Test func everyWordNarrowsBeforeTheLimit() throws {
        let db = try AppDatabase(path: try TempDir().file("s.sqlite"))
        try db.write { d in
            for i in 0..<600 { _ = try AppDatabase.upsertApplicant(Applicant(name: "Bùi Ngọc Ánh \(i)"), now: at("2026-11-25 08:00"), d) }
            _ = try AppDatabase.upsertApplicant(Applicant(name: "Nguyễn Văn An"), now: at("2026-11-25 08:00"), d)
        }
        #expect(try db.searchApplicants("ng van").map(\.name) == ["Nguyễn Văn An"])
        #expect(try db.searchApplicants("ngoc anh 59").count == 11)  // 59, 590–599
    }
}
