import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

@Suite("Screens: search")
struct ScreensSearchTests {
    @Test("ng hong su finds the applicant, today's ticket and the dossier, grouped")
    func findsByFoldedWords() throws {
        let f = try ScreenFixture()
        let search = SearchScreen(session: f.session)
        f.app.push(search)
        #expect(f.rows.contains { $0.contains("Gõ tên (ng hong su)") })
        f.type("ng hong su")
        #expect(search.query == "ng hong su")
        #expect(search.applicants.map(\.name) == ["Nguyễn Hồng Sự"])
        #expect(search.tickets.map(\.code) == ["A001"])
        #expect(search.dossiers.map(\.code) == [f.sự])
        let rows = f.rows
        #expect(rows[2].hasPrefix(" Tìm: ng hong su"))
        let c = try #require(f.row(containing: "Công dân (1)"))
        #expect(rows[c + 1].contains("Nguyễn Hồng Sự") && rows[c + 1].contains("CCCD 001203012345"))
        #expect(f.grid[c + 1, 3].style.isReverse) // the first result is selected
        #expect(rows.contains { $0.contains("Số thứ tự hôm nay (1)") })
        #expect(rows.contains { $0.contains("A001") && $0.contains("Đang chờ") })
        #expect(rows.contains { $0.contains("Hồ sơ (1)") })
        #expect(rows.contains { $0.contains(f.sự) && $0.contains("!19/11/26") })
    }

    @Test("typing: q types a q, Backspace removes a whole character, results follow")
    func typing() throws {
        let f = try ScreenFixture()
        let search = SearchScreen(session: f.session)
        f.app.push(search)
        f.type("Mận")
        #expect(search.dossiers.map(\.code) == [f.mận])
        try f.keys("Backspace")
        #expect(search.query == "Mậ")
        #expect(search.dossiers.map(\.code) == [f.mận])
        try f.keys("Backspace Backspace Backspace q")
        #expect(search.query == "q")
        #expect(f.top === search)
        try f.keys("Backspace")
        f.type(f.bảy)
        #expect(search.dossiers.map(\.code) == [f.bảy])
        #expect(search.applicants.isEmpty && search.tickets.isEmpty)
        #expect(f.rows.contains { $0.contains("Công dân (0)") })
    }

    @Test("Enter on an applicant lists their dossiers; on a dossier opens it; on a ticket tells it")
    func enter() throws {
        let f = try ScreenFixture()
        // A second dossier for the same person (same CCCD).
        let second = try f.db.receiveDossier(ReceiveRequest(procedureCode: f.sameDay.code, name: "Nguyễn Hồng Sự", idNumber: "001203012345"),
                                             now: ScreenFixture.at(25, 8, 40), actor: f.clerk, calendar: WorkingCalendar())
        let search = SearchScreen(session: f.session)
        f.app.push(search)
        f.type("ng hong su")
        try f.keys("Enter")
        let list = try #require(f.top as? DossierListScreen)
        #expect(Set(list.model.rows.map(\.code)) == [f.sự, second.code])
        #expect(f.rows[1].contains("Người nộp: Nguyễn Hồng Sự"))
        try f.keys("Esc")
        #expect(f.top === search)
        try f.keys("Down Enter")
        #expect(f.top === search)
        #expect(f.message.contains("Số A001 — Nguyễn Hồng Sự — Đang chờ, cấp lúc 08:45"), "\(f.message)")
        try f.keys("End Enter")
        let detail = try #require(f.top as? DossierDetailScreen)
        #expect([f.sự, second.code].contains(detail.code))
        try f.keys("Esc Esc")
        #expect(f.top is QueueScreen)
    }

    @Test("a ticket code and CCCD prefix find too; nothing found says so")
    func codes() throws {
        let f = try ScreenFixture()
        let search = SearchScreen(session: f.session)
        f.app.push(search)
        f.type("a1")
        #expect(search.tickets.map(\.code) == ["A001"])
        try f.keys("Backspace Backspace")
        f.type("0012030")
        #expect(search.applicants.map(\.name) == ["Nguyễn Hồng Sự"])
        try f.keys("Backspace Backspace Backspace Backspace Backspace Backspace Backspace")
        f.type("zzz")
        #expect(search.results.isEmpty)
        try f.keys("Enter")
        #expect(f.message == "Không tìm thấy")
    }

