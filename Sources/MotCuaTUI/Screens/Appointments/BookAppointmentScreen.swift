import Foundation
import MotCuaCore
import MotCuaStore

/// The time fields both appointment forms share: a choice of the next free slots for the kind,
/// and a time typed by hand (`12/01 08:30`) for any other time, a full one included.
enum SlotFields {
    static func label(_ s: AppointmentSlot, _ language: Language) -> String {
        "\(s.timeText) \(WeekdayShort.dayMonth(s.day, language)) (" + (language == .en ? "\(s.free) free)" : "còn \(s.free))")
    }

    static func choice(_ slots: [AppointmentSlot], language: Language) -> ChoiceField {
        let options = slots.map { ChoiceOption(id: "\($0.day.iso) \($0.timeText)", label($0, language)) }
        let empty = [ChoiceOption(id: "", label: Localized(vi: "(không còn giờ trống)", en: "(no free time)"))]
        var field = ChoiceField(id: "at", label: Localized(vi: "Giờ hẹn", en: "Time"), options: options.isEmpty ? empty : options,
                                hint: Localized(vi: "←/→: các giờ còn trống gần nhất; gõ giờ thì sang ô Hoặc giờ khác",
                                                en: "←/→: the next free times; typing goes to Or another time"))
        // Typing a time here must never step the choice silently ("03/12 10:00" would visit
        // 11:00, 11:15 …): typed characters go to "Hoặc giờ khác" (see `redirectTyping`).
        field.typingSelects = false
        return field
    }

    /// A character typed on the slot choice moves to "Hoặc giờ khác" and is typed there. True when
    /// the key was taken (the caller then passes it on to the form).
    static func redirectTyping(_ key: Key, in form: inout Form) -> Bool {
        guard form.focusedID == "at", case .character(let ch) = key, ch != " " else { return false }
        return form.focus(id: "at_text")
    }

    static var otherField: FormField { .text(TextField(
        id: "at_text", label: Localized(vi: "Hoặc giờ khác", en: "Or another time"), kind: .text, maxLength: 20,
        hint: Localized(vi: "8h30 (ngày đã chọn ở trên), 12/01 08:30 hoặc 12/01/2026 08:30; để trống = giờ đã chọn",
                        en: "8h30 (the day chosen above), 12/01 08:30 or 12/01/2026 08:30; empty = the time chosen"))) }

    /// The time asked for: typed, else chosen. A time typed alone (`8h30`, `08:30`) is on the day
    /// of the time chosen above (else `day`). Errors name the field they come from.
    static func time(_ form: Form, today: LocalDate, day: LocalDate) throws -> LocalDateTime {
        if let typed = TextInput.nonBlank(form.value(of: "at_text")) {
            if let minute = TimeOfDay.parse(typed) {
                let chosen = TextInput.nonBlank(form.value(of: "at")).flatMap(LocalDateTime.init(parsing:))?.date ?? day
                return LocalDateTime(date: chosen, hour: minute / 60, minute: minute % 60)
            }
            do { return try BookingRequest.parseTime(typed, today: today) } catch let e as FieldError {
                throw FieldError(field: "at_text", label: e.label, problem: e.problem)
            }
        }
        guard let raw = TextInput.nonBlank(form.value(of: "at")), let at = LocalDateTime(parsing: raw) else {
            throw FieldError(field: "at", label: Localized(vi: "Giờ hẹn", en: "Time"),
                             problem: Localized(vi: "không còn giờ trống trong thời hạn nhận hẹn; gõ giờ khác để ghi vào danh sách chờ",
                                                en: "no free time within the booking horizon; type another time to join the waitlist"))
        }
        return at
    }

    /// A store error about the time goes beside the field it came from.
    static func remap(_ error: Error, typed: Bool) -> Error {
        guard typed, let e = error as? FieldError, e.field == "at" else { return error }
        return FieldError(field: "at_text", label: e.label, problem: e.problem)
    }
}

/// Đặt hẹn (F2 on the appointments screen): who (found among past applicants, or typed), what
/// kind, the procedures (a submission: one to three), for a home delivery the dossier and its
/// address, and a time among the next free ones. A full time offers the waitlist.
final class BookAppointmentScreen: FormScreen {
    let session: DeskSession
    let day: LocalDate
    let onBooked: (LocalDate) -> Void
    private var lastApplicant: String?
    private var lastDossier: String?
    private var slotKey = ""
    /// The clerk said yes to the waitlist for this request (kept only for what was asked).
    private var waitlistAnswer: BookingRequest?

