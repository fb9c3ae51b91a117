import Foundation
import MotCuaCore

/// What the desk, the command line (and later the board and reports) need from storage. Every
/// write is one clerk action: validated by its request type in MotCuaCore, one transaction, its
/// audit events inside it. `AppDatabase` is the SQLite implementation; the store tests run
/// against this protocol so that another implementation (PostgreSQL for several desk PCs) can
/// run the same suite.
public protocol DeskStore: AnyObject, Sendable {
    var path: String { get }
    var isReadOnly: Bool { get }

    // Settings and catalog
    func profile() throws -> DeskProfile
    func saveProfile(_ profile: DeskProfile, now: Date, actor: Actor) throws
    func procedures() throws -> [Procedure]
    func procedure(code: String) throws -> Procedure?
    /// The version of the code in force on `day` (a catalog keeps several: issue 9).
    func procedure(code: String, on day: LocalDate) throws -> Procedure?
    /// One row per code, the version that stands for it on `day`.
    func procedures(on day: LocalDate) throws -> [Procedure]
    /// Every version of every procedure.
    func procedureVersions() throws -> [Procedure]
    /// Adds versions (new code + effective-from) and corrects versions with the same key; never
    /// rewrites another version.
    func importProcedures(_ list: [Procedure], source: String, now: Date, actor: Actor) throws -> (added: Int, corrected: Int)

    // The queue
    func addWalkIn(_ request: WalkInRequest, now: Date, actor: Actor) throws -> Ticket
    func correctWalkIn(_ correction: WalkInCorrection, now: Date, actor: Actor) throws -> Ticket
    func callNext(counter: Int, now: Date, actor: Actor) throws -> CallNextResult
    func moveTicket(_ request: TicketMoveRequest, now: Date, actor: Actor) throws -> Ticket
    func tickets(day: LocalDate) throws -> [Ticket]
    /// The fairness rule's state today (whether the desk's last call was an appointment's).
    func fairQueue(day: LocalDate) throws -> FairQueue
    func ticket(code: String, day: LocalDate) throws -> Ticket?
    func searchTickets(_ text: String, day: LocalDate, limit: Int) throws -> [Ticket]

