import Foundation
import Testing
import MotCuaCore
import MotCuaStore

/// Dossiers through `DeskStore`, on a real SQLite file.
@Suite struct DossierStoreTests {
    let fx: StoreFixture
    init() throws { fx = try StoreFixture() }
    var db: any DeskStore { fx.store }

    @Test func catalogHasTheTestProcedures() throws {
        let xnhn = try #require(try db.procedure(code: P.xnhn))
        #expect(xnhn.processingDays == 3 && xnhn.deliveries.contains(.post))
        #expect(try db.procedure(code: P.ks)?.processingDays == 0)
        #expect(try db.procedure(code: P.tcht)?.deliveries.contains(.home) == true)
    }

    @Test func receiveGivesCodeDueDateAndHistory() throws {
        var profile = try db.profile(); profile.deskCode = "XTP"
        try db.saveProfile(profile, now: at("2026-11-25 07:00"), actor: clerk1)
        let d = try db.receiveDossier(ReceiveRequest(procedureCode: P.xnhn.lowercased(), name: "Nguyễn Hồng Sự", idNumber: "001203012345"),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: testCalendar)
        #expect(d.code == "XTP-261125-001")
        // Wed 25/11/2026 + 3 working days = Mon 30/11/2026.
        #expect(d.dueDate == date("2026-11-30"))
        // A second one for the same person and procedure the same day needs the clerk's yes.
        let again = try db.receive("Nguyễn Hồng Sự", idNumber: "001203012345", allowDuplicate: true, at: "2026-11-25 09:30")
        #expect(again.code == "XTP-261125-002")
        #expect(again.applicantId == d.applicantId)
        #expect(try db.searchApplicants("ng hong su", limit: 50).map(\.name) == ["Nguyễn Hồng Sự"])
        #expect(try db.searchApplicants("%", limit: 50).isEmpty)
        #expect(try db.searchApplicants("0012030", limit: 50).map(\.name) == ["Nguyễn Hồng Sự"])
        let events = try db.events(entity: "dossier", key: d.code)
        #expect(events.map(\.action) == ["receive"])
        let data = EventData.parse(try #require(events.first).data)
        #expect(data.procedure == P.xnhn && data.applicant == "Nguyễn Hồng Sự" && data.dueDate == "2026-11-30" && data.to == "received")
    }

    @Test func statusMachineRefusesReturnBeforeReady() throws {
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        do {
            _ = try db.returnResult(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-25 10:00"), actor: clerk1)
            Issue.record("returned before ready")
        } catch let e as RuleViolation {
            #expect(e.message.vi.contains("Đã tiếp nhận") && e.message.vi.contains("Đã trả tại quầy"))
        }
        _ = try db.actOnDossier(DossierActionRequest(code: d.code, kind: .process), now: at("2026-11-25 10:00"), actor: clerk1)
        let ready = try db.markReady(d.code, now: at("2026-11-26 10:00"), actor: clerk1)
        #expect(ready.dossier.status == .ready && ready.dossier.readyAt == at("2026-11-26 10:00"))
        let done = try db.returnResult(d.code, receivedBy: "trần văn bảy", now: at("2026-11-26 11:00"), actor: clerk1).dossier
        #expect(done.status == .returned && done.closedAt == at("2026-11-26 11:00"))
        #expect(done.resultReceiver == "Trần Văn Bảy" && done.resultReceiverId == nil)
        #expect(try db.actions("dossier", d.code) == ["receive", "process", "ready", "return"])
    }

    @Test func overdueListsOnlyOpenDossiersPastTheirDate() throws {
        let a = try db.receive("Một", at: "2026-11-02 09:00")
        let b = try db.receive("Hai", at: "2026-11-02 09:05")
        try db.receive("Ba", at: "2026-11-25 09:00")
        _ = try db.markReady(b.code, now: at("2026-11-03 09:00"), actor: clerk1)
        _ = try db.returnResult(b.code, receivedBy: "Hai", now: at("2026-11-03 10:00"), actor: clerk1)
        let today = date("2026-11-25")
        #expect(try db.dossiers(matching: .overdue(on: today)).map(\.code) == [a.code])
        // The store and the model agree on what overdue means.
        #expect(try db.allDossiers().filter { $0.isOverdue(today: today) }.map(\.code) == [a.code])
    }

    @Test func deliveryByPostNeedsAnAddress() throws {
        do {
            try db.receive("Bốn", delivery: "post", at: "2026-11-25 09:00")
            Issue.record("post without address accepted")
        } catch let e as FieldError {
            #expect(e.field == "delivery_address")
        }
        let d = try db.receive("Bốn", delivery: "post", address: "Ấp 3, xã Tân Phú", at: "2026-11-25 09:00")
        #expect(d.deliveryAddress == "Ấp 3, xã Tân Phú")
        // An address typed for post, then the desk chosen: the address is not kept.
        let atDesk = try db.receiveDossier(ReceiveRequest(procedureCode: P.xnhn, name: "Năm", delivery: "desk", deliveryAddress: "Ấp 4"),
                                           now: at("2026-11-25 09:05"), actor: clerk1, calendar: testCalendar)
        #expect(atDesk.deliveryAddress == nil)
    }

    @Test func aTicketHolderSubmitsInPerson() throws {
        try db.walkIn("Sáu", at: "2026-11-25 08:00")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:01"), actor: clerk1)
        do {
            _ = try db.receiveDossier(ReceiveRequest(procedureCode: P.xnhn, name: "Sáu", ticketCode: "A001", channel: "post"),
                                      now: at("2026-11-25 09:00"), actor: clerk1, calendar: testCalendar)
            Issue.record("a ticket holder's dossier was taken as posted")
        } catch let e as FieldError {
            #expect(e.field == "channel")
        }
    }

    // MARK: - The same person, by CCCD

    /// Register Hòa with her CCCD, call her, receive her dossier: the applicant on file.
    func hoaOnFile() throws -> Dossier {
        try db.walkIn("Nguyễn Thị Hòa", idNumber: "001203004567", at: "2026-11-25 08:00")
        _ = try db.callNext(counter: 1, now: at("2026-11-25 08:05"), actor: clerk1)
        return try db.receive("Nguyễn Thị Hòa", idNumber: "001203004567", ticket: "A001", at: "2026-11-25 08:10")
    }

    /// Issue: a CCCD typed under another name silently renamed the citizen on file.
    @Test func aCCCDUnderAnotherNameAsksAndWritesNothing() throws {
        let hoa = try hoaOnFile()
        let mark = try db.changeMark()
        do {
            try db.receive("Cao Văn Lợi", procedure: P.ks, idNumber: "001203004567", at: "2026-11-25 09:00", actor: clerk2)
            Issue.record("the citizen on file was taken over by another name")
        } catch let e as ConfirmationNeeded {
            #expect(e.kind == .identityConflict)
            #expect(e.nameOnFile == "Nguyễn Thị Hòa")
            #expect(e.message.vi.contains("Nguyễn Thị Hòa") && e.message.vi.contains("Cao Văn Lợi"))
        }
        #expect(try db.changeMark() == mark)
        #expect(try db.applicant(idNumber: "001203004567")?.name == "Nguyễn Thị Hòa")
        #expect(try db.allDossiers().map(\.code) == [hoa.code])
        // The same name in another tone style is the same person, not a conflict.
        let again = try db.receive("Nguyễn Thị Hoà", procedure: P.ks, idNumber: "001203004567", at: "2026-11-25 09:05", actor: clerk2)
        #expect(again.applicantId == hoa.applicantId)
    }

    @Test func usingTheRecordOnFileKeepsTheNameOnFile() throws {
        let hoa = try hoaOnFile()
        let d = try db.receive("Cao Văn Lợi", procedure: P.ks, idNumber: "001203004567", identity: .useRecordOnFile,
                               at: "2026-11-25 09:00", actor: clerk2)
        #expect(d.applicantName == "Nguyễn Thị Hòa" && d.applicantId == hoa.applicantId)
        #expect(try db.applicant(idNumber: "001203004567")?.name == "Nguyễn Thị Hòa")
        let id = try #require(hoa.applicantId)
        #expect(try db.events(entity: "applicant", key: String(id)).isEmpty)
    }

    @Test func correctingTheRecordRenamesWithTheOldNameInTheLog() throws {
        let hoa = try hoaOnFile()
        let id = try #require(hoa.applicantId)
        let d = try db.receive("Cao Văn Lợi", procedure: P.ks, idNumber: "001203004567", identity: .correctRecord,
                               at: "2026-11-25 09:00", actor: clerk2)
        #expect(d.applicantName == "Cao Văn Lợi" && d.applicantId == id)
        #expect(try db.applicant(id: id)?.name == "Cao Văn Lợi")
        // Hòa's dossier keeps the name it was received under.
        #expect(try db.requireDossier(hoa.code).applicantName == "Nguyễn Thị Hòa")
        let events = try db.events(entity: "applicant", key: String(id))
        #expect(events.map(\.action) == ["correct"])
        let data = EventData.parse(try #require(events.first).data)
        #expect(data.before?["name"] == "Nguyễn Thị Hòa" && data.after?["name"] == "Cao Văn Lợi")
        #expect(try db.searchApplicants("cao van loi", limit: 10).map(\.id) == [id])
        #expect(try db.searchApplicants("nguyen thi hoa", limit: 10).isEmpty)
    }

    /// Issue: a double key press made two dossiers for one person and one procedure.
    @Test func aSecondDossierTheSameDayNeedsConfirmation() throws {
        try db.receive("Trần Thị Bình", idNumber: "001203012345", at: "2026-11-25 09:00")
        try db.receive("Lê Văn Cụ", at: "2026-11-25 09:01")
        let mark = try db.changeMark()
        do {
            try db.receive("Trần Thị Bình", idNumber: "001203012345", at: "2026-11-25 09:02")
            Issue.record("a second dossier was received without asking")
        } catch let e as ConfirmationNeeded {
            #expect(e.kind == .duplicateDossier)
        }
        // Without a CCCD, the same folded name is the same person.
        do {
            try db.receive("le van cu", at: "2026-11-25 09:03")
            Issue.record("a second dossier (no CCCD) was received without asking")
        } catch let e as ConfirmationNeeded {
            #expect(e.kind == .duplicateDossier)
        }
        #expect(try db.changeMark() == mark)
        #expect(try db.allDossiers().count == 2)
        try db.receive("Trần Thị Bình", idNumber: "001203012345", allowDuplicate: true, at: "2026-11-25 09:04")
        // Another procedure, or the next day, is not a duplicate.
        try db.receive("Trần Thị Bình", procedure: P.ks, idNumber: "001203012345", at: "2026-11-25 09:05")
        try db.receive("Trần Thị Bình", idNumber: "001203012345", at: "2026-11-26 09:00")
        #expect(try db.allDossiers().count == 5)
    }

    // MARK: - Steps after receiving

    @Test func rejectNeedsAReason() throws {
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        for reason in [nil, "   "] as [String?] {
            do {
                _ = try db.actOnDossier(DossierActionRequest(code: d.code, kind: .reject, reason: reason), now: at("2026-11-25 10:00"), actor: clerk1)
                Issue.record("rejected without a reason")
            } catch let e as FieldError {
                #expect(e.field == "reason")
            }
        }
        #expect(try db.requireDossier(d.code).status == .received)
        let rejected = try db.reject(d.code, reason: "Thiếu tờ khai", now: at("2026-11-25 10:01"), actor: clerk1).dossier
        #expect(rejected.status == .rejected && rejected.reason == "Thiếu tờ khai" && rejected.closedAt != nil)
        let data = EventData.parse(try #require(try db.events(entity: "dossier", key: d.code).last).data)
        #expect(data.reason == "Thiếu tờ khai" && data.from == "received" && data.to == "rejected")
    }

    @Test func trackingNumberIsNormalisedAndABadCheckDigitWarns() throws {
        let a = try db.receive("Một", at: "2026-11-25 09:00")
        let b = try db.receive("Hai", at: "2026-11-25 09:01")
        _ = try db.markReady(a.code, now: at("2026-11-26 09:00"), actor: clerk1)
        _ = try db.markReady(b.code, now: at("2026-11-26 09:00"), actor: clerk1)
        // Posting needs an address (a desk dossier has none on file).
        #expect(throws: FieldError.self) { _ = try db.post(a.code, trackingNumber: "EC136431858VN", now: at("2026-11-26 10:00"), actor: clerk1) }
        let good = try db.post(a.code, trackingNumber: "ec 136 431 858 vn", address: "Ấp 3, xã Tân Phú", now: at("2026-11-26 10:00"), actor: clerk1)
        #expect(good.warnings.isEmpty)
        #expect(good.dossier.trackingNumber == "EC136431858VN")
        #expect(try db.requireDossier(a.code).trackingNumber == "EC136431858VN")
        let data = EventData.parse(try #require(try db.events(entity: "dossier", key: a.code).last).data)
        #expect(data.trackingNumber == "EC136431858VN" && data.address == "Ấp 3, xã Tân Phú")

        // A wrong check digit is asked about first: nothing is written without the answer.
        #expect(throws: ConfirmationNeeded.self) {
            _ = try db.post(b.code, trackingNumber: "EC136431859VN", address: "Ấp 4", now: at("2026-11-26 10:05"), actor: clerk1)
        }
        #expect(try db.requireDossier(b.code).status == .ready)
        var confirmed = DossierActionRequest(code: b.code, kind: .post, address: "Ấp 4", trackingNumber: "EC136431859VN")
        confirmed.acceptsCheckDigitWarning = true
        let bad = try db.actOnDossier(confirmed, now: at("2026-11-26 10:05"), actor: clerk1)
        #expect(bad.warnings.count == 1)
        #expect(bad.warnings.first?.vi.contains("phải là 8") == true, "\(bad.warnings)")
        #expect(try db.requireDossier(b.code).status == .posted)
        #expect(try db.requireDossier(b.code).trackingNumber == "EC136431859VN")
    }

    @Test func aReturnToSomeoneElseNeedsTheirCCCD() throws {
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-26 09:00"), actor: clerk1)
        do {
            _ = try db.returnResult(d.code, receivedBy: "Trần Thị Tám", now: at("2026-11-26 10:00"), actor: clerk1)
            Issue.record("returned to someone else without their CCCD")
        } catch let e as FieldError {
            #expect(e.field == "receiver_id_number")
        }
        #expect(try db.requireDossier(d.code).status == .ready)
        let done = try db.returnResult(d.code, receivedBy: "Trần Thị Tám", idNumber: "001303012345", now: at("2026-11-26 10:05"), actor: clerk1).dossier
        #expect(done.resultReceiver == "Trần Thị Tám" && done.resultReceiverId == "001303012345")
        let stored = try db.requireDossier(d.code)
        #expect(stored.resultReceiver == "Trần Thị Tám" && stored.resultReceiverId == "001303012345")
        let event = try #require(try db.events(entity: "dossier", key: d.code).last)
        let data = EventData.parse(event.data)
        #expect(data.receiverName == "Trần Thị Tám" && data.receiverIdNumber == "001303012345")
        // Typed data, not a sentence in a UI language.
        #expect(!event.data.contains("Người nhận") && !event.data.contains("Received by"))
    }

    @Test func deliveredHomeRecordsWhoTookIt() throws {
        let d = try db.receive("Trần Văn Bảy", procedure: P.tcht, delivery: "home", address: "Ấp 2", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-30 09:00"), actor: clerk1)
        #expect(throws: FieldError.self) { _ = try db.deliverHome(d.code, receivedBy: "  ", now: at("2026-11-30 15:00"), actor: clerk1) }
        let home = try db.deliverHome(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-30 15:00"), actor: clerk1).dossier
        #expect(home.status == .deliveredHome && home.resultReceiver == "Trần Văn Bảy")
        #expect(EventData.parse(try #require(try db.events(entity: "dossier", key: d.code).last).data).receiverName == "Trần Văn Bảy")
    }

    /// A result leaves only by a way the procedure allows: kết hôn (desk only) is not posted.
    @Test func aResultLeavesOnlyByAWayTheProcedureAllows() throws {
        let desk = try #require(try db.procedure(code: "HT-KH"))
        #expect(desk.deliveries == [.desk])
        let d = try db.receive("Trần Văn Bảy", procedure: "HT-KH", at: "2026-11-25 09:00")
        _ = try db.markReady(d.code, now: at("2026-11-25 10:00"), actor: clerk1)
        let mark = try db.changeMark()
        do {
            _ = try db.post(d.code, trackingNumber: "EC136431858VN", address: "Ấp 3", now: at("2026-11-25 11:00"), actor: clerk1)
            Issue.record("a desk-only result was posted")
        } catch let e as RuleViolation {
            #expect(e.code == "dossier_delivery" && e.message.vi.contains("HT-KH") && e.message.vi.contains("Tại quầy"), "\(e.message.vi)")
        }
        #expect(throws: RuleViolation.self) { _ = try db.deliverHome(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-25 11:00"), actor: clerk1) }
        #expect(try db.changeMark() == mark)
        #expect(try db.returnResult(d.code, receivedBy: "Trần Văn Bảy", now: at("2026-11-25 11:00"), actor: clerk1).dossier.status == .returned)
        // A procedure that allows post can post a result received for the desk.
        let x = try db.receive("Lê Văn Cụ", at: "2026-11-25 09:00")
        _ = try db.markReady(x.code, now: at("2026-11-26 10:00"), actor: clerk1)
        #expect(try db.post(x.code, trackingNumber: "EC136431858VN", address: "Ấp 3", now: at("2026-11-26 11:00"), actor: clerk1).dossier.status == .posted)
    }

    @Test func aSupplementRecordsWhatIsMissingAndResumes() throws {
        let d = try db.receive("Trần Văn Bảy", at: "2026-11-25 09:00")
        #expect(throws: FieldError.self) { _ = try db.requestSupplement(d.code, missing: ["", " "], now: at("2026-11-25 10:00"), actor: clerk1) }
        let s = try db.requestSupplement(d.code, missing: ["Tờ khai", "Bản sao CCCD"], now: at("2026-11-25 10:00"), actor: clerk1).dossier
        #expect(s.status == .needsSupplement && s.missingItems == ["Tờ khai", "Bản sao CCCD"])
        #expect(try db.requireDossier(d.code).missingItems == ["Tờ khai", "Bản sao CCCD"])
        let r = try db.resume(d.code, now: at("2026-11-26 10:00"), actor: clerk1).dossier
        #expect(r.status == .processing && r.missingItems.isEmpty)
        #expect(try db.actions("dossier", d.code) == ["receive", "supplement", "resume"])
    }

    /// Issue: a catalog row whose effective dates had passed still took dossiers.
    @Test func aProcedureNotInForceIsRefused() throws {
        var old = try #require(try db.procedure(code: P.xnhn))
        old.code = "HT-XNHN-CU"
        old.effectiveFrom = date("2020-01-01")
        old.effectiveTo = date("2026-06-30")
        var later = old
        later.code = "HT-XNHN-MOI"
        later.effectiveFrom = date("2027-03-01")
        later.effectiveTo = nil
        _ = try db.importProcedures([old, later], source: "test.csv", now: at("2026-11-25 07:00"), actor: clerk1)
        let mark = try db.changeMark()
        for code in ["HT-XNHN-CU", "HT-XNHN-MOI"] {
            do {
                try db.receive("Trần Văn Bảy", procedure: code, at: "2026-11-25 09:00")
                Issue.record("\(code) took a dossier while not in force")
            } catch let e as FieldError {
                #expect(e.field == "procedure" && e.problem.vi.contains("hiệu lực"), "\(e.problem.vi)")
            }
            #expect(throws: FieldError.self) {
                _ = try db.addWalkIn(WalkInRequest(name: "Trần Văn Bảy", procedureCode: code), now: at("2026-11-25 09:00"), actor: clerk1)
            }
        }
        #expect(try db.changeMark() == mark)
        // In force on its own dates.
        let d = try db.receive("Trần Văn Bảy", procedure: "HT-XNHN-CU", at: "2026-06-30 09:00")
        #expect(d.procedureCode == "HT-XNHN-CU")
    }

    /// Issue: the name search was applied after the LIMIT, so a match past the first rows was lost.
    @Test func searchFiltersBeforeTheLimit() throws {
        // Received first and due last, so it is last in both orders (due date; newest first).
        let khiem = try db.receive("Đinh Ích Khiêm", procedure: P.tcht, at: "2026-11-23 08:00")
        for i in 1...50 { try db.receive("Nguyễn Văn Số \(i)", at: "2026-11-25 08:\(String(format: "%02d", i))") }
        let found = try db.dossiers(matching: DossierQuery(search: "ich khiem", limit: 10))
        #expect(found.map(\.code) == [khiem.code])
        #expect(try db.searchDossiers("ich khiem", limit: 10).map(\.code) == [khiem.code])
        #expect(try db.searchDossiers("ICH", limit: 10).map(\.code) == [khiem.code])
        // Every word narrows; the limit still holds for a broad search.
        #expect(try db.searchDossiers("ich nguyen", limit: 10).isEmpty)
        #expect(try db.dossiers(matching: DossierQuery(search: "nguyen van so", limit: 10)).count == 10)
        // A code prefix.
        #expect(try db.searchDossiers(khiem.code.lowercased(), limit: 10).map(\.code) == [khiem.code])
        #expect(try db.searchDossiers("%", limit: 10).isEmpty)
    }

    /// Each query word takes its own name word: "ng ng" is Nguyễn Ngọc, not Nguyễn Văn (the SQL
    /// narrowing lets both words prefix "nguyen"; rows it lets through must not fill the limit).
    @Test func eachSearchWordNeedsItsOwnNameWord() throws {
        for i in 1...30 { try db.receive("Nguyễn Văn Số \(i)", idNumber: String(format: "0012030100%02d", i), at: "2026-11-25 08:00") }
        let anh = try db.receive("Nguyễn Ngọc Ánh", idNumber: "001303012345", at: "2026-11-25 09:00")
        #expect(try db.dossiers(matching: DossierQuery(search: "ng ng", limit: 10)).map(\.code) == [anh.code])
        #expect(try db.searchDossiers("ng ng", limit: 5).map(\.code) == [anh.code])
        #expect(try db.searchApplicants("ng ng", limit: 10).map(\.name) == ["Nguyễn Ngọc Ánh"])
        #expect(try db.searchApplicants("ngoc nguyen", limit: 10).map(\.name) == ["Nguyễn Ngọc Ánh"])
        #expect(try db.searchApplicants("van van", limit: 10).isEmpty)
        // The limit still counts real matches.
        #expect(try db.searchApplicants("ng van", limit: 7).count == 7)
        #expect(try db.dossiers(matching: DossierQuery(search: "nguyen", limit: 31)).count == 31)
    }

    /// Issue 11: a code is found from any of its parts (`261125-002`, `002`, `mc 261125`) and
    /// the words of a name in any order, mixed with code parts.
    @Test func partialCodesAndWordsInAnyOrder() throws {
        let first = try db.receive("Phan Ích Khiêm", at: "2026-11-25 08:00")
        let second = try db.receive("Lê Thị Hồng Sự", at: "2026-11-25 08:30")
        let other = try db.receive("Trần Văn Bình", at: "2026-11-26 08:00")
        #expect(second.code == "MC-261125-002")
        #expect(try db.searchDossiers("261125-002", limit: 10).map(\.code) == [second.code])
        #expect(try db.searchDossiers("261125 002", limit: 10).map(\.code) == [second.code])
        #expect(try db.searchDossiers("261125", limit: 10).map(\.code) == [second.code, first.code])   // newest first
        #expect(try db.searchDossiers("002", limit: 10).map(\.code) == [second.code])
        #expect(try db.searchDossiers("00", limit: 10).count == 3)
        #expect(try db.searchDossiers("mc-2611", limit: 10).count == 3)
        #expect(try db.searchDossiers("khiem ich", limit: 10).map(\.code) == [first.code])
        #expect(try db.searchDossiers("su hong le", limit: 10).map(\.code) == [second.code])
        #expect(try db.searchDossiers("binh 261126", limit: 10).map(\.code) == [other.code])
        #expect(try db.searchDossiers("binh 261125", limit: 10).isEmpty)
        #expect(try db.dossiers(matching: DossierQuery(statuses: [.received], search: "ich")).map(\.code) == [first.code])
        #expect(try db.searchApplicants("khiem phan", limit: 10).map(\.name) == ["Phan Ích Khiêm"])
        // The register's `/` follows the same rule on the rows it has loaded.
        for (query, code) in [("261125-002", second.code), ("khiem ich", first.code), ("binh 261126", other.code)] {
            #expect(SearchRule.matchesDossier(query: query, code: code, foldedName: VietnameseText.fold(
                [first, second, other].first { $0.code == code }?.applicantName ?? "")))
        }
        #expect(!SearchRule.matchesDossier(query: "ng ng", code: first.code, foldedName: "nguyen van an"))
    }
}
