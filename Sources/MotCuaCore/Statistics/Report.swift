import Foundation

/// What a report is computed from: the rows the store read for the period (dossiers that may
/// count in it, its tickets and appointments). Nothing else is needed, so the figures are a pure
/// function of these rows.
public struct ReportRows: Hashable, Sendable {
    public var dossiers: [ReportDossier]
    public var tickets: [Ticket]
    public var appointments: [Appointment]

    public init(dossiers: [ReportDossier] = [], tickets: [Ticket] = [], appointments: [Appointment] = []) {
        self.dossiers = dossiers; self.tickets = tickets; self.appointments = appointments
    }
}

/// One line of the dossier table: a field (lĩnh vực) or a procedure.
public struct ReportLine: Hashable, Sendable {
    /// The field's name, or the procedure's code.
    public let key: String
    /// The field's name, or the procedure's name.
    public let name: String
    public let field: String
    public let counts: DossierCounts
}

/// A period's statistics: the dossier figures by field and by procedure, and the queue's.
public struct Report: Hashable, Sendable {
    public let period: ReportPeriod
    /// The last day counted: the period's end, or today while the period runs (figures "in
    /// progress at the end" are as of this day).
    public let asOf: LocalDate
    public let byField: [ReportLine]
    public let byProcedure: [ReportLine]
    public let total: DossierCounts
    public let queue: QueueStatistics

    /// True when the period has not started yet on `today` (nothing can be counted).
    public var isFuture: Bool { asOf < period.start }

    public static func build(_ rows: ReportRows, period: ReportPeriod, today: LocalDate, calendar: WorkingCalendar) -> Report {
        let asOf = min(period.end, today)
        var fields: [String: DossierCounts] = [:]
        var procedures: [String: (name: String, field: String, counts: DossierCounts)] = [:]
        for r in rows.dossiers {
            guard let p = DossierStatistics.place(r.dossier, start: period.start, asOf: asOf, calendar: calendar) else { continue }
            fields[r.field, default: DossierCounts()].add(p)
            procedures[r.dossier.procedureCode, default: (r.procedureName, r.field, DossierCounts())].counts.add(p)
        }
        // Fields in alphabetical order as a Vietnamese reader sorts them (without tones first).
        func order(_ a: String, _ b: String) -> Bool { (VietnameseText.fold(a), a) < (VietnameseText.fold(b), b) }
        let byField = fields.sorted { order($0.key, $1.key) }
            .map { ReportLine(key: $0.key, name: $0.key, field: $0.key, counts: $0.value) }
        let byProcedure = procedures.sorted { a, b in
            a.value.field != b.value.field ? order(a.value.field, b.value.field) : order(a.value.name, b.value.name)
        }.map { ReportLine(key: $0.key, name: $0.value.name, field: $0.value.field, counts: $0.value.counts) }
        return Report(period: period, asOf: asOf, byField: byField, byProcedure: byProcedure,
                      total: byField.reduce(DossierCounts()) { $0 + $1.counts },
                      queue: QueueStatistics.compute(tickets: rows.tickets, appointments: rows.appointments,
                                                     start: period.start, asOf: asOf))
    }
}
