import MotCuaCore
import MotCuaStore

/// The dossier actions of the register and the detail screen, carried out the same way on both:
/// the model checks the move first (so a reason is not asked for a move it will refuse), small
/// dialogs ask what the step needs, and `session.act` makes the change (one store
/// transaction with its audit event).
enum DossierActions {
    /// The key bar of the dossier screens. Quit comes before the Alt keys so that it stays on an
    /// 80-column bar; all of them are in help (F1).
    static let barActions: [Action] = [.help, .dossierReady, .dossierReturn, .dossierSupplement, .dossierReject, .quit,
                                       .dossierPost, .dossierDeliverHome]

    /// The status each action moves a dossier to.
    static let steps: [Action: DossierActionKind] = [
        .dossierReady: .ready, .dossierReturn: .return, .dossierSupplement: .supplement,
        .dossierReject: .reject, .dossierPost: .post, .dossierDeliverHome: .deliverHome,
        .dossierResume: .resume, .dossierWithdraw: .withdraw,
        .dossierSend: .send, .dossierPostDelivered: .postDelivered, .dossierPostReturned: .postReturned,
        .dossierApologize: .apologize,
    ]

    /// Carries out `action` on the dossier `code` (nil: nothing selected). Returns false when
    /// `action` is not a dossier action. `changed` runs after a successful change.
    /// The actions `perform` carries out.
    static let actions: Set<Action> = Set(steps.keys).union([.dossierPrint])