    /// - Parameter prefill: a person on the waitlist: the form is filled from their entry (kind,
    ///   name, phone, CCCD, procedures) with the place held for them (or the time they wanted).
    init(session: DeskSession, day: LocalDate, prefill: WaitlistEntry? = nil, onBooked: @escaping (LocalDate) -> Void = { _ in }) throws {
        self.session = session
        self.day = day
        self.onBooked = onBooked
        let lang = session.language
        let db = session.db
        let catalog = try session.catalog()
        let kinds = AppointmentKind.allCases.map { ChoiceOption(id: $0.rawValue, label: $0.label) }
        // Only dossiers whose procedure brings results home (a home delivery of any other is refused).
        let homeProcedures = Set(catalog.procedures.filter { $0.deliveries.contains(.home) }.map(\.code))
        let open = try db.dossiers(matching: DossierQuery(statuses: Set(DossierStatus.allCases.filter(\.isOpen)), limit: 500))
            .filter { homeProcedures.contains($0.procedureCode) }
        let dossierItems = open.map { d in
            PickerItem(id: d.code, title: "\(d.code) \(d.applicantName)",
                       subtitle: [d.status.label.text(lang), d.deliveryAddress].compactMap { $0 }.joined(separator: " · "),
                       searchKey: "\(d.code) \(VietnameseText.fold(d.applicantName))")
        }
        func procedure(_ id: String, _ n: Int) -> FormField {
            .picker(PickerField.procedures(id: id, label: Localized(vi: "Thủ tục \(n)", en: "Procedure \(n)"), catalog: catalog,
                                           on: day, language: lang,
                                           hint: Localized(vi: "Nộp hồ sơ: ít nhất một thủ tục, tối đa 3; gõ tên hoặc chữ đầu (ks → khai sinh)",
                                                           en: "Submission: one to three procedures; type a name or initials")))
        }
        let fields: [FormField] = [
            .picker(PickerField(id: "lookup", label: Localized(vi: "Tìm người đã nộp", en: "Find applicant"),
                                hint: Localized(vi: "Tên, CCCD hoặc điện thoại của người đã đến trước; Enter để điền",
                                                en: "Name, ID or phone of a past applicant; Enter fills the form"),
                                search: { q in
                                    (try db.searchApplicants(q, limit: 20)).compactMap { a in
                                        guard let id = a.id else { return nil }
                                        return PickerItem(id: String(id), title: a.name,
                                                          subtitle: [a.idNumber, a.phone, a.address].compactMap { $0 }.joined(separator: " · "),
                                                          searchKey: a.searchKey)
                                    }
                                })),
            .choice(ChoiceField(id: "kind", label: Localized(vi: "Loại hẹn", en: "Kind"), options: kinds,
                                hint: Localized(vi: "←/→: hướng dẫn, nộp hồ sơ, trả kết quả tại nhà", en: "←/→: guidance, submission, result at home"))),
            .text(TextField.personName(id: "name", label: Localized(vi: "Họ và tên", en: "Name"), text: "")),
            .text(TextField(id: "phone", label: Localized(vi: "Điện thoại", en: "Phone"), kind: .phone, maxLength: 20,
                            hint: Localized(vi: "Cần để gọi báo khi có chỗ (danh sách chờ)", en: "Needed to phone them (waitlist)"))),
            .text(TextField(id: "id_number", label: Localized(vi: "Số CCCD", en: "ID number"), kind: .digits, maxLength: 16)),
            procedure("procedure", 1), procedure("procedure2", 2), procedure("procedure3", 3),
            .picker(PickerField(id: "dossier", label: Localized(vi: "Hồ sơ trả tại nhà", en: "Dossier"), items: dossierItems,
                                hint: Localized(vi: "Hồ sơ có kết quả mang đến (đang mở hoặc có kết quả): mã hoặc tên",
                                                en: "The dossier whose result is brought: code or name"))),
            .text(TextField(id: "address", label: Localized(vi: "Địa chỉ", en: "Address"),
                            hint: Localized(vi: "Nơi mang kết quả đến; lấy theo hồ sơ khi chọn", en: "Where the result is brought; from the dossier"))),
            .choice(SlotFields.choice([], language: lang)),
            SlotFields.otherField,
        ]
        var form = Form(title: Localized(vi: "Đặt lịch hẹn", en: "Book an appointment"), fields: fields, language: lang)
        form.focus(id: "lookup")
        super.init(form: form)
        if let e = prefill { fill(from: e) }
        updateKind()
        try updateSlots()
        if let e = prefill {
            let minute = e.offeredMinute ?? e.wantedMinute
            let id = "\(e.day.iso) \(TimeOfDay.hhmm(minute))"
            if !self.form.select(id, in: "at") {
                self.form.setText(String(format: "%02d/%02d/%04d ", e.day.day, e.day.month, e.day.year) + TimeOfDay.hhmm(minute),
                                  of: "at_text")
            }
            self.form.focus(id: "name")
        } else {
            self.form.markClean()
        }
    }

