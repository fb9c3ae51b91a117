import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// A real store in a temporary folder, a desk session pinned to Wed 25/11/2026 09:00, an 80×24
/// memory terminal and the app on top of them, with four dossiers:
/// - Nguyễn Hồng Sự, received Mon 16/11, 3 working days: due 19/11, overdue;
/// - Phạm Quốc Hưng, received Mon 23/11, same-day procedure, result ready: due 23/11, overdue;
/// - Lê Thị Mận, received Thu 19/11, 3 working days (Tue 24/11, Ngày Văn hoá Việt Nam, is a day off): due today;
/// - Trần Văn Bảy, received today 08:30, 3 working days: due Mon 30/11.
/// and one ticket today (A001, Nguyễn Hồng Sự).
final class ScreenFixture {
    let db: AppDatabase
    let session: DeskSession
    let term: MemoryTerminal
    let app: Shell
    let clerk = Actor(user: "lan", counter: 1)
    /// Dossier codes by applicant's first name word.
    var sự = "", hưng = "", mận = "", bảy = ""
    let threeDays: Procedure
    let sameDay: Procedure
    /// The database file in a folder of its own (a call list is written beside it), removed
    /// when the fixture goes.
    let folder = NSTemporaryDirectory() + "motcua-screens-" + UUID().uuidString
    var path: String { folder + "/desk.sqlite" }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static let now = LocalDateTime(date: day(25), hour: 9, minute: 0)

    static func day(_ d: Int) -> LocalDate {
        guard let date = LocalDate(year: 2026, month: 11, day: d) else { fatalError("bad day \(d)") }
        return date
    }

    static func at(_ d: Int, _ h: Int, _ m: Int = 0) -> Date {
        VietnamTime.instant(LocalDateTime(date: day(d), hour: h, minute: m))
    }

    init(language: Language = .vi, unicode: Bool = true) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        db = try AppDatabase(path: folder + "/desk.sqlite")
        session = DeskSession(db: db, clock: FixedClock(Self.now), counter: 1, language: language,
                              actor: Actor(user: "lan", counter: 1))
        let procedures = try db.procedures()
        threeDays = try #require(procedures.first { $0.processingDays == 3 && $0.deliveries.contains(.desk) && $0.deliveries.contains(.post) })
        sameDay = try #require(procedures.first { $0.processingDays == 0 && $0.deliveries.contains(.desk) && $0.deliveries.contains(.post) })
        let cal = WorkingCalendar()
        sự = try db.receiveDossier(ReceiveRequest(procedureCode: threeDays.code, name: "Nguyễn Hồng Sự", idNumber: "001203012345",
                                                  phone: "0912345678", address: "Thôn Đông, xã Tân Lập"),
                                   now: Self.at(16, 9), actor: clerk, calendar: cal).code
        hưng = try db.receiveDossier(ReceiveRequest(procedureCode: sameDay.code, name: "Phạm Quốc Hưng", address: "Thôn 2, xã Tân Phú"),
                                     now: Self.at(23, 9), actor: clerk, calendar: cal).code
        _ = try db.markReady(hưng, now: Self.at(23, 10), actor: clerk)
        mận = try db.receiveDossier(ReceiveRequest(procedureCode: threeDays.code, name: "Lê Thị Mận"),
                                    now: Self.at(19, 9), actor: clerk, calendar: cal).code
        bảy = try db.receiveDossier(ReceiveRequest(procedureCode: threeDays.code, name: "Trần Văn Bảy", address: "Thôn 5, xã Tân Phú", notes: "Bản sao 2 tờ"),
                                    now: Self.at(25, 8, 30), actor: clerk, calendar: cal).code
        _ = try db.addWalkIn(WalkInRequest(name: "Nguyễn Hồng Sự", phone: "0912345678"), now: Self.at(25, 8, 45), actor: clerk)
        term = MemoryTerminal(rows: 24, cols: 80, supportsUnicode: unicode)
        app = DeskApp.make(terminal: term, session: session)
    }

    /// Feeds a key script (`"F5 Down Enter"`).
    func keys(_ script: String) throws {
        for k in try Key.script(script) { app.handle(k) }
    }

    /// Types text character by character (spaces included).
    func type(_ text: String) {
        for ch in text { app.handle(.character(ch)) }
    }

    var rows: [String] { app.currentGrid().dump() }
    var grid: CellGrid { app.currentGrid() }
    var top: Screen? { app.screens.last }
    var message: String { app.message ?? "" }

    func row(containing text: String) -> Int? { rows.firstIndex { $0.contains(text) } }

    func status(_ code: String) throws -> DossierStatus? { try db.dossier(code: code)?.status }
    func actions(_ code: String) throws -> [String] { try db.events(entity: "dossier", key: code).map(\.action) }

    /// Opens the register and selects `code` with the search box (then leaves the search).
    @discardableResult
    func openList(selecting code: String? = nil) throws -> DossierListScreen {
        let list = DossierListScreen(session: session)
        app.push(list)
        if let code {
            try keys("/")
            type(code)
            try keys("Enter")
            #expect(list.selectedDossier?.code == code)
        }
        return list
    }

    /// Text of the screen for a failing expectation.
    var screenText: String { rows.joined(separator: "\n") }
}

typealias SeededGenerator = SeededRandom
