import MotCuaCore

/// Cấp số thứ tự: name, priority group (a reason for "other"), what they came for, and the
/// optional phone and CCCD. Saving shows the ticket number large, then Enter takes the next person.
final class WalkInFormScreen: FormScreen {
    let session: DeskSession
    private let policy: PriorityPolicy

    init(session: DeskSession) throws {
        self.session = session
        let profile = try session.profile()
        self.policy = profile.priority
        let lang = session.language
        let none = ChoiceOption(id: "", label: Localized(vi: "Không", en: "None"))
        let groups = profile.priority.groups.map { ChoiceOption(id: $0.code, label: $0.label) }
        let catalog = try session.catalog()
        var form = Form(title: Localized(vi: "Cấp số thứ tự cho người đến", en: "Register a walk-in"), fields: [
            .text(TextField.personName(id: "name", label: Localized(vi: "Họ và tên", en: "Full name"),
                            hint: Localized(vi: "Gõ Telex/VNI (F9 đổi bộ gõ), ví dụ Nguyeenx → Nguyễn",
                                            en: "Telex/VNI typing (F9 switches), e.g. Nguyeenx → Nguyễn"))),
            .choice({
                var priority = ChoiceField(id: "priority", label: Localized(vi: "Ưu tiên", en: "Priority"), options: [none] + groups,
                                           hint: Localized(vi: "←/→ để chọn nhóm ưu tiên", en: "←/→ to choose"))
                priority.typingSelects = false
                return priority
            }()),
            .text(TextField(id: "priority_reason", label: Localized(vi: "Lý do ưu tiên", en: "Priority reason"),
                            hint: Localized(vi: "Bắt buộc với nhóm 'Ưu tiên khác'", en: "Required for 'Other priority'"))),
            .picker(PickerField.procedures(label: Localized(vi: "Thủ tục", en: "Procedure"), catalog: catalog,
                                           on: session.today, language: lang,
                                           hint: Localized(vi: "Gõ tên hoặc chữ đầu (ks → khai sinh); C-u xoá; có thể để trống",
                                                           en: "Type a name or initials (ks → khai sinh); C-u clears; may stay empty"))),
            .text(TextField(id: "phone", label: Localized(vi: "Điện thoại", en: "Phone"), kind: .phone, maxLength: 20)),
            .text(TextField(id: "id_number", label: Localized(vi: "Số CCCD", en: "ID number"), kind: .digits, maxLength: 16)),
        ], language: lang)
        // The reason is asked only for a group that needs one ("Ưu tiên khác"): Tab passes over
        // it otherwise, so a name or procedure typed one field too far does not land there.
        form.skipped = ["priority_reason"]
        super.init(form: form)
    }

    override func valueChanged(host: ScreenHost) {
        let code = form.value(of: "priority").flatMap { $0.isEmpty ? nil : $0 }
        if code.flatMap(policy.group(code:))?.requiresReason == true {
            form.skipped.remove("priority_reason")
        } else if !form.skipped.contains("priority_reason") {
            form.skipped.insert("priority_reason")
            form.setText("", of: "priority_reason")
        }
    }

    override func submit(host: ScreenHost) throws -> FormResult {
        let priority = form.value(of: "priority").flatMap { $0.isEmpty ? nil : $0 }
        let ticket = try session.registerWalkIn(WalkInRequest(
            name: form.value(of: "name") ?? "", priority: priority, priorityReason: form.value(of: "priority_reason"),
            procedureCode: form.value(of: "procedure"), phone: form.value(of: "phone"), idNumber: form.value(of: "id_number")))
        let waiting = try session.db.tickets(day: session.today).filter { $0.status == .waiting }.count
        let vi = host.language == .vi
        let cmnd = CitizenID.warning(for: ticket.idNumber).map { " — " + $0.text(host.language) } ?? ""
        host.say((vi ? "Đã cấp số \(ticket.code) cho \(ticket.applicantName)" : "Ticket \(ticket.code) for \(ticket.applicantName)") + cmnd,
                 warning: !cmnd.isEmpty)
        var slip: (draft: SlipDraft, session: DeskSession)?
        do {
            slip = (try SlipPrinting.ticketDraft(ticket, session: session), session)
        } catch {
            host.report(error)
        }
        let printKey = slip == nil ? nil : host.keyName(for: .dossierPrint, in: .form).map { vi ? "\($0): in phiếu số thứ tự" : "\($0): print the ticket slip" }
        return FormResult(headline: (vi ? "  SỐ THỨ TỰ  " : "  TICKET  ") + ticket.code + "  ",
                          lines: [ticket.applicantName + (ticket.isPriority ? (vi ? " — ưu tiên" : " — priority") : ""),
                                  vi ? "Đang chờ: \(waiting) người" : "Waiting: \(waiting)"] + (printKey.map { [$0] } ?? []),
                          large: BlockDigits.render(ticket.code), slip: slip,
                          printText: ActionText(vi: "In số", "In phiếu số thứ tự (không có CCCD, điện thoại)",
                                                en: "Print", "Print the ticket slip (no ID number or phone)"))
    }

    override func makeAnother() throws -> FormScreen? { try WalkInFormScreen(session: session) }
    override var resultHint: Localized? {
        Localized(vi: "Gõ tên người sau để cấp số tiếp", en: "Type the next person's name to give the next ticket")
    }
}
