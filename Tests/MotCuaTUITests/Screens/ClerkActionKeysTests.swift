import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// The clerk actions added by "One rule, one place", by their keys: bring back a no-show,
/// correct a walk-in's name, supplement with a list, resume, withdraw (confirm defaults to Không).
@Suite("Desk: the clerk actions by their keys")
struct ClerkActionKeysTests {
    @Test("b brings this counter's latest no-show back into its old place")
    func bringBack() throws {
        let f = try ScreenFixture()
        _ = try f.db.addWalkIn(WalkInRequest(name: "Đỗ Văn Hai"), now: ScreenFixture.at(25, 8, 50), actor: f.clerk)
        f.app.refresh()
        try f.keys("F5 F8")                      // A001 called, then no-show (asks; Enter = Có)
        try f.keys("Enter")
        #expect(try f.db.ticket(code: "A001", day: ScreenFixture.day(25))?.status == .noShow)
        try f.keys("b")
        #expect(f.top is PromptScreen)
        #expect(f.screenText.contains("A001"), "\(f.screenText)")   // offered
        try f.keys("Enter")
        let back = try #require(try f.db.ticket(code: "A001", day: ScreenFixture.day(25)))
        #expect(back.status == .waiting && back.counter == nil)
        #expect(f.message.contains("chờ lại đúng chỗ cũ"))
        // It is called again before A002, who came later.
        try f.keys("F5")
        #expect(f.message.contains("Mời số A001"), "\(f.message)")
    }

    @Test("e corrects the name of the ticket being served; the old name is in the event")
    func correctName() throws {
        let f = try ScreenFixture()
        try f.keys("F5")                         // A001 (the fixture's walk-in) called here
        try f.keys("e")
        try f.keys("Enter")                      // the offered ticket: A001
        #expect(f.screenText.contains("Họ và tên đúng"))
        try f.keys("C-u")
        f.type("nguyeenx hoongf suw")
        try f.keys("Enter")
        let t = try #require(try f.db.ticket(code: "A001", day: ScreenFixture.day(25)))
        #expect(t.applicantName == "Nguyễn Hồng Sư", "\(t.applicantName)")
        let event = try #require(try f.db.events(entity: "ticket", key: "\(ScreenFixture.day(25).iso)/A001").last)
        #expect(event.action == "correct")
        #expect(EventData.parse(event.data).before?["name"] == "Nguyễn Hồng Sự")
    }

    @Test("F7 takes a list of missing documents, M-r resumes, M-w asks a reason and defaults to Không")
    func supplementResumeWithdraw() throws {
        let f = try ScreenFixture()
        try f.openList(selecting: f.bảy)
        try f.keys("F7")
        f.type("Tờ khai; Bản sao CCCD")
        try f.keys("Enter")
        #expect(try f.db.dossier(code: f.bảy)?.missingItems == ["Tờ khai", "Bản sao CCCD"])
        try f.keys("M-r")
        #expect(try f.status(f.bảy) == .processing)
        #expect(f.message.contains("tiếp tục giải quyết"))
        try f.keys("M-w")
        try f.keys("Enter")                      // empty reason: refused
        #expect(f.top is PromptScreen)
        f.type("Nguoi nop xin rut")
        try f.keys("Enter")
        #expect(f.screenText.contains("Không thể hoàn tác"))
        try f.keys("Enter")                      // default Không
        #expect(try f.status(f.bảy) == .processing)
        try f.keys("M-w")
        f.type("Nguoi nop xin rut")
        try f.keys("Enter")
        f.type("c")
        #expect(try f.status(f.bảy) == .withdrawn)
        #expect(try f.db.dossier(code: f.bảy)?.reason?.isEmpty == false)
        // A withdrawal cannot be undone, and C-z says why.
        try f.keys("C-z")
        #expect(f.message.contains("không thể hoàn tác"), "\(f.message)")
        #expect(try f.status(f.bảy) == .withdrawn)
    }

