import MotCuaCore

/// Tiếp nhận hồ sơ: the applicant (from the ticket being served, or found among past applicants),
/// the procedure, how it came and how the result goes back, notes. The due date is shown before
/// saving; saving shows the dossier code for the receipt.
final class ReceiveDossierScreen: FormScreen {
    let session: DeskSession
    let ticket: Ticket?
    private var lastApplicant: String?
    /// The procedure whose catalog papers were last offered, and the text offered: the clerk's
    /// own edits are kept when the procedure changes, an untouched offer follows it.
    private var documentsOffered: (procedure: String?, text: String) = (nil, "")

    /// - Parameter applicant: who handed in the previous dossier at this form ("another dossier"
    ///   for the same person): their name, CCCD, phone and address start the form again, so the
    ///   second dossier goes to the same citizen, not to a new record without a CCCD.
    init(session: DeskSession, ticket: Ticket?, applicant: Applicant? = nil) throws {
        self.session = session
        self.ticket = ticket
        let lang = session.language
        let db = session.db
        let catalog = try session.catalog()
        let channel = [ChoiceOption(id: "direct", label: Channel.direct.label), ChoiceOption(id: "post", label: Channel.post.label),
                       ChoiceOption(id: "online", label: Channel.online.label)]
        let delivery = [ChoiceOption(id: "desk", label: Localized(vi: "Tại quầy", en: "At the desk")),
                        ChoiceOption(id: "post", label: Localized(vi: "Qua bưu chính", en: "By post")),
                        ChoiceOption(id: "home", label: Localized(vi: "Tại nhà", en: "At home"))]
        // From the ticket being served: the model's rule for what a ticket fills in (the same
        // as `dossier receive --ticket`).
        var start = ticket.map { ReceiveRequest(procedureCode: "", name: "").filledIn(from: $0) }
        if let a = applicant {
            start = ReceiveRequest(procedureCode: "", name: a.name, idNumber: a.idNumber, phone: a.phone, address: a.address,
                                   ticketCode: ticket?.code)
        }
        var fields: [FormField] = []
        if let t = ticket {
            fields.append(.info(InfoField(id: "ticket", label: Localized(vi: "Số thứ tự", en: "Ticket"),
                                          text: "\(t.code) — \(t.applicantName)", style: CellStyle(.bold))))
        }
        fields += [
            .picker(PickerField(id: "lookup", label: Localized(vi: "Tìm người đã nộp", en: "Find applicant"),
                                hint: Localized(vi: "Tên, CCCD hoặc điện thoại của người đã nộp trước; Enter để điền",
                                                en: "Name, ID or phone of a past applicant; Enter fills the form"),
                                search: { q in
                                    (try db.searchApplicants(q, limit: 20)).compactMap { a in
                                        guard let id = a.id else { return nil }
                                        return PickerItem(id: String(id), title: a.name,
                                                          subtitle: [a.idNumber, a.phone, a.address].compactMap { $0 }.joined(separator: " · "),
                                                          searchKey: a.searchKey)
                                    }
                                })),
            .text(TextField.personName(id: "name", label: Localized(vi: "Người nộp", en: "Applicant"), text: start?.name ?? "")),
            .text(TextField(id: "id_number", label: Localized(vi: "Số CCCD", en: "ID number"), text: start?.idNumber ?? "",
                            kind: .digits, maxLength: 16)),
            .text(TextField(id: "phone", label: Localized(vi: "Điện thoại", en: "Phone"), text: start?.phone ?? "",
                            kind: .phone, maxLength: 20)),
            .text(TextField(id: "address", label: Localized(vi: "Địa chỉ", en: "Address"), text: start?.address ?? "")),
            .picker(PickerField.procedures(label: Localized(vi: "Thủ tục", en: "Procedure"), catalog: catalog,
                                           on: session.today, language: lang, selected: start.flatMap { TextInput.nonBlank($0.procedureCode) },
                                           hint: Localized(vi: "Gõ tên hoặc chữ đầu (ks → khai sinh); gõ đè để thay, C-u xoá",
                                                           en: "Type a name or initials; typing replaces, C-u clears"))),
            // The papers handed in, offered from the catalog's list for the procedure and
            // edited here; written on form 01.
            .text(TextField(id: "documents", label: ReceivedDocument.label, maxLength: 1000,
                            hint: Localized(vi: "Giấy tờ đã nhận, cách nhau bởi ';'; tên:bản chính:bản sao (chỉ tên = 1 bản sao)",
                                            en: "Papers received, separated by ';'; name:originals:copies (name alone = 1 copy)"))),
            .choice(ChoiceField(id: "channel", label: Localized(vi: "Hình thức nộp", en: "Channel"), options: channel)),
            .choice(ChoiceField(id: "delivery", label: Localized(vi: "Nhận kết quả", en: "Result by"), options: delivery)),
            .text(TextField(id: "delivery_address", label: Localized(vi: "Địa chỉ nhận", en: "Deliver to"),
                            hint: Localized(vi: "Khi trả qua bưu chính hoặc tại nhà; để trống = địa chỉ trên",
                                            en: "For post or home; empty = the address above"))),
            .text(TextField(id: "notes", label: Localized(vi: "Ghi chú", en: "Notes"), maxLength: 200)),
            .info(InfoField(id: "due", label: Localized(vi: "Ngày hẹn trả", en: "Due date"), text: "", style: CellStyle(.bold))),
            // The fee to collect, from the catalog, as soon as a procedure is chosen.
            .info(InfoField(id: "fee", label: Localized(vi: "Lệ phí", en: "Fee"), text: "")),
        ]
        var form = Form(title: Localized(vi: "Tiếp nhận hồ sơ", en: "Receive a dossier"), fields: fields, language: lang)
        form.focus(id: ticket == nil ? "lookup" : "procedure")
        super.init(form: form)
        try offerDocuments()
        updateDuePreview()
        form.markClean()
    }