    /// The waitlist entry's person and wishes in the fields.
    private func fill(from e: WaitlistEntry) {
        form.select(e.kind.rawValue, in: "kind")
        form.setText(e.applicantName, of: "name")
        form.setText(e.phone, of: "phone")
        form.setText(e.idNumber ?? "", of: "id_number")
        for (field, code) in zip(["procedure", "procedure2", "procedure3"], e.procedureCodes) {
            form.select(code, in: field)
        }
    }

    private var kind: AppointmentKind { form.value(of: "kind").flatMap(AppointmentKind.init(rawValue:)) ?? .guidance }
    private var procedureCodes: [String] {
        ["procedure", "procedure2", "procedure3"].compactMap { TextInput.nonBlank(form.value(of: $0)) }
    }

    /// The fields a kind does not use are passed over by Tab.
    private func updateKind() {
        switch kind {
        case .guidance, .submission: form.skipped = ["dossier", "address"]
        case .home: form.skipped = ["procedure", "procedure2", "procedure3"]
        }
    }

    /// The next free slots for the kind (and the number of procedures), from the day shown.
    private func updateSlots() throws {
        let n = kind == .submission ? max(1, procedureCodes.count) : 1
        let key = "\(kind.rawValue)|\(n)"
        guard key != slotKey else { return }
        slotKey = key
        let slots = try session.nextFreeSlots(kind: kind, procedures: n, from: day)
        form["at"] = .choice(SlotFields.choice(slots, language: session.language))
    }

    private func fillFromLookup() throws {
        guard let id = form.value(of: "lookup"), id != lastApplicant else { return }
        lastApplicant = id
        guard let n = Int64(id), let a = try session.db.applicant(id: n) else { return }
        form.setText(a.name, of: "name")
        form.setText(a.idNumber ?? "", of: "id_number")
        form.setText(a.phone ?? "", of: "phone")
    }

    /// A dossier chosen for a home delivery brings its delivery address (and its applicant).
    private func fillFromDossier() throws {
        guard let code = form.value(of: "dossier"), code != lastDossier else { return }
        lastDossier = code
        guard let d = try session.db.dossier(code: code) else { return }
        let applicant = try d.applicantId.flatMap { try session.db.applicant(id: $0) }
        // The dossier's delivery address, else the applicant's own (as the store takes it).
        if let address = d.deliveryAddress ?? TextInput.nonBlank(applicant?.address) { form.setText(address, of: "address") }
        if (form.value(of: "name") ?? "").isEmpty { form.setText(d.applicantName, of: "name") }
        // The store takes the applicant's phone when none is typed; the clerk sees it here.
        if TextInput.nonBlank(form.value(of: "phone")) == nil, let phone = TextInput.nonBlank(applicant?.phone) {
            form.setText(phone, of: "phone")
        }
    }

    override func handle(key: Key, host: ScreenHost) -> Bool {
        _ = SlotFields.redirectTyping(key, in: &form)
        return super.handle(key: key, host: host)
    }

    override func valueChanged(host: ScreenHost) {
        do {
            try fillFromLookup()
            try fillFromDossier()
            updateKind()
            try updateSlots()
        } catch { host.report(error) }
    }

