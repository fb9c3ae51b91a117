import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// A working desk on a fresh store: the clerk's morning through keys only, checked on the
/// screen and in the database.
final class DeskFlow {
    let db: AppDatabase
    let session: DeskSession
    let term = MemoryTerminal(rows: 24, cols: 80)
    let app: Shell

    /// The database file, removed (with its -wal and -shm) when the flow goes.
    let path = NSTemporaryDirectory() + "motcua-flow-" + UUID().uuidString + ".sqlite"

    init(at time: String = "2026-11-25 08:00") throws {
        db = try AppDatabase(path: path)
        let local = try #require(LocalDateTime(parsing: time))
        session = DeskSession(db: db, clock: FixedClock(local), counter: 1, language: .vi, actor: Actor(user: "lan", counter: 1))
        app = DeskApp.make(terminal: term, session: session)
    }

    /// Named keys separated by spaces (`F2 Tab Enter`).
    func keys(_ script: String) throws { for k in try Key.script(script) { app.handle(k) } }
    /// Typed text, one key per character, as a terminal sends it.
    func type(_ text: String) { for ch in text { app.handle(.character(ch)) } }
    var rows: [String] { app.currentGrid().dump() }
    var screen: String { rows.joined(separator: "\n") }
    var today: LocalDate { session.today }

    deinit { removeDatabaseFiles(path) }
}

/// A test's SQLite file and its WAL companions (unlinking an open file is fine on Linux and macOS).
func removeDatabaseFiles(_ path: String) {
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}

@Suite("Desk: a clerk's morning through keys")
struct DeskFlowTests {
    @Test("F2, a name typed in Telex, a priority group, Enter: the ticket number shows and is saved")
    func registerWalkIn() throws {
        let f = try DeskFlow()
        try f.keys("F2")
        #expect(f.screen.contains("Cấp số thứ tự cho người đến"))
        f.type("Nguyeenx Hoongf Suwj")
        #expect(f.rows.contains { $0.contains("Họ và tên") && $0.contains("Nguyễn Hồng Sự") })
        try f.keys("Tab Right Right Right")   // priority: → Người khuyết tật → Người cao tuổi
        try f.keys("Enter")
        #expect(f.screen.contains("B001"))
        let tickets = try f.db.tickets(day: f.today)
        #expect(tickets.map(\.applicantName) == ["Nguyễn Hồng Sự"])
        #expect(tickets.first?.priorityCode == "elderly")
        // Enter goes straight on to the next person.
        try f.keys("Enter")
        f.type("Traanf Thij Binhf")
        try f.keys("Enter")
        #expect(f.screen.contains("A001"))
        try f.keys("Esc")
        #expect(f.screen.contains("Đang chờ (2)"))
        #expect(f.rows.contains { $0.contains("Trần Thị Bình") })
    }

    @Test("a bad phone is shown beside the field and nothing is saved")
    func inlineValidation() throws {
        let f = try DeskFlow()
        try f.keys("F2")
        f.type("Le Van Tam")
        try f.keys("Tab Tab Tab")             // priority, procedure (no reason asked without a group), phone
        f.type("091234567")
        try f.keys("Enter")
        let phoneRow = try #require(f.rows.first { $0.contains("Điện thoại") })
        #expect(phoneRow.contains("091234567") && phoneRow.contains("10 số"))
        #expect(try f.db.tickets(day: f.today).isEmpty)
    }

    @Test("Esc asks only when something was typed; Esc on the question keeps the form")
    func cancelAsks() throws {
        let f = try DeskFlow()
        try f.keys("F2 Esc")
        #expect(f.screen.contains("Đang chờ (0)"))
        try f.keys("F2")
        f.type("An")
        try f.keys("Esc")
        #expect(f.screen.contains("Bỏ những gì đã nhập"))
        try f.keys("Esc")
        #expect(f.rows.contains { $0.contains("Họ và tên") && $0.contains("An") })
        try f.keys("Esc Enter")
        #expect(f.screen.contains("Đang chờ (0)"))
        #expect(try f.db.tickets(day: f.today).isEmpty)
    }