    /// Shows the due date the receipt will carry, from the procedure chosen and the clock, and
    /// the procedure's fee from the catalog.
    private func updateDuePreview() {
        let vi = session.language == .vi
        let p: Procedure, due: DueDate
        // No fee from a procedure chosen before: it is set again below, or stays empty on an error.
        form.setText("", of: "fee")
        do {
            guard let code = form.value(of: "procedure"), let found = try session.db.procedure(code: code, on: session.today) else {
                form.setText(vi ? "(chọn thủ tục để tính)" : "(choose a procedure)", of: "due")
                form.setText(vi ? "(theo thủ tục)" : "(by procedure)", of: "fee")
                return
            }
            p = found
            form.setText(FeeText.text(fee: p.fee, note: p.feeNote, language: session.language), of: "fee")
            due = try session.previewDueDate(procedure: p)
        } catch {
            // Shown where the date would be: a preview that cannot be computed is not a blank.
            form.setText(session.message(for: error), of: "due")
            return
        }
        // The catalog's wording, so a calendar-day limit reads "30 ngày", not "30 ngày làm việc".
        let days = p.processingDays == 0 ? (vi ? "trong ngày" : "same day") : p.processingText.text(session.language)
        // A date resting on a default (unannounced) Tết says so before it is promised.
        // The note takes the room of the time limit (80 columns hold one or the other).
        if let note = due.note {
            form.setText("\(due.vietnameseWithMark) — \(note.text(session.language))", of: "due")
        } else if due.countedFrom > session.today {
            // After the cut-off (or on a day the desk is closed) the count starts later: say so,
            // rather than "trong ngày" beside tomorrow's date.
            form.setText("\(due.vietnameseWithMark) (\(days), " + (vi ? "tính từ \(due.countedFrom.vietnamese)" : "from \(due.countedFrom.iso)") + ")",
                         of: "due")
        } else {
            form.setText("\(due.vietnameseWithMark) (\(days))", of: "due")
        }
    }

    /// A past applicant accepted in the lookup fills name, CCCD, phone and address.
    private func fillFromLookup() throws {
        guard let id = form.value(of: "lookup"), id != lastApplicant else { return }
        lastApplicant = id
        guard let n = Int64(id), let a = try session.db.applicant(id: n) else { return }
        form.setText(a.name, of: "name")
        form.setText(a.idNumber ?? "", of: "id_number")
        form.setText(a.phone ?? "", of: "phone")
        form.setText(a.address ?? "", of: "address")
    }

