import Testing
@testable import MotCuaCore

/// Issue 7, "Citizens' identity numbers": what reception refuses or warns about.
@Suite struct IdentityAtReceptionTests {
    let today = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(julianDay: 0)

    func lookup(_ code: String) -> Procedure? { ProcedureCatalog.builtIn.procedure(code: code) }

    @Test func aCCCDBornInTheFutureIsRefusedAtReception() throws {
        // 001 Hà Nội, century digit 2 (2000s, male), year 30 → 2030.
        let walkIn = WalkInRequest(name: "Nguyễn Văn An", idNumber: "001230012345")
        do {
            _ = try walkIn.validated(policy: PriorityPolicy(), on: today, procedure: lookup)
            Issue.record("a CCCD born in 2030 was accepted")
        } catch let e as FieldError {
            #expect(e.field == "id_number" && e.problem.vi.contains("2030"))
        }
        // Century digits beyond those in use (4–9: 2100s and later).
        #expect(throws: FieldError.self) {
            _ = try ReceiveRequest(procedureCode: "HT-XNHN", name: "Lê Thị Bình", idNumber: "001403012345").validated(on: today, procedure: lookup)
        }
        // Born 2026 is fine today.
        _ = try WalkInRequest(name: "Trẻ Sơ Sinh", idNumber: "001226012345").validated(policy: PriorityPolicy(), on: today, procedure: lookup)
        // The receiver at the desk is checked the same way.
        var d = Dossier(code: "X", procedureCode: "HT-XNHN", applicantName: "Lê Văn Tám", channel: .direct,
                        receivedAt: VietnamTime.instant(LocalDateTime(date: today, hour: 8, minute: 0)), dueDate: today)
        d.status = .ready
        #expect(throws: FieldError.self) {
            _ = try DossierRules.apply(DossierActionRequest(code: "X", kind: .return, receiverName: "Lê Thị Năm", receiverIdNumber: "001230012345"),
                                       to: d, now: VietnamTime.instant(LocalDateTime(date: today, hour: 9, minute: 0)))
        }
    }

    @Test func anOldCMNDIsAcceptedWithAWarning() throws {
        let valid = try WalkInRequest(name: "Trần Văn Cũ", idNumber: "012 345 678").validated(policy: PriorityPolicy(), on: today, procedure: lookup)
        #expect(valid.idNumber == "012345678")
        let warning = try #require(CitizenID.warning(for: "012 345 678"))
        #expect(warning.vi.contains("31/12/2024") && warning.vi.contains("Luật Căn cước 2023"))
        #expect(CitizenID.warning(for: "001203004567") == nil)
        #expect(CitizenID.warning(for: "") == nil)
    }

    @Test func aMobileWithoutItsLeadingZeroSaysSo() {
        do {
            _ = try PhoneNumber.parse("843123456")
            Issue.record("accepted")
        } catch {
            #expect(error.problem.vi.contains("thiếu số 0 ở đầu") && error.problem.vi.contains("0843123456"))
            #expect(!error.problem.vi.contains("+84"))
        }
        // The country code form still works.
        #expect((try? PhoneNumber.parse("84912345678"))?.digits == "0912345678")
    }
}