    // Dossiers and applicants
    func receiveDossier(_ request: ReceiveRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> Dossier
    /// One clerk step on a dossier; `calendar` (the desk's, with its announcements) judges an
    /// apology's new date.
    func actOnDossier(_ request: DossierActionRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> DossierActionResult
    func dossier(code: String) throws -> Dossier?
    func dossiers(matching query: DossierQuery) throws -> [Dossier]
    /// Results waiting for the citizen to be phoned (`Dossier.uncollected`): ready for more than
    /// `days` working days, or brought back by the post; longest waiting first.
    func uncollectedDossiers(today: LocalDate, days: Int, calendar: WorkingCalendar) throws -> [UncollectedDossier]
    /// The desk header's counts: dossiers in progress due today, and overdue (`Dossier.timeliness`).
    func lookupDossiers(name: String, idNumber: String, limit: Int) throws -> [Dossier]
    func searchDossiers(_ text: String, limit: Int) throws -> [Dossier]
    func applicant(id: Int64) throws -> Applicant?
    func applicant(idNumber: String) throws -> Applicant?
    func searchApplicants(_ query: String, limit: Int) throws -> [Applicant]

    // The workload at a glance (WorkloadQueries.swift)
    /// Dossiers in progress due on `today` and due before it, counted through the index.
    func dueCounts(today: LocalDate) throws -> (dueToday: Int, overdue: Int)

    // The supervisor's board and the waiting-room display (BoardQueries.swift), read-only
    /// Results in the post, not delivered yet, oldest first.
    func dossiersInPost(limit: Int) throws -> [Dossier]
    /// The latest calls of `day` (ticket, counter, time only) and how many wait.
    func displayData(day: LocalDate, limit: Int) throws -> DisplayData

    // Statistics (ReportQueries.swift)
    /// What a period's report is counted from: the dossiers that can count in it, its tickets
    /// and appointments. A read only.
    func reportRows(period: ReportPeriod) throws -> ReportRows
    /// Form 07's lines: the dossiers received in the days given, with applicants and hand-overs.
    func registerEntries(from: LocalDate, through: LocalDate) throws -> [RegisterCSV.Entry]

    // Appointments (hẹn giờ) and the waitlist
    func bookAppointment(_ request: BookingRequest, waitlistIfFull: Bool, now: Date, actor: Actor,
                         calendar: WorkingCalendar) throws -> BookingResult
    func actOnAppointment(_ request: AppointmentActionRequest, now: Date, actor: Actor,
                          calendar: WorkingCalendar) throws -> AppointmentActionResult
    func appointments(from: LocalDate, through: LocalDate) throws -> [Appointment]
    func appointment(id: Int64) throws -> Appointment?
    /// Appointments and the places held for waitlist offers: what free places are counted from.
    func placesTaken(day: LocalDate) throws -> [Appointment]
    func appointmentMisfits(from today: LocalDate, calendar: WorkingCalendar) throws -> [AppointmentMisfit]
    func checkBooking(_ request: BookingRequest, now: Date, calendar: WorkingCalendar) throws -> BookingCheck
    func removeFromWaitlist(_ id: Int64, reason: String?, now: Date, actor: Actor) throws -> WaitlistRemoval
    func waitlist(day: LocalDate) throws -> [WaitlistEntry]
    func waitlistOffers(from day: LocalDate) throws -> [WaitlistEntry]

    // History, undo, health
    func events(entity: String, key: String) throws -> [AuditEvent]
    func undoLast(now: Date, actor: Actor) throws -> UndoResult
    func changeMark() throws -> Int64
    func check() throws -> [String]
}

extension AppDatabase: DeskStore {}

/// The clerk's actions by name, each one store write (`actOnDossier` / `moveTicket` underneath).
extension DeskStore {
    /// A step that counts no working days, with the built-in calendar; an apology should go
    /// through `apologize(_:newDueDate:reason:now:actor:calendar:)` with the desk's calendar.
    public func actOnDossier(_ request: DossierActionRequest, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(request, now: now, actor: actor, calendar: WorkingCalendar())
    }

    /// Results ready for more than the desk's limit of working days (`uncollectedAfterDays`,
    /// five unless set), or back from the post.
    public func uncollectedDossiers(today: LocalDate, calendar: WorkingCalendar) throws -> [UncollectedDossier] {
        try uncollectedDossiers(today: today, days: try profile().uncollectedAfterDays, calendar: calendar)
    }

    public func send(_ code: String, to department: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .send, sentTo: department), now: now, actor: actor)
    }