    /// Offers the chosen procedure's usual papers, unless the clerk has written their own.
    private func offerDocuments() throws {
        let code = form.value(of: "procedure")
        guard code != documentsOffered.procedure else { return }
        let typed = form.value(of: "documents") ?? ""
        let papers = try code.flatMap { try session.db.procedure(code: $0, on: session.today) }?.documents ?? []
        let offer = ReceivedDocument.listText(papers)
        if typed.isEmpty || typed == documentsOffered.text { form.setText(offer, of: "documents") }
        documentsOffered = (code, offer)
    }

    override func valueChanged(host: ScreenHost) {
        do {
            try fillFromLookup()
            try offerDocuments()
            updateDuePreview()
            if form.focusedID == "delivery" || form.focusedID == "procedure" { try checkDelivery(host) }
        } catch {
            host.report(error)
        }
    }

    /// The model refuses a delivery the procedure does not offer when the form is saved; say
    /// why as soon as it is chosen rather than leave the clerk guessing.
    private func checkDelivery(_ host: ScreenHost) throws {
        guard let code = form.value(of: "procedure"), let p = try session.db.procedure(code: code, on: session.today),
              let raw = form.value(of: "delivery"), let chosen = Delivery(rawValue: raw), !p.deliveries.contains(chosen) else { return }
        let allowed = Delivery.allCases.filter(p.deliveries.contains).map { $0.label.text(host.language) }.joined(separator: ", ")
        host.say(host.language == .en ? "Procedure \(p.name) only returns results: \(allowed)"
                                      : "Thủ tục \(p.name) chỉ trả kết quả: \(allowed)", warning: true)
    }

    /// The clerk's answers to the store's questions, each kept only for what it answered: the
    /// identity choice for that CCCD and name, the duplicate for that procedure.
    private var identityAnswer: (key: String, choice: IdentityChoice)?
    /// The citizen the saved dossier went to (for "another dossier" of the same person).
    private var lastApplicantSaved: Applicant?
    private var duplicateAnswer: String?

    private var identityKey: String { "\(form.value(of: "id_number") ?? "")|\(form.value(of: "name") ?? "")" }
    private var duplicateKey: String { "\(identityKey)|\(form.value(of: "procedure") ?? "")" }

    override func submit(host: ScreenHost) throws -> FormResult {
        let d: Dossier
        do {
            d = try session.receiveDossier(ReceiveRequest(
                procedureCode: form.value(of: "procedure") ?? "", name: form.value(of: "name") ?? "",
                idNumber: form.value(of: "id_number"), phone: form.value(of: "phone"), address: form.value(of: "address"),
                ticketCode: ticket?.code, channel: form.value(of: "channel") ?? "direct", delivery: form.value(of: "delivery"),
                deliveryAddress: form.value(of: "delivery_address"), notes: form.value(of: "notes"),
                identity: identityAnswer.flatMap { $0.key == identityKey ? $0.choice : nil },
                allowDuplicate: duplicateAnswer == duplicateKey,
                documents: try ReceivedDocument.parseList(form.value(of: "documents") ?? "")))
        } catch let question as ConfirmationNeeded {
            ask(question, host: host)
            throw QuestionAsked()
        }
        // The record the dossier was filed under (the one on file when the clerk chose so).
        lastApplicantSaved = try d.applicantId.flatMap { try session.db.applicant(id: $0) }
        let vi = host.language == .vi
        let name = try session.db.procedure(of: d)?.name ?? d.procedureCode
        let cmnd = CitizenID.warning(for: form.value(of: "id_number")).map { " — " + $0.text(host.language) } ?? ""
        let due = try session.due(of: d)
        host.say((vi ? "Đã tiếp nhận hồ sơ \(d.code), hẹn trả \(d.dueDate.vietnamese)" : "Received \(d.code), due \(d.dueDate.iso)") + cmnd,
                 warning: !cmnd.isEmpty)
        // Form 01 at once: the key offers the preview, then the printer.
        var slip: (draft: SlipDraft, session: DeskSession)?
        do {
            slip = (try SlipPrinting.draft(.receipt, code: d.code, session: session), session)
        } catch {
            // Saved all the same; the receipt can be printed later from the register (C-p).
            host.report(error)
        }
        return FormResult(headline: (vi ? "  MÃ HỒ SƠ  " : "  DOSSIER  ") + d.code + "  ",
                          lines: [d.applicantName + " — " + name,
                                  (vi ? "Ngày hẹn trả: " : "Due: ") + due.vietnameseWithMark]
                                  + (due.note.map { [DueDate.mark + " " + $0.text(host.language)] } ?? []) + (slip == nil ? [] : printHint(host)) + finishHint(host),
                          slip: slip,
                          printText: ActionText(vi: "In giấy TN", "In giấy tiếp nhận và hẹn trả kết quả (mẫu 01)",
                                                en: "Print receipt", "Print the receipt and due date slip (form 01)"))
    }

