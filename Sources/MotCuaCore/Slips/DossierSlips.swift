/// Which slips a dossier has as it stands, and each one built from what is recorded: the desk's
/// print screen and `motcua dossier print` call this, so neither prints a refusal for a dossier
/// never refused, nor an apology with a date nobody recorded.
public enum DossierSlips {
    /// The forms that make sense for the dossier, in form order.
    public static func forms(for d: Dossier, events: [AuditEvent]) -> [SlipForm] {
        SlipForm.allCases.filter { available($0, for: d, events: events) }
    }

    static func available(_ form: SlipForm, for d: Dossier, events: [AuditEvent]) -> Bool {
        switch form {
        case .receipt: d.status != .rejected
        case .supplement: d.status == .needsSupplement && !d.missingItems.isEmpty
        case .refusal: d.status == .rejected && TextInput.nonBlank(d.reason) != nil
        case .apology: lastApology(events) != nil
        case .stop: d.status == .withdrawn && TextInput.nonBlank(d.reason) != nil
        case .control: true
        }
    }

    /// The last apology recorded: the due date before it, the new one and the reason.
    public static func lastApology(_ events: [AuditEvent]) -> (previous: LocalDate, new: LocalDate, reason: String)? {
        for e in events.reversed() where e.action == "apologize" && e.entity == "dossier" {
            let data = EventData.parse(e.data)
            guard let previous = data.previousDueDate.flatMap(LocalDate.init(iso:)),
                  let new = data.dueDate.flatMap(LocalDate.init(iso:)) else { continue }
            return (previous, new, data.reason ?? "")
        }
        return nil
    }

    /// Form `form` of the dossier in `c`, from what is recorded; refused, saying why, when the
    /// dossier has no such slip (`forms(for:events:)`).
    public static func render(_ form: SlipForm, _ c: SlipContext, calendar: WorkingCalendar) throws -> Slip {
        guard available(form, for: c.dossier, events: c.events) else {
            let which = forms(for: c.dossier, events: c.events).map { "\($0.rawValue) (\($0.number))" }.joined(separator: ", ")
            throw RuleViolation(code: "slip_not_available", message: Localized(
                vi: "Hồ sơ \(c.dossier.code) (\(c.dossier.status.label.vi)) không có mẫu \(form.number); in được: \(which)",
                en: "Dossier \(c.dossier.code) (\(c.dossier.status.label.en)) has no form \(form.number); available: \(which)"))
        }
        switch form {
        case .receipt: return ReceiptSlip.render(c)
        case .supplement: return try SupplementSlip.render(c)
        case .refusal: return try RefusalSlip.render(c)
        case .stop: return try StopSlip.render(c)
        case .control: return ControlSheet.render(c)
        case .apology:
            guard let last = lastApology(c.events) else {
                throw RuleViolation(code: "slip_no_apology", message: Localized(
                    vi: "Hồ sơ \(c.dossier.code) chưa ghi xin lỗi, hẹn lại (motcua dossier apologize)",
                    en: "Dossier \(c.dossier.code) has no recorded apology (motcua dossier apologize)"))
            }
            // Form 04 speaks of the date promised before the apology, then the new one.
            var before = c
            before.dossier.dueDate = last.previous
            before.due = nil
            return try ApologySlip.render(before, newDue: last.new, reason: last.reason, calendar: calendar)
        }
    }
}
