import MotCuaCore
import MotCuaStore

/// The clerk's steps on one appointment (check in, reschedule, cancel, no-show), checked by the
/// model first (`AppointmentRules.precheck`) so nothing is asked for a step it will refuse.
enum AppointmentActions {
    static func perform(_ action: Action, on selected: Appointment?, from screen: AppointmentsScreen, session: DeskSession,
                        host: ScreenHost, changed: @escaping () -> Void) {
        let en = host.language == .en
        guard let a = selected, let id = a.id else {
            let find = host.keyName(for: .searchStart, in: .appointments).map { en ? " — \($0) finds one by name or phone" : " — \($0) để tìm theo tên hoặc điện thoại" } ?? ""
            host.say((en ? "No appointment selected" : "Chưa chọn lịch hẹn nào") + find, warning: true)
            return
        }
        let kind: AppointmentActionKind
        switch action {
        case .appointmentCheckIn: kind = .checkIn
        case .appointmentReschedule: kind = .reschedule
        case .appointmentCancel: kind = .cancel
        case .appointmentNoShow: kind = .noShow
        default: return
        }
        if kind == .checkIn, a.kind == .home, a.status == .booked {
            // The model's refusal names a "served" step; at the desk that step is the dossier's
            // "delivered at home", which closes this appointment with it.
            let key = host.keyName(for: .dossierDeliverHome, in: .dossiers) ?? "M-h"
            let code = a.dossierCode ?? "?"
            host.say(en ? "\(a.reference) is a home delivery: nobody comes to the desk. Once delivered, record dossier \(code) delivered at home (\(key) in the register): that closes this appointment"
                        : "\(a.reference) là hẹn trả tại nhà, không đến quầy. Giao xong thì ghi hồ sơ \(code) đã trả tại nhà (\(key) ở sổ hồ sơ): lịch hẹn này đóng theo",
                     warning: true)
            return
        }
        do {
            try AppointmentRules.precheck(kind, a, today: session.today)
            if kind == .noShow { try AppointmentRules.checkNoShow(a, now: session.now, settings: try session.profile().appointments) }
        } catch {
            host.report(error)
            return
        }
        let who = "\(a.reference) \(TimeOfDay.hhmm(a.startMinute)) \(a.applicantName)"
        switch kind {
        case .checkIn:
            // Too late: the citizen is queued as a walk-in; the clerk is told before anything is written.
            if let late = lateNote(a, session: session, language: host.language) {
                host.confirm(YesNoQuestion(
                    title: en ? "Check in" : "Đã đến",
                    message: (en ? "\(who) has come? " : "\(who) đã đến? ") + late,
                    defaultYes: true, under: screen,
                    onYes: { host in
                        do {
                            try checkIn(id, host: host, session: session)
                            changed()
                        } catch { host.report(error) }
                    }))
                return
            }
            do {
                try checkIn(id, host: host, session: session)
                changed()
            } catch { host.report(error) }
        case .reschedule:
            do { host.push(try RescheduleScreen(session: session, appointment: a, onDone: changed)) } catch { host.report(error) }
        case .cancel:
            host.push(PromptScreen(
                title: en ? "Cancel \(who)" : "Huỷ hẹn \(who)",
                label: en ? "Reason for cancelling:" : "Lý do huỷ hẹn:", under: screen,
                validate: { $0.isEmpty ? (en ? "Reason: a reason is required to cancel" : "Lý do: bắt buộc nhập lý do huỷ hẹn") : nil },
                onAccept: { reason, host in
                    host.confirm(YesNoQuestion(
                        title: en ? "Cancel the appointment?" : "Huỷ lịch hẹn?",
                        message: en ? "Cancel \(who) (\(a.day.iso))? Reason: \(reason)."
                                    : "Huỷ lịch hẹn \(who) ngày \(a.day.vietnamese)? Lý do: \(reason).",
                        defaultYes: true, under: screen,
                        onYes: { host in
                            do {
                                let r = try session.actOnAppointment(AppointmentActionRequest(id: id, kind: .cancel, reason: reason))
                                changed()
                                host.say(en ? "Appointment \(a.reference) cancelled" : "Đã huỷ lịch hẹn \(a.reference)")
                                if let offer = r.offer {
                                    showOffer(offer, message: r.message, session: session, host: host, onBooked: { _ in changed() })
                                }
                            } catch { host.report(error) }
                        }))
                }))
        case .noShow:
            host.confirm(YesNoQuestion(
                title: en ? "No-show" : "Không đến",
                message: en ? "\(who) did not come? The appointment will be closed." : "\(who) không đến? Lịch hẹn sẽ đóng.",
                defaultYes: true, under: screen,
                onYes: { host in
                    do {
                        _ = try session.actOnAppointment(AppointmentActionRequest(id: id, kind: .noShow))
                        changed()
                        host.say(en ? "Appointment \(a.reference): no-show" : "Lịch hẹn \(a.reference): không đến")
                    } catch { host.report(error) }
                }))
        case .serve:
            break
        }
    }

