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
    func importProcedures(_ list: [Procedure], source: String, now: Date, actor: Actor) throws -> (added: Int, updated: Int)

    // The queue
    func addWalkIn(_ request: WalkInRequest, now: Date, actor: Actor) throws -> Ticket
    func correctWalkIn(_ correction: WalkInCorrection, now: Date, actor: Actor) throws -> Ticket
    func callNext(counter: Int, now: Date, actor: Actor) throws -> CallNextResult
    func moveTicket(_ request: TicketMoveRequest, now: Date, actor: Actor) throws -> Ticket
    func tickets(day: LocalDate) throws -> [Ticket]
    func ticket(code: String, day: LocalDate) throws -> Ticket?
    func searchTickets(_ text: String, day: LocalDate, limit: Int) throws -> [Ticket]

    // Dossiers and applicants
    func receiveDossier(_ request: ReceiveRequest, now: Date, actor: Actor, calendar: WorkingCalendar) throws -> Dossier
    func actOnDossier(_ request: DossierActionRequest, now: Date, actor: Actor) throws -> DossierActionResult
    func dossier(code: String) throws -> Dossier?
    func dossiers(matching query: DossierQuery) throws -> [Dossier]
    func searchDossiers(_ text: String, limit: Int) throws -> [Dossier]
    func applicant(id: Int64) throws -> Applicant?
    func applicant(idNumber: String) throws -> Applicant?
    func searchApplicants(_ query: String, limit: Int) throws -> [Applicant]

    // History, undo, health
    func events(entity: String, key: String) throws -> [AuditEvent]
    func undoLast(now: Date, actor: Actor) throws -> UndoResult
    func changeMark() throws -> Int64
    func check() throws -> [String]
}

extension AppDatabase: DeskStore {}

/// The clerk's actions by name, each one store write (`actOnDossier` / `moveTicket` underneath).
extension DeskStore {
    public func markReady(_ code: String, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .ready), now: now, actor: actor)
    }

    public func returnResult(_ code: String, receivedBy name: String, idNumber: String? = nil, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .return, receiverName: name, receiverIdNumber: idNumber), now: now, actor: actor)
    }

    public func post(_ code: String, trackingNumber: String, address: String? = nil, now: Date, actor: Actor) throws -> DossierActionResult {
        try actOnDossier(DossierActionRequest(code: code, kind: .post, address: address, trackingNumber: trackingNumber), now: now, actor: actor)
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

    /// The ticket `counter` is dealing with now (`QueueRules.currentTicket`).
    public func currentTicket(counter: Int, day: LocalDate) throws -> Ticket? {
        QueueRules.currentTicket(counter: counter, in: try tickets(day: day))
    }
}