    /// A name typed in a picker that found nothing in its list is refused, naming the field:
    /// never dropped, which would book fewer procedures (and minutes) than the clerk typed.
    private func checkPickers(_ ids: [String]) throws {
        for id in ids {
            guard let typed = TextInput.nonBlank(form.text(of: id)), TextInput.nonBlank(form.value(of: id)) == nil else { continue }
            let label = form[id]?.label ?? Localized(vi: id, en: id)
            let isDossier = id == "dossier"
            throw FieldError(field: id, label: label,
                             problem: isDossier
                                ? Localized(vi: "'\(typed)' không khớp hồ sơ nào đang mở; chọn trong danh sách gợi ý",
                                            en: "'\(typed)' matches no open dossier; pick one from the suggestions")
                                : Localized(vi: "'\(typed)' không có trong danh mục thủ tục; chọn trong danh sách gợi ý hoặc xoá đi (C-u)",
                                            en: "'\(typed)' is not in the procedure catalogue; pick one from the suggestions or clear it (C-u)"))
        }
    }

    private func request() throws -> BookingRequest {
        let home = kind == .home
        try checkPickers(home ? ["dossier"] : ["procedure", "procedure2", "procedure3"])
        let at = try SlotFields.time(form, today: session.today, day: day)
        return BookingRequest(name: form.value(of: "name") ?? "", phone: form.value(of: "phone"), idNumber: form.value(of: "id_number"),
                              at: at, kind: kind, procedureCodes: home ? [] : procedureCodes,
                              dossierCode: home ? form.value(of: "dossier") : nil, address: home ? form.value(of: "address") : nil)
    }

    override func submit(host: ScreenHost) throws -> FormResult {
        let typed = TextInput.nonBlank(form.value(of: "at_text")) != nil
        let req = try request()
        do {
            let waitlist = waitlistAnswer == req
            if !waitlist {
                // Full? Ask before writing anything (the store checks again in its transaction).
                let checked = try session.db.checkBooking(req, now: session.now, calendar: session.calendar)
                if let full = checked.fullError {
                    askWaitlist(req, full: full, host: host)
                    throw QuestionAsked()
                }
            }
            let result = try session.book(req, waitlistIfFull: waitlist)
            waitlistAnswer = nil
            return try done(result, host: host)
        } catch let e as FieldError {
            throw SlotFields.remap(e, typed: typed)
        }
    }

    private func askWaitlist(_ req: BookingRequest, full: FieldError, host: ScreenHost) {
        let en = host.language == .en
        host.confirm(YesNoQuestion(
            title: en ? "The time is full" : "Giờ này đã kín",
            message: full.problem.text(host.language) + (en ? ". Put \(req.name) on the waitlist?" : ". Ghi vào danh sách chờ?"),
            defaultYes: false, under: self,
            onYes: { [weak self] host in
                guard let self else { return }
                self.waitlistAnswer = req
                self.save(host: host)
            },
            onNo: { [weak self] host in
                self?.form.focus(id: TextInput.nonBlank(self?.form.value(of: "at_text")) != nil ? "at_text" : "at")
                host.say(en ? "Not booked — choose another time" : "Chưa đặt — hãy chọn giờ khác", warning: true)
            }))
    }

    private func done(_ result: BookingResult, host: ScreenHost) throws -> FormResult {
        let en = host.language == .en
        switch result {
        case .booked(let a):
            onBooked(a.day)
            let when = "\(a.timeRange) \(OpeningHours.weekdayName(a.day.isoWeekday)) \(a.day.vietnamese)"
            host.say(en ? "Booked \(a.reference): \(a.applicantName), \(TimeOfDay.hhmm(a.startMinute)) \(a.day.iso)"
                        : "Đã đặt hẹn \(a.reference): \(a.applicantName), \(TimeOfDay.hhmm(a.startMinute)) ngày \(a.day.vietnamese)")
            var lines = [a.applicantName + " — " + a.kind.label.text(host.language), when]
            if let address = a.address { lines.append(address) }
            return FormResult(headline: (en ? "  BOOKED " : "  ĐÃ ĐẶT HẸN ") + a.reference + "  ", lines: lines)
        case .waitlisted(let w):
            host.say(en ? "\(w.applicantName) is on the waitlist (\(w.reference))" : "Đã ghi \(w.applicantName) vào danh sách chờ (\(w.reference))")
            return FormResult(headline: (en ? "  WAITLIST " : "  DANH SÁCH CHỜ ") + w.reference + "  ",
                              lines: [w.applicantName + " — " + w.phone,
                                      (en ? "Wanted: " : "Muốn hẹn: ") + "\(TimeOfDay.hhmm(w.wantedMinute)) \(w.day.vietnamese)",
                                      en ? "A cancelled place is offered to the first waiting" : "Khi có người huỷ, chỗ trống được báo cho người chờ đầu tiên"])
        }
    }

