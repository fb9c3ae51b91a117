import Foundation

/// A dossier as a report reads it: with the name and field of its procedure as it was received
/// (the snapshot), else as the catalog has it now (a dossier from before snapshots were kept).
public struct ReportDossier: Hashable, Sendable {
    public var dossier: Dossier
    public var procedureName: String
    public var field: String

    public init(dossier: Dossier, catalogName: String? = nil, catalogField: String? = nil) {
        self.dossier = dossier
        procedureName = dossier.procedureSnapshot?.name ?? catalogName ?? dossier.procedureCode
        field = dossier.procedureSnapshot?.field ?? catalogField ?? ""
    }
}

/// The dossier figures of the reporting template for administrative procedures (Thông tư
/// 01/2020/TT-VPCP, chế độ báo cáo định kỳ): received = carried over from before the period +
/// new in it (online, in person, by post); resolved = early, on time, late; in progress at the
/// period's end = within time, overdue. Withdrawn and rejected dossiers are counted apart, so
/// received = resolved + in progress + withdrawn + rejected.
public struct DossierCounts: Hashable, Sendable {
    public var carriedOver = 0
    public var newOnline = 0, newDirect = 0, newByPost = 0
    public var early = 0, onTime = 0, late = 0
    public var withinTime = 0, overdue = 0
    public var withdrawn = 0, rejected = 0

    public init() {}

    public var newTotal: Int { newOnline + newDirect + newByPost }
    public var received: Int { carriedOver + newTotal }
    public var resolved: Int { early + onTime + late }
    public var inProgress: Int { withinTime + overdue }

    /// (early + on time) / resolved; nil when nothing was resolved (no rate, rather than 0 %).
    public var onTimeRate: Double? { resolved == 0 ? nil : Double(early + onTime) / Double(resolved) }

    public static func + (a: DossierCounts, b: DossierCounts) -> DossierCounts {
        var s = a
        s.carriedOver += b.carriedOver; s.newOnline += b.newOnline; s.newDirect += b.newDirect; s.newByPost += b.newByPost
        s.early += b.early; s.onTime += b.onTime; s.late += b.late
        s.withinTime += b.withinTime; s.overdue += b.overdue; s.withdrawn += b.withdrawn; s.rejected += b.rejected
        return s
    }

    /// Adds one dossier where `DossierStatistics.place` put it.
    public mutating func add(_ p: DossierPlacement) {
        switch p.arrival {
        case .carriedOver: carriedOver += 1
        case .new(.online): newOnline += 1
        case .new(.direct): newDirect += 1
        case .new(.post): newByPost += 1
        }
        switch p.outcome {
        case .resolved(.early): early += 1
        case .resolved(.onTime): onTime += 1
        case .resolved(.late): late += 1
        case .inProgress(overdue: false): withinTime += 1
        case .inProgress(overdue: true): overdue += 1
        case .withdrawn: withdrawn += 1
        case .rejected: rejected += 1
        }
    }
}

/// Where one dossier falls in a period's figures.
public struct DossierPlacement: Hashable, Sendable {
    public enum Arrival: Hashable, Sendable { case carriedOver, new(Channel) }
    public enum Outcome: Hashable, Sendable {
        case resolved(Resolution)
        case inProgress(overdue: Bool)
        case withdrawn, rejected
    }
    public let arrival: Arrival
    public let outcome: Outcome
}

public enum DossierStatistics {
    /// Where `d` stands in the period whose last counted day is `asOf` (the period's end, or
    /// today while the period is still running); nil when it does not belong: received after
    /// `asOf`, or finished before the period began.
    ///
    /// - Received before the start and still unfinished at the start: carried over.
    /// - Finished (result ready, rejected or withdrawn) by `asOf`: counted by how it finished;
    ///   a result is judged early / on time / late by `Dossier.resolution`, on the first date
    ///   promised, so an apology-extended dossier stays late.
    /// - Finished after `asOf`, or not at all: in progress at the end, overdue by
    ///   `Dossier.isOverdue` as the dossier stood on `asOf`.
    public static func place(_ d: Dossier, start: LocalDate, asOf: LocalDate, calendar: WorkingCalendar) -> DossierPlacement? {
        // A period not begun yet on `asOf` has nothing to count.
        guard start <= asOf else { return nil }
        let received = VietnamTime.local(d.receivedAt).date
        guard received <= asOf else { return nil }
        let finish = finished(d, calendar: calendar)
        if let finish, finish.day < start { return nil }
        let arrival: DossierPlacement.Arrival = received < start ? .carriedOver : .new(d.channel)
        if let finish, finish.day <= asOf { return DossierPlacement(arrival: arrival, outcome: finish.outcome) }
        // Its status now may be later than `asOf` (returned next month): judge it as it stood
        // then, still being resolved, through the model's one overdue rule.
        var open = d
        open.status = .processing
        return DossierPlacement(arrival: arrival, outcome: .inProgress(overdue: open.isOverdue(today: asOf)))
    }

    /// The day the dossier stopped counting against its due date, and how.
    static func finished(_ d: Dossier, calendar: WorkingCalendar) -> (day: LocalDate, outcome: DossierPlacement.Outcome)? {
        if let readyAt = d.readyAt, let r = d.resolution(calendar: calendar) {
            return (VietnamTime.local(readyAt).date, .resolved(r))
        }
        guard d.status.isFinal else { return nil }
        // A final status always has `closedAt` (set by the step that closed it); the day of
        // receipt stands in for a record that lost it, so it is never counted open for ever.
        let closed = VietnamTime.local(d.closedAt ?? d.receivedAt).date
        switch d.status {
        case .rejected: return (closed, .rejected)
        case .withdrawn: return (closed, .withdrawn)
        default:
            // A result handed over with no ready time (a record from before it was kept): it
            // was resolved by the hand-over at the latest, judged by the same rule on that day.
            var handed = d
            handed.readyAt = d.closedAt ?? d.receivedAt
            return handed.resolution(calendar: calendar).map { (closed, .resolved($0)) }
        }
    }
}