    static func perform(_ action: Action, code: String?, from screen: Screen, host: ScreenHost, session: DeskSession,
                        changed: @escaping () -> Void) -> Bool {
        if action == .dossierPrint { return print(code: code, from: screen, host: host, session: session) }
        guard let step = steps[action] else { return false }
        let target = step.target
        let en = host.language == .en
        guard let code else {
            host.say(en ? "No dossier selected" : "Chưa chọn hồ sơ nào", warning: true)
            return true
        }
        // Fresh from the store: another counter may have moved it since the list was read.
        let dossier: Dossier
        do {
            guard let d = try session.db.dossier(code: code) else {
                host.say(en ? "Dossier \(code) not found" : "Không tìm thấy hồ sơ \(code)", warning: true)
                return true
            }
            dossier = d
            // Refused before any question is asked (status, and the ways the procedure delivers).
            try DossierRules.precheck(step, on: d, procedure: try session.db.procedure(of: d))
        } catch {
            host.report(error)
            return true
        }

        /// Takes the step. Throws the model's or the store's refusal: from a prompt, that reopens
        /// the prompt with what was typed (PromptScreen); elsewhere `report` says it.
        func change(reason: String? = nil, tracking: String? = nil, receiver: String? = nil, receiverID: String? = nil,
                    address: String? = nil, missing: [String] = [], sentTo: String? = nil, newDue: LocalDate? = nil,
                    postage: Int? = nil) throws {
            var request = DossierActionRequest(code: dossier.code, kind: step, receiverName: receiver,
                                               receiverIdNumber: receiverID, address: address, trackingNumber: tracking,
                                               missing: missing, reason: reason, sentTo: sentTo, postage: postage, newDueDate: newDue)
            // The desk asked about a wrong check digit before the postage (askTracking).
            request.acceptsCheckDigitWarning = true
            let result = try session.act(request)
            let d = result.dossier
            // What the step changed besides the dossier (a home delivery cancelled) is said too.
            let notes = result.notes.map { ". " + $0.text(host.language) }.joined()
            host.say(successMessage(d, step: step, target: target, reason: reason, tracking: d.trackingNumber, host: host) + notes)
            changed()
        }
        func report(_ body: () throws -> Void) {
            do { try body() } catch { host.report(error) }
        }
        let required: (String) -> String? = { text in
            text.isEmpty ? (en ? "A reason is required" : "Cần nhập lý do") : nil
        }

        switch action {
        case .dossierSupplement:
            host.push(PromptScreen(
                title: en ? "Request a supplement — \(dossier.code)" : "Yêu cầu bổ sung hồ sơ \(dossier.code)",
                label: en ? "Missing documents (separate with ;):" : "Giấy tờ cần bổ sung (cách nhau bởi dấu ;):", under: screen,
                validate: { $0.isEmpty ? (en ? "Name at least one missing document" : "Ghi ít nhất một giấy tờ còn thiếu") : nil },
                onAccept: { text, _ in
                    try change(missing: text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
                }))
        case .dossierWithdraw, .dossierReject:
            // A reason, then a confirmation: neither step can be undone, so Enter alone (the
            // default Không) must not confirm it.
            let withdraw = action == .dossierWithdraw
            host.push(PromptScreen(
                title: withdraw ? (en ? "Withdraw — \(dossier.code)" : "Rút hồ sơ \(dossier.code)")
                                : (en ? "Reject — \(dossier.code)" : "Từ chối hồ sơ \(dossier.code)"),
                label: withdraw ? (en ? "Why the applicant withdraws it:" : "Lý do người nộp rút hồ sơ:")
                                : (en ? "Reason for the rejection:" : "Lý do từ chối:"),
                under: screen, validate: required,
                onAccept: { reason, host in
                    let verb = withdraw ? Localized(vi: "Rút", en: "Withdraw") : Localized(vi: "Từ chối", en: "Reject")
                    host.confirm(YesNoQuestion(
                        title: en ? "\(verb.en) the dossier?" : "\(verb.vi) hồ sơ?",
                        message: en ? "\(verb.en) dossier \(dossier.code) of \(dossier.applicantName)? Reason: \(reason). This cannot be undone."
                                    : "\(verb.vi) hồ sơ \(dossier.code) của \(dossier.applicantName)? Lý do: \(reason). Không thể hoàn tác.",
                        defaultYes: false, under: screen,
                        onYes: { _ in report { try change(reason: reason) } }))
                }))
        case .dossierPost:
            // The address the post takes it to: the dossier's delivery address, else the
            // applicant's; asked for when neither is on file.
            let known: String?
            do {
                known = try dossier.deliveryAddress ?? dossier.applicantId.flatMap { try session.db.applicant(id: $0) }?.address
            } catch {
                host.report(error)
                return true
            }
            // Last, the postage (optional: the post may bill it later). The tracking number was
            // checked by the model before this is asked, so a refusal here is the postage's.
            func askPostage(_ address: String?, _ tracking: String) {
                host.push(PromptScreen(
                    title: en ? "Send by post — \(dossier.code)" : "Gửi bưu chính hồ sơ \(dossier.code)",
                    label: en ? "Postage in VND (empty if not known):" : "Cước bưu chính, đồng (để trống nếu chưa biết):",
                    text: dossier.postage.map(String.init) ?? "", under: screen, asciiOnly: true, maxLength: 12,
                    validate: { PostageText.problem($0, language: host.language) },
                    onAccept: { raw, _ in try change(tracking: tracking, address: address, postage: PostageText.amount(raw)) }))
            }
            // The model's own check of the address and the tracking number, before the postage is asked.
            func checked(_ raw: String, _ address: String?) throws {
                // The store fills the applicant's address in when none is given: so does the check.
                var request = DossierActionRequest(code: dossier.code, kind: .post, address: address ?? known, trackingNumber: raw)
                request.acceptsCheckDigitWarning = true   // asked next, on the desk's own dialog
                _ = try DossierRules.apply(request, to: dossier, now: session.now)
            }
            // Không on the check-digit warning comes back here with the code as typed, to correct it.
            func askTracking(_ address: String?, _ typed: String) {
                host.push(PromptScreen(
                    title: en ? "Send by post — \(dossier.code)" : "Gửi bưu chính hồ sơ \(dossier.code)",
                    label: en ? "Tracking number (e.g. EC136431858VN):" : "Mã vận đơn (ví dụ EC136431858VN):",
                    text: typed, under: screen, asciiOnly: true, maxLength: 40,
                    validate: { $0.isEmpty ? (en ? "The tracking number is required" : "Cần nhập mã vận đơn") : nil },
                    onAccept: { raw, host in
                        try checked(raw, address)
                        if let warning = TrackingNumber.warning(for: TrackingNumber.check(raw)) {
                            let tracking = TrackingNumber.normalize(raw)
                            host.confirm(YesNoQuestion(
                                title: en ? "Check the tracking number" : "Kiểm tra mã vận đơn",
                                message: warning.text(host.language) + (en ? ". Save \(tracking) anyway?" : ". Vẫn lưu \(tracking)?"),
                                defaultYes: false, under: screen,
                                onYes: { _ in askPostage(address, raw) },
                                onNo: { host in
                                    askTracking(address, raw)
                                    host.say(warning.text(host.language), warning: true)
                                }))
                        } else {
                            askPostage(address, raw)
                        }
                    }))
            }
            if known == nil {
                host.push(PromptScreen(
                    title: en ? "Send by post — \(dossier.code)" : "Gửi bưu chính hồ sơ \(dossier.code)",
                    label: en ? "Postal address (none on file):" : "Địa chỉ gửi (chưa có trong hồ sơ):", under: screen,
                    validate: { $0.isEmpty ? (en ? "The address is required" : "Cần nhập địa chỉ gửi") : nil },
                    onAccept: { address, _ in askTracking(address, dossier.trackingNumber ?? "") }))
            } else {
                askTracking(nil, dossier.trackingNumber ?? "")
            }
        case .dossierReturn, .dossierDeliverHome:
            // The register records who took the result; the applicant's name is offered, so
            // Enter confirms the usual case and Esc changes nothing.
            host.push(PromptScreen(
                title: en ? "\(target.label.en) — \(dossier.code)" : "\(target.label.vi) — hồ sơ \(dossier.code)",
                label: en ? "Result received by (full name):" : "Người nhận kết quả (họ tên):",
                text: dossier.applicantName, under: screen, validate: required,
                onAccept: { name, host in
                    // Someone else collecting at the desk shows their own CCCD, which is recorded.
                    guard step == .return, !DossierRules.isApplicant(name, of: dossier) else { return try change(receiver: name) }
                    host.push(PromptScreen(
                        title: en ? "Received by \(name) — \(dossier.code)" : "\(name) nhận thay — hồ sơ \(dossier.code)",
                        label: en ? "Receiver's ID number (not the applicant):" : "Số CCCD của người nhận (không phải người nộp):",
                        under: screen, asciiOnly: true, maxLength: 16,
                        validate: { $0.isEmpty ? (en ? "The receiver's ID number is required" : "Cần nhập số CCCD của người nhận") : nil },
                        onAccept: { id, _ in try change(receiver: name, receiverID: id) }))
                }))
        case .dossierSend:
            host.push(PromptScreen(
                title: en ? "Send for processing — \(dossier.code)" : "Chuyển xử lý hồ sơ \(dossier.code)",
                label: en ? "To (department or officer):" : "Chuyển đến (phòng, bộ phận hoặc cán bộ):",
                text: dossier.sentTo ?? "", under: screen, maxLength: 120,
                validate: { $0.isEmpty ? (en ? "Say where it goes" : "Cần ghi nơi chuyển đến") : nil },
                onAccept: { to, _ in try change(sentTo: to) }))
        case .dossierPostDelivered:
            host.confirm(YesNoQuestion(
                title: en ? "Delivered by post" : "Bưu điện đã phát",
                message: en ? "The post delivered the result of \(dossier.code) to \(dossier.applicantName)?"
                            : "Bưu điện đã phát kết quả hồ sơ \(dossier.code) cho \(dossier.applicantName)?",
                defaultYes: true, under: screen, onYes: { _ in report { try change() } }))
        case .dossierPostReturned:
            host.confirm(YesNoQuestion(
                title: en ? "Returned by the post" : "Bưu điện trả lại",
                message: en ? "The post brought back the result of \(dossier.code)? It is ready at the desk again; phone the citizen."
                            : "Bưu điện trả lại kết quả hồ sơ \(dossier.code)? Hồ sơ trở lại 'có kết quả' tại quầy; cần gọi điện cho công dân.",
                defaultYes: false, under: screen, onYes: { _ in report { try change() } }))
        case .dossierApologize:
            apologize(dossier, from: screen, host: host, session: session, changed: changed)
        case .dossierReady:
            // There is no undo for "ready" yet: ask, with yes as the usual answer.
            host.confirm(YesNoQuestion(
                title: en ? "Result ready" : "Đã có kết quả",
                message: en ? "Dossier \(dossier.code) of \(dossier.applicantName): the result is ready?"
                            : "Hồ sơ \(dossier.code) của \(dossier.applicantName) đã có kết quả?",
                defaultYes: true, under: screen, onYes: { _ in report { try change() } }))
        default:
            report { try change() }
        }
        return true
    }

    /// `dossier.print`: the forms that make sense for the dossier, then the preview.
    static func print(code: String?, from screen: Screen, host: ScreenHost, session: DeskSession) -> Bool {
        let en = host.language == .en
        guard let code else {
            host.say(en ? "No dossier selected" : "Chưa chọn hồ sơ nào", warning: true)
            return true
        }
        do {
            guard let d = try session.db.dossier(code: code) else {
                host.say(en ? "Dossier \(code) not found" : "Không tìm thấy hồ sơ \(code)", warning: true)
                return true
            }
            let forms = SlipPrinting.forms(for: d, events: try session.db.events(entity: "dossier", key: d.code))
            host.push(SlipFormChoiceScreen(code: d.code, forms: forms, session: session, under: screen))
        } catch {
            host.report(error)
        }
        return true
    }

    /// `dossier.apologize` (form 04): for a dossier in progress that is due or overdue, the new
    /// date (checked by `DossierRules.checkNewDueDate`) and the reason, a confirmation, then the
    /// apology; form 04 is offered at once.
    static func apologize(_ dossier: Dossier, from screen: Screen, host: ScreenHost, session: DeskSession,
                          changed: @escaping () -> Void) {
        let en = host.language == .en
        do { try DossierRules.checkApologyDue(dossier, today: session.today, calendar: session.calendar) } catch {
            host.report(error)
            return
        }
        let today = session.today
        let calendar = session.calendar
        func newDate(_ text: String) throws -> LocalDate {
            guard let d = DateInput.parse(text, today: today) else {
                let label = Localized(vi: "Ngày hẹn trả mới", en: "New due date")
                if text.isEmpty {
                    throw FieldError(field: "new_due", label: label,
                                     problem: Localized(vi: "cần ghi ngày, dạng dd/mm hoặc dd/mm/yyyy", en: "a date is required, dd/mm or dd/mm/yyyy"))
                }
                throw FieldError(field: "new_due", label: label,
                                 problem: Localized(vi: "'\(text)' không phải ngày có thật; ghi dd/mm hoặc dd/mm/yyyy, ví dụ 04/12",
                                                    en: "'\(text)' is not a real date; write dd/mm or dd/mm/yyyy, e.g. 04/12"))
            }
            return try DossierRules.checkNewDueDate(d, for: dossier, today: today, calendar: calendar)
        }
        host.push(PromptScreen(
            title: en ? "Apology and new date — \(dossier.code) (due \(dossier.dueDate.vietnamese))"
                      : "Xin lỗi, hẹn lại — hồ sơ \(dossier.code) (hẹn \(dossier.dueDate.vietnamese))",
            label: en ? "New due date (dd/mm or dd/mm/yyyy):" : "Ngày hẹn trả mới (dd/mm hoặc dd/mm/yyyy):",
            under: screen, asciiOnly: true, maxLength: 10,
            validate: { text in
                do { _ = try newDate(text); return nil } catch { return ErrorText.message(for: error, language: host.language) }
            },
            onAccept: { text, host in
                let date = try newDate(text)
                host.push(PromptScreen(
                    title: en ? "Apology — \(dossier.code), new date \(date.vietnamese)" : "Xin lỗi — hồ sơ \(dossier.code), hẹn lại \(date.vietnamese)",
                    label: en ? "Reason for the delay:" : "Lý do chậm trễ:", under: screen,
                    validate: { $0.isEmpty ? (en ? "A reason is required" : "Cần nhập lý do") : nil },
                    onAccept: { reason, host in
                        host.confirm(YesNoQuestion(
                            title: en ? "Apology and new date" : "Xin lỗi, hẹn lại",
                            message: en ? "Move the due date of \(dossier.code) from \(dossier.dueDate.vietnamese) to \(date.vietnamese)? Reason: \(reason). It stays counted as late."
                                        : "Hẹn lại hồ sơ \(dossier.code) từ ngày \(dossier.dueDate.vietnamese) sang ngày \(date.vietnamese)? Lý do: \(reason). Hồ sơ vẫn tính là trễ hạn.",
                            defaultYes: true, under: screen,
                            onYes: { host in
                                let result: DossierActionResult
                                do {
                                    result = try session.act(DossierActionRequest(code: dossier.code, kind: .apologize,
                                                                                  reason: reason, newDueDate: date))
                                } catch {
                                    host.report(error)
                                    return
                                }
                                changed()
                                let said = successMessage(result.dossier, step: .apologize, target: result.dossier.status,
                                                          reason: reason, tracking: nil, host: host)
                                // Form 04 at once: Enter prints it, Esc leaves it for later (C-p).
                                do {
                                    host.push(SlipPreviewScreen(draft: try SlipPrinting.draft(.apology, code: dossier.code, session: session),
                                                                session: session))
                                    host.say(said)
                                } catch {
                                    // The apology is saved; only the slip could not be made.
                                    host.say(said + ". " + session.message(for: error), warning: true)
                                }
                            }))
                    }))
            }))
    }

    /// The step that follows "ready" for the dossier's delivery, and its key in the keymap.
    static func nextStepHint(_ d: Dossier, host: ScreenHost) -> String? {
        let en = host.language == .en
        let (action, vi, enText): (Action, String, String) = switch d.delivery {
        case .desk: (.dossierReturn, "để trả tại quầy", "returns it at the desk")
        case .post: (.dossierPost, "để gửi qua bưu chính", "sends it by post")
        case .home: (.dossierDeliverHome, "khi đã trả tại nhà", "when delivered at home")
        }
        guard let key = host.keyName(for: action, in: .dossiers) else { return nil }
        return en ? "\(key) \(enText)" : "\(key) \(vi)"
    }

    static func successMessage(_ d: Dossier, step: DossierActionKind? = nil, target: DossierStatus, reason: String?, tracking: String?,
                               host: ScreenHost) -> String {
        let language = host.language
        let en = language == .en
        switch step {
        case .send?:
            return en ? "Dossier \(d.code): sent to \(d.sentTo ?? "")" : "Hồ sơ \(d.code): đã chuyển đến \(d.sentTo ?? "")"
        case .postDelivered?:
            return en ? "Dossier \(d.code): delivered by post" : "Hồ sơ \(d.code): bưu điện đã phát kết quả"
        case .postReturned?:
            return en ? "Dossier \(d.code): returned by the post, ready at the desk — phone \(d.applicantName)"
                      : "Hồ sơ \(d.code): bưu điện trả lại, kết quả ở quầy — gọi điện cho \(d.applicantName)"
        case .apologize?:
            return en ? "Dossier \(d.code): apology recorded, new due date \(d.dueDate.vietnamese) (still counted late)"
                      : "Hồ sơ \(d.code): đã xin lỗi, hẹn lại ngày \(d.dueDate.vietnamese) (vẫn tính là trễ hạn)"
        default:
            break
        }
        switch target {
        case .ready:
            let next = nextStepHint(d, host: host).map { " — \($0)" } ?? ""
            return en ? "Dossier \(d.code): result ready\(next)" : "Hồ sơ \(d.code): đã có kết quả\(next)"
        case .returned:
            let who = d.resultReceiver ?? d.applicantName
            return en ? "Dossier \(d.code): result returned at the desk to \(who)"
                      : "Hồ sơ \(d.code): đã trả kết quả tại quầy cho \(who)"
        case .needsSupplement:
            let missing = d.missingItems.joined(separator: "; ")
            return en ? "Dossier \(d.code): supplement requested (\(missing))"
                      : "Hồ sơ \(d.code): đã yêu cầu bổ sung (\(missing))"
        case .processing:
            return en ? "Dossier \(d.code): processing resumed" : "Hồ sơ \(d.code): đã bổ sung, tiếp tục giải quyết"
        case .withdrawn:
            return en ? "Dossier \(d.code): withdrawn (\(reason ?? ""))" : "Hồ sơ \(d.code): đã rút (\(reason ?? ""))"
        case .rejected:
            return en ? "Dossier \(d.code): rejected (\(reason ?? ""))" : "Hồ sơ \(d.code): đã từ chối (\(reason ?? ""))"
        case .posted:
            return en ? "Dossier \(d.code): sent by post, tracking number \(tracking ?? "")"
                      : "Hồ sơ \(d.code): đã gửi bưu chính, mã vận đơn \(tracking ?? "")"
        case .deliveredHome:
            return en ? "Dossier \(d.code): result delivered at home" : "Hồ sơ \(d.code): đã trả kết quả tại nhà"
        default:
            return en ? "Dossier \(d.code): \(target.label.en)" : "Hồ sơ \(d.code): \(target.label.vi)"
        }
    }
}
