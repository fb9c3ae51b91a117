import MotCuaCore
import MotCuaStore

/// The dossier actions of the register and the detail screen, carried out the same way on both:
/// the model checks the move first (so a reason is not asked for a move it will refuse), small
/// dialogs ask what the step needs, and `session.changeDossier` makes the change (one store
/// transaction with its audit event).
enum DossierActions {
    /// The key bar of the dossier screens. Quit comes before the Alt keys so that it stays on an
    /// 80-column bar; all of them are in help (F1).
    static let barActions: [Action] = [.help, .dossierReady, .dossierReturn, .dossierSupplement, .dossierReject, .quit,
                                       .dossierPost, .dossierDeliverHome]

    /// The step each action takes.
    static let steps: [Action: DossierActionKind] = [
        .dossierReady: .ready, .dossierReturn: .return, .dossierSupplement: .supplement,
        .dossierReject: .reject, .dossierPost: .post, .dossierDeliverHome: .deliverHome,
    ]

    /// Carries out `action` on the dossier `code` (nil: nothing selected). Returns false when
    /// `action` is not a dossier action. `changed` runs after a successful change.
    static func perform(_ action: Action, code: String?, from screen: Screen, app: DeskApp, session: DeskSession,
                        changed: @escaping () -> Void) -> Bool {
        guard let step = steps[action] else { return false }
        let target = step.target
        let en = app.language == .en
        guard let code else {
            app.say(en ? "No dossier selected" : "Chưa chọn hồ sơ nào", warning: true)
            return true
        }
        // Fresh from the store: another counter may have moved it since the list was read.
        let dossier: Dossier
        do {
            guard let d = try session.db.dossier(code: code) else {
                app.say(en ? "Dossier \(code) not found" : "Không tìm thấy hồ sơ \(code)", warning: true)
                return true
            }
            dossier = d
            try d.status.check(to: target, dossier: d.code)
        } catch {
            app.report(error)
            return true
        }

        func change(reason: String? = nil, tracking: String? = nil, receiver: String? = nil, address: String? = nil) {
            do {
                let result = try session.act(DossierActionRequest(code: dossier.code, kind: step, receiverName: receiver,
                                                                  address: address, trackingNumber: tracking,
                                                                  missing: reason.map { [$0] } ?? [], reason: reason))
                let d = result.dossier
                app.say(successMessage(d, target: target, reason: reason, tracking: d.trackingNumber, language: app.language))
                changed()
            } catch {
                app.report(error)
            }
        }
        let required: (String) -> String? = { text in
            text.isEmpty ? (en ? "A reason is required" : "Cần nhập lý do") : nil
        }

        switch action {
        case .dossierSupplement:
            app.push(PromptScreen(
                title: en ? "Request a supplement — \(dossier.code)" : "Yêu cầu bổ sung hồ sơ \(dossier.code)",
                label: en ? "What is missing (reason):" : "Cần bổ sung gì (lý do):", under: screen, validate: required,
                onAccept: { reason, _ in change(reason: reason) }))
        case .dossierReject:
            app.push(PromptScreen(
                title: en ? "Reject — \(dossier.code)" : "Từ chối hồ sơ \(dossier.code)",
                label: en ? "Reason for the rejection:" : "Lý do từ chối:", under: screen, validate: required,
                onAccept: { reason, app in
                    app.push(ConfirmScreen(
                        title: en ? "Reject the dossier?" : "Từ chối hồ sơ?",
                        message: en ? "Reject dossier \(dossier.code) of \(dossier.applicantName)? Reason: \(reason). This cannot be undone."
                                    : "Từ chối hồ sơ \(dossier.code) của \(dossier.applicantName)? Lý do: \(reason). Không thể hoàn tác.",
                        under: screen, defaultYes: false,
                        onYes: { _ in change(reason: reason) }))
                }))
        case .dossierPost:
            // The address the post takes it to: the dossier's delivery address, else the
            // applicant's; asked for when neither is on file.
            let known = dossier.deliveryAddress
                ?? (try? dossier.applicantId.flatMap { try session.db.applicant(id: $0) })??.address
            let askTracking: (String?) -> Void = { address in
                app.push(PromptScreen(
                    title: en ? "Send by post — \(dossier.code)" : "Gửi bưu chính hồ sơ \(dossier.code)",
                    label: en ? "Tracking number (e.g. EC136431858VN):" : "Mã vận đơn (ví dụ EC136431858VN):",
                    text: dossier.trackingNumber ?? "", under: screen, asciiOnly: true, maxLength: 40,
                    validate: { $0.isEmpty ? (en ? "The tracking number is required" : "Cần nhập mã vận đơn") : nil },
                    onAccept: { raw, app in
                        if let warning = TrackingNumber.warning(for: TrackingNumber.check(raw)) {
                            let tracking = TrackingNumber.normalize(raw)
                            app.push(ConfirmScreen(
                                title: en ? "Check the tracking number" : "Kiểm tra mã vận đơn",
                                message: warning.text(app.language) + (en ? ". Save \(tracking) anyway?" : ". Vẫn lưu \(tracking)?"),
                                under: screen, defaultYes: false,
                                onYes: { _ in change(tracking: raw, address: address) },
                                onNo: { app in app.say(warning.text(app.language), warning: true) }))
                        } else {
                            change(tracking: raw, address: address)
                        }
                    }))
            }
            if known == nil {
                app.push(PromptScreen(
                    title: en ? "Send by post — \(dossier.code)" : "Gửi bưu chính hồ sơ \(dossier.code)",
                    label: en ? "Postal address (none on file):" : "Địa chỉ gửi (chưa có trong hồ sơ):", under: screen,
                    validate: { $0.isEmpty ? (en ? "The address is required" : "Cần nhập địa chỉ gửi") : nil },
                    onAccept: { address, _ in askTracking(address) }))
            } else {
                askTracking(nil)
            }
        case .dossierReturn, .dossierDeliverHome:
            // The register records who took the result; the applicant's name is offered, so
            // Enter confirms the usual case and Esc changes nothing.
            app.push(PromptScreen(
                title: en ? "\(target.label.en) — \(dossier.code)" : "\(target.label.vi) — hồ sơ \(dossier.code)",
                label: en ? "Result received by (full name):" : "Người nhận kết quả (họ tên):",
                text: dossier.applicantName, under: screen, validate: required,
                onAccept: { name, _ in change(receiver: name) }))
        default:
            change()
        }
        return true
    }

    static func successMessage(_ d: Dossier, target: DossierStatus, reason: String?, tracking: String?,
                               language: Language) -> String {
        let en = language == .en
        switch target {
        case .ready:
            return en ? "Dossier \(d.code): result ready — F6 returns it at the desk"
                      : "Hồ sơ \(d.code): đã có kết quả — F6 để trả tại quầy"
        case .returned:
            return en ? "Dossier \(d.code): result returned at the desk to \(d.applicantName)"
                      : "Hồ sơ \(d.code): đã trả kết quả tại quầy cho \(d.applicantName)"
        case .needsSupplement:
            return en ? "Dossier \(d.code): supplement requested (\(reason ?? ""))"
                      : "Hồ sơ \(d.code): đã yêu cầu bổ sung (\(reason ?? ""))"
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
