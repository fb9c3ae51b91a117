import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// The reception form's papers (thành phần hồ sơ): offered from the catalog for the procedure
/// chosen, edited by the clerk, kept with the dossier.
@Suite("Reception form: documents received")
struct ReceiveDocumentsTests {
    static let ks = "HT-KS"

    /// The F4 form for a walk-in of `procedure`, from the queue.
    func openForm(_ f: ScreenFixture, procedure: String) throws -> ReceiveDossierScreen {
        _ = try f.db.addWalkIn(WalkInRequest(name: "Vũ Thị Thu", procedureCode: procedure), now: ScreenFixture.at(25, 8, 40), actor: f.clerk)
        f.app.refresh()
        try f.keys("F5 F4")
        return try #require(f.top as? ReceiveDossierScreen)
    }

    @Test func theProceduresPapersAreOfferedAndSaved() throws {
        let f = try ScreenFixture()
        let form = try openForm(f, procedure: Self.ks)
        #expect(form.form.value(of: "documents") == "Tờ khai đăng ký khai sinh:1:0; Giấy chứng sinh:1:0")
        #expect(f.rows.contains { $0.contains("Thành phần hồ sơ") && $0.contains("Tờ khai đăng ký khai sinh") }, "\(f.rows)")
        try f.keys("F2")
        let code = try #require(try f.db.dossiers(matching: DossierQuery(search: "vu thi thu")).first?.code)
        #expect(try f.db.dossier(code: code)?.documents.map(\.name) == ["Tờ khai đăng ký khai sinh", "Giấy chứng sinh"])
    }

    @Test func theClerksOwnListIsKeptWhenTheProcedureChanges() throws {
        let f = try ScreenFixture()
        let form = try openForm(f, procedure: Self.ks)
        try f.keys("Tab C-u")
        f.type("Giấy chứng sinh:1:0; Đơn:1:0")
        #expect(form.form.value(of: "documents") == "Giấy chứng sinh:1:0; Đơn:1:0")
        // Another procedure (death registration): the clerk's own list stays.
        try f.keys("BackTab C-u")
        f.type("khai tu")
        try f.keys("Enter")
        #expect(form.form.value(of: "procedure") == "HT-KT")
        #expect(form.form.value(of: "documents") == "Giấy chứng sinh:1:0; Đơn:1:0")
    }

    @Test func anUntouchedOfferFollowsTheProcedure() throws {
        let f = try ScreenFixture()
        let form = try openForm(f, procedure: Self.ks)
        try f.keys("C-u")
        f.type("khai tu")
        try f.keys("Enter")
        #expect(form.form.value(of: "procedure") == "HT-KT")
        #expect(form.form.value(of: "documents") == "Tờ khai đăng ký khai tử:1:0; Giấy báo tử:1:0")
    }

    @Test func aBadPaperIsSaidBesideItsFieldAndNothingIsSaved() throws {
        let f = try ScreenFixture()
        let form = try openForm(f, procedure: Self.ks)
        let before = try f.db.dossiers(matching: DossierQuery(search: "vu thi thu")).count
        try f.keys("Tab C-u")
        f.type("Tờ khai:một:0")
        try f.keys("F2")
        #expect(f.top === form)
        #expect(form.form.focusedID == "documents")
        #expect(f.rows.joined().contains("không phải số bản"), "\(f.rows)")
        #expect(try f.db.dossiers(matching: DossierQuery(search: "vu thi thu")).count == before)
    }
}