    public func postDelivered(_ code: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .postDelivered), now: now, actor: actor)
    }

    public func postReturned(_ code: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .postReturned), now: now, actor: actor)
    }

    /// Form 04: the due date moves to `newDueDate` (a working day of `calendar`, after the
    /// current one); the dossier stays counted as late against its first date.
    public func apologize(_ code: String, newDueDate: LocalDate, reason: String, now: Date, actor: Actor,
                          calendar: WorkingCalendar) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .apologize, reason: reason, newDueDate: newDueDate),
                         now: now, actor: actor, calendar: calendar)
    }

    public func markReady(_ code: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .ready), now: now, actor: actor)
    }

    /// `feeCollected` nil: the fee of the procedure as received (its snapshot).
    public func returnResult(_ code: String, receivedBy name: String, idNumber: String? = nil, feeCollected: Int? = nil,
                             now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .return, receiverName: name, receiverIdNumber: idNumber,
                                              feeCollected: feeCollected), now: now, actor: actor)
    }

    public func post(_ code: String, trackingNumber: String, address: String? = nil, postage: Int? = nil,
                     now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .post, address: address, trackingNumber: trackingNumber,
                                              postage: postage), now: now, actor: actor)
    }

    public func deliverHome(_ code: String, receivedBy name: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .deliverHome, receiverName: name), now: now, actor: actor)
    }

    public func requestSupplement(_ code: String, missing: [String], now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .supplement, missing: missing), now: now, actor: actor)
    }

    public func resume(_ code: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .resume), now: now, actor: actor)
    }

    public func reject(_ code: String, reason: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .reject, reason: reason), now: now, actor: actor)
    }

    public func withdraw(_ code: String, reason: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .withdraw, reason: reason), now: now, actor: actor)
    }

    public func transfer(_ ticket: String, from counter: Int?, to other: Int, now: Date, actor: Actor) throws -> Ticket {
        try moveTicket(TicketMoveRequest(ticketCode: ticket, move: .transfer, counter: counter, toCounter: other), now: now, actor: actor)
    }

    public func appointments(day: LocalDate) throws -> [Appointment] { try appointments(from: day, through: day) }

    /// Where appointments can go, by this desk's profile and `calendar`.
    public func appointmentSchedule(calendar: WorkingCalendar) throws -> AppointmentSchedule {
        let p = try profile()
        return AppointmentSchedule(settings: p.appointments, counters: p.counters, calendar: calendar)
    }

    /// The starts of a visit of `kind` on `day`, with the places left at each.
    public func freeSlots(day: LocalDate, kind: AppointmentKind, procedures: Int = 1, calendar: WorkingCalendar) throws -> [AppointmentSlot] {
        try appointmentSchedule(calendar: calendar).slots(on: day, kind: kind, procedures: procedures, existing: try placesTaken(day: day))
    }

    /// Today's appointments found by name (word prefixes, no diacritics needed), phone or CCCD,
    /// for checking in a citizen who says who they are.
    public func findAppointments(_ text: String, day: LocalDate) throws -> [Appointment] {
        let q = SearchKey.compactNumber(text)
        return try appointments(day: day).filter { a in
            let key = SearchKey.make(name: a.applicantName, idNumber: a.idNumber, phone: a.phone)
            return VietnameseText.matchesWordPrefix(query: q, in: key)
        }
    }

    public func checkIn(_ id: Int64, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> AppointmentActionResult {
        try actOnAppointment(AppointmentActionRequest(id: id, kind: .checkIn), now: now, actor: actor, calendar: calendar)
    }

    public func reschedule(_ id: Int64, to at: LocalDateTime, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> AppointmentActionResult {
        try actOnAppointment(AppointmentActionRequest(id: id, kind: .reschedule, newTime: at), now: now, actor: actor, calendar: calendar)
    }

    public func cancelAppointment(_ id: Int64, reason: String, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> AppointmentActionResult {
        try actOnAppointment(AppointmentActionRequest(id: id, kind: .cancel, reason: reason), now: now, actor: actor, calendar: calendar)
    }

    public func markNoShow(_ id: Int64, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> AppointmentActionResult {
        try actOnAppointment(AppointmentActionRequest(id: id, kind: .noShow), now: now, actor: actor, calendar: calendar)
    }

    /// Today's tickets in calling order: the order `callNext` will call the waiting ones.
    public func callingOrder(day: LocalDate, now: Date) throws -> [Ticket] {
        QueueRules.callingOrder(try tickets(day: day), now: now, policy: try profile().priority, fairness: try fairQueue(day: day))
    }

    /// The ticket `counter` is dealing with now (`QueueRules.currentTicket`).
    public func currentTicket(counter: Int, day: LocalDate) throws -> Ticket? {
        QueueRules.currentTicket(counter: counter, in: try tickets(day: day))
    }
}

extension DeskStore {
    /// The version of the dossier's procedure it was received under (in force on its receiving day).
    public func procedure(of dossier: Dossier) throws -> Procedure? {
        try procedure(code: dossier.procedureCode, on: VietnamTime.local(dossier.receivedAt).date)
    }
}