    @Test("F3 opens search from the queue, Esc closes it, F10 quits the program")
    func openAndClose() throws {
        let f = try ScreenFixture()
        try f.keys("F3")
        #expect(f.top is SearchScreen)
        try f.keys("Esc")
        #expect(f.top is QueueScreen)
        f.term.enqueue(.function(3), .function(10), .character("x")) // x is never read
        f.app.run()
        #expect(f.term.pendingSteps == 1)
        #expect(f.top is SearchScreen)
    }

    @Test("regression: F3 inside search does not stack another search (2,000 presses needed 2,000 Esc)")
    func f3DoesNotStack() throws {
        let f = try ScreenFixture()
        try f.keys("F3")
        f.type("ng hong")
        for _ in 0..<50 { try f.keys("F3") }
        #expect(f.app.screens.count == 1)
        #expect((f.top as? SearchScreen)?.query == "ng hong") // brought back as it was
        try f.keys("Esc")
        #expect(f.top is QueueScreen)
    }

    @Test("2000 random keys never crash the search screen")
    func fuzz() throws {
        let f = try ScreenFixture()
        var rng = SeededGenerator(seed: 99)
        let typing: [Key] = ["n", "g", " ", "h", "o", "s", "u", "a", "1", "M", "C", "-"].map { Key.character($0) } + [.backspace, .backspace]
        for _ in 0..<2000 {
            if f.top is QueueScreen { f.app.push(SearchScreen(session: f.session)) }
            let pool = rng.next() % 2 == 0 ? typing : fuzzKeys
            f.app.handle(pool[Int(rng.next() % UInt64(pool.count))])
            #expect(f.app.currentGrid().rows == 24)
        }
    }
}

@Suite("Screens: store queries for search")
struct ScreensSearchQueryTests {
    @Test("dossiers(matching:) combines statuses, dates, applicant and procedures")
    func query() throws {
        let f = try ScreenFixture()
        let open = DossierQuery.openStatuses
        #expect(Set(try f.db.dossiers(matching: DossierQuery(statuses: open, dueBefore: ScreenFixture.day(25))).map(\.code)) == [f.sự, f.hưng])
        #expect(try f.db.dossiers(matching: DossierQuery(receivedOn: ScreenFixture.day(25))).map(\.code) == [f.bảy])
        #expect(try f.db.dossiers(matching: DossierQuery(statuses: [])).isEmpty)
        #expect(try f.db.dossiers(matching: DossierQuery(procedureCodes: [])).isEmpty)
        #expect(try f.db.dossiers(matching: DossierQuery(procedureCodes: [f.sameDay.code])).map(\.code) == [f.hưng])
        let sựId = try #require(try f.db.dossier(code: f.sự)?.applicantId)
        #expect(try f.db.dossiers(matching: DossierQuery(applicantId: sựId)).map(\.code) == [f.sự])
        #expect(try f.db.dossiers(matching: DossierQuery(limit: 2)).count == 2)
    }

    @Test("searchDossiers: code prefix, folded words; LIKE wildcards are literal")
    func searchDossiers() throws {
        let f = try ScreenFixture()
        #expect(try f.db.searchDossiers("ng hong su").map(\.code) == [f.sự])
        #expect(try f.db.searchDossiers("TRAN bay").map(\.code) == [f.bảy])
        #expect(try f.db.searchDossiers(f.mận.lowercased()).map(\.code) == [f.mận])
        #expect(try f.db.searchDossiers("MC-").count == 4)
        #expect(try f.db.searchDossiers("%").isEmpty)
        #expect(try f.db.searchDossiers("_").isEmpty)
        #expect(try f.db.searchDossiers("  ").isEmpty)
    }

    @Test("searchTickets: code with or without zeros, name words, only that day")
    func searchTickets() throws {
        let f = try ScreenFixture()
        let today = ScreenFixture.day(25)
        #expect(try f.db.searchTickets("A001", day: today).count == 1)
        #expect(try f.db.searchTickets("a1", day: today).count == 1)
        #expect(try f.db.searchTickets("A0", day: today).count == 1)
        #expect(try f.db.searchTickets("A00", day: today).count == 1)
        #expect(try f.db.searchTickets("B1", day: today).isEmpty)
        #expect(try f.db.searchTickets("nguyen", day: today).count == 1)
        #expect(try f.db.searchTickets("0912", day: today).count == 1)
        #expect(try f.db.searchTickets("nguyen", day: ScreenFixture.day(24)).isEmpty)
    }
}