    @Test("F6 to someone other than the applicant asks their CCCD and records it; M-h on a desk-only procedure is refused at once")
    func returnToSomeoneElse() throws {
        let f = try ScreenFixture()
        try f.openList(selecting: f.hưng)        // ready, procedure returns at the desk only
        try f.keys("M-h")
        #expect(!(f.top is PromptScreen), "asked for a name before refusing")
        #expect(f.message.contains("chỉ trả kết quả"), "\(f.message)")
        try f.keys("F6 C-u")
        f.type("Lee Thij Nawm")
        try f.keys("Enter")
        #expect(f.screenText.contains("Số CCCD của người nhận"), "\(f.screenText)")
        try f.keys("Enter")                       // empty: refused, the prompt stays
        #expect(f.top is PromptScreen)
        f.type("001303012345")
        try f.keys("Enter")
        let d = try #require(try f.db.dossier(code: f.hưng))
        #expect(d.status == .returned && d.resultReceiver == "Lê Thị Năm" && d.resultReceiverId == "001303012345")
    }

    @Test("a refused value reopens the prompt with what was typed and the reason")
    func refusalKeepsTheTyping() throws {
        let f = try ScreenFixture()
        try f.keys("b C-u")
        f.type("A009")
        try f.keys("Enter")
        let prompt = try #require(f.top as? PromptScreen)
        #expect(prompt.text == "A009")
        #expect(prompt.error?.contains("A009") == true, "\(prompt.error ?? "")")
        try f.keys("Esc")
        try f.openList(selecting: f.hưng)
        try f.keys("F6 C-u")
        f.type("Lee Thij Nawm")
        try f.keys("Enter")
        f.type("123")                             // not a CCCD
        try f.keys("Enter")
        let again = try #require(f.top as? PromptScreen)
        #expect(again.text == "123" && again.error?.contains("CCCD") == true, "\(again.error ?? "")")
        #expect(try f.status(f.hưng) == .ready)
    }

    @Test("Down highlights a waiting row; e then offers that ticket")
    func queueSelection() throws {
        let f = try ScreenFixture()
        _ = try f.db.addWalkIn(WalkInRequest(name: "Đỗ Văn Hai"), now: ScreenFixture.at(25, 8, 50), actor: f.clerk)
        _ = try f.db.addWalkIn(WalkInRequest(name: "Võ Thị Ba"), now: ScreenFixture.at(25, 8, 55), actor: f.clerk)
        f.app.refresh()
        let queue = try #require(f.top as? QueueScreen)
        #expect(queue.selectedWaiting == nil)
        try f.keys("Down Down")
        #expect(queue.selectedWaiting == 1)
        let row = try #require(f.row(containing: "Đỗ Văn Hai"))
        #expect(f.grid[row, 2].style.attributes.contains(.reverse), "the moved-to row is highlighted")
        try f.keys("e")
        #expect((f.top as? PromptScreen)?.text == "A002")
        try f.keys("Esc End")
        #expect(queue.selectedWaiting == 2)
    }

    @Test("text pasted with a Tab never picks a priority group by its letters")
    func pasteDoesNotPickPriority() throws {
        let f = try ScreenFixture()
        try f.keys("F2")
        f.type("Le")
        try f.keys("Tab")
        f.type("nVan Dung")                       // the rest of the paste lands on the priority field
        try f.keys("Enter")
        let all = try f.db.tickets(day: ScreenFixture.day(25))
        let issued = all.filter { $0.applicantName == "Le" }
        #expect(issued.count == 1 && issued.first?.priorityCode == nil && issued.first?.series == .ordinary,
                "\(all.map { "\($0.code) \($0.applicantName) \($0.priorityCode ?? "-")" }) \(f.screenText)")
    }

    @Test("after C-z brings back the dossier just posted, the highlight returns to it")
    func reselectAfterUndo() throws {
        let f = try ScreenFixture()
        let list = try f.openList(selecting: f.hưng)
        try f.keys("M-p")
        f.type("EC136431858VN")
        try f.keys("Enter Enter")
        #expect(try f.status(f.hưng) == .posted)
        #expect(list.selectedDossier?.code != f.hưng)
        try f.keys("C-z")
        #expect(try f.status(f.hưng) == .ready)
        #expect(list.selectedDossier?.code == f.hưng, "the next key must act on the dossier just undone")
    }
}
