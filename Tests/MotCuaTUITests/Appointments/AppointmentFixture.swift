import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// A clock the test moves (booking needs notice; checking in needs the day to come).
final class MovableClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    init(_ local: LocalDateTime) { instant = VietnamTime.instant(local) }
    func now() -> Date { lock.withLock { instant } }
    func set(_ local: LocalDateTime) { lock.withLock { instant = VietnamTime.instant(local) } }
}

/// A fresh store, the desk at 80×24 on a movable clock (Mon 05/01/2026 08:00 unless told), the
/// built-in working calendar (make-up Saturday 10/01/2026, Tết 16–20/02/2026, Giỗ Tổ Monday
/// 27/04/2026).
final class AppointmentFixture {
    let db: AppDatabase
    let clock: MovableClock
    let session: DeskSession
    let term = MemoryTerminal(rows: 24, cols: 80)
    let app: Shell
    let clerk = Actor(user: "lan", counter: 1)
    let path = NSTemporaryDirectory() + "motcua-appt-" + UUID().uuidString + "/desk.sqlite"

    init(at time: String = "2026-01-05 08:00") throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        db = try AppDatabase(path: path)
        clock = MovableClock(try #require(LocalDateTime(parsing: time)))
        session = DeskSession(db: db, clock: clock, counter: 1, language: .vi, actor: clerk)
        app = DeskApp.make(terminal: term, session: session)
    }

    deinit { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }

    static func day(_ text: String) -> LocalDate {
        guard let d = LocalDate(iso: text) else { fatalError("bad day \(text)") }
        return d
    }

    func setClock(_ time: String) throws {
        clock.set(try #require(LocalDateTime(parsing: time)))
        app.refresh()
    }

    /// Books through the store (what the CLI would do), at "YYYY-MM-DD HH:MM".
    @discardableResult
    func book(_ name: String, at time: String, kind: AppointmentKind = .guidance, phone: String? = nil,
              procedures: [String] = []) throws -> Appointment {
        let at = try #require(LocalDateTime(parsing: time))
        let r = try db.bookAppointment(BookingRequest(name: name, phone: phone, at: at, kind: kind, procedureCodes: procedures),
                                       waitlistIfFull: false, now: session.now, actor: clerk, calendar: session.calendar)
        guard case .booked(let a) = r else { throw RuleViolation(code: "test", message: Localized(vi: "not booked", en: "not booked")) }
        app.refresh()
        return a
    }

    func keys(_ script: String) throws { for k in try Key.script(script) { app.handle(k) } }
    func type(_ text: String) { for ch in text { app.handle(.character(ch)) } }
    var rows: [String] { app.currentGrid().dump() }
    var screen: String { rows.joined(separator: "\n") }
    var grid: CellGrid { app.currentGrid() }
    var top: Screen? { app.screens.last }
    var message: String { app.message ?? "" }
    var form: FormScreen? { app.screens.last as? FormScreen }
    var appointments: AppointmentsScreen? { app.screens.first { $0 is AppointmentsScreen } as? AppointmentsScreen }
}