    override func makeAnother() throws -> FormScreen? { try BookAppointmentScreen(session: session, day: day, onBooked: onBooked) }
    override var anotherText: ActionText { ActionText(vi: "Hẹn khác", "Đặt thêm một lịch hẹn", en: "Another", "Book another appointment") }
}

/// Dời hẹn (F6): the appointment, and its new time among the next free ones for its kind.
final class RescheduleScreen: FormScreen {
    let session: DeskSession
    let appointment: Appointment
    let onDone: () -> Void

    init(session: DeskSession, appointment a: Appointment, onDone: @escaping () -> Void) throws {
        self.session = session
        self.appointment = a
        self.onDone = onDone
        let lang = session.language
        let slots = try session.nextFreeSlots(kind: a.kind, procedures: max(1, a.procedureCodes.count), from: a.day, excluding: a.id)
            .filter { !($0.day == a.day && $0.startMinute == a.startMinute) }
        let fields: [FormField] = [
            .info(InfoField(id: "appointment", label: Localized(vi: "Lịch hẹn", en: "Appointment"),
                            text: "\(a.reference) \(a.applicantName) — \(a.kind.label.text(lang))", style: CellStyle(.bold))),
            .info(InfoField(id: "now", label: Localized(vi: "Đang hẹn", en: "Now at"),
                            text: "\(a.timeRange) \(OpeningHours.weekdayName(a.day.isoWeekday)) \(a.day.vietnamese)")),
            .choice(SlotFields.choice(slots, language: lang)),
            SlotFields.otherField,
        ]
        var form = Form(title: Localized(vi: "Dời lịch hẹn \(a.reference)", en: "Reschedule \(a.reference)"), fields: fields, language: lang)
        form.focus(id: "at")
        super.init(form: form)
    }

    override func handle(key: Key, host: ScreenHost) -> Bool {
        _ = SlotFields.redirectTyping(key, in: &form)
        return super.handle(key: key, host: host)
    }

    override func submit(host: ScreenHost) throws -> FormResult {
        let typed = TextInput.nonBlank(form.value(of: "at_text")) != nil
        let en = host.language == .en
        do {
            let at = try SlotFields.time(form, today: session.today, day: appointment.day)
            guard let id = appointment.id else { throw RuleViolation(code: "no_id", message: Localized(vi: "Lịch hẹn chưa lưu", en: "Not saved")) }
            let r = try session.actOnAppointment(AppointmentActionRequest(id: id, kind: .reschedule, newTime: at))
            onDone()
            let a = r.appointment
            let moved = en ? "Appointment \(a.reference) moved to \(TimeOfDay.hhmm(a.startMinute)) \(a.day.iso)"
                           : "Đã dời hẹn \(a.reference) sang \(TimeOfDay.hhmm(a.startMinute)) ngày \(a.day.vietnamese)"
            host.say(moved)
            // The old place may pass to the first on the waitlist: shown as prominently as a cancel's.
            if let offer = r.offer {
                let done = onDone
                AppointmentActions.showOffer(offer, message: r.message, session: session, host: host, done: moved + ".",
                                             onBooked: { _ in done() })
            }
            return FormResult(headline: (en ? "  MOVED " : "  ĐÃ DỜI HẸN ") + a.reference + "  ",
                              lines: [a.applicantName, "\(a.timeRange) \(OpeningHours.weekdayName(a.day.isoWeekday)) \(a.day.vietnamese)"])
        } catch {
            throw SlotFields.remap(error, typed: typed)
        }
    }

    override var anotherText: ActionText { ActionText(vi: "Xong", "Quay lại lịch hẹn", en: "Done", "Back to the appointments") }
}
