import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// The store's questions at the desk: a CCCD on file under another name is never a silent
/// rename, and a second identical dossier the same day is asked about, both defaulting to Không.
@Suite("Desk: receiving asks before renaming a citizen or doubling a dossier")
struct ReceiveQuestionsTests {
    /// Hòa handed in a dossier yesterday with her CCCD; today Lợi takes a ticket with the same CCCD.
    func fixture() throws -> DeskFlow {
        let f = try DeskFlow()
        let yesterday = f.session.now.addingTimeInterval(-86_400)
        _ = try f.db.receiveDossier(ReceiveRequest(procedureCode: "HT-XNHN", name: "Nguyễn Thị Hòa", idNumber: "001203004567"),
                                    now: yesterday, actor: f.session.actor, calendar: WorkingCalendar())
        _ = try f.db.addWalkIn(WalkInRequest(name: "Cao Văn Lợi", idNumber: "001203004567"), now: f.session.now, actor: f.session.actor)
        f.app.refresh()
        try f.keys("F5 F4")
        f.type("xac nhan tinh trang")
        try f.keys("Enter")
        return f
    }

    func applicantName(_ f: DeskFlow) throws -> String? { try f.db.applicant(idNumber: "001203004567")?.name }

    @Test("Enter twice (Không, Không) saves nothing and points at the CCCD")
    func declineBoth() throws {
        let f = try fixture()
        try f.keys("Enter")
        #expect(f.screen.contains("đã có trong hồ sơ của Nguyễn Thị Hòa"), "\(f.screen)")
        try f.keys("Enter")                 // Không: not her
        #expect(f.screen.contains("Đổi tên trong hồ sơ"))
        try f.keys("Enter")                 // Không: do not rename
        #expect(f.screen.contains("Chưa lưu — hãy kiểm tra lại số CCCD"))
        #expect(try f.db.dossiers(matching: DossierQuery(receivedOn: f.today)).isEmpty)
        #expect(try applicantName(f) == "Nguyễn Thị Hòa")
    }

    @Test("Có on the first question files the dossier under the citizen on record")
    func useRecordOnFile() throws {
        let f = try fixture()
        try f.keys("Enter")
        f.type("c")
        let d = try #require(try f.db.dossiers(matching: DossierQuery(receivedOn: f.today)).first)
        #expect(d.applicantName == "Nguyễn Thị Hòa")
        #expect(try applicantName(f) == "Nguyễn Thị Hòa")
    }

    @Test("Không then Có corrects the record, keeping the old name in the audit log")
    func correctRecord() throws {
        let f = try fixture()
        try f.keys("Enter")
        f.type("k")
        f.type("c")
        let d = try #require(try f.db.dossiers(matching: DossierQuery(receivedOn: f.today)).first)
        #expect(d.applicantName == "Cao Văn Lợi")
        let applicant = try #require(try f.db.applicant(idNumber: "001203004567"))
        #expect(applicant.name == "Cao Văn Lợi")
        let event = try #require(try f.db.events(entity: "applicant", key: String(applicant.id ?? 0)).last)
        #expect(event.action == "correct")
        #expect(EventData.parse(event.data).before?["name"] == "Nguyễn Thị Hòa")
    }

    @Test("the same dossier twice today is asked about, defaulting to Không")
    func duplicateAsked() throws {
        let f = try fixture()
        try f.keys("Enter")
        f.type("c")                         // first dossier, under Hòa
        try f.keys("Enter")                 // result panel: another dossier, for the citizen on record
        #expect(f.screen.contains("Nguyễn Thị Hòa") && f.screen.contains("001203004567"), "\(f.screen)")
        f.type("xac nhan tinh trang")
        try f.keys("Enter Enter")
        #expect(f.screen.contains("đã nộp hồ sơ HT-XNHN hôm nay"), "\(f.screen)")
        try f.keys("Enter")                 // Không
        #expect(try f.db.dossiers(matching: DossierQuery(receivedOn: f.today)).count == 1)
        try f.keys("Enter")
        f.type("c")
        let both = try f.db.dossiers(matching: DossierQuery(receivedOn: f.today))
        #expect(both.count == 2 && Set(both.map(\.applicantId)).count == 1, "the second dossier goes to the same citizen")
    }
}
