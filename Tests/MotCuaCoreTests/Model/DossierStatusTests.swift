import Testing
@testable import MotCuaCore

@Suite struct DossierStatusTests {
    @Test func resultLeavesOnlyWhenReady() throws {
        for out in [DossierStatus.returned, .posted, .deliveredHome] {
            #expect(throws: RuleViolation.self) { try DossierStatus.received.check(to: out, dossier: "X") }
            #expect(throws: RuleViolation.self) { try DossierStatus.processing.check(to: out, dossier: "X") }
            try DossierStatus.ready.check(to: out, dossier: "X")
        }
    }

    @Test func closedDossiersNeverMove() {
        for closed in DossierStatus.allCases where closed.isFinal {
            for next in DossierStatus.allCases {
                #expect(throws: RuleViolation.self) { try closed.check(to: next, dossier: "MC-261125-001") }
            }
        }
    }

    @Test func refusalSaysWhichAndWhy() {
        do {
            try DossierStatus.received.check(to: .posted, dossier: "MC-261125-001")
            Issue.record("expected a refusal")
        } catch let e as RuleViolation {
            #expect(e.message.vi == "Hồ sơ MC-261125-001: không thể chuyển từ 'Đã tiếp nhận' sang 'Đã gửi bưu chính': chỉ trả kết quả khi hồ sơ đã có kết quả")
            #expect(e.message.en.contains("from 'Received' to 'Sent by post'"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func supplementThenProcessingAgain() throws {
        try DossierStatus.processing.check(to: .needsSupplement, dossier: "X")
        try DossierStatus.needsSupplement.check(to: .processing, dossier: "X")
        #expect(throws: FieldError.self) { _ = try DossierStatus.parse("lost") }
        #expect(try DossierStatus.parse("delivered_home") == .deliveredHome)
    }

    @Test func dossierCodeIsPrintableAndDated() {
        #expect(Dossier.makeCode(deskCode: "XTP", day: LocalDate(year: 2026, month: 1, day: 5)!, sequence: 7) == "XTP-260105-007")
        #expect(Dossier.makeCode(deskCode: "MC", day: LocalDate(year: 2026, month: 12, day: 31)!, sequence: 1234) == "MC-261231-1234")
    }
}
