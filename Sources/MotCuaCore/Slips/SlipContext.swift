import Foundation

/// What a dossier's slip is made from: the dossier (with the procedure as it was at receipt and
/// the papers received), the applicant on file, its audit events (the control sheet), the desk
/// profile, the due date with its provisional mark, and when the slip is issued.
public struct SlipContext: Sendable {
    public var dossier: Dossier
    public var applicant: Applicant?
    public var profile: DeskProfile
    public var events: [AuditEvent]
    /// The due date as `DueDateRule` computed it (with the provisional mark); nil: the dossier's.
    public var due: DueDate?
    /// The day on the place-and-date line.
    public var issuedAt: Date
    /// Who signs for the desk; nil: the clerk who received the dossier.
    public var clerk: String?

    public init(dossier: Dossier, applicant: Applicant? = nil, profile: DeskProfile, events: [AuditEvent] = [],
                due: DueDate? = nil, issuedAt: Date, clerk: String? = nil) {
        self.dossier = dossier; self.applicant = applicant; self.profile = profile; self.events = events
        self.due = due; self.issuedAt = issuedAt; self.clerk = clerk
    }

    var procedureName: String {
        dossier.procedureSnapshot.map { "\($0.name) (\(dossier.procedureCode))" } ?? dossier.procedureCode
    }

    /// `11/02/2027*` with the mark when provisional.
    var dueText: String { due?.vietnameseWithMark ?? dossier.dueDate.vietnamese }

    /// `* dự kiến — …` under the due date, when provisional.
    var dueNote: String? { due?.note.map { DueDate.mark + " " + $0.vi } }

    var address: String { applicant?.address ?? dossier.deliveryAddress ?? "" }
    var phone: String { applicant?.phone ?? "" }
    var receivedDay: LocalDate { VietnamTime.local(dossier.receivedAt).date }

    /// The heading, the form's number, the place-and-date line and the title.
    func heading(_ form: SlipForm, subtitle: [String] = []) -> [String] {
        var lines = SlipLayout.nationalHeader(profile)
        lines += [""] + SlipLayout.placeAndDate(profile, on: VietnamTime.local(issuedAt).date)
        lines += [""] + SlipLayout.center(form.title)
        lines += subtitle.flatMap { SlipLayout.center($0) }
        lines += SlipLayout.center("Mã hồ sơ: \(dossier.code)")
        lines.append("")
        return lines
    }
}