    @Test("F5 calls priority first, F4 receives a dossier from that ticket, F7 finishes it")
    func callReceiveFinish() throws {
        let f = try DeskFlow()
        _ = try f.db.addWalkIn(WalkInRequest(name: "Đỗ Văn Một"), now: f.session.now, actor: f.session.actor)
        _ = try f.db.addWalkIn(WalkInRequest(name: "Võ Thị Hai", priority: "pregnant"), now: f.session.now, actor: f.session.actor)
        f.app.refresh()
        try f.keys("F5")
        #expect(f.screen.contains("Mời số B001 — Võ Thị Hai — đến quầy 1"))
        try f.keys("F4")
        #expect(f.rows.contains { $0.contains("Số thứ tự") && $0.contains("B001 — Võ Thị Hai") })
        #expect(f.rows.contains { $0.contains("Người nộp") && $0.contains("Võ Thị Hai") })
        // Procedure by initials; the due date shows before saving.
        try f.keys("BackTab BackTab BackTab BackTab")
        #expect(f.rows.contains { $0.contains("Ngày hẹn trả") && $0.contains("chọn thủ tục") })
        try f.keys("Tab Tab Tab Tab")
        f.type("xac nhan tinh trang")
        try f.keys("Enter")
        #expect(f.rows.contains { $0.contains("Ngày hẹn trả") && $0.contains("30/11/2026") })
        try f.keys("Enter")
        let dossier = try #require(try f.db.dossiers(matching: DossierQuery()).first)
        #expect(f.screen.contains(dossier.code))
        #expect(dossier.ticketCode == "B001" && dossier.applicantName == "Võ Thị Hai")
        #expect(dossier.dueDate == LocalDate(year: 2026, month: 11, day: 30))
        try f.keys("Esc F7")
        #expect(f.screen.contains("Số B001 đã xong"))
        #expect(try f.db.ticket(code: "B001", day: f.today)?.status == .done)
    }

    @Test("F8 asks before closing a ticket as a no-show; No keeps it")
    func noShowConfirms() throws {
        let f = try DeskFlow()
        _ = try f.db.addWalkIn(WalkInRequest(name: "Đỗ Văn Một"), now: f.session.now, actor: f.session.actor)
        try f.keys("F5 F8")
        #expect(f.screen.contains("không có mặt?"))
        try f.keys("Esc")
        #expect(try f.db.ticket(code: "A001", day: f.today)?.status == .called)
        try f.keys("F8")
        f.type("c")
        #expect(try f.db.ticket(code: "A001", day: f.today)?.status == .noShow)
    }