    /// "Late by N minutes: queued as a walk-in" when checking `a` in now would do so (the model's
    /// decision, read before writing), nil otherwise.
    static func lateNote(_ a: Appointment, session: DeskSession, language: Language) -> String? {
        guard let settings = try? session.profile().appointments else { return nil }
        let decision = AppointmentRules.checkIn(a, now: session.now, settings: settings)
        guard decision.asWalkIn else { return nil }
        return language == .en ? "\(decision.lateMinutes) minutes late: will be queued as a walk-in (A ticket)."
                               : "Đến muộn \(decision.lateMinutes) phút: sẽ cấp số như khách vãng lai."
    }

    /// Checks in and says the ticket given (and, when too late, that it is a walk-in's).
    static func checkIn(_ id: Int64, host: ScreenHost, session: DeskSession) throws {
        let en = host.language == .en
        let r = try session.actOnAppointment(AppointmentActionRequest(id: id, kind: .checkIn))
        let code = r.ticket?.code ?? r.appointment.ticketCode ?? "?"
        let base = en ? "\(r.appointment.applicantName) checked in: ticket \(code)" : "\(r.appointment.applicantName) đã đến: cấp số \(code)"
        if let late = r.message {
            host.say(base + " — " + late.text(host.language), warning: true)
        } else {
            host.say(base)
        }
    }

    /// A place freed (a cancel, a reschedule, a removal from the waitlist): the person to phone,
    /// prominently; F2 there opens the booking form filled for them.
    static func showOffer(_ offer: WaitlistEntry, message: Localized?, session: DeskSession, host: ScreenHost,
                          done: String? = nil, onBooked: @escaping (LocalDate) -> Void = { _ in }) {
        let en = host.language == .en
        let place = offer.offeredMinute.map(TimeOfDay.hhmm) ?? TimeOfDay.hhmm(offer.wantedMinute)
        // What the clerk just did comes first, so the offer page does not hide it.
        var lines = done.map { [$0, ""] } ?? []
        lines += ["! " + (en ? "PHONE: \(offer.applicantName) — \(offer.phone)" : "GỌI ĐIỆN: \(offer.applicantName) — \(offer.phone)"),
                     "",
                     en ? "A place is free at \(place) on \(offer.day.iso) (\(offer.kind.label.en))."
                        : "Có chỗ trống lúc \(place) ngày \(offer.day.vietnamese) (\(offer.kind.label.vi)).",
                     en ? "They were first on the waitlist (\(offer.reference)); book them with F2 once they agree."
                        : "Người này đứng đầu danh sách chờ (\(offer.reference)); đồng ý thì đặt hẹn bằng F2."]
        if let message { lines += ["", message.text(host.language)] }
        host.push(WaitlistScreen(session: session, offer: offer, lines: lines, onBooked: onBooked))
        host.say(message?.text(host.language) ?? lines.first { $0.hasPrefix("! ") } ?? "", warning: true)
    }

    /// `/`: today's appointment found by name, phone or CCCD; one match is checked in after a
    /// yes, several are shown in the list to choose from.
    static func findAndCheckIn(from screen: AppointmentsScreen, session: DeskSession, host: ScreenHost, changed: @escaping () -> Void) {
        let en = host.language == .en
        host.push(PromptScreen(
            title: en ? "Check in by name or phone" : "Ghi nhận đã đến theo tên hoặc điện thoại",
            label: en ? "Name, phone or ID of today's appointment:" : "Tên, điện thoại hoặc CCCD (lịch hẹn hôm nay):", under: screen,
            validate: { $0.isEmpty ? (en ? "Type a name, a phone number or an ID" : "Cần gõ tên, số điện thoại hoặc CCCD") : nil },
            asksBeforeDiscard: false,
            onAccept: { text, host in
                let found = try session.db.findAppointments(text, day: session.today).filter { $0.status == .booked && $0.kind != .home }
                guard let first = found.first, let id = first.id else {
                    throw FieldError(field: "search", label: Localized(vi: "Tìm", en: "Find"),
                                     problem: Localized(vi: "không có lịch hẹn hôm nay (chưa đến) khớp '\(text)'",
                                                        en: "no appointment of today (not yet checked in) matches '\(text)'"))
                }
                screen.go(to: session.today)
                if let i = screen.loaded?.appointments.firstIndex(where: { $0.id == id }) { screen.list.select(i) }
                guard found.count == 1 else {
                    let names = found.prefix(4).map { "\($0.reference) \(TimeOfDay.hhmm($0.startMinute)) \($0.applicantName)" }.joined(separator: ", ")
                    let key = host.keyName(for: .appointmentCheckIn, in: .appointments) ?? "F5"
                    host.say(en ? "\(found.count) match: \(names) — select one, then \(key)"
                                : "\(found.count) lịch hẹn khớp: \(names) — chọn rồi nhấn \(key)")
                    return
                }
                host.confirm(YesNoQuestion(
                    title: en ? "Check in" : "Đã đến",
                    message: (en ? "\(first.reference) \(TimeOfDay.hhmm(first.startMinute)) \(first.applicantName) (\(first.kind.label.en)) has come?"
                                 : "\(first.reference) \(TimeOfDay.hhmm(first.startMinute)) \(first.applicantName) (\(first.kind.label.vi.lowercased())) đã đến?")
                        + (lateNote(first, session: session, language: host.language).map { " " + $0 } ?? ""),
                    defaultYes: true, under: screen,
                    onYes: { host in
                        do {
                            try checkIn(id, host: host, session: session)
                            changed()
                        } catch { host.report(error) }
                    }))
            }))
    }
}
