import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// The desk asks which clerk is at the counter when the profile lists them; the audit log and
/// the header then carry that name, not the PC's account.
@Suite("Desk: who is at the counter")
struct ClerkChoiceTests {
    func desk(clerks: [String], ask: Bool = true) throws -> (DeskFlow, Shell) {
        let f = try DeskFlow()
        var profile = try f.db.profile()
        profile.clerks = clerks
        try f.db.saveProfile(profile, now: f.session.now, actor: f.session.actor)
        return (f, DeskApp.make(terminal: f.term, session: f.session, askClerk: ask))
    }

    @Test("the list is asked first; 2 picks the second clerk, who is recorded and shown")
    func pickByDigit() throws {
        let (f, app) = try desk(clerks: ["Nguyễn Thị Lan", "Trần Văn Hùng"])
        #expect(app.top is ClerkChoiceScreen)
        #expect(app.currentGrid().dump().joined(separator: "\n").contains("Ai làm việc tại quầy 1?"))
        app.handle(.character("2"))
        #expect(app.top is QueueScreen)
        #expect(f.session.actor.user == "Trần Văn Hùng")
        #expect(app.currentGrid().dump()[0].contains("Trần Văn Hùng"))
        for k in try Key.script("F2") { app.handle(k) }
        for ch in "Le Thi Cuc" { app.handle(.character(ch)) }
        app.handle(.enter)
        let event = try #require(try f.db.events(entity: "ticket", key: "\(f.today.iso)/A001").first)
        #expect(event.actor.user == "Trần Văn Hùng")
    }

    @Test("Esc keeps the computer's account and says so; no list, no question")
    func skipAndNoList() throws {
        let (f, app) = try desk(clerks: ["Nguyễn Thị Lan"])
        app.handle(.escape)
        #expect(app.top is QueueScreen)
        #expect(f.session.actor.user == "lan")
        #expect(app.message?.contains("tài khoản máy") == true)
        let (_, plain) = try desk(clerks: [])
        #expect(plain.top is QueueScreen)
        let (_, told) = try desk(clerks: ["Nguyễn Thị Lan"], ask: false)
        #expect(told.top is QueueScreen)
    }
}