    @Test("another counter's ticket shows after the next timeout; quiet timeouts do not reload")
    func liveUpdate() throws {
        let f = try DeskFlow()
        f.term.enqueueTimeout(3)
        f.term.enqueue(perform: {
            _ = try? f.db.addWalkIn(WalkInRequest(name: "Vũ Minh Châu"), now: f.session.now, actor: Actor(user: "hoa", counter: 2))
        })
        f.term.enqueueTimeout()
        f.term.enqueue(perform: { #expect(f.term.dump().contains { $0.contains("A001") && $0.contains("Vũ Minh Châu") }) })
        f.term.enqueue(.function(10))
        f.app.run()
        #expect(f.app.refreshCount == 3) // make, run's start, and the one change
        #expect(f.screen.contains("Đang chờ (1)"))
    }

    @Test("actions without a called ticket say what to do")
    func nothingCalled() throws {
        let f = try DeskFlow()
        try f.keys("F7")
        #expect(f.screen.contains("chưa gọi số nào"))
    }

    @Test("F9 cycles Telex → VNI → off and the header says which")
    func inputMethodCycle() throws {
        let f = try DeskFlow()
        #expect(f.rows[0].contains("[Telex]"))
        try f.keys("F9")
        #expect(f.rows[0].contains("[VNI  ]"))
        try f.keys("F2")
        f.type("Nguye6n4")
        #expect(f.rows.contains { $0.contains("Nguyễn") })
        try f.keys("F9")
        f.type(" Hoongf")
        #expect(f.rows.contains { $0.contains("Nguyễn Hoongf") })
    }

    @Test("a resize in the middle of a form keeps what was typed")
    func resizeKeepsInput() throws {
        let f = try DeskFlow()
        try f.keys("F2")
        f.type("Nguyeenx Thij Tuyeets")
        f.term.setSize(rows: 20, cols: 60)
        f.app.handle(.resize)
        #expect(f.screen.contains("Cửa sổ quá nhỏ"))
        f.term.setSize(rows: 30, cols: 100)
        f.app.handle(.resize)
        #expect(f.rows.contains { $0.contains("Nguyễn Thị Tuyết") })
        try f.keys("Enter")
        #expect(try f.db.tickets(day: f.today).first?.applicantName == "Nguyễn Thị Tuyết")
    }

    @Test("C-t sends the ticket being served to another counter")
    func transfer() throws {
        let f = try DeskFlow()
        var profile = try f.db.profile(); profile.counters = 3
        try f.db.saveProfile(profile, now: f.session.now, actor: f.session.actor)
        _ = try f.db.addWalkIn(WalkInRequest(name: "Đỗ Văn Một"), now: f.session.now, actor: f.session.actor)
        try f.keys("F5 C-t")
        #expect(f.screen.contains("Chuyển số A001 sang quầy"))
        f.type("1")
        try f.keys("Enter")
        #expect(f.screen.contains("khác quầy 1"))      // this counter: refused beside the field
        try f.keys("Backspace")
        f.type("3")
        try f.keys("Enter")
        #expect(f.screen.contains("Đã chuyển số A001 sang quầy 3"))
        let t = try f.db.ticket(code: "A001", day: f.today)
        #expect(t?.counter == 3 && t?.status == .waiting)   // waiting again, held for counter 3
        try f.keys("F7")
        #expect(f.screen.contains("chưa gọi số nào"))  // no longer this counter's ticket
    }

    @Test("help over the register scrolls and keeps keys away from the list")
    func helpOverAScreen() throws {
        let f = try DeskFlow()
        try f.keys("M-3 F1")
        #expect(f.screen.contains("Trợ giúp"))
        #expect(f.rows[23].contains("Đóng trợ giúp"))
        let first = f.rows[4]
        try f.keys("PgDn")
        #expect(f.rows[4] != first)
        try f.keys("F5")                  // not passed to the list below
        #expect(f.screen.contains("Trợ giúp"))
        try f.keys("Esc")
        #expect(f.screen.contains("Sổ theo dõi hồ sơ"))
    }

    @Test("thousands of random keys on a real store: no crash, database consistent", arguments: [7, 8])
    func fuzz(seed: UInt64) throws {
        let f = try DeskFlow()
        var rng = FuzzRandom(state: seed)
        let specials: [Key] = [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
                               .backspace, .delete, .resize, .ctrl("u"), .meta("3"), .function(2), .function(3), .function(4),
                               .function(5), .function(6), .function(7), .function(8), .function(9), .function(1)]
        let text = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz AĐ0123456789sfrxjz,.-/ễ\u{301}😀中")
        for _ in 0..<3000 {
            let r = Int(rng.next() % 100)
            if r < 45, let ch = text.randomElement(using: &rng) { f.app.handle(.character(ch)) }
            else if r < 97, let k = specials.randomElement(using: &rng) {
                if k == .resize {
                    let sizes = [(24, 80), (20, 60), (40, 120), (1, 1), (24, 80)]
                    let s = sizes[Int(rng.next() % UInt64(sizes.count))]
                    f.term.setSize(rows: s.0, cols: s.1)
                }
                f.app.handle(k)
            } else {
                f.app.handle(.function(Int(rng.next() % 15)))
            }
            _ = f.app.currentGrid()
        }
        #expect(try f.db.check().isEmpty)
    }
}

@Suite("Desk: the priority reason")
struct PriorityReasonTabTests {
    @Test("the priority reason is in the Tab order only for a group that needs one")
    func reasonOnlyWhenNeeded() throws {
        let f = try DeskFlow()
        try f.keys("F2")
        f.type("Le Van Tam")
        try f.keys("Tab Tab")
        #expect((f.app.screens.last as? FormScreen)?.form.focusedID == "procedure")
        try f.keys("BackTab Left")                // back to the priority; ← wraps to the last group, "Ưu tiên khác"
        try f.keys("Tab")
        #expect((f.app.screens.last as? FormScreen)?.form.focusedID == "priority_reason")
    }
}

typealias FuzzRandom = SeededRandom
