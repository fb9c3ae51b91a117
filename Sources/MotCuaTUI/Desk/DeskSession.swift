import Foundation
import MotCuaCore
import MotCuaStore

/// One clerk at one counter: the store, the clock and who acts. Screens go through it, so every
/// change is one store transaction with its audit event, exactly as from the command line.
public final class DeskSession {
    public let db: any DeskStore
    public let clock: any Clock
    public let counter: Int
    public let language: Language
    /// The working calendar in force; reloaded when the desk's announcement file changes.
    public private(set) var calendar: WorkingCalendar
    public var actor: Actor
    private var lastMark: Int64 = -1
    private var lastMinute = -1
    /// The announcement file to watch and how to read the calendar again: a notice entered with
    /// `motcua calendar announce` while the desk is open counts at once, at every counter.
    private var calendarFile: String?
    private var calendarReload: (() throws -> WorkingCalendar)?
    private var calendarStamp: Date?
    /// Why the changed calendar file could not be read (nil when it reads); the queue shows it.
    public private(set) var calendarProblem: String?

    /// Watches `file` (it may not exist yet) and re-reads the calendar with `reload` when it changes.
    public func watchCalendar(file: String, reload: @escaping () throws -> WorkingCalendar) {
        calendarFile = file
        calendarReload = reload
        calendarStamp = Self.modificationDate(file)
    }

    static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    /// True (and the calendar re-read) when the watched file changed since the last look. A file
    /// that cannot be read keeps the calendar in force; the next change tries again.
    private func calendarChanged() -> Bool {
        guard let file = calendarFile, let reload = calendarReload else { return false }
        let stamp = Self.modificationDate(file)
        guard stamp != calendarStamp else { return false }
        calendarStamp = stamp
        do {
            calendar = try reload()
            calendarProblem = nil
        } catch {
            // A hand-edited line that does not read: keep counting with the calendar in force,
            // but say so on the queue until the file is mended (never a silent old calendar).
            calendarProblem = message(for: error)
        }
        return true
    }

    public init(db: any DeskStore, clock: any Clock, counter: Int, language: Language,
                calendar: WorkingCalendar = WorkingCalendar(), actor: Actor? = nil) {
        self.db = db; self.clock = clock; self.counter = counter; self.language = language
        self.calendar = calendar
        self.actor = actor ?? Actor.current(counter: counter)
    }

    public var now: Date { clock.now() }
    public var today: LocalDate { VietnamTime.local(now).date }
    public func text(_ l: Localized) -> String { l.text(language) }

    // MARK: - Live data

    /// True after any process's write, and once a minute so the clock and waited minutes stay
    /// current in a quiet hour.
    public func hasChanged() -> Bool {
        if calendarChanged() { return true }
        if minuteNow() != lastMinute { return true }
        // A failing poll counts as a change: the screens reload and say they cannot read.
        guard let mark = try? db.changeMark() else { return true }
        return mark != lastMark
    }

    /// `hasChanged()`, and the change is taken: the next call is false until the next write (or
    /// minute). For the shell's poll, which reloads every screen itself.
    public func takeChange() -> Bool {
        guard hasChanged() else { return false }
        lastMinute = minuteNow()
        if let mark = try? db.changeMark() { lastMark = mark }
        return true
    }

    private func minuteNow() -> Int { Int(clock.now().timeIntervalSince1970 / 60) }

    /// The header: the desk, its commune, this counter and clerk, the dossiers due today and
    /// overdue, and the time. Nil when the profile cannot be read (the shell keeps the last header).
    public func header() -> DeskHeader? {
        guard let p = try? profile() else { return nil }
        let local = VietnamTime.local(now)
        let d = local.date
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
        return DeskHeader(desk: p.deskName, commune: p.commune, counter: counter, clerk: actor.user,
                          clock: "\(local.hhmm) \(d.vietnamese)", shortClock: "\(local.hhmm) \(p2(d.day))/\(p2(d.month))",
                          workload: workload())
    }

    /// Dossiers due today and overdue, counted by the store (`DeskStore.dueCounts`);
    /// `.unreadable` when it cannot count them.
    public func workload() -> DeskWorkload {
        guard let c = try? db.dueCounts(today: today) else { return .unreadable }
        return .counts(dueToday: c.dueToday, overdue: c.overdue)
    }

    /// The desk profile; an unreadable one is an error, never the defaults ("MC, 2 counters").
    public func profile() throws -> DeskProfile { try db.profile() }

    /// The procedure catalog in the store (never the built-in one in its place).
    /// The catalog in force today (a version that starts today replaces the old one at once).
    public func catalog() throws -> ProcedureCatalog { try ProcedureCatalog(procedures: try db.procedures(on: today)) }

    /// Today's tickets, in calling order.
    public func todaysTickets() throws -> [Ticket] {
        let now = self.now
        return try db.callingOrder(day: VietnamTime.local(now).date, now: now)
    }

    /// The ticket this counter is serving: the latest one called here that is not finished.
    public func currentTicket() throws -> Ticket? { current(in: try db.tickets(day: today)) }

    /// The model's one rule for a counter's current ticket (`QueueRules.currentTicket`).
    private func current(in tickets: [Ticket]) -> Ticket? { QueueRules.currentTicket(counter: counter, in: tickets) }