    /// Puts the store's question to the clerk. Both answers that change something default to
    /// Không: a mistyped CCCD is the likelier cause of a conflict than a renamed citizen.
    private func ask(_ question: ConfirmationNeeded, host: ScreenHost) {
        let en = host.language == .en
        let typed = form.value(of: "name") ?? ""
        let id = form.value(of: "id_number") ?? ""
        let key = identityKey, dupKey = duplicateKey
        switch question.kind {
        case .identityConflict:
            let onFile = question.nameOnFile ?? ""
            host.confirm(YesNoQuestion(
                title: en ? "ID number already on file" : "CCCD đã có trong hồ sơ",
                message: en ? "ID \(id) is on file as \(onFile), not \(typed). Is the person at the desk \(onFile) (use the record on file)?"
                            : "CCCD \(id) đã có trong hồ sơ của \(onFile), không phải \(typed). Người đang nộp là \(onFile) (dùng hồ sơ đã có)?",
                defaultYes: false, under: self,
                onYes: { [weak self] host in
                    guard let self else { return }
                    self.identityAnswer = (key, .useRecordOnFile)
                    self.save(host: host)
                },
                onNo: { [weak self] host in
                    host.confirm(YesNoQuestion(
                        title: en ? "Correct the record?" : "Sửa tên trong hồ sơ?",
                        message: en ? "Change the name on file for ID \(id) from \(onFile) to \(typed)? The old name stays in the audit log."
                                    : "Đổi tên trong hồ sơ CCCD \(id) từ \(onFile) thành \(typed)? Tên cũ được giữ trong nhật ký.",
                        defaultYes: false, under: self,
                        onYes: { host in
                            guard let self else { return }
                            self.identityAnswer = (key, .correctRecord)
                            self.save(host: host)
                        },
                        onNo: { host in
                            self?.form.focus(id: "id_number")
                            host.say(en ? "Nothing saved — check the ID number" : "Chưa lưu — hãy kiểm tra lại số CCCD", warning: true)
                        }))
                }))
        case .duplicateDossier:
            host.confirm(YesNoQuestion(
                title: en ? "Same dossier today" : "Hồ sơ trùng trong ngày",
                message: question.message.text(host.language), defaultYes: false, under: self,
                onYes: { [weak self] host in
                    guard let self else { return }
                    self.duplicateAnswer = dupKey
                    self.save(host: host)
                }))
        case .trackingCheckDigit:
            // Not a question a reception asks (only posting a result does): said as it is.
            host.say(question.message.text(host.language), warning: true)
        }
    }

    /// The key that prints form 01, as the keymap binds it.
    private func printHint(_ host: ScreenHost) -> [String] {
        guard let key = host.keyName(for: .dossierPrint, in: .form) else { return [] }
        return [host.language == .vi ? "\(key): in giấy tiếp nhận và hẹn trả kết quả (mẫu 01)" : "\(key): print the receipt (form 01)"]
    }

    /// How to finish the ticket being served, with the key the keymap binds.
    private func finishHint(_ host: ScreenHost) -> [String] {
        guard ticket != nil, let key = host.keyName(for: .queueDone, in: .queue) else { return [] }
        return [host.language == .vi ? "\(key) trên hàng chờ để kết thúc số đang phục vụ" : "\(key) on the queue finishes the ticket being served"]
    }

    /// The same citizen often brings more than one dossier: Enter opens the form again for them.
    override func makeAnother() throws -> FormScreen? {
        try ReceiveDossierScreen(session: session, ticket: ticket, applicant: lastApplicantSaved)
    }
    override var anotherText: ActionText {
        ticket == nil ? ActionText(vi: "Hồ sơ khác", "Nhận hồ sơ khác", en: "Another", "Receive another dossier")
                      : ActionText(vi: "Hồ sơ khác", "Nhận thêm hồ sơ của \(ticket?.code ?? "")",
                                   en: "Another", "Another dossier for \(ticket?.code ?? "")")
    }
}
