import Foundation
import Testing
import MotCuaCore
import MotCuaStore
@testable import MotCuaTUI

/// A store that fails where told, forwarding everything else: the desk must say so, never show
/// the built-in catalog or the default profile in place of what it could not read.
final class FailingStore: DeskStore, @unchecked Sendable {
    let inner: AppDatabase
    var failCatalog = false
    var failProfile = false
    var failWaitlist = false
    var failAppointments = false
    init(_ inner: AppDatabase) { self.inner = inner }
    struct Broken: Error {}
    var broken: StoreError { StoreError("Không đọc được cơ sở dữ liệu (thử)", "Cannot read the database (test)") }

    var path: String { inner.path }
    var isReadOnly: Bool { inner.isReadOnly }
    func profile() throws -> DeskProfile { if failProfile { throw broken }; return try inner.profile() }
    func saveProfile(_ p: DeskProfile, now: Date, actor: Actor) throws { try inner.saveProfile(p, now: now, actor: actor) }
    func procedures() throws -> [Procedure] { if failCatalog { throw broken }; return try inner.procedures() }
    func procedure(code: String) throws -> Procedure? { if failCatalog { throw broken }; return try inner.procedure(code: code) }
    func procedure(code: String, on day: LocalDate) throws -> Procedure? { if failCatalog { throw broken }; return try inner.procedure(code: code, on: day) }
    func procedures(on day: LocalDate) throws -> [Procedure] { if failCatalog { throw broken }; return try inner.procedures(on: day) }
    func procedureVersions() throws -> [Procedure] { if failCatalog { throw broken }; return try inner.procedureVersions() }
    func importProcedures(_ list: [Procedure], source: String, now: Date, actor: Actor) throws -> (added: Int, corrected: Int) {
        try inner.importProcedures(list, source: source, now: now, actor: actor)
    }
    func addWalkIn(_ r: WalkInRequest, now: Date, actor: Actor) throws -> Ticket { try inner.addWalkIn(r, now: now, actor: actor) }
    func correctWalkIn(_ c: WalkInCorrection, now: Date, actor: Actor) throws -> Ticket { try inner.correctWalkIn(c, now: now, actor: actor) }
    func callNext(counter: Int, now: Date, actor: Actor) throws -> CallNextResult { try inner.callNext(counter: counter, now: now, actor: actor) }
    func moveTicket(_ r: TicketMoveRequest, now: Date, actor: Actor) throws -> Ticket { try inner.moveTicket(r, now: now, actor: actor) }
    func tickets(day: LocalDate) throws -> [Ticket] { try inner.tickets(day: day) }
    func fairQueue(day: LocalDate) throws -> FairQueue { try inner.fairQueue(day: day) }
    func ticket(code: String, day: LocalDate) throws -> Ticket? { try inner.ticket(code: code, day: day) }
    func searchTickets(_ text: String, day: LocalDate, limit: Int) throws -> [Ticket] { try inner.searchTickets(text, day: day, limit: limit) }
    func receiveDossier(_ r: ReceiveRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> Dossier {
        try inner.receiveDossier(r, now: now, actor: actor, calendar: calendar)
    }
    func actOnDossier(_ r: DossierActionRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> DossierActionResult {
        try inner.actOnDossier(r, now: now, actor: actor, calendar: calendar)
    }
    func uncollectedDossiers(today: LocalDate, days: Int, calendar: WorkingCalendar) throws -> [UncollectedDossier] {
        try inner.uncollectedDossiers(today: today, days: days, calendar: calendar)
    }
    func dossier(code: String) throws -> Dossier? { try inner.dossier(code: code) }
    func dossiers(matching q: DossierQuery) throws -> [Dossier] { try inner.dossiers(matching: q) }
    func lookupDossiers(name: String, idNumber: String, limit: Int) throws -> [Dossier] {
        try inner.lookupDossiers(name: name, idNumber: idNumber, limit: limit)
    }
    func searchDossiers(_ text: String, limit: Int) throws -> [Dossier] { try inner.searchDossiers(text, limit: limit) }
    func applicant(id: Int64) throws -> Applicant? { try inner.applicant(id: id) }
    func applicant(idNumber: String) throws -> Applicant? { try inner.applicant(idNumber: idNumber) }
    var failSearch = false
    func searchApplicants(_ q: String, limit: Int) throws -> [Applicant] {
        if failSearch { throw broken }
        return try inner.searchApplicants(q, limit: limit)
    }
    var failWorkload = false
    func dueCounts(today: LocalDate) throws -> (dueToday: Int, overdue: Int) {
        if failWorkload { throw broken }
        return try inner.dueCounts(today: today)
    }
    var failReports = false
    func reportRows(period: ReportPeriod) throws -> ReportRows {
        if failReports { throw broken }
        return try inner.reportRows(period: period)
    }
    func bookAppointment(_ r: BookingRequest, waitlistIfFull: Bool, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> BookingResult {
        try inner.bookAppointment(r, waitlistIfFull: waitlistIfFull, now: now, actor: actor, calendar: calendar)
    }
    func actOnAppointment(_ r: AppointmentActionRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> AppointmentActionResult {
        try inner.actOnAppointment(r, now: now, actor: actor, calendar: calendar)
    }
    func appointments(from: LocalDate, through: LocalDate) throws -> [Appointment] {
        if failAppointments { throw broken }
        return try inner.appointments(from: from, through: through)
    }
    func appointment(id: Int64) throws -> Appointment? { try inner.appointment(id: id) }
    func placesTaken(day: LocalDate) throws -> [Appointment] { try inner.placesTaken(day: day) }
    func appointmentMisfits(from today: LocalDate, calendar: WorkingCalendar) throws -> [AppointmentMisfit] {
        try inner.appointmentMisfits(from: today, calendar: calendar)
    }
    func checkBooking(_ r: BookingRequest, now: Date, calendar: WorkingCalendar) throws -> BookingCheck {
        try inner.checkBooking(r, now: now, calendar: calendar)
    }
    func removeFromWaitlist(_ id: Int64, reason: String?, now: Date, actor: Actor) throws -> WaitlistRemoval {
        try inner.removeFromWaitlist(id, reason: reason, now: now, actor: actor)
    }
    func waitlist(day: LocalDate) throws -> [WaitlistEntry] { if failWaitlist { throw broken }; return try inner.waitlist(day: day) }
    func waitlistOffers(from day: LocalDate) throws -> [WaitlistEntry] { try inner.waitlistOffers(from: day) }
    func events(entity: String, key: String) throws -> [AuditEvent] { try inner.events(entity: entity, key: key) }
    func undoLast(now: Date, actor: Actor) throws -> UndoResult { try inner.undoLast(now: now, actor: actor) }
    func changeMark() throws -> Int64 { try inner.changeMark() }
    func check() throws -> [String] { try inner.check() }
    func dossiersInPost(limit: Int) throws -> [Dossier] { try inner.dossiersInPost(limit: limit) }
    func registerEntries(from: LocalDate, through: LocalDate) throws -> [RegisterCSV.Entry] {
        try inner.registerEntries(from: from, through: through)
    }
    func displayData(day: LocalDate, limit: Int) throws -> DisplayData { try inner.displayData(day: day, limit: limit) }
}

@Suite("Desk: a store error is said, never replaced by defaults")
struct HonestFailureTests {
    func desk() throws -> (FailingStore, Shell, MemoryTerminal) {
        let db = try AppDatabase(path: NSTemporaryDirectory() + "motcua-failing-" + UUID().uuidString + ".sqlite")
        let store = FailingStore(db)
        let local = try #require(LocalDateTime(parsing: "2026-11-25 08:00"))
        let session = DeskSession(db: store, clock: FixedClock(local), counter: 1, language: .vi, actor: Actor(user: "lan", counter: 1))
        let term = MemoryTerminal(rows: 24, cols: 80)
        return (store, DeskApp.make(terminal: term, session: session), term)
    }

    @Test("F2 and F4 with an unreadable catalog: the error is shown, no form on the built-in catalog")
    func catalogUnreadable() throws {
        let (store, app, _) = try desk()
        store.failCatalog = true
        for key in ["F2", "F4"] {
            for k in try Key.script(key) { app.handle(k) }
            #expect(app.top is QueueScreen, "\(key) opened a form on a catalog it could not read")
            #expect(app.message?.contains("Không đọc được cơ sở dữ liệu") == true)
        }
    }

    @Test("F4's applicant search that cannot read the store says so, never '(không tìm thấy)'")
    func applicantSearchUnreadable() throws {
        let (store, app, term) = try desk()
        for k in try Key.script("F4") { app.handle(k) }
        let form = try #require(app.top as? ReceiveDossierScreen)
        #expect(form.form.focusedID == "lookup")
        store.failSearch = true
        for ch in "ngu" { app.handle(.character(ch)) }
        let screen = app.currentGrid().dump().joined(separator: "\n")
        _ = term
        #expect(screen.contains("Không đọc được cơ sở dữ liệu"), "\(screen)")
        #expect(!screen.contains("(không tìm thấy)"), "\(screen)")
    }

    @Test("an unreadable profile: the transfer prompt is refused with the reason, not '2 counters'")
    func profileUnreadable() throws {
        let (store, app, _) = try desk()
        let at = VietnamTime.instant(try #require(LocalDateTime(parsing: "2026-11-25 07:55")))
        _ = try store.addWalkIn(WalkInRequest(name: "Đỗ Văn Một"), now: at, actor: Actor(user: "lan", counter: 1))
        app.refresh()
        for k in try Key.script("F5") { app.handle(k) }
        #expect(app.message?.contains("Mời số A001") == true)
        store.failProfile = true
        for k in try Key.script("C-t") { app.handle(k) }
        #expect(app.top is QueueScreen)
        #expect(app.message?.contains("Không đọc được cơ sở dữ liệu") == true)
    }

    @Test("an unreadable waitlist is said on its page, never shown as 'nobody waits'")
    func waitlistUnreadable() throws {
        let (store, app, _) = try desk()
        store.failWaitlist = true
        for k in try Key.script("M-2 d") { app.handle(k) }
        let screen = app.currentGrid().dump().joined(separator: "\n")
        #expect(screen.contains("Không đọc được cơ sở dữ liệu"), "\(screen)")
        #expect(!screen.contains("Không có ai trong danh sách chờ"))
    }

    @Test("unreadable appointments are said on the queue's 'due soon' line, the queue still shows")
    func upcomingUnreadable() throws {
        let (store, app, _) = try desk()
        let at = VietnamTime.instant(try #require(LocalDateTime(parsing: "2026-11-25 07:55")))
        _ = try store.addWalkIn(WalkInRequest(name: "Đỗ Văn Một"), now: at, actor: Actor(user: "lan", counter: 1))
        store.failAppointments = true
        app.refresh()
        let screen = app.currentGrid().dump().joined(separator: "\n")
        #expect(screen.contains("Hẹn sắp tới: Không đọc được cơ sở dữ liệu"), "\(screen)")
        #expect(screen.contains("A001"))
    }
}