    /// Today's queue as the queue screen shows it; nil when the store cannot be read.
    public func snapshot() -> DeskSnapshot? {
        // Nil when any part cannot be read: the queue screen keeps the last data and says so.
        guard let profile = try? db.profile(), let ordered = try? todaysTickets(), let catalog = try? db.procedures(on: today) else { return nil }
        let now = self.now
        let procedures = Dictionary(catalog.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let mine = current(in: ordered)?.id
        func line(_ t: Ticket) -> QueueLine {
            var status = t.status.label.text(language)
            if let c = t.counter { status += language == .vi ? " · Q\(c)" : " · C\(c)" }
            return QueueLine(ticket: t.code, name: t.applicantName,
                             priority: t.priorityCode.flatMap { profile.priority.group(code: $0)?.label.text(language) },
                             purpose: t.procedureCode.flatMap { procedures[$0] } ?? "",
                             status: status, waitedMinutes: t.waitedMinutes(now: now), isMine: t.id == mine,
                             // As `motcua queue list` shows it: an appointment's ticket says its time.
                             appointment: t.appointmentAt.map {
                                 (language == .vi ? "hẹn " : "appt ") + TimeOfDay.hhmm(VietnamTime.local($0).minuteOfDay)
                             })
        }
        let open = ordered.filter { !$0.status.isFinal }
        let finished = ordered.filter(\.status.isFinal).sorted { ($0.finishedAt ?? $0.issuedAt) > ($1.finishedAt ?? $1.issuedAt) }
        return DeskSnapshot(waiting: open.filter { $0.status == .waiting }.map(line),
                            // Only this counter's: a ticket sent to another counter leaves this list.
                            serving: open.filter { ($0.status == .called || $0.status == .serving) && $0.counter == counter }.map(line),
                            finished: finished.map(line))
    }

    // MARK: - Queue actions (one transaction each)

    /// Finishes this counter's current ticket (if any) and calls the next (`QueueRules.callNext`).
    public func callNext() throws -> CallNextResult { try db.callNext(counter: counter, now: now, actor: actor) }

    /// The ticket an action applies to: the one being served here.
    func requireCurrent() throws -> Ticket {
        guard let t = try currentTicket() else {
            throw RuleViolation(code: "no_current_ticket",
                                message: Localized(vi: "Quầy \(counter) chưa gọi số nào — nhấn F5 để gọi số tiếp theo",
                                                   en: "Counter \(counter) has not called anyone — press F5 to call the next ticket"))
        }
        return t
    }

    public func recall() throws -> Ticket {
        let t = try requireCurrent()
        return try db.moveTicket(TicketMoveRequest(ticketCode: t.code, move: .recall, counter: counter), now: now, actor: actor)
    }

    /// Done, no-show, left, serve: a move of the ticket at this counter.
    public func finishCurrent(_ move: TicketMove) throws -> Ticket {
        let t = try requireCurrent()
        return try db.moveTicket(TicketMoveRequest(ticketCode: t.code, move: move, counter: counter), now: now, actor: actor)
    }

    /// A move of a named ticket from this counter (bring back a no-show, …).
    public func move(_ code: String, _ move: TicketMove) throws -> Ticket {
        try db.moveTicket(TicketMoveRequest(ticketCode: code, move: move, counter: counter), now: now, actor: actor)
    }

    /// Corrects a walk-in of today (the old values go into the audit log).
    public func correctWalkIn(_ correction: WalkInCorrection) throws -> Ticket {
        try db.correctWalkIn(correction, now: now, actor: actor)
    }

    /// Undoes this clerk's last change of today (`DeskStore.undoLast`).
    public func undo() throws -> UndoResult { try db.undoLast(now: now, actor: actor) }

    /// Sends the current ticket back to the waiting list for another counter: it keeps its place
    /// (issue time) and the other counter calls it next by the usual rules.
    public func transferCurrent(to other: Int) throws -> Ticket {
        let t = try requireCurrent()
        return try db.transfer(t.code, from: counter, to: other, now: now, actor: actor)
    }

    public func registerWalkIn(_ request: WalkInRequest) throws -> Ticket {
        try db.addWalkIn(request, now: now, actor: actor)
    }

    public func receiveDossier(_ request: ReceiveRequest) throws -> Dossier {
        try db.receiveDossier(request, now: now, actor: actor, calendar: calendar)
    }

    /// The due date the receipt will show, for the form to display before saving.
    public func previewDueDate(procedure: Procedure) throws -> DueDate {
        DueDateRule.due(procedure: procedure, receivedAt: now, calendar: calendar, profile: try profile())
    }

    /// A stored dossier's due date with its provisional mark and note, if any.
    public func due(of dossier: Dossier) throws -> DueDate {
        DueDateRule.due(of: dossier, procedure: try db.procedure(of: dossier), calendar: calendar, profile: try profile())
    }

    /// One step of a dossier (ready, return, post, …), checked by `DossierRules`.
    public func act(_ request: DossierActionRequest) throws -> DossierActionResult {
        try db.actOnDossier(request, now: now, actor: actor, calendar: calendar)
    }

    /// Turns any error from the model or the store into one line for the status bar.
    public func message(for error: Error) -> String { ErrorText.message(for: error, language: language) }
}
